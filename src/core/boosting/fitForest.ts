// Gradient boosting with the log loss (Friedman 2001): each tree fits the loss's gradient and
// hessian at the current logits, and the number of trees is chosen on validation rows the trees
// never saw: boosting stops when `patience` trees in a row bring no gain, and the forest is cut
// back to its best tree count. A generator, so a worker can yield between trees (Stop gets through).

import { sigmoid } from '../calibration/logistic';
import { type BinCuts } from './featureBins';
import { growTree } from './growTree';
import type { BoostedForest, BoostedTree, BoostingOutcome, BoostingSettings, LinearStart } from './types';

/** Rows as bins (row-major, rows × width) with their 0/1 labels. */
export interface BinnedRows {
  readonly bins: Uint8Array;
  readonly y: ArrayLike<number>;
  /** Each row's starting logit (a linear start's); a constant baseline when absent. */
  readonly start?: Float64Array;
}

/** Reported after each tree. */
export interface BoostingProgress {
  readonly iteration: number;
  readonly maxIterations: number;
  /** Log loss (nats) of the fitting rows after this tree. */
  readonly fitLogLoss: number;
  /** Validation log loss (nats) after this tree; NaN without validation rows. */
  readonly validationLogLoss: number;
  readonly bestIteration: number;
}

/** The fitted forest and what fitting did. */
export interface ForestFit {
  readonly forest: BoostedForest;
  readonly outcome: BoostingOutcome;
}

// Trees grown when there are no validation rows to choose the count: scikit-learn's max_iter default.
const TREES_WITHOUT_VALIDATION = 100;
// Probabilities are kept this far from 0 and 1 in the log loss, as scikit-learn's log_loss clips.
const EPS = 1e-15;

/** Binary log loss (nats) of logits against 0/1 labels. */
function logLossOfLogits(logits: Float64Array, y: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    const p = Math.min(1 - EPS, Math.max(EPS, sigmoid(logits[i])));
    sum -= y[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return sum / logits.length;
}

/**
 * Fits one forest on `fit` with early stopping on `validation` (bins of both under `cuts`, which
 * were fitted without labels), yielding after every tree and returning the forest cut back to its
 * best validation log loss.
 */
export function* forestSteps(
  fit: BinnedRows,
  validation: BinnedRows,
  cuts: BinCuts,
  width: number,
  settings: BoostingSettings,
  linear?: LinearStart,
  shouldStop: () => boolean = () => false,
): Generator<BoostingProgress, ForestFit, void> {
  const started = Date.now();
  const n = fit.y.length;
  const m = validation.y.length;
  if (n === 0) throw new RangeError('Boosting needs at least one fitting row.');
  const binCounts = Uint16Array.from(cuts, (c) => c.length + 1);
  let positives = 0;
  for (let i = 0; i < n; i++) positives += fit.y[i];
  const rate = Math.min(1 - 1e-6, Math.max(1e-6, positives / n));
  const baseline = linear ? 0 : Math.log(rate / (1 - rate));
  const raw = fit.start ? Float64Array.from(fit.start) : new Float64Array(n).fill(baseline);
  const rawValidation = validation.start ? Float64Array.from(validation.start) : new Float64Array(m).fill(baseline);
  const gradients = new Float64Array(n);
  const hessians = new Float64Array(n);
  // The tree grower reads one input's bins at a time: the same bins, column-major.
  const byColumn = new Uint8Array(n * width);
  for (let i = 0; i < n; i++) for (let f = 0; f < width; f++) byColumn[f * n + i] = fit.bins[i * width + f];
  const trees: BoostedTree[] = [];
  const maxIterations = m > 0 ? settings.maxIterations : Math.min(settings.maxIterations, TREES_WITHOUT_VALIDATION);
  let best = m > 0 ? logLossOfLogits(rawValidation, validation.y) : Number.NaN;
  let bestIteration = 0;
  let sinceBest = 0;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(raw[i]);
      gradients[i] = p - fit.y[i];
      hessians[i] = p * (1 - p);
    }
    const grown = growTree({ bins: byColumn, width, rows: n, binCounts, gradients, hessians }, cuts, {
      maxLeaves: settings.maxLeaves,
      minRowsPerLeaf: settings.minRowsPerLeaf,
      l2: settings.l2,
      shrinkage: settings.learningRate,
    });
    trees.push(grown.tree);
    for (let i = 0; i < n; i++) raw[i] += grown.rowValues[i];
    let loss = Number.NaN;
    if (m > 0) {
      addBinnedTree(grown.tree, grown.binThreshold, validation.bins, width, rawValidation);
      loss = logLossOfLogits(rawValidation, validation.y);
      if (loss < best - settings.tolerance) {
        best = loss;
        bestIteration = iteration;
        sinceBest = 0;
      } else sinceBest++;
    } else bestIteration = iteration;
    yield { iteration, maxIterations, fitLogLoss: logLossOfLogits(raw, fit.y), validationLogLoss: loss, bestIteration };
    if (m > 0 && sinceBest >= settings.patience) break;
    // Stopped by the user: the forest so far, cut back to its best tree count as always.
    if (shouldStop()) break;
    // A tree of one leaf has nothing left to learn: every later tree would be the same.
    if (grown.tree.feature[0] === -1) break;
  }
  return {
    forest: { baseline, ...(linear ? { linear } : {}), trees: trees.slice(0, bestIteration) },
    outcome: { iterationsRun: trees.length, bestIteration, validationLogLoss: best, elapsedMs: Date.now() - started },
  };
}

/** Runs `forestSteps` to the end (Node, tests). */
export function fitForest(fit: BinnedRows, validation: BinnedRows, cuts: BinCuts, width: number, settings: BoostingSettings): ForestFit {
  const steps = forestSteps(fit, validation, cuts, width, settings);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Adds a tree's values to `logits` for binned rows, walking its bin thresholds. */
function addBinnedTree(tree: BoostedTree, binThreshold: Int32Array, bins: Uint8Array, width: number, logits: Float64Array): void {
  for (let i = 0; i < logits.length; i++) {
    let node = 0;
    const base = i * width;
    while (tree.feature[node] >= 0) node = bins[base + tree.feature[node]] <= binThreshold[node] ? tree.left[node] : tree.right[node];
    logits[i] += tree.value[node];
  }
}

/** The forest's logit of label 1 for each row of row-major `x` (rows × width) of encoded inputs. */
export function forestLogits(forest: BoostedForest, x: Float32Array, width: number): Float64Array {
  const rows = width === 0 ? 0 : x.length / width;
  const out = new Float64Array(rows).fill(forest.baseline);
  if (forest.linear) {
    const { intercept, coefficients } = forest.linear;
    for (let i = 0; i < rows; i++) {
      let z = intercept;
      for (let j = 0, base = i * width; j < width; j++) z += coefficients[j] * x[base + j];
      out[i] += z;
    }
  }
  for (const tree of forest.trees) {
    const { feature, threshold, left, right, value } = tree;
    for (let i = 0; i < rows; i++) {
      let node = 0;
      const base = i * width;
      while (feature[node] >= 0) node = x[base + feature[node]] <= threshold[node] ? left[node] : right[node];
      out[i] += value[node];
    }
  }
  return out;
}
