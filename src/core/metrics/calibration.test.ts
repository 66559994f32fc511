import { describe, expect, it } from 'vitest';
import { computeBrier, computeCalibration, computeExpectedCalibrationError, computeScoreDistribution, probabilityBin } from './calibration';

// Eight rows used by the binning tests: (p, label)
//   0.02 0 · 0.08 1 · 0.12 0 · 0.18 0 · 0.95 1 · 1.0 1 · 0.9 0 · 0.3 1
const P = [0.02, 0.08, 0.12, 0.18, 0.95, 1.0, 0.9, 0.3];
const Y = [0, 1, 0, 0, 1, 1, 0, 1];

describe('probabilityBin', () => {
  it.each([
    // [p, bins, bin]
    [0, 10, 0],
    [0.0999, 10, 0],
    [0.1, 10, 1], //      the lower edge belongs to the bin
    [0.3, 10, 3],
    [0.7, 10, 7],
    [0.99999, 10, 9],
    [1, 10, 9], //        the last bin is closed at 1
    [0.29, 100, 29], //   0.29 · 100 = 28.999999999999996 in floating point: must not fall to 28
    [0.57, 100, 57], //   0.57 · 100 = 56.99999999999999
    [0.5, 1, 0],
  ])('p %d with %d bins → %d', (p, bins, bin) => {
    expect(probabilityBin(p, bins)).toBe(bin);
  });
});

describe('computeBrier', () => {
  it.each([
    // ((0.8 − 1)² + (0.4 − 0)²) / 2 = (0.04 + 0.16) / 2 = 0.1
    [[1, 0], [0.8, 0.4], 0.1],
    [[1, 0], [1, 0], 0], //     perfect
    [[1, 0], [0, 1], 1], //     perfectly wrong
    // base rate 0.3 on 3 positives of 10: (3 · 0.7² + 7 · 0.3²) / 10 = (1.47 + 0.63) / 10 = 0.21 = 0.3 · 0.7
    [[1, 1, 1, 0, 0, 0, 0, 0, 0, 0], new Array(10).fill(0.3), 0.21],
  ])('labels %j, p %j → %d', (labels, p, expected) => {
    expect(computeBrier(labels, p)).toBeCloseTo(expected, 12);
  });

  it('is NaN for no rows and throws for a probability outside [0, 1]', () => {
    expect(computeBrier([], [])).toBeNaN();
    expect(() => computeBrier([1], [1.2])).toThrow(/outside/);
    expect(() => computeBrier([1], [Number.NaN])).toThrow(/outside/);
  });
});

describe('computeCalibration', () => {
  it('reports the non-empty bins of ten, worked by hand', () => {
    // bin 0 [0, .1): 0.02, 0.08 → mean 0.05, 1 of 2 positive
    // bin 1 [.1, .2): 0.12, 0.18 → mean 0.15, 0 of 2
    // bin 3 [.3, .4): 0.3 → mean 0.3, 1 of 1
    // bin 9 [.9, 1]: 0.95, 1.0, 0.9 → mean 2.85 / 3 = 0.95, 2 of 3
    // bins 2 and 4–8 are empty and omitted
    const bins = computeCalibration(Y, P);
    expect(bins.map((b) => b.bin)).toEqual([0, 1, 3, 9]);
    const expected = [
      { lower: 0, upper: 0.1, meanPredicted: 0.05, observedRate: 0.5, count: 2, positives: 1 },
      { lower: 0.1, upper: 0.2, meanPredicted: 0.15, observedRate: 0, count: 2, positives: 0 },
      { lower: 0.3, upper: 0.4, meanPredicted: 0.3, observedRate: 1, count: 1, positives: 1 },
      { lower: 0.9, upper: 1, meanPredicted: 0.95, observedRate: 2 / 3, count: 3, positives: 2 },
    ];
    bins.forEach((b, i) => {
      expect(b.lower).toBeCloseTo(expected[i].lower, 12);
      expect(b.upper).toBeCloseTo(expected[i].upper, 12);
      expect(b.meanPredicted).toBeCloseTo(expected[i].meanPredicted, 12);
      expect(b.observedRate).toBeCloseTo(expected[i].observedRate, 12);
      expect(b.count).toBe(expected[i].count);
      expect(b.positives).toBe(expected[i].positives);
    });
  });

  it('with 2 bins splits at 0.5', () => {
    // [0, .5): 0.02, 0.08, 0.12, 0.18, 0.3 → mean 0.7 / 5 = 0.14, 2 of 5; [.5, 1]: 0.95, 1, 0.9 → 0.95, 2 of 3
    const bins = computeCalibration(Y, P, 2);
    expect(bins.map((b) => [b.bin, b.count, b.positives])).toEqual([
      [0, 5, 2],
      [1, 3, 2],
    ]);
    expect(bins[0].meanPredicted).toBeCloseTo(0.14, 12);
    expect(bins[1].observedRate).toBeCloseTo(2 / 3, 12);
  });

  it('is empty for no rows and throws for bad bins or probabilities', () => {
    expect(computeCalibration([], [])).toEqual([]);
    expect(() => computeCalibration(Y, P, 0)).toThrow(/bins/);
    expect(() => computeCalibration([1], [-0.1])).toThrow(/outside/);
  });
});

describe('computeScoreDistribution', () => {
  it('counts each class per bin, keeping empty bins (4 bins, by hand)', () => {
    // [0, .25): 0.02 n, 0.08 p, 0.12 n, 0.18 n → 1 p, 3 n
    // [.25, .5): 0.3 p → 1 p
    // [.5, .75): none
    // [.75, 1]: 0.95 p, 1.0 p, 0.9 n → 2 p, 1 n
    expect(computeScoreDistribution(Y, P, 4)).toEqual([
      { bin: 0, lower: 0, upper: 0.25, positives: 1, negatives: 3 },
      { bin: 1, lower: 0.25, upper: 0.5, positives: 1, negatives: 0 },
      { bin: 2, lower: 0.5, upper: 0.75, positives: 0, negatives: 0 },
      { bin: 3, lower: 0.75, upper: 1, positives: 2, negatives: 1 },
    ]);
  });

  it('has 20 bins by default whose counts add up to the rows', () => {
    const bins = computeScoreDistribution(Y, P);
    expect(bins).toHaveLength(20);
    expect(bins.reduce((s, b) => s + b.positives, 0)).toBe(4);
    expect(bins.reduce((s, b) => s + b.negatives, 0)).toBe(4);
    // 0.3 sits at the lower edge of bin 6 = [0.30, 0.35)
    expect(bins[6].positives).toBe(1);
  });
});

describe('computeExpectedCalibrationError', () => {
  it.each([
    // 10 bins, from the bins worked by hand above:
    //   bin 0: 2 rows, |0.05 − 1/2| = 0.45 · bin 1: 2 rows, |0.15 − 0| = 0.15
    //   bin 3: 1 row,  |0.3 − 1| = 0.7     · bin 9: 3 rows, |0.95 − 2/3| = 0.85 / 3
    //   (2 · 0.45 + 2 · 0.15 + 1 · 0.7 + 3 · 0.85 / 3) / 8 = (0.9 + 0.3 + 0.7 + 0.85) / 8 = 2.75 / 8
    //   (an unweighted mean of the four gaps would be 0.3958…)
    [10, 2.75 / 8],
    // 2 bins: 5 rows |0.14 − 0.4| = 0.26 and 3 rows |0.95 − 2/3|: (5 · 0.26 + 0.85) / 8 = 2.15 / 8
    [2, 2.15 / 8],
    // 1 bin: |mean p − positive rate| = |3.55 / 8 − 4 / 8| = 0.45 / 8
    [1, 0.45 / 8],
  ])('with %d bins is %d, worked by hand', (bins, expected) => {
    expect(computeExpectedCalibrationError(Y, P, bins)).toBeCloseTo(expected, 12);
  });

  it('defaults to 10 bins', () => {
    expect(computeExpectedCalibrationError(Y, P)).toBeCloseTo(2.75 / 8, 12);
  });

  it('is 0 when every bin’s mean prediction equals its positive rate', () => {
    // bin 2: 0.25 × 4 with 1 positive; bin 7: 0.75 × 4 with 3 positives
    const p = [0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75];
    const y = [1, 0, 0, 0, 1, 1, 1, 0];
    expect(computeExpectedCalibrationError(y, p)).toBeCloseTo(0, 12);
  });

  it('is NaN for no rows and throws for a probability outside [0, 1]', () => {
    expect(computeExpectedCalibrationError([], [])).toBeNaN();
    expect(() => computeExpectedCalibrationError([1], [1.5])).toThrow(/outside/);
  });
});
