import { describe, expect, it } from 'vitest';
import { fitLogisticRegression } from './logisticRegression';

// Expected values from scikit-learn 1.2 (Debian's /usr/bin/python3), printed by:
//   import numpy as np; from sklearn.linear_model import LogisticRegression
//   rng = np.random.default_rng(7); n, k = 40, 3
//   X = np.round(rng.normal(size=(n, k)) * [1.0, 2.0, 0.5], 3)
//   X[:, 2] = np.round(X[:, 2] + 0.5 * X[:, 0], 3)          # columns 0 and 2 correlated
//   z = 0.3 + X @ np.array([1.2, -0.4, 0.8])
//   y = (rng.random(n) < 1 / (1 + np.exp(-z))).astype(int)
//   w = np.round(rng.uniform(0.5, 2.0, size=n), 2)
//   fit = lambda **kw: LogisticRegression(tol=1e-10, max_iter=10000, solver='newton-cg', **kw)
//   for l2 in [0.05, 0.001]: fit(C=1 / (n * l2)).fit(X, y)
//   fit(penalty='none').fit(X, y)
//   fit(C=1 / (w.sum() * 0.05)).fit(X, y, sample_weight=w)
// newton-cg, not the default lbfgs: at tol 1e-10 lbfgs stops up to 1.4e-5 from the optimum (C = 25),
// while newton-cg agrees with scipy's trust-exact on the same objective (gradient 1e-14) to 3e-9.
// Our Newton iteration converges to rounding, so the tolerance is 1e-7.
const X = [
  0.001, 0.597, -0.136, -0.891, -0.909, -0.942, 0.06, 2.68, -0.216, -0.62, 0.98, -0.132, 0.105, -1.861, 0.038, 0.695, -2.688, 0.118, -1.901, -2.579, -1.872, -0.235, -2.535, 0.019,
  0.157, -0.374, -1.18, -0.539, -0.097, -0.213, -1.53, -0.956, -1.254, -0.809, 2.122, -0.808, -0.033, 1.769, -0.308, -0.112, 0.221, -0.024, -1.225, 0.152, 0.066, -1.547, 1.719,
  -0.714, -0.641, 4.001, 0.06, -1.199, 0.149, -0.312, -0.189, 1.366, -0.128, 0.667, 2.877, -0.005, 0.203, -0.927, 0.166, -1.187, -1.159, -0.692, 0.899, 2.29, -0.213, -0.795, 1.294,
  -1.394, -0.463, -0.195, 0.397, 0.689, -0.654, 0.16, -0.25, 3.047, -0.339, -0.304, 0.705, -0.212, -0.197, -2.228, -0.105, -0.444, 2.332, 0.105, -0.024, 1.337, -0.182, 1.052,
  -0.011, 0.818, -1.291, 0.693, -1.49, -2.035, -0.609, -1.468, 0.164, 4.49, -0.334, -0.624, 0.411, -0.065, -0.176, -0.412, 0.263, 0.52, -2.067, 0.22, 0.035, -2.109, 0.148, -0.858,
  1.944, -0.333,
];
const y = [0, 0, 0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 0];
const w = [
  1.87, 1.76, 0.67, 1.41, 1.22, 1.39, 1.49, 0.96, 1.94, 1.2, 1.44, 1.45, 0.78, 0.59, 1.12, 1.65, 1.72, 1.59, 0.67, 1.87, 1.7, 1.82, 1.28, 1.87, 0.57, 0.55, 0.53, 0.88, 0.87, 0.78,
  1.35, 0.56, 1.39, 0.75, 1.52, 0.53, 0.97, 1.91, 1.31, 1.72,
];
const K = 3;

const SKLEARN = {
  l2_0_05: { intercept: -0.20792478177924015, coefficients: [0.9933056516617202, -0.5708331893198599, 0.5817417870417971] },
  l2_0_001: { intercept: 0.04667494425651078, coefficients: [1.8684250497982176, -0.7151925835085295, 0.979671213485874] },
  none: { intercept: 0.05943740774406724, coefficients: [1.9206990799482362, -0.7219953017017553, 1.0058699857352937] },
  weighted_l2_0_05: { intercept: -0.3426447806044674, coefficients: [1.1137191812542488, -0.7061957623173998, 0.47775138931792765] },
};

function expectFit(fit: { intercept: number; coefficients: Float64Array }, expected: { intercept: number; coefficients: number[] }): void {
  expect(Math.abs(fit.intercept - expected.intercept)).toBeLessThan(1e-7);
  expect(fit.coefficients).toHaveLength(expected.coefficients.length);
  expected.coefficients.forEach((c, j) => expect(Math.abs(fit.coefficients[j] - c)).toBeLessThan(1e-7));
}

describe('fitLogisticRegression matches scikit-learn 1.2 LogisticRegression (C = 1 / (Σw · l2))', () => {
  const x = Float64Array.from(X);

  it('with l2 = 0.05 (C = 0.5)', () => {
    const fit = fitLogisticRegression(x, y, K, { l2: 0.05 });
    expectFit(fit, SKLEARN.l2_0_05);
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBeLessThan(20);
  });

  it('with l2 = 0.001 (C = 25)', () => {
    expectFit(fitLogisticRegression(x, y, K, { l2: 0.001 }), SKLEARN.l2_0_001);
  });

  it('unpenalised (l2 = 0, sklearn penalty="none")', () => {
    expectFit(fitLogisticRegression(x, y, K), SKLEARN.none);
  });

  it('with sample weights: the loss is their weighted mean', () => {
    expectFit(fitLogisticRegression(x, y, K, { l2: 0.05, weights: w }), SKLEARN.weighted_l2_0_05);
  });
});

describe('fitLogisticRegression on separable data', () => {
  // sklearn 1.2: LogisticRegression(C=1 / (8 * 0.1), tol=1e-10, max_iter=10000, solver='newton-cg').fit(XS, YS)
  const XS = [-2.0, 1.0, -1.5, -0.5, -1.0, 0.3, -0.5, 2.0, 0.5, -1.0, 1.0, 0.7, 1.5, -0.2, 2.0, 1.5];
  const YS = [0, 0, 0, 0, 1, 1, 1, 1];

  it('stays finite with l2 > 0 and matches sklearn', () => {
    const fit = fitLogisticRegression(Float64Array.from(XS), YS, 2, { l2: 0.1 });
    expect(fit.converged).toBe(true);
    expectFit(fit, { intercept: 0.18578795891738326, coefficients: [1.4646706315403748, -0.44992119127104996] });
  });

  it('with l2 = 0 still returns finite numbers, the separating slope far beyond the penalised one', () => {
    const fit = fitLogisticRegression(Float64Array.from(XS), YS, 2);
    expect(fit.iterations).toBeLessThan(100);
    expect(Number.isFinite(fit.intercept)).toBe(true);
    fit.coefficients.forEach((c) => expect(Number.isFinite(c)).toBe(true));
    // the separating direction grows without bound: far beyond the penalised optimum
    expect(fit.coefficients[0]).toBeGreaterThan(10);
  });
});

describe('fitLogisticRegression, worked by hand', () => {
  it('with no columns (k = 0) the intercept is the log-odds of the base rate', () => {
    // 3 positives of 10: ln(3/7)
    const fit = fitLogisticRegression(new Float64Array(0), [1, 0, 0, 1, 0, 0, 0, 1, 0, 0], 0);
    expect(fit.intercept).toBeCloseTo(Math.log(3 / 7), 12);
    expect(fit.coefficients).toHaveLength(0);
  });

  it("one binary column with l2 = 0 reproduces the two groups' log-odds", () => {
    // x = 0: 1 positive of 4 → ln(1/3); x = 1: 3 of 4 → ln(3); so β₀ = ln(1/3), β₁ = ln 3 − ln(1/3) = ln 9
    const x = Float64Array.from([0, 0, 0, 0, 1, 1, 1, 1]);
    const fit = fitLogisticRegression(x, [1, 0, 0, 0, 1, 1, 1, 0], 1);
    expect(fit.intercept).toBeCloseTo(Math.log(1 / 3), 10);
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(9), 10);
  });

  it('a duplicated column with l2 = 0 still gives finite, equal halves (the ridge fallback)', () => {
    const x = Float64Array.from([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
    const fit = fitLogisticRegression(x, [1, 0, 0, 0, 1, 1, 1, 0], 2);
    expect(fit.coefficients[0] + fit.coefficients[1]).toBeCloseTo(Math.log(9), 6);
  });

  it('rejects bad input', () => {
    expect(() => fitLogisticRegression(new Float64Array(3), [0, 1], 2)).toThrow(RangeError);
    expect(() => fitLogisticRegression(new Float64Array(2), [0, 2], 1)).toThrow(RangeError);
    expect(() => fitLogisticRegression(new Float64Array(2), [1, 1], 1)).toThrow(/both labels/);
    expect(() => fitLogisticRegression(new Float64Array(2), [0, 1], 1, { l2: -1 })).toThrow(RangeError);
    expect(() => fitLogisticRegression(Float64Array.from([0, NaN]), [0, 1], 1)).toThrow(RangeError);
  });
});
