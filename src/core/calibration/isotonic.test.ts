import { describe, expect, it } from 'vitest';
import { applyIsotonic, fitIsotonic } from './isotonic';

// Expected values printed by sklearnReference.py (scikit-learn 1.2.1,
// IsotonicRegression(out_of_bounds='clip', increasing=True): X_thresholds_, y_thresholds_, predict).
const QUERIES = [-10.0, 0.5, 1.0, 1.5, 2.0, 2.25, 2.5, 3.0, 3.7, 4.0, 4.5, 5.0, 5.5, 6.0, 6.5, 7.0, 100.0];

interface Case {
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly w?: readonly number[];
  readonly thresholdsX: readonly number[];
  readonly thresholdsY: readonly number[];
  readonly predictions: readonly number[];
}

const CASES: Record<string, Case> = {
  // Ties at 2 and 6 are merged before pooling (2 → mean 0.5, weight 2), then {2, 3} pool to 1/3 and
  // {4, 5} to 0.5. Without tie merging x = 2 would appear twice and the block at 2–3 would differ.
  ties: {
    x: [1, 2, 2, 3, 4, 5, 6, 6, 7],
    y: [0, 1, 0, 0, 1, 0, 1, 1, 1],
    thresholdsX: [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0],
    thresholdsY: [0.0, 0.3333333333333333, 0.3333333333333333, 0.5, 0.5, 1.0, 1.0],
    predictions: [
      0.0, 0.0, 0.0, 0.16666666666666666, 0.3333333333333333, 0.3333333333333333, 0.3333333333333333, 0.3333333333333333, 0.45, 0.5, 0.5, 0.5, 0.75, 1.0, 1.0, 1.0, 1.0,
    ],
  },
  // x = 1 … 5 pool into one block of 0.4: only its first and last x are kept as thresholds.
  flat: {
    x: [0, 1, 2, 3, 4, 5, 6, 7],
    y: [0, 1, 1, 0, 0, 0, 1, 1],
    thresholdsX: [0.0, 1.0, 5.0, 6.0, 7.0],
    thresholdsY: [0.0, 0.4, 0.4, 1.0, 1.0],
    predictions: [0.0, 0.2, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.7, 1.0, 1.0, 1.0, 1.0],
  },
  // Unsorted, weighted, a weighted tie at x = 3 and a zero weight at x = 4 (dropped: 4 is no threshold).
  weighted: {
    x: [5, 3, 1, 3, 2, 4, 6, 0],
    y: [0.2, 0.9, 0.4, 0.1, 0.3, 0.8, 1.0, 0.5],
    w: [1.0, 2.0, 0.5, 1.0, 3.0, 0.0, 1.0, 1.5],
    thresholdsX: [0.0, 2.0, 3.0, 5.0, 6.0],
    thresholdsY: [0.37, 0.37, 0.5250000000000001, 0.5250000000000001, 1.0],
    predictions: [
      0.37, 0.37, 0.37, 0.37, 0.37, 0.40875000000000006, 0.44750000000000006, 0.5250000000000001, 0.5250000000000001, 0.5250000000000001, 0.5250000000000001, 0.5250000000000001,
      0.7625000000000001, 1.0, 1.0, 1.0, 1.0,
    ],
  },
  // 1 and 1 + 2⁻⁵² are one tie for sklearn (gap below 1e-15), keeping the first x.
  'near tie': {
    x: [0.0, 1.0, 1.0 + 2 ** -52, 2.0],
    y: [0, 1, 0, 1],
    thresholdsX: [0.0, 1.0, 2.0],
    thresholdsY: [0.0, 0.5, 1.0],
    predictions: [0.0, 0.25, 0.5, 0.75, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0],
  },
  // 300 rows on 40 integer x values (same integer formulas as the script): many pools and backtracks.
  larger: {
    x: Array.from({ length: 300 }, (_, i) => ((i * 37) % 101) % 40),
    y: Array.from({ length: 300 }, (_, i) => (((i * i * 7) % 11) + (((i * 37) % 101) % 40) / 8 > 7 ? 1 : 0)),
    thresholdsX: [0.0, 1.0, 2.0, 7.0, 8.0, 10.0, 11.0, 29.0, 30.0, 35.0, 36.0, 38.0, 39.0],
    thresholdsY: [
      0.3333333333333333, 0.4444444444444444, 0.5370370370370371, 0.5370370370370371, 0.6666666666666666, 0.6666666666666666, 0.7092198581560284, 0.7092198581560284,
      0.7222222222222222, 0.7222222222222222, 0.7777777777777778, 0.7777777777777778, 0.8333333333333334,
    ],
    predictions: [
      0.3333333333333333, 0.38888888888888884, 0.4444444444444444, 0.49074074074074076, 0.5370370370370371, 0.5370370370370371, 0.5370370370370371, 0.5370370370370371,
      0.5370370370370371, 0.5370370370370371, 0.5370370370370371, 0.5370370370370371, 0.5370370370370371, 0.5370370370370371, 0.5370370370370371, 0.5370370370370371,
      0.8333333333333334,
    ],
  },
};

function expectCloseAll(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => expect(v, `index ${i}`).toBeCloseTo(expected[i], 13));
}

describe('fitIsotonic and applyIsotonic match scikit-learn 1.2', () => {
  it.each(Object.entries(CASES))('%s: thresholds and predictions', (_, c) => {
    const fitted = fitIsotonic(c.x, c.y, c.w);
    // exact x: thresholds are input values, never computed
    expect(fitted.x).toEqual(c.thresholdsX);
    expectCloseAll(fitted.y, c.thresholdsY);
    expectCloseAll(
      QUERIES.map((q) => applyIsotonic(fitted, q)),
      c.predictions,
    );
  });

  it('does not depend on the input order', () => {
    const c = CASES.ties;
    const order = [8, 3, 0, 6, 2, 5, 1, 7, 4];
    const shuffled = fitIsotonic(
      order.map((i) => c.x[i]),
      order.map((i) => c.y[i]),
    );
    expect(shuffled.x).toEqual(c.thresholdsX);
    expectCloseAll(shuffled.y, c.thresholdsY);
  });

  it('treats weight 2 like a repeated row', () => {
    // ties case with the duplicated (6, 1) written once with weight 2
    const fitted = fitIsotonic([1, 2, 2, 3, 4, 5, 6, 7], [0, 1, 0, 0, 1, 0, 1, 1], [1, 1, 1, 1, 1, 1, 2, 1]);
    expect(fitted.x).toEqual(CASES.ties.thresholdsX);
    expectCloseAll(fitted.y, CASES.ties.thresholdsY);
  });
});

describe('fitIsotonic edge cases', () => {
  it('predicts a constant for a single distinct x', () => {
    // three rows at x = 4: one point of mean 2/3, returned everywhere
    const fitted = fitIsotonic([4, 4, 4], [1, 0, 1]);
    expect(fitted).toEqual({ x: [4], y: [2 / 3] });
    expect(applyIsotonic(fitted, -1e9)).toBeCloseTo(2 / 3, 15);
    expect(applyIsotonic(fitted, 4)).toBeCloseTo(2 / 3, 15);
    expect(applyIsotonic(fitted, 1e9)).toBeCloseTo(2 / 3, 15);
  });

  it('pools an entirely decreasing sequence into its mean, keeping both ends', () => {
    // y = 4, 3, 2, 1 → one block of mean 2.5 from x = 0 to x = 3
    expect(fitIsotonic([0, 1, 2, 3], [4, 3, 2, 1])).toEqual({ x: [0, 3], y: [2.5, 2.5] });
  });

  it('leaves an increasing sequence as it is', () => {
    expect(fitIsotonic([0, 1, 2], [0.1, 0.5, 0.9])).toEqual({ x: [0, 1, 2], y: [0.1, 0.5, 0.9] });
  });

  it('returns NaN for NaN and throws for bad input', () => {
    expect(applyIsotonic(fitIsotonic([0, 1], [0, 1]), Number.NaN)).toBeNaN();
    expect(() => fitIsotonic([], [])).toThrow(RangeError);
    expect(() => fitIsotonic([1, 2], [0, 1], [0, 0])).toThrow(/positive weight/);
    expect(() => fitIsotonic([1, 2], [0])).toThrow(RangeError);
    expect(() => fitIsotonic([1, Number.NaN], [0, 1])).toThrow(/finite/);
    expect(() => fitIsotonic([1, 2], [0, 1], [1, -1])).toThrow(/weight/);
  });
});
