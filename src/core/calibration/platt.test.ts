import { describe, expect, it } from 'vitest';
import { applyPlatt, fitPlatt } from './platt';

// Reference values printed by sklearnReference.py (scikit-learn 1.2.1 and scipy). sklearn's
// `_sigmoid_calibration` returns A, B for p = 1 / (1 + exp(A·f + B)), so a = −A and b = −B. Its BFGS
// stops at a gradient of 1e-5; the "tight" values minimise the same objective with scipy's
// trust-exact to a gradient of 1e-13, and pin our Newton iteration more closely.
const OVERLAP_SCORES = [-3.1, -2.4, -2.0, -1.7, -1.2, -0.9, -0.6, -0.3, -0.1, 0.0, 0.2, 0.4, 0.5, 0.8, 1.1, 1.3, 1.9, 2.2, 2.8, 3.5];
const OVERLAP_LABELS = [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1];
const OVERLAP_SKLEARN = { A: -0.6520698039971858, B: 0.3187112673945502 };
const OVERLAP_TIGHT = { A: -0.652069886601464, B: 0.31871127622154044 };

const SEPARATED_SCORES = [-2.0, -1.5, -1.0, -0.5, 0.5, 1.0, 1.5, 2.0];
const SEPARATED_LABELS = [0, 0, 0, 0, 1, 1, 1, 1];
const SEPARATED_TIGHT_A = -1.1456933445968889; // B ≈ 0 by symmetry

describe('fitPlatt matches scikit-learn 1.2 _sigmoid_calibration', () => {
  it('on 20 overlapping scores (8 positives, 12 negatives)', () => {
    const fitted = fitPlatt(OVERLAP_SCORES, OVERLAP_LABELS);
    expect(fitted.a).toBeCloseTo(-OVERLAP_TIGHT.A, 10);
    expect(fitted.b).toBeCloseTo(-OVERLAP_TIGHT.B, 10);
    // and sklearn's own (looser) optimum to its tolerance
    expect(fitted.a).toBeCloseTo(-OVERLAP_SKLEARN.A, 6);
    expect(fitted.b).toBeCloseTo(-OVERLAP_SKLEARN.B, 6);
    // predictions in sklearn's own form, 1 / (1 + exp(A·f + B)): a sign slip in a or b fails here
    for (const f of [-3, -0.5, 0, 1.2, 4]) {
      expect(applyPlatt(fitted, f)).toBeCloseTo(1 / (1 + Math.exp(OVERLAP_TIGHT.A * f + OVERLAP_TIGHT.B)), 10);
    }
  });

  it('keeps the optimum finite for perfectly separated classes', () => {
    const fitted = fitPlatt(SEPARATED_SCORES, SEPARATED_LABELS);
    expect(fitted.a).toBeCloseTo(-SEPARATED_TIGHT_A, 10);
    expect(fitted.b).toBeCloseTo(0, 10);
  });
});

describe('fitPlatt edge cases, worked by hand', () => {
  it('is equivariant in the score scale: scores × 10⁶ give a × 10⁻⁶ and the same b', () => {
    // p = σ(a·s + b) = σ((a / c)·(c·s) + b), so the optimum for c·s is (a / c, b)
    const scaled = fitPlatt(
      OVERLAP_SCORES.map((s) => s * 1e6),
      OVERLAP_LABELS,
    );
    expect(scaled.a * 1e6).toBeCloseTo(-OVERLAP_TIGHT.A, 9);
    expect(scaled.b).toBeCloseTo(-OVERLAP_TIGHT.B, 9);
  });

  it('handles scores near the float64 limit without overflow', () => {
    // One negative at −1e300, one positive at +1e300: targets 1/3 and 2/3, met exactly by
    // σ(±ln 2), so a = ln 2 / 1e300 and b = 0.
    const fitted = fitPlatt([-1e300, 1e300], [0, 1]);
    expect(fitted.a * 1e300).toBeCloseTo(Math.LN2, 10);
    expect(fitted.b).toBeCloseTo(0, 10);
    expect(applyPlatt(fitted, 1e300)).toBeCloseTo(2 / 3, 10);
  });

  it('gives a = 0 and b = logit of the smoothed rate for constant scores', () => {
    // 3 positives, 7 negatives: targets 4/5 and 1/9; mean (3 · 4/5 + 7/9) / 10 = 143 / 450
    const fitted = fitPlatt(new Array(10).fill(2.5), [1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(fitted.a).toBe(0);
    expect(fitted.b).toBeCloseTo(Math.log(143 / 307), 12);
  });

  it('gives a ≈ 0 and b = logit of the smoothed target for one class', () => {
    // 5 positives: target 6/7, logit ln 6; 4 negatives: target 1/6, logit −ln 5
    const positive = fitPlatt([-2, -1, 0, 1, 2], [1, 1, 1, 1, 1]);
    expect(positive.a).toBeCloseTo(0, 9);
    expect(positive.b).toBeCloseTo(Math.log(6), 9);
    const negative = fitPlatt([0.3, 0.1, 5, -7], [0, 0, 0, 0]);
    expect(negative.a).toBeCloseTo(0, 9);
    expect(negative.b).toBeCloseTo(-Math.log(5), 9);
  });

  it('applies a zero slope to an infinite score without NaN', () => {
    expect(applyPlatt({ a: 0, b: Math.log(3) }, Infinity)).toBeCloseTo(0.75, 15);
    expect(applyPlatt({ a: 2, b: -1 }, 0.5)).toBe(0.5); // σ(2 · 0.5 − 1) = σ(0)
  });

  it('throws for no rows, unequal lengths, labels other than 0/1 and non-finite scores', () => {
    expect(() => fitPlatt([], [])).toThrow(RangeError);
    expect(() => fitPlatt([1, 2], [1])).toThrow(RangeError);
    expect(() => fitPlatt([1, 2], [1, 2])).toThrow(/0 or 1/);
    expect(() => fitPlatt([1, Number.NaN], [1, 0])).toThrow(/finite/);
  });
});
