// Population stability: how far a batch's distribution over fixed bins moved from a reference's.
// PSI = Σ (a − e) · ln(a / e) over the bins, a and e the actual and expected shares. An empty bin
// would make its term infinite, so every bin's count gets PSI_SMOOTHING (0.5) added on both sides
// before the counts become shares: the expected counts are share · expectedRows, the actual counts
// as given, and each side is then divided by its own smoothed total (rows + 0.5 · bins).

import { upperBound } from '../bundle/reference';

/** Added to every bin's count on both sides before shares are taken, so no share is 0 and no term infinite. */
export const PSI_SMOOTHING = 0.5;

/** PSI at or above which a distribution is worth watching (0.1 itself reads 'watch'). */
export const PSI_WATCH = 0.1;

/** PSI above which a distribution has shifted (0.25 itself still reads 'watch'). */
export const PSI_SHIFTED = 0.25;

/** What a PSI means in the usual credit-risk reading: below 0.1 stable, 0.1 to 0.25 watch, above 0.25 shifted. */
export type DriftReading = 'stable' | 'watch' | 'shifted';

/** One bin's smoothed shares and its term of the PSI. */
export interface PsiBin {
  readonly expectedShare: number;
  readonly actualShare: number;
  /** (actualShare − expectedShare) · ln(actualShare / expectedShare): never negative. */
  readonly contribution: number;
}

/** The population stability index of a batch against a reference, with each bin's part. */
export interface PsiResult {
  readonly psi: number;
  readonly reading: DriftReading;
  readonly bins: readonly PsiBin[];
}

/** The reading of a PSI: < 0.1 stable, 0.1 ≤ psi ≤ 0.25 watch, > 0.25 shifted. */
export function driftReading(psi: number): DriftReading {
  if (psi < PSI_WATCH) return 'stable';
  return psi <= PSI_SHIFTED ? 'watch' : 'shifted';
}

/**
 * The PSI of `actualCounts` (rows of the batch per bin) against a reference whose bins held
 * `expectedShares` of its `expectedRows` rows, both smoothed by PSI_SMOOTHING per bin. Throws on
 * bins of different numbers or counts that are negative or not finite (a caller's mistake).
 */
export function populationStability(expectedShares: readonly number[], expectedRows: number, actualCounts: readonly number[]): PsiResult {
  const k = expectedShares.length;
  if (actualCounts.length !== k) throw new RangeError(`PSI needs as many actual counts as expected shares: ${actualCounts.length} against ${k}.`);
  if (k === 0) throw new RangeError('PSI needs at least one bin.');
  if (!(expectedRows >= 0 && Number.isFinite(expectedRows))) throw new RangeError(`The reference's rows must be a finite count, got ${expectedRows}.`);
  const expectedCounts = expectedShares.map((share) => share * expectedRows + PSI_SMOOTHING);
  const actual = actualCounts.map((count) => count + PSI_SMOOTHING);
  for (let b = 0; b < k; b++)
    if (!(expectedCounts[b] > 0 && actual[b] > 0 && Number.isFinite(expectedCounts[b] + actual[b])))
      throw new RangeError(`PSI bin ${b} has a negative or non-finite count (share ${expectedShares[b]}, count ${actualCounts[b]}).`);
  const expectedTotal = sum(expectedCounts);
  const actualTotal = sum(actual);
  let psi = 0;
  const bins = expectedCounts.map((count, b): PsiBin => {
    const expectedShare = count / expectedTotal;
    const actualShare = actual[b] / actualTotal;
    const contribution = (actualShare - expectedShare) * Math.log(actualShare / expectedShare);
    psi += contribution;
    return { expectedShare, actualShare, contribution };
  });
  return { psi, reading: driftReading(psi), bins };
}

/** Equal-frequency bins of a reference set of scores: `edges` ascending and distinct, `shares[b]` of `rows` in bin b. */
export interface ScoreBins {
  /** Bin b is [edges[b − 1], edges[b]): a score equal to an edge belongs to the bin above it. */
  readonly edges: readonly number[];
  /** edges.length + 1 shares, each an exact count of reference scores divided by rows. */
  readonly shares: readonly number[];
  readonly rows: number;
}

/**
 * Equal-frequency bins of reference scores (probabilities of bad): the edges are the quantiles
 * t / bins (t = 1 … bins − 1) as numpy's default 'linear' method computes them, with equal
 * quantiles merged, so a run of tied scores falls whole into one bin and fewer than `bins` bins
 * come out. Throws on no scores, a NaN score or a bin count below 1.
 */
export function scoreBins(probabilities: ArrayLike<number>, bins = 10): ScoreBins {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`The number of score bins must be a positive integer, got ${bins}.`);
  const rows = probabilities.length;
  if (rows === 0) throw new RangeError('Score bins need at least one reference score.');
  const sorted = Float64Array.from(probabilities).sort();
  // Float64Array's sort puts NaN last.
  if (Number.isNaN(sorted[rows - 1])) throw new RangeError('A reference score is NaN.');
  const edges: number[] = [];
  for (let t = 1; t < bins; t++) {
    const edge = linearQuantile(sorted, t / bins);
    if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
  }
  const counts = binCounts(edges, sorted);
  return { edges, shares: counts.map((count) => count / rows), rows };
}

/** The PSI of a batch's scores against reference score bins, each score binned by the reference's edges (≥ an edge goes up). Throws on a NaN score. */
export function scoreDrift(reference: ScoreBins, actualProbabilities: ArrayLike<number>): PsiResult {
  return populationStability(reference.shares, reference.rows, binCounts(reference.edges, actualProbabilities));
}

/** How many of `scores` fall in each bin [edges[b − 1], edges[b]). */
function binCounts(edges: readonly number[], scores: ArrayLike<number>): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i];
    if (Number.isNaN(score)) throw new RangeError(`Score ${i} is NaN.`);
    counts[upperBound(edges, score)]++;
  }
  return counts;
}

/**
 * numpy's default quantile of ascending `sorted` at q: linear between the order statistics around
 * q · (n − 1), interpolated as numpy 1.24's _lerp does (from the upper one when the fraction is
 * ≥ 0.5), so the edges are the very doubles numpy gives and a score on an edge bins alike.
 */
function linearQuantile(sorted: Float64Array, q: number): number {
  const position = q * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.min(sorted.length - 1, low + 1);
  const fraction = position - low;
  const a = sorted[low];
  const gap = sorted[high] - a;
  return fraction >= 0.5 ? sorted[high] - gap * (1 - fraction) : a + gap * fraction;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
