// The boosted model as the app fits it: one forest per validation fold, each grown on the other
// folds and stopped on its own, exactly as the network ensemble's members are; their mean logit is
// the model's, and the members' out-of-fold logits choose and fit the calibrator, so every fitted
// number comes from training rows and the test rows only grade.

import { fitCalibrator, type CalibratorFit } from '../calibration/calibrator';
import { complementPositions, type EncodedRows } from '../features/encodedRows';
import { binRows, fitBinCuts, type BinCuts } from './featureBins';
import { forestLogits, forestSteps, type BinnedRows, type BoostingProgress, type ForestFit } from './fitForest';
import { fitLogisticRegression } from '../scorecard/logisticRegression';
import { LINEAR_FALLBACK_BELOW_ROWS, type BoostedForest, type BoostingOutcome, type BoostingSettings, type BoostingStart, type LinearStart } from './types';

/** A fitted boosted ensemble with the evidence for its calibration. */
export interface BoostedEnsembleFit {
  readonly forests: readonly BoostedForest[];
  readonly outcomes: readonly BoostingOutcome[];
  readonly calibration: CalibratorFit;
  /** Labels and logits of label 1 (before calibration) of the validation rows, each from the member that never saw it. */
  readonly validationLabels: Float32Array;
  readonly validationLogits: Float64Array;
  /** The start every member grew from (chosen on the first member's validation rows under 'auto'). */
  readonly start: BoostingStart;
}

/** Progress of one member's boosting. */
export interface EnsembleProgress extends BoostingProgress {
  readonly member: number;
  readonly members: number;
  /** The start this forest grows from (under 'auto' the first member grows one from each). */
  readonly start: BoostingStart;
}

// Rows encoded at a time while binning: the encoded matrix of a large file is never held whole.
const CHUNK_ROWS = 8192;
// Rows whose encoded values are sorted to find the cut points.
const CUT_SAMPLE_ROWS = 200_000;

/** Cut points from an even sample of `rows` (labels unused), and every row's bins. */
export function binEncodedRows(rows: EncodedRows, maxBins: number): { cuts: BinCuts; bins: Uint8Array } {
  const { width } = rows;
  const step = Math.max(1, Math.ceil(rows.rows / CUT_SAMPLE_ROWS));
  const sample = Int32Array.from({ length: Math.ceil(rows.rows / step) }, (_, i) => i * step);
  const sampled = new Float32Array(sample.length * width);
  rows.encodeInto(sample, sampled);
  const cuts = fitBinCuts(sampled, width, maxBins);
  const bins = new Uint8Array(rows.rows * width);
  const chunk = new Float32Array(CHUNK_ROWS * width);
  for (let start = 0; start < rows.rows; start += CHUNK_ROWS) {
    const count = Math.min(CHUNK_ROWS, rows.rows - start);
    const positions = Int32Array.from({ length: count }, (_, i) => start + i);
    rows.encodeInto(positions, chunk);
    bins.set(
      binRows(
        chunk,
        width,
        cuts,
        Int32Array.from({ length: count }, (_, i) => i),
      ),
      start * width,
    );
  }
  return { cuts, bins };
}

function pick(bins: Uint8Array, y: Float32Array, width: number, positions: Int32Array, starts?: Float64Array): BinnedRows {
  const out = new Uint8Array(positions.length * width);
  for (let i = 0; i < positions.length; i++) out.set(bins.subarray(positions[i] * width, (positions[i] + 1) * width), i * width);
  return { bins: out, y: Float32Array.from(positions, (p) => y[p]), ...(starts ? { start: Float64Array.from(positions, (p) => starts[p]) } : {}) };
}

// Rows the linear start is fitted on at most: a starting point the trees correct needs no more.
const LINEAR_SAMPLE_ROWS = 100_000;

/**
 * A ridge logistic regression on the encoded inputs of `positions` (an even sample of them when
 * there are many), with scikit-learn's default strength C = 1 (l2 = 1 / rows on the mean-loss scale).
 */
function fitLinearStart(train: EncodedRows, positions: Int32Array): LinearStart {
  const { width } = train;
  const step = Math.max(1, Math.ceil(positions.length / LINEAR_SAMPLE_ROWS));
  const sample = Int32Array.from({ length: Math.ceil(positions.length / step) }, (_, i) => positions[i * step]);
  const encoded = new Float32Array(sample.length * width);
  train.encodeInto(sample, encoded);
  const y = Float32Array.from(sample, (p) => train.y[p]);
  const fit = fitLogisticRegression(Float64Array.from(encoded), y, width, { l2: 1 / sample.length });
  return { intercept: fit.intercept, coefficients: Array.from(fit.coefficients) };
}

/** The linear start's logit of every row of `train`. */
function linearLogits(train: EncodedRows, linear: LinearStart): Float64Array {
  const { width } = train;
  const out = new Float64Array(train.rows);
  const chunk = new Float32Array(CHUNK_ROWS * width);
  for (let start = 0; start < train.rows; start += CHUNK_ROWS) {
    const count = Math.min(CHUNK_ROWS, train.rows - start);
    train.encodeInto(
      Int32Array.from({ length: count }, (_, i) => start + i),
      chunk,
    );
    for (let i = 0; i < count; i++) {
      let z = linear.intercept;
      for (let j = 0; j < width; j++) z += linear.coefficients[j] * chunk[i * width + j];
      out[start + i] = z;
    }
  }
  return out;
}

/**
 * Fits one forest per fold of `validationFolds` (positions within `train`): fitted on the other
 * rows and stopped on the fold's. With no folds, one forest on every row with scikit-learn's tree
 * count. Yields after every tree of every member.
 */
export function* boostedEnsembleSteps(
  train: EncodedRows,
  validationFolds: readonly Int32Array[],
  settings: BoostingSettings,
  seed: number,
  shouldStop: () => boolean = () => false,
): Generator<EnsembleProgress, BoostedEnsembleFit, void> {
  const { width } = train;
  const { cuts, bins } = binEncodedRows(train, settings.maxBins);
  const folds = validationFolds.length > 0 ? validationFolds : [new Int32Array(0)];
  const forests: BoostedForest[] = [];
  const outcomes: BoostingOutcome[] = [];
  const logitsAt = new Float64Array(train.rows);
  // Under 'auto' the first member grows both starts and decides for all (null until then); with no
  // validation rows to decide on, the fallback.
  const fallback: BoostingStart = train.rows < LINEAR_FALLBACK_BELOW_ROWS ? 'linear' : 'constant';
  let start: BoostingStart | null = settings.start !== 'auto' ? settings.start : validationFolds.length > 0 ? null : fallback;
  const grown: Map<BoostingStart, ForestFit>[] = [];
  const comparison = { sum: 0, sumOfSquares: 0, rows: 0 };
  for (let k = 0; k < folds.length; k++) {
    // Stopped: no further member starts; the ensemble is the members grown so far.
    if (k > 0 && shouldStop()) break;
    const fold = folds[k];
    const fitPositions = fold.length === 0 ? Int32Array.from({ length: train.rows }, (_, i) => i) : complementPositions(train.rows, fold);
    const candidates: readonly BoostingStart[] = start === null ? ['constant', 'linear'] : [start];
    const member = new Map<BoostingStart, ForestFit>();
    const heldOut = new Map<BoostingStart, Float64Array>();
    for (const candidate of candidates) {
      const linear = candidate === 'linear' ? fitLinearStart(train, fitPositions) : undefined;
      const starts = linear ? linearLogits(train, linear) : undefined;
      const fit = pick(bins, train.y, width, fitPositions, starts);
      const validation = pick(bins, train.y, width, fold, starts);
      const steps = forestSteps(fit, validation, cuts, width, settings, linear, shouldStop);
      let step = steps.next();
      while (!step.done) {
        yield { ...step.value, member: k + 1, members: folds.length, start: candidate };
        step = steps.next();
      }
      member.set(candidate, step.value);
      const logits = binnedForestLogits(step.value.forest, validation, width, cuts);
      heldOut.set(candidate, logits);
      for (let i = 0; i < fold.length; i++) logitsAt[fold[i]] = logits[i];
    }
    grown.push(member);
    if (start === null) {
      addLossDifferences(comparison, heldOut.get('constant')!, heldOut.get('linear')!, fold, train.y);
      // Not clearly apart on the first member's rows: the two are within noise of each other, and the
      // other members grow the fallback alone (a second forest each would double the time).
      start = clearWinner(comparison) ?? fallback;
    }
  }
  // Null only when Stop came before the first member finished growing both: the fallback then, as when undecided.
  const chosen: BoostingStart = start ?? fallback;
  const trained = folds.slice(0, grown.length);
  for (let k = 0; k < trained.length; k++) {
    const fit = grown[k].get(chosen)!;
    forests.push(fit.forest);
    outcomes.push(fit.outcome);
  }
  // The out-of-fold logits must be the kept start's: those of members that grew both are recomputed.
  for (let k = 0; k < trained.length; k++) {
    if (grown[k].size < 2 || folds[k].length === 0) continue;
    const logits = heldOutLogits(train, bins, width, cuts, folds[k], grown[k].get(chosen)!.forest);
    for (let i = 0; i < folds[k].length; i++) logitsAt[folds[k][i]] = logits[i];
  }
  let rows = 0;
  for (const fold of trained) rows += fold.length;
  const validationLabels = new Float32Array(rows);
  const validationLogits = new Float64Array(rows);
  let at = 0;
  for (const fold of trained) {
    for (const position of fold) {
      validationLabels[at] = train.y[position];
      validationLogits[at++] = logitsAt[position];
    }
  }
  const calibration = fitCalibrator(validationLogits, validationLabels, seed);
  return { forests, outcomes, calibration, validationLabels, validationLogits, start: chosen };
}

/** Per-row log-loss differences (constant start minus linear start) accumulated over members. */
interface LossComparison {
  sum: number;
  sumOfSquares: number;
  rows: number;
}

function rowLogLoss(logit: number, label: number): number {
  // −log σ(z) for label 1 and −log σ(−z) for label 0, as softplus, stable for large |z|.
  const z = label === 1 ? -logit : logit;
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

function addLossDifferences(into: LossComparison, constant: Float64Array, linear: Float64Array, fold: Int32Array, y: Float32Array): void {
  for (let i = 0; i < fold.length; i++) {
    const d = rowLogLoss(constant[i], y[fold[i]]) - rowLogLoss(linear[i], y[fold[i]]);
    into.sum += d;
    into.sumOfSquares += d * d;
    into.rows++;
  }
}

// How many standard errors the mean loss difference must be from 0 before the rest of the members grow one start only.
const CLEAR_DIFFERENCE_SE = 2;

/** The start whose validation loss is lower by more than CLEAR_DIFFERENCE_SE standard errors of the paired mean difference, or null. */
function clearWinner(c: LossComparison): BoostingStart | null {
  if (c.rows < 2) return null;
  const mean = c.sum / c.rows;
  const variance = Math.max(0, (c.sumOfSquares - c.rows * mean * mean) / (c.rows - 1));
  const se = Math.sqrt(variance / c.rows);
  if (Math.abs(mean) <= CLEAR_DIFFERENCE_SE * se) return null;
  return mean < 0 ? 'constant' : 'linear';
}

/** The logits of the rows at `fold` from `forest` (its linear start recomputed on their encoded inputs). */
function heldOutLogits(train: EncodedRows, bins: Uint8Array, width: number, cuts: BinCuts, fold: Int32Array, forest: BoostedForest): Float64Array {
  const starts = forest.linear ? linearLogits(train, forest.linear) : undefined;
  return binnedForestLogits(forest, pick(bins, train.y, width, fold, starts), width, cuts);
}

/** Runs `boostedEnsembleSteps` to the end (Node, tests). */
export function fitBoostedEnsemble(train: EncodedRows, validationFolds: readonly Int32Array[], settings: BoostingSettings, seed: number): BoostedEnsembleFit {
  const steps = boostedEnsembleSteps(train, validationFolds, settings, seed);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** A forest's logits of binned rows: a threshold t of input f is the cut point cuts[f][b], so x ≤ t ⟺ bin ≤ b. */
function binnedForestLogits(forest: BoostedForest, rows_: BinnedRows, width: number, cuts: BinCuts): Float64Array {
  const { bins } = rows_;
  const rows = rows_.y.length;
  const out = rows_.start ? Float64Array.from(rows_.start) : new Float64Array(rows).fill(forest.baseline);
  for (const tree of forest.trees) {
    const binThreshold = tree.feature.map((f, node) => (f < 0 ? -1 : cuts[f].indexOf(tree.threshold[node])));
    for (let i = 0; i < rows; i++) {
      let node = 0;
      while (tree.feature[node] >= 0) node = bins[i * width + tree.feature[node]] <= binThreshold[node] ? tree.left[node] : tree.right[node];
      out[i] += tree.value[node];
    }
  }
  return out;
}

/** The ensemble's logit of label 1: the mean of its forests' logits. */
export function ensembleLogits(forests: readonly BoostedForest[], x: Float32Array, width: number): Float64Array {
  const rows = width === 0 ? 0 : x.length / width;
  const mean = new Float64Array(rows);
  for (const forest of forests) {
    const logits = forestLogits(forest, x, width);
    for (let i = 0; i < rows; i++) mean[i] += logits[i] / forests.length;
  }
  return mean;
}
