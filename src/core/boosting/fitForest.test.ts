import { describe, expect, it } from 'vitest';
import { binRows, fitBinCuts } from './featureBins';
import { fitForest, forestLogits, forestSteps, type BinnedRows, type BoostingProgress } from './fitForest';
import reference from './fixtures/sklearnForest.json';
import { growTree } from './growTree';
import { DEFAULT_BOOSTING, type BoostedForest, type BoostedTree, type BoostingSettings } from './types';
import { createRandom } from '../split/random';

// fixtures/sklearnForest.json is written by sklearnReference.py (scikit-learn 1.2.1): 3,000 rows of
// 6 inputs (multiples of 1/16, one 0/1 input), labels from a nonlinear rule with noise;
// HistGradientBoostingClassifier(max_iter=50, learning_rate=0.1, max_leaf_nodes=31,
// min_samples_leaf=20, l2_regularization=0, max_bins=255, early_stopping=False) fitted on the first
// 2,000 rows; its decision_function (after 1, 10, 16 and 50 trees) and predict_proba on the last 1,000.

const { width, fitRows } = reference;
const X = Float32Array.from(reference.x);
const FIT_POSITIONS = Int32Array.from({ length: fitRows }, (_, i) => i);
const TEST_X = X.subarray(fitRows * width);
const FIT_Y = Float32Array.from(reference.y.slice(0, fitRows));
const NO_ROWS: BinnedRows = { bins: new Uint8Array(0), y: [] };
const SKLEARN_SETTINGS: BoostingSettings = { ...DEFAULT_BOOSTING, maxIterations: 50, start: 'constant' };

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

function logLoss(logits: ArrayLike<number>, y: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum -= y[i] === 1 ? Math.log(sigmoid(logits[i])) : Math.log(1 - sigmoid(logits[i]));
  return sum / logits.length;
}

describe('fitForest against scikit-learn HistGradientBoostingClassifier', () => {
  const cuts = fitBinCuts(X, width, 255, FIT_POSITIONS);
  const bins = binRows(X, width, cuts, FIT_POSITIONS);
  const fitted = fitForest({ bins, y: FIT_Y }, NO_ROWS, cuts, width, SKLEARN_SETTINGS);
  const after = (trees: number) => forestLogits({ ...fitted.forest, trees: fitted.forest.trees.slice(0, trees) }, TEST_X, width);

  it("bins the fitting rows at sklearn's _BinMapper thresholds (its repeated quantiles kept once)", () => {
    expect(cuts.map((c) => Array.from(c))).toEqual(reference.binThresholds.map((t) => [...new Set(t)]));
  });

  it("starts from sklearn's baseline and grows 50 trees of 31 leaves without validation rows", () => {
    expect(fitted.forest.baseline).toBe(reference.baseline);
    expect(fitted.forest.trees).toHaveLength(50);
    expect(fitted.outcome.iterationsRun).toBe(50);
    expect(fitted.outcome.bestIteration).toBe(50);
    expect(fitted.outcome.validationLogLoss).toBeNaN();
    expect(fitted.forest.trees.map((t) => t.feature.filter((f) => f < 0).length)).toEqual(reference.leavesPerTree);
  });

  // sklearn keeps gradients and hessians in float32 (G_H_DTYPE; sums and leaf values in float64),
  // fitForest in float64. Rounding g and h to float32 moves each by ≤ 2⁻²⁴ ≈ 6e-8 relative, so a leaf
  // value v = 0.1·G/H (|v| ≤ 0.19 here) moves by about |v|·2⁻²³ ≈ 2e-8 at most (observed ≤ 8.4e-9 per
  // tree); over k trees that adds up to ≲ k·1e-8 in the logit: 2e-7 covers 16 trees. Observed: 6.6e-9
  // after 1 tree, 1.9e-8 after 10, 1.3e-8 after 16.
  it('matches decision_function to 2e-7 through the first 16 trees (float32 vs float64 gradients)', () => {
    expect(maxAbsDifference(after(1), reference.decisionAfter1Tree)).toBeLessThan(1e-7);
    expect(maxAbsDifference(after(10), reference.decisionAfter10Trees)).toBeLessThan(2e-7);
    expect(maxAbsDifference(after(16), reference.decisionAfter16Trees)).toBeLessThan(2e-7);
  });

  // In tree 17 a node's rows have no x4 between 1.09375 and 1.15625, so splitting there at either cut
  // parts its fitting rows alike with the same gain up to rounding: sklearn (float32 gradients) takes
  // 1.09375, fitForest 1.15625. The fitting rows, so every later tree, are unaffected (the leaf values
  // still agree to 1e-8); only test rows with x4 = 1.125 that reach that node get the other leaf's value.
  // Observed after 50 trees: 994 of 1,000 rows within 2.5e-8, 6 rows (x4 = 1.125) off by 0.0896
  // in the logit and by ≤ 0.022 in predict_proba.
  it('matches decision_function after 50 trees to 2e-7 except rows in the gap of a tied split, off by one leaf value', () => {
    const ours = forestLogits(fitted.forest, TEST_X, width);
    let far = 0;
    for (let i = 0; i < ours.length; i++) {
      const difference = Math.abs(ours[i] - reference.decisionFunction[i]);
      if (difference < 2e-7) continue;
      far++;
      expect(TEST_X[i * width + 4]).toBe(1.125);
      expect(difference).toBeLessThan(0.1);
    }
    expect(far).toBeLessThanOrEqual(10);
    // the tie itself: the same node of tree 17 splits input 4, at the next cut up
    const tree = fitted.forest.trees[16];
    const node = tree.feature.findIndex((f, k) => f === 4 && tree.threshold[k] === 1.15625);
    expect(node).toBeGreaterThanOrEqual(0);
  });

  it('matches predict_proba after 50 trees to 1e-7 except the same rows', () => {
    const ours = forestLogits(fitted.forest, TEST_X, width);
    let far = 0;
    for (let i = 0; i < ours.length; i++) {
      const difference = Math.abs(sigmoid(ours[i]) - reference.predictProba[i]);
      if (difference < 1e-7) continue;
      far++;
      expect(TEST_X[i * width + 4]).toBe(1.125);
      expect(difference).toBeLessThan(0.025);
    }
    expect(far).toBeLessThanOrEqual(10);
  });

  // The cause checked: the same boosting loop (growTree, forestLogits) with gradients and hessians
  // rounded to float32 as sklearn stores them reproduces sklearn to rounding over all 50 trees
  // (observed 1.3e-15), tied split included.
  it('with gradients rounded to float32 as sklearn keeps them, reproduces decision_function to 1e-12', () => {
    const n = fitRows;
    const byColumn = new Uint8Array(n * width);
    for (let i = 0; i < n; i++) for (let f = 0; f < width; f++) byColumn[f * n + i] = bins[i * width + f];
    const raw = new Float64Array(n).fill(reference.baseline);
    const gradients = new Float64Array(n);
    const hessians = new Float64Array(n);
    const trees: BoostedTree[] = [];
    for (let iteration = 0; iteration < 50; iteration++) {
      for (let i = 0; i < n; i++) {
        const p = sigmoid(raw[i]);
        gradients[i] = Math.fround(p - FIT_Y[i]);
        hessians[i] = Math.fround(p * (1 - p));
      }
      const grown = growTree({ bins: byColumn, width, rows: n, binCounts: Uint16Array.from(cuts, (c) => c.length + 1), gradients, hessians }, cuts, {
        maxLeaves: 31,
        minRowsPerLeaf: 20,
        l2: 0,
        shrinkage: 0.1,
      });
      trees.push(grown.tree);
      for (let i = 0; i < n; i++) raw[i] += grown.rowValues[i];
    }
    const ours = forestLogits({ baseline: reference.baseline, trees }, TEST_X, width);
    expect(maxAbsDifference(ours, reference.decisionFunction)).toBeLessThan(1e-12);
    expect(maxAbsDifference(Array.from(ours, sigmoid), reference.predictProba)).toBeLessThan(1e-12);
  });

  it('grows at most 100 trees without validation rows (sklearn’s max_iter default), whatever maxIterations says', () => {
    const capped = fitForest({ bins, y: FIT_Y }, NO_ROWS, cuts, width, { ...SKLEARN_SETTINGS, maxIterations: 500 });
    expect(capped.forest.trees).toHaveLength(100);
    // the first 50 trees are those of the 50-tree fit: growth does not depend on the cap
    expect(capped.forest.trees.slice(0, 50)).toEqual(fitted.forest.trees);
  });
});

/** Deterministic uniform numbers in [0, 1) (mulberry32, the app's seeded generator). */
const uniforms = createRandom;

describe('forestSteps early stopping', () => {
  // A signal in input 0 and pure noise in inputs 1–2, grown to 31 leaves of 5 rows on 600 rows: the
  // first trees help on the validation rows, then they fit the noise and the loss rises (observed:
  // best after 17 trees, stopped after 27).
  const next = uniforms(2024);
  const rows = 1000;
  const fitCount = 600;
  const w = 3;
  const x = new Float32Array(rows * w);
  const y = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    for (let f = 0; f < w; f++) x[i * w + f] = Math.floor(next() * 64) / 16 - 2; // multiples of 1/16 in [−2, 2)
    y[i] = next() < sigmoid(1.5 * x[i * w]) ? 1 : 0;
  }
  const fitPositions = Int32Array.from({ length: fitCount }, (_, i) => i);
  const validationPositions = Int32Array.from({ length: rows - fitCount }, (_, i) => fitCount + i);
  const cuts = fitBinCuts(x, w, 255, fitPositions);
  const fit: BinnedRows = { bins: binRows(x, w, cuts, fitPositions), y: y.subarray(0, fitCount) };
  const validation: BinnedRows = { bins: binRows(x, w, cuts, validationPositions), y: y.subarray(fitCount) };
  const settings: BoostingSettings = { ...DEFAULT_BOOSTING, minRowsPerLeaf: 5, maxIterations: 300, start: 'constant' };
  const progress: BoostingProgress[] = [];
  const steps = forestSteps(fit, validation, cuts, w, settings);
  let step = steps.next();
  while (!step.done) {
    progress.push(step.value);
    step = steps.next();
  }
  const { forest, outcome } = step.value;
  const validationX = x.subarray(fitCount * w);
  const fitX = x.subarray(0, fitCount * w);

  it('stops `patience` trees after the best validation loss and keeps exactly bestIteration trees', () => {
    expect(outcome.bestIteration).toBeGreaterThan(1);
    expect(outcome.iterationsRun).toBe(outcome.bestIteration + settings.patience);
    expect(progress).toHaveLength(outcome.iterationsRun);
    expect(forest.trees).toHaveLength(outcome.bestIteration);
    // the loss did rise: the last tree's validation loss is above the best one
    expect(progress[progress.length - 1].validationLogLoss).toBeGreaterThan(outcome.validationLogLoss);
  });

  it('keeps the iteration of the lowest validation loss', () => {
    const losses = progress.map((p) => p.validationLogLoss);
    const lowest = Math.min(...losses);
    expect(outcome.validationLogLoss).toBe(lowest);
    expect(losses.indexOf(lowest) + 1).toBe(outcome.bestIteration);
    expect(progress[progress.length - 1].bestIteration).toBe(outcome.bestIteration);
  });

  it('gives forestLogits of the cut-back forest the logits after bestIteration trees', () => {
    // on the validation rows: the loss reported after that tree (binned walk vs raw thresholds)
    expect(logLoss(forestLogits(forest, validationX, w), validation.y)).toBeCloseTo(progress[outcome.bestIteration - 1].validationLogLoss, 12);
    // on the fitting rows: the fit loss reported after that tree
    expect(logLoss(forestLogits(forest, fitX, w), fit.y)).toBeCloseTo(progress[outcome.bestIteration - 1].fitLogLoss, 12);
    // and exactly the forest grown to bestIteration trees without validation rows
    const grownTo = fitForest(fit, NO_ROWS, cuts, w, { ...settings, maxIterations: outcome.bestIteration });
    expect(grownTo.forest.trees).toHaveLength(outcome.bestIteration);
    expect(Array.from(forestLogits(forest, validationX, w))).toEqual(Array.from(forestLogits(grownTo.forest, validationX, w)));
  });

  it('keeps no tree when the first tree already makes the validation loss worse', () => {
    // validation labels flipped: every tree that helps on the fitting rows hurts there
    const flipped: BinnedRows = { bins: fit.bins, y: Float32Array.from(fit.y, (v) => 1 - v) };
    const result = fitForest(fit, flipped, cuts, w, settings);
    expect(result.outcome.bestIteration).toBe(0);
    expect(result.forest.trees).toHaveLength(0);
    expect(result.outcome.iterationsRun).toBe(settings.patience);
    // the baseline alone: ln(p / (1 − p)) of the fitting rows
    const rate = Array.from(fit.y).reduce((a, b) => a + b, 0) / fit.y.length;
    expect(Array.from(new Set(forestLogits(result.forest, fitX, w)))).toEqual([Math.log(rate / (1 - rate))]);
  });
});

describe('forestLogits with a linear start', () => {
  it('adds intercept + x·β to the trees (baseline 0), worked by hand', () => {
    // one stump: x1 ≤ 0.5 → +0.25, else −0.5
    const stump: BoostedTree = { feature: [1, -1, -1], threshold: [0.5, 0, 0], left: [1, -1, -1], right: [2, -1, -1], value: [0, 0.25, -0.5] };
    const forest: BoostedForest = { baseline: 0, linear: { intercept: 0.5, coefficients: [2, -1, 0.25] }, trees: [stump] };
    const x = Float32Array.from([0, 0, 0, 1, 2, 4, -1, 0.5, 8]);
    // row 0: 0.5 + 0 + 0 + 0 + 0.25 = 0.75
    // row 1: 0.5 + 2 − 2 + 1 − 0.5 = 1
    // row 2: 0.5 − 2 − 0.5 + 2 + 0.25 = 0.25 (x1 = 0.5 ≤ 0.5 goes left)
    expect(Array.from(forestLogits(forest, x, 3))).toEqual([0.75, 1, 0.25]);
    // the same forest without trees is the regression alone; a nonzero baseline adds on top
    expect(Array.from(forestLogits({ ...forest, trees: [] }, x, 3))).toEqual([0.5, 1.5, 0]);
    expect(Array.from(forestLogits({ ...forest, baseline: 1 }, x, 3))).toEqual([1.75, 2, 1.25]);
  });

  it('forestSteps from a linear start keeps it, sets the baseline to 0, and boosts from the rows’ starting logits', () => {
    const next = uniforms(7);
    const rows = 400;
    const w = 2;
    const x = new Float32Array(rows * w);
    const y = new Float32Array(rows);
    for (let i = 0; i < rows; i++) {
      x[i * w] = Math.floor(next() * 32) / 8 - 2;
      x[i * w + 1] = Math.floor(next() * 32) / 8 - 2;
      y[i] = next() < sigmoid(x[i * w] - x[i * w + 1] * x[i * w + 1]) ? 1 : 0;
    }
    const linear = { intercept: -0.25, coefficients: [1, 0] };
    const start = Float64Array.from({ length: rows }, (_, i) => -0.25 + x[i * w]);
    const positions = Int32Array.from({ length: rows }, (_, i) => i);
    const cuts = fitBinCuts(x, w, 255, positions);
    const fit: BinnedRows = { bins: binRows(x, w, cuts, positions), y, start };
    const steps = forestSteps(fit, NO_ROWS, cuts, w, { ...DEFAULT_BOOSTING, maxIterations: 20 }, linear);
    let last: BoostingProgress | undefined;
    let step = steps.next();
    while (!step.done) {
      last = step.value;
      step = steps.next();
    }
    const { forest } = step.value;
    expect(forest.baseline).toBe(0);
    expect(forest.linear).toEqual(linear);
    expect(forest.trees).toHaveLength(20);
    expect(logLoss(forestLogits(forest, x, w), y)).toBeCloseTo(last!.fitLogLoss, 12);
    // the trees were grown on top of the start, not of a constant: without it they lose the x0 slope
    expect(logLoss(forestLogits({ ...forest, linear: undefined }, x, w), y)).toBeGreaterThan(last!.fitLogLoss + 0.01);
  });
});
