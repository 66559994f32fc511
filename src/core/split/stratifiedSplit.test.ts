import { describe, expect, it } from 'vitest';
import { countClass, labelsOf } from './testLabels';
import { stratifiedSplit } from './stratifiedSplit';

describe('stratifiedSplit', () => {
  const labels = labelsOf(80, 20);

  it('is reproducible: the same seed gives identical arrays', () => {
    const a = stratifiedSplit(labels, 0.2, 42);
    const b = stratifiedSplit(labels, 0.2, 42);
    expect(Array.from(a.train)).toEqual(Array.from(b.train));
    expect(Array.from(a.test)).toEqual(Array.from(b.test));
  });

  it('a different seed gives a different split', () => {
    const a = stratifiedSplit(labels, 0.2, 42);
    const b = stratifiedSplit(labels, 0.2, 43);
    expect(Array.from(a.test)).not.toEqual(Array.from(b.test));
  });

  it.each([
    // [negatives, positives, testFraction, test negatives, test positives]
    [80, 20, 0.2, 16, 4], //    80 × 0.2 = 16, 20 × 0.2 = 4
    [7, 3, 0.2, 1, 1], //       7 × 0.2 = 1.4 → 1; 3 × 0.2 = 0.6 → 1
    [50, 5, 0.3, 15, 2], //     50 × 0.3 = 15; 5 × 0.3 = 1.5 → 2
    [10, 10, 0.5, 5, 5], //     10 × 0.5 = 5
    [900, 100, 0.25, 225, 25], // 900 × 0.25 = 225; 100 × 0.25 = 25
    [9, 2, 0.1, 1, 1], //       9 × 0.1 = 0.9 → 1; 2 × 0.1 = 0.2 → 0 → at least 1
    [2, 2, 0.9, 1, 1], //       2 × 0.9 = 1.8 → 2 → never all: 1
  ])('%d negatives / %d positives at %d → %d + %d in test', (neg, pos, fraction, testNeg, testPos) => {
    const y = labelsOf(neg, pos);
    const { train, test } = stratifiedSplit(y, fraction, 7);
    expect(countClass(y, test, 0)).toBe(testNeg);
    expect(countClass(y, test, 1)).toBe(testPos);
    expect(countClass(y, train, 0)).toBe(neg - testNeg);
    expect(countClass(y, train, 1)).toBe(pos - testPos);
  });

  it('train ∪ test = all indices, disjoint', () => {
    // interleaved labels so indices of both classes are mixed
    const y = Uint8Array.from({ length: 57 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const { train, test } = stratifiedSplit(y, 0.2, 3);
    expect(train.length + test.length).toBe(57);
    const all = [...train, ...test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 57 }, (_, i) => i));
  });

  it('returns the test indices sorted ascending', () => {
    const { test } = stratifiedSplit(labels, 0.2, 11);
    const sorted = Array.from(test).sort((a, b) => a - b);
    expect(Array.from(test)).toEqual(sorted);
  });

  it.each([[0], [1], [-0.1], [1.5], [Number.NaN]])('throws for testFraction %d', (fraction) => {
    expect(() => stratifiedSplit(labels, fraction, 1)).toThrow(/testFraction/);
  });
});
