import { assertSameLength } from './rank';

// Probability-quality metrics. Probabilities must lie in [0, 1]: anything else (or NaN) is a bug
// upstream and throws, rather than being clamped into an end bin where it would look plausible.

/** One equal-width probability bin of a reliability diagram; only non-empty bins are reported. */
export interface CalibrationBin {
  /** Index of the bin, 0 … bins − 1; gaps in the sequence are empty bins. */
  readonly bin: number;
  /** Bin edges: [lower, upper), the last bin closed at 1. */
  readonly lower: number;
  readonly upper: number;
  /** Mean predicted probability of the rows in the bin, in [lower, upper]. */
  readonly meanPredicted: number;
  /** Share of the bin's rows whose label is 1, in [0, 1]. */
  readonly observedRate: number;
  /** Rows in the bin (≥ 1). */
  readonly count: number;
  /** Rows in the bin with label 1. */
  readonly positives: number;
}

/** Class counts in one equal-width probability bin of a score histogram. */
export interface ScoreBin {
  readonly bin: number;
  /** Bin edges: [lower, upper), the last bin closed at 1. */
  readonly lower: number;
  readonly upper: number;
  /** Rows with label 1 whose probability falls in the bin. */
  readonly positives: number;
  /** Rows with any other label whose probability falls in the bin. */
  readonly negatives: number;
}

function assertProbability(p: number, row: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`Probability of row ${row} is ${p}, outside [0, 1].`);
}

function assertBins(bins: number): void {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`The number of bins must be a positive integer, got ${bins}.`);
}

/** Index of the bin [k/bins, (k+1)/bins) holding p, the last bin closed; exact at the printed edges. */
export function probabilityBin(p: number, bins: number): number {
  let k = Math.min(bins - 1, Math.floor(p * bins));
  // p·bins can round across an edge (e.g. 0.29 · 100 = 28.999…96): compare with the edges as computed.
  if (k > 0 && p < k / bins) k--;
  else if (k < bins - 1 && p >= (k + 1) / bins) k++;
  return k;
}

/** Brier score in [0, 1]: mean squared difference between probability and 0/1 label (lower is better); NaN for no rows. */
export function computeBrier(labels: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  assertSameLength(labels, probabilities);
  if (labels.length === 0) return Number.NaN;
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = probabilities[i];
    assertProbability(p, i);
    const d = p - (labels[i] === 1 ? 1 : 0);
    total += d * d;
  }
  return total / labels.length;
}

/**
 * Reliability diagram: rows grouped into `bins` equal-width probability bins [0, 1/bins), …,
 * [(bins−1)/bins, 1]; for each non-empty bin the mean predicted probability and observed positive
 * rate. Empty bins are omitted (not reported with NaN) so rates can be plotted and averaged safely.
 */
export function computeCalibration(labels: ArrayLike<number>, probabilities: ArrayLike<number>, bins = 10): CalibrationBin[] {
  assertSameLength(labels, probabilities);
  assertBins(bins);
  const counts = new Float64Array(bins);
  const positives = new Float64Array(bins);
  const sums = new Float64Array(bins);
  for (let i = 0; i < labels.length; i++) {
    const p = probabilities[i];
    assertProbability(p, i);
    const k = probabilityBin(p, bins);
    counts[k]++;
    sums[k] += p;
    if (labels[i] === 1) positives[k]++;
  }
  const result: CalibrationBin[] = [];
  for (let k = 0; k < bins; k++) {
    if (counts[k] === 0) continue;
    result.push({
      bin: k,
      lower: k / bins,
      upper: (k + 1) / bins,
      meanPredicted: sums[k] / counts[k],
      observedRate: positives[k] / counts[k],
      count: counts[k],
      positives: positives[k],
    });
  }
  return result;
}

/** Histogram of probabilities by class: all `bins` equal-width bins over [0, 1], empty ones with zero counts. */
export function computeScoreDistribution(labels: ArrayLike<number>, probabilities: ArrayLike<number>, bins = 20): ScoreBin[] {
  assertSameLength(labels, probabilities);
  assertBins(bins);
  const positives = new Int32Array(bins);
  const negatives = new Int32Array(bins);
  for (let i = 0; i < labels.length; i++) {
    const p = probabilities[i];
    assertProbability(p, i);
    const k = probabilityBin(p, bins);
    if (labels[i] === 1) positives[k]++;
    else negatives[k]++;
  }
  return Array.from({ length: bins }, (_, k) => ({
    bin: k,
    lower: k / bins,
    upper: (k + 1) / bins,
    positives: positives[k],
    negatives: negatives[k],
  }));
}

/**
 * Expected calibration error in [0, 1]: Σ over the equal-width bins of `computeCalibration` of
 * (rows in bin / all rows) · |mean predicted − observed rate|; 0 is perfect. NaN for no rows.
 */
export function computeExpectedCalibrationError(labels: ArrayLike<number>, probabilities: ArrayLike<number>, bins = 10): number {
  // Built on computeCalibration so the bins, edge handling and input checks are the reliability diagram's.
  const reliability = computeCalibration(labels, probabilities, bins);
  if (labels.length === 0) return Number.NaN;
  let total = 0;
  for (const bin of reliability) total += bin.count * Math.abs(bin.meanPredicted - bin.observedRate);
  return total / labels.length;
}
