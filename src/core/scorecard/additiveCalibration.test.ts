import { describe, expect, it } from 'vitest';
import { chooseAdditiveCalibration } from './additiveCalibration';

// Expected values from scikit-learn 1.2's _sigmoid_calibration (a = −A, b = −B), printed by:
//   rng = np.random.default_rng(11); n = 60; z = np.round(rng.normal(scale=2.0, size=n), 2); fold = np.arange(n) % 3
//   overconfident = (rng.random(n) < expit(z / 3 + 0.4)).astype(int)
//   calibrated = (rng.random(n) < expit(z)).astype(int)
//   for each: none = log loss of expit(z); for f in 0..2: A, B = _sigmoid_calibration(z[fold != f], y[fold != f]),
//   held[fold == f] = expit(-(A·z + B)); platt = log loss of held; A, B = _sigmoid_calibration(z, y)
// sklearn's BFGS stops at a gradient of 1e-5, hence 1e-5 on a and b.
const Z = [
  0.07, 2.72, 2.45, -1.02, -0.6, -1.05, 1.14, -0.11, 1.49, -3.69, 3.13, -0.19, 1.36, -0.27, -0.76, 0.93, 1.65, -0.41, -0.31, 1.37, -1.74, -3.03, 0.79, -1.34, -3.84, -1.63, -0.94,
  -2.39, -2.98, 0.07, 1.79, -0.47, -1.49, 0.77, 1.43, -0.6, 1.09, 2.09, -0.41, -1.63, 0.7, 0.5, 2.2, -2.57, -1.32, -1.68, -3.47, 0.25, 1.06, -1.48, 2.77, 1.64, 1.25, 0.8, 1.91,
  -2.66, 1.23, 1.21, -3.54, 0.69,
];
const OVERCONFIDENT = [
  1, 0, 1, 1, 0, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1, 0, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 0,
  1,
];
const CALIBRATED = [
  1, 1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 1, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1, 0, 0, 1, 0,
  1,
];
const FOLD_OF = Int32Array.from(Z, (_, i) => i % 3);

describe('chooseAdditiveCalibration', () => {
  it('chooses Platt for logits three times too steep, and matches sklearn', () => {
    // sklearn: none 0.8848062433984987, platt (out of fold) 0.659542567739088, a 0.173584681923161, b 0.5039206779699462
    const c = chooseAdditiveCalibration(Float64Array.from(Z), OVERCONFIDENT, FOLD_OF, 3);
    expect(c.method).toBe('platt');
    expect(c.reason).toBe('compared');
    expect(c.outOfFoldLogLoss!.none).toBeCloseTo(0.8848062433984987, 10);
    expect(c.outOfFoldLogLoss!.platt).toBeCloseTo(0.659542567739088, 5);
    expect(Math.abs(c.a - 0.173584681923161)).toBeLessThan(1e-5);
    expect(Math.abs(c.b - 0.5039206779699462)).toBeLessThan(1e-5);
    expect(c).toMatchObject({ folds: 3, rows: 60 });
  });

  it('keeps the logits as fitted when they are calibrated already', () => {
    // sklearn: none 0.39147291006516544, platt (out of fold) 0.4101667261331131
    const c = chooseAdditiveCalibration(Float64Array.from(Z), CALIBRATED, FOLD_OF, 3);
    expect(c).toMatchObject({ method: 'none', a: 1, b: 0, reason: 'compared' });
    expect(c.outOfFoldLogLoss!.none).toBeCloseTo(0.39147291006516544, 10);
    expect(c.outOfFoldLogLoss!.platt).toBeCloseTo(0.4101667261331131, 5);
  });

  it('with one validation fold, still scores Platt out of sample and finds the overconfidence', () => {
    const c = chooseAdditiveCalibration(Float64Array.from(Z), OVERCONFIDENT, new Int32Array(Z.length), 1);
    expect(c.method).toBe('platt');
    // refitted on all the logits: the same a, b as with three folds
    expect(Math.abs(c.a - 0.173584681923161)).toBeLessThan(1e-5);
  });

  it('is as fitted without folds or with too few rows', () => {
    expect(chooseAdditiveCalibration(new Float64Array(0), [], new Int32Array(0), 0)).toMatchObject({ method: 'none', reason: 'no-folds', outOfFoldLogLoss: null });
    const few = chooseAdditiveCalibration(Float64Array.from(Z.slice(0, 10)), OVERCONFIDENT.slice(0, 10), FOLD_OF.slice(0, 10), 3);
    expect(few).toMatchObject({ method: 'none', a: 1, b: 0, reason: 'too-few-rows' });
  });
});
