import { describe, expect, it } from 'vitest';
import { fitCalibrator } from '../calibration/calibrator';
import { complementPositions, denseRows, type EncodedRows } from '../features/encodedRows';
import { binEncodedRows, fitBoostedEnsemble, type BoostedEnsembleFit } from './ensemble';
import { fitForest, forestLogits, type BinnedRows } from './fitForest';
import { DEFAULT_BOOSTING, type BoostingSettings } from './types';
import { createRandom } from '../split/random';

const ROWS = 3000;
const WIDTH = 4;
const SEED = 17;

/** Deterministic uniform numbers in [0, 1) (mulberry32, the app's seeded generator). */
const uniforms = createRandom;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
/** Rounded to a multiple of 1/16, exact in float32. */
const sixteenths = (v: number) => Math.round(v * 16) / 16;

/** Rows whose inputs are drawn by `draw` and whose label is 1 with the probability it returns. */
function dataSet(seed: number, draw: (next: () => number) => { x: number[]; p: number }): EncodedRows {
  const next = uniforms(seed);
  const x = new Float32Array(ROWS * WIDTH);
  const y = new Float32Array(ROWS);
  for (let i = 0; i < ROWS; i++) {
    const row = draw(next);
    for (let f = 0; f < WIDTH; f++) x[i * WIDTH + f] = row.x[f];
    y[i] = next() < row.p ? 1 : 0;
  }
  return denseRows(x, y, WIDTH);
}

function normal(next: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

// Exactly linear in the logit: logit = 0.3 + 1.2·x1 − 0.8·x2 + 0.5·x3 + 0.9·x4, x standard normal.
const LINEAR = dataSet(1, (next) => {
  const x = Array.from({ length: WIDTH }, () => sixteenths(normal(next)));
  return { x, p: sigmoid(0.3 + 1.2 * x[0] - 0.8 * x[1] + 0.5 * x[2] + 0.9 * x[3]) };
});

// A pure interaction: P(y = 1) = 0.9 when x1·x2 > 0, else 0.1 (x uniform in (−1, 1); x3, x4 noise).
// No input has a marginal effect, so a logistic regression has nothing to start from.
const XOR = dataSet(2, (next) => {
  const x = Array.from({ length: WIDTH }, () => sixteenths(next() * 2 - 1));
  return { x, p: x[0] * x[1] > 0 ? 0.9 : 0.1 };
});

/** k interleaved folds (positions f, f + k, f + 2k, …) over the first `rows` rows: ascending, disjoint. */
function interleavedFolds(rows: number, k: number): Int32Array[] {
  return Array.from({ length: k }, (_, f) => Int32Array.from({ length: Math.ceil((rows - f) / k) }, (_, i) => f + i * k));
}

/** The encoded rows at `positions`, row-major. */
function rowsAt(data: EncodedRows, positions: Int32Array): Float32Array {
  const out = new Float32Array(positions.length * data.width);
  data.encodeInto(positions, out);
  return out;
}

function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

/** The out-of-fold logits of fold k inside the fit's validation logits (folds laid end to end, in order). */
function foldSlice(fit: BoostedEnsembleFit, folds: readonly Int32Array[], k: number): Float64Array {
  let from = 0;
  for (let j = 0; j < k; j++) from += folds[j].length;
  return fit.validationLogits.subarray(from, from + folds[k].length);
}

/** Mean log loss (nats) of the out-of-fold logits against their labels. */
function meanLogLoss(fit: BoostedEnsembleFit): number {
  let sum = 0;
  fit.validationLogits.forEach((z, i) => (sum -= fit.validationLabels[i] === 1 ? Math.log(sigmoid(z)) : Math.log(1 - sigmoid(z))));
  return sum / fit.validationLogits.length;
}

const SETTINGS: BoostingSettings = { ...DEFAULT_BOOSTING };
const FOLDS = interleavedFolds(ROWS, 5);

describe('fitBoostedEnsemble: one forest per validation fold', () => {
  const fit = fitBoostedEnsemble(LINEAR, FOLDS, { ...SETTINGS, start: 'constant' }, SEED);

  it('fits one forest and one outcome per fold', () => {
    expect(fit.forests).toHaveLength(FOLDS.length);
    expect(fit.outcomes).toHaveLength(FOLDS.length);
    for (const [k, outcome] of fit.outcomes.entries()) expect(fit.forests[k].trees).toHaveLength(outcome.bestIteration);
  });

  it('gives each fold the out-of-fold logits of its own member (recomputed with forestLogits)', () => {
    for (let k = 0; k < FOLDS.length; k++) {
      const expected = forestLogits(fit.forests[k], rowsAt(LINEAR, FOLDS[k]), WIDTH);
      expect(maxAbsDifference(foldSlice(fit, FOLDS, k), expected)).toBeLessThan(1e-12);
      // and not those of another member
      const other = forestLogits(fit.forests[(k + 1) % FOLDS.length], rowsAt(LINEAR, FOLDS[k]), WIDTH);
      expect(maxAbsDifference(foldSlice(fit, FOLDS, k), other)).toBeGreaterThan(1e-3);
    }
  });

  it('grows each member on the rows outside its fold and stops it on its fold', () => {
    // the same forest, refitted here from the other rows with the fold as validation rows
    const { cuts, bins } = binEncodedRows(LINEAR, SETTINGS.maxBins);
    const pick = (positions: Int32Array): BinnedRows => {
      const out = new Uint8Array(positions.length * WIDTH);
      positions.forEach((p, i) => out.set(bins.subarray(p * WIDTH, (p + 1) * WIDTH), i * WIDTH));
      return { bins: out, y: Float32Array.from(positions, (p) => LINEAR.y[p]) };
    };
    for (const k of [0, 3]) {
      const refit = fitForest(pick(complementPositions(ROWS, FOLDS[k])), pick(FOLDS[k]), cuts, WIDTH, { ...SETTINGS, start: 'constant' });
      expect(refit.forest).toEqual(fit.forests[k]);
      expect(refit.outcome.bestIteration).toBe(fit.outcomes[k].bestIteration);
    }
  });

  it('without folds fits one forest on every row, from the linear start under auto, with at most 100 trees and no calibration rows', () => {
    const single = fitBoostedEnsemble(LINEAR, [], { ...SETTINGS, start: 'auto' }, SEED);
    expect(single.forests).toHaveLength(1);
    expect(single.start).toBe('linear');
    expect(single.forests[0].trees.length).toBeLessThanOrEqual(100);
    expect(single.calibration.rows).toBe(0);
  });

  it('lists the validation labels of the folds in fold order', () => {
    const expected = FOLDS.flatMap((fold) => Array.from(fold, (p) => LINEAR.y[p]));
    expect(Array.from(fit.validationLabels)).toEqual(expected);
  });
});

describe('fitBoostedEnsemble honours the start it is given', () => {
  it("'constant': every member starts from its fitting rows' base rate, without a regression", () => {
    const fit = fitBoostedEnsemble(LINEAR, FOLDS, { ...SETTINGS, start: 'constant' }, SEED);
    expect(fit.start).toBe('constant');
    for (const [k, forest] of fit.forests.entries()) {
      expect(forest.linear).toBeUndefined();
      const fitted = complementPositions(ROWS, FOLDS[k]);
      let positives = 0;
      for (const p of fitted) positives += LINEAR.y[p];
      const rate = positives / fitted.length;
      expect(forest.baseline).toBeCloseTo(Math.log(rate / (1 - rate)), 12);
    }
  });

  it("'linear': every member starts from a regression (baseline 0), even where it does not help", () => {
    const fit = fitBoostedEnsemble(XOR, FOLDS, { ...SETTINGS, start: 'linear' }, SEED);
    expect(fit.start).toBe('linear');
    for (const [k, forest] of fit.forests.entries()) {
      expect(forest.baseline).toBe(0);
      expect(forest.linear?.coefficients).toHaveLength(WIDTH);
      // the out-of-fold logits include the regression: recomputed with it, they match
      expect(maxAbsDifference(foldSlice(fit, FOLDS, k), forestLogits(forest, rowsAt(XOR, FOLDS[k]), WIDTH))).toBeLessThan(1e-12);
    }
  });
});

describe("fitBoostedEnsemble's 'auto' start", () => {
  it("picks 'linear' on data exactly linear in the logit, and keeps the out-of-fold logits of the linear members", () => {
    const fit = fitBoostedEnsemble(LINEAR, FOLDS, { ...SETTINGS, start: 'auto' }, SEED);
    expect(fit.start).toBe('linear');
    expect(fit.forests).toHaveLength(FOLDS.length);
    for (const [k, forest] of fit.forests.entries()) {
      expect(forest.linear).toBeDefined();
      // the first member grew both starts: its out-of-fold logits must be those of the kept (linear) one
      expect(maxAbsDifference(foldSlice(fit, FOLDS, k), forestLogits(forest, rowsAt(LINEAR, FOLDS[k]), WIDTH))).toBeLessThan(1e-12);
    }
  });

  // On a pure interaction the regression has next to nothing to start from (|β| ≤ 0.12 here), so
  // both starts end alike: on the first member's 600 validation rows the constant − linear log loss
  // is −0.0024 ± 0.0041 per row (0.6 SE). 'auto' keeps 'linear' unless the other start is better by
  // 2 SE on the first member, so here it keeps 'linear', at no cost.
  it("falls back to 'linear' on a pure interaction, where the regression is near zero and costs nothing", () => {
    const auto = fitBoostedEnsemble(XOR, FOLDS, { ...SETTINGS, start: 'auto' }, SEED);
    const constant = fitBoostedEnsemble(XOR, FOLDS, { ...SETTINGS, start: 'constant' }, SEED);
    expect(auto.start).toBe('linear');
    for (const forest of auto.forests) for (const beta of forest.linear!.coefficients) expect(Math.abs(beta)).toBeLessThan(0.2);
    // out-of-fold log loss within noise of the constant start's (observed difference 0.001)
    expect(Math.abs(meanLogLoss(auto) - meanLogLoss(constant))).toBeLessThan(0.01);
  });
});

describe('fitBoostedEnsemble fits the calibrator on exactly the out-of-fold rows', () => {
  // 3 folds of 400 rows: 1,200 validation rows of 3,000; the other 1,800 are never held out.
  const folds = interleavedFolds(1200, 3);
  const fit = fitBoostedEnsemble(LINEAR, folds, { ...SETTINGS, start: 'constant' }, SEED);

  it('counts as many calibration rows as the folds hold together', () => {
    const foldRows = folds.reduce((sum, fold) => sum + fold.length, 0);
    expect(foldRows).toBe(1200);
    expect(fit.calibration.rows).toBe(foldRows);
    expect(fit.validationLabels).toHaveLength(foldRows);
    expect(fit.validationLogits).toHaveLength(foldRows);
  });

  it("is the calibrator fitted on the out-of-fold logits and labels with the run's seed", () => {
    expect(fit.calibration).toEqual(fitCalibrator(fit.validationLogits, fit.validationLabels, SEED));
  });
});
