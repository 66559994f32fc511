import { describe, expect, it } from 'vitest';
import { computeBaselineMetrics, computeBinaryMetrics, computeConfusion, computeLogLoss, computeRocAuc } from './binary';

describe('computeRocAuc', () => {
  it('counts ties as one half (worked by hand)', () => {
    // positives (labels 1) score 0.9, 0.7, 0.3; negatives score 0.9, 0.3, 0.1; 3 × 3 = 9 pairs
    //   pos 0.9: vs 0.9 tie ½, vs 0.3 win 1, vs 0.1 win 1 → 2.5
    //   pos 0.7: vs 0.9 loss 0, vs 0.3 win 1, vs 0.1 win 1 → 2
    //   pos 0.3: vs 0.9 loss 0, vs 0.3 tie ½, vs 0.1 win 1 → 1.5
    //   AUC = (2.5 + 2 + 1.5) / 9 = 6 / 9 = 2/3
    expect(computeRocAuc([1, 0, 1, 0, 1, 0], [0.9, 0.9, 0.7, 0.3, 0.3, 0.1])).toBeCloseTo(2 / 3, 12);
  });

  it.each([
    // [label, labels, scores, expected]
    // positives 0.35, 0.8; negatives 0.1, 0.4: 0.35 beats 0.1 only (1), 0.8 beats both (2) → 3/4
    ['sklearn example', [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], 0.75],
    ['perfect ranking', [0, 0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4, 0.5], 1],
    ['inverted ranking', [1, 1, 0, 0, 0], [0.1, 0.2, 0.3, 0.8, 0.9], 0],
    ['all scores equal', [1, 0, 1, 0, 0], [0.4, 0.4, 0.4, 0.4, 0.4], 0.5],
    ['only positives', [1, 1, 1], [0.1, 0.5, 0.9], 0.5],
    ['only negatives', [0, 0, 0], [0.1, 0.5, 0.9], 0.5],
    ['no rows', [], [], 0.5],
    // unsorted input: positives 0.6, 0.2; negatives 0.5, 0.1, 0.7
    //   0.6 beats 0.5, 0.1 → 2; 0.2 beats 0.1 → 1; total 3 of 2 × 3 = 6 → 0.5
    ['unsorted input', [1, 0, 0, 1, 0], [0.6, 0.5, 0.1, 0.2, 0.7], 0.5],
    // one tie group with one positive and one negative, plus a clear win: positives 0.5, 0.9; negatives 0.5
    //   0.5 vs 0.5 → ½; 0.9 vs 0.5 → 1; (½ + 1) / 2 = 0.75
    ['tie group', [1, 0, 1], [0.5, 0.5, 0.9], 0.75],
  ])('%s → %d', (_label, labels, scores, expected) => {
    expect(computeRocAuc(labels, scores)).toBeCloseTo(expected, 12);
  });

  it('reads typed arrays', () => {
    expect(computeRocAuc(Float32Array.from([0, 1]), Float32Array.from([0.2, 0.8]))).toBe(1);
  });
});

describe('computeConfusion', () => {
  it('a probability equal to the threshold counts as positive', () => {
    // row: label, p → outcome at 0.5
    //   0: 1, 0.5  → tp (0.5 ≥ 0.5)
    //   1: 1, 0.49 → fn
    //   2: 0, 0.5  → fp
    //   3: 0, 0.1  → tn
    //   4: 1, 0.9  → tp
    expect(computeConfusion([1, 1, 0, 0, 1], [0.5, 0.49, 0.5, 0.1, 0.9], 0.5)).toEqual({ tp: 2, fp: 1, tn: 1, fn: 1 });
  });

  it.each([
    [0, { tp: 2, fp: 2, tn: 0, fn: 0 }], //   everything ≥ 0
    [0.3, { tp: 2, fp: 1, tn: 1, fn: 0 }], // 0.3 is ≥ 0.3
    [0.7, { tp: 1, fp: 0, tn: 2, fn: 1 }],
    [1.01, { tp: 0, fp: 0, tn: 2, fn: 2 }],
  ])('threshold %d', (threshold, expected) => {
    // labels 1, 0, 1, 0 with p 0.8, 0.3, 0.6, 0.1
    expect(computeConfusion([1, 0, 1, 0], [0.8, 0.3, 0.6, 0.1], threshold)).toEqual(expected);
  });
});

describe('computeLogLoss', () => {
  it.each([
    // −(ln 0.8 + ln(1 − 0.4)) / 2 = (0.22314 + 0.51083) / 2 ≈ 0.366985
    [[1, 0], [0.8, 0.4], -(Math.log(0.8) + Math.log(0.6)) / 2],
    // −ln 0.5 = ln 2 ≈ 0.693147 for every row
    [[1, 0, 1], [0.5, 0.5, 0.5], Math.LN2],
    // p clipped to 1e-7: −ln(1e-7) = 7 ln 10 ≈ 16.1181; the other row is clipped to 1 − 1e-7 → −ln(1 − 1e-7) ≈ 1e-7
    [[1, 0], [0, 0], (7 * Math.LN10 - Math.log(1 - 1e-7)) / 2],
  ])('labels %j, p %j → %d', (labels, p, expected) => {
    expect(computeLogLoss(labels, p)).toBeCloseTo(expected, 9);
  });

  it('is NaN for no rows', () => {
    expect(computeLogLoss([], [])).toBeNaN();
  });

  it('is finite for p exactly 0 or 1 on the wrong class', () => {
    expect(Number.isFinite(computeLogLoss([0, 1], [1, 0]))).toBe(true);
  });
});

describe('computeBinaryMetrics', () => {
  it('computes the threshold metrics by hand', () => {
    // from the confusion test above: tp 2, fp 1, tn 1, fn 1 over 5 rows
    //   accuracy (2 + 1) / 5 = 0.6; precision 2 / 3; recall 2 / 3; F1 = 2·(2/3)(2/3) / (4/3) = 2/3
    const m = computeBinaryMetrics([1, 1, 0, 0, 1], [0.5, 0.49, 0.5, 0.1, 0.9]);
    expect(m.threshold).toBe(0.5);
    expect(m.rows).toBe(5);
    expect(m.accuracy).toBeCloseTo(0.6, 12);
    expect(m.precision).toBeCloseTo(2 / 3, 12);
    expect(m.recall).toBeCloseTo(2 / 3, 12);
    expect(m.f1).toBeCloseTo(2 / 3, 12);
    // positives among labels: 3 / 5
    expect(m.positiveRate).toBeCloseTo(0.6, 12);
  });

  it('precision ≠ recall: F1 is their harmonic mean', () => {
    // labels 1,1,1,0 p 0.9,0.2,0.1,0.8 at 0.5 → tp 1, fn 2, fp 1, tn 0
    //   precision 1/2, recall 1/3, F1 = 2·(1/2)(1/3) / (1/2 + 1/3) = (1/3) / (5/6) = 0.4
    const m = computeBinaryMetrics([1, 1, 1, 0], [0.9, 0.2, 0.1, 0.8]);
    expect(m.precision).toBeCloseTo(0.5, 12);
    expect(m.recall).toBeCloseTo(1 / 3, 12);
    expect(m.f1).toBeCloseTo(0.4, 12);
    expect(m.accuracy).toBeCloseTo(0.25, 12);
  });

  it.each([
    // nothing predicted positive: tp + fp = 0 → precision 0; tp = 0 → recall 0; F1 0
    ['no positive predictions', [1, 0, 1], [0.1, 0.2, 0.3], { precision: 0, recall: 0, f1: 0, accuracy: 1 / 3 }],
    // no positive labels: tp + fn = 0 → recall 0; tp = 0, fp = 2 → precision 0
    ['no positive labels', [0, 0], [0.9, 0.8], { precision: 0, recall: 0, f1: 0, accuracy: 0 }],
    ['no rows', [], [], { precision: 0, recall: 0, f1: 0, accuracy: 0 }],
  ])('zero denominators give 0: %s', (_label, labels, p, expected) => {
    const m = computeBinaryMetrics(labels, p);
    expect(m.precision).toBe(expected.precision);
    expect(m.recall).toBe(expected.recall);
    expect(m.f1).toBe(expected.f1);
    expect(m.accuracy).toBeCloseTo(expected.accuracy, 12);
  });
});

describe('computeBaselineMetrics', () => {
  // 10 rows, 3 positives; the training base rate is 0.3 < 0.5 → every row predicted negative
  const labels = [1, 0, 0, 1, 0, 0, 0, 1, 0, 0];

  it('has AUC 0.5 and the accuracy of always predicting the majority class', () => {
    const m = computeBaselineMetrics(labels, 0.3);
    expect(m.auc).toBe(0.5);
    expect(m.confusion).toEqual({ tp: 0, fp: 0, tn: 7, fn: 3 });
    expect(m.accuracy).toBeCloseTo(0.7, 12); // 7 negatives / 10
    expect(m.precision).toBe(0);
    expect(m.recall).toBe(0);
    expect(m.f1).toBe(0);
    // −(3 ln 0.3 + 7 ln 0.7) / 10 ≈ (3·1.20397 + 7·0.35667) / 10 ≈ 0.610864
    expect(m.logLoss).toBeCloseTo(-(3 * Math.log(0.3) + 7 * Math.log(0.7)) / 10, 9);
  });

  it('uses the training rate, not the test rate', () => {
    // test rate is 0.3 but the training rate 0.6 ≥ 0.5 → all predicted positive: accuracy 3/10
    const m = computeBaselineMetrics(labels, 0.6);
    expect(m.confusion).toEqual({ tp: 3, fp: 7, tn: 0, fn: 0 });
    expect(m.accuracy).toBeCloseTo(0.3, 12);
    expect(m.auc).toBe(0.5);
  });
});
