import { describe, expect, it } from 'vitest';
import { createRandom } from '../split/random';
import { computeMedian, computeOutlierBounds, formatNumber, quantileInPlace, selectInPlace } from './statistics';

describe('quantileInPlace', () => {
  it.each([
    // numpy.quantile([1..9, 100], p) with the default linear method
    [0, 1],
    [0.25, 3.25], // position 9·0.25 = 2.25 → 3 + 0.25·(4 − 3)
    [0.5, 5.5], //   position 4.5 → (5 + 6) / 2
    [0.75, 7.75], // position 6.75 → 7 + 0.75·(8 − 7)
    [0.9, 18.1], //  position 8.1 → 9 + 0.1·(100 − 9)
    [1, 100],
  ])('p = %d of 1..9 and 100 (shuffled) is %d', (p, expected) => {
    const a = Float64Array.from([100, 7, 3, 9, 1, 5, 8, 2, 6, 4]);
    expect(quantileInPlace(a, a.length, p)).toBeCloseTo(expected, 12);
  });

  it('uses only the first n values', () => {
    const a = Float64Array.from([5, 1, 3, 1000, -1000]);
    expect(quantileInPlace(a, 3, 0.5)).toBe(3);
  });

  it('is NaN for no values', () => {
    expect(quantileInPlace(new Float64Array(0), 0, 0.5)).toBeNaN();
  });

  it('agrees with a full sort on random data full of ties', () => {
    const random = createRandom(7);
    for (const n of [1, 2, 3, 10, 101, 5000]) {
      const values = Float64Array.from({ length: n }, () => Math.floor(random() * 20));
      const sorted = Float64Array.from(values).sort();
      for (const k of [0, n >> 2, n >> 1, n - 1]) expect(selectInPlace(Float64Array.from(values), k)).toBe(sorted[k]);
    }
  });
});

describe('computeMedian', () => {
  it.each([
    [[], 0],
    [[7], 7],
    [[3, 1, 2], 2],
    // sorted 1, 2, 3, 4 → (2 + 3) / 2
    [[4, 1, 3, 2], 2.5],
    // numeric order 9, 10, 100 → 10 (a text sort would give "10", "100", "9" → 100)
    [[100, 9, 10], 10],
    [[-5, -1, -10], -5],
  ])('median of %j is %d', (values, expected) => {
    expect(computeMedian(values)).toBe(expected);
  });
});

describe('computeOutlierBounds', () => {
  it.each([
    // 1..9 and 100: q1 3.25, q3 7.75, IQR 4.5 → 3.25 − 1.5·4.5 = −3.5, 7.75 + 6.75 = 14.5
    [{ method: 'iqr', threshold: 1.5, action: 'clip' }, -3.5, 14.5],
    // mean 14.5, population std √818.25 = 28.605069…, ± 3 std
    [{ method: 'zscore', threshold: 3, action: 'clip' }, 14.5 - 3 * Math.sqrt(818.25), 14.5 + 3 * Math.sqrt(818.25)],
  ] as const)('%j → [%d, %d]', (rule, lower, upper) => {
    const a = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 100]);
    const bounds = computeOutlierBounds(a, a.length, rule)!;
    expect(bounds.lower).toBeCloseTo(lower, 10);
    expect(bounds.upper).toBeCloseTo(upper, 10);
  });

  it('is null for no values', () => {
    expect(computeOutlierBounds(new Float64Array(3), 0, { method: 'iqr', threshold: 1.5, action: 'drop' })).toBeNull();
  });
});

describe('formatNumber', () => {
  it.each([
    [1500, '1500'],
    [1 / 3, '0.333333'],
    [-71.31520844232682, '-71.3152'],
    [1e21, '1e+21'],
  ])('%d → %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
});
