import { describe, expect, it } from 'vitest';
import { classWeightLogitShift, removePriorShift } from './priorShift';

// Class weights w_c = n / (2 n_c), and the probability that minimises the weighted log loss for rows
// sharing one prediction: p_w = w1·n1 / (w1·n1 + w0·n0). Both written out here, independent of the code.
function weightedOptimum(positives: number, negatives: number, totalPositives: number, totalNegatives: number): number {
  const n = totalPositives + totalNegatives;
  const w1 = n / (2 * totalPositives);
  const w0 = n / (2 * totalNegatives);
  return (w1 * positives) / (w1 * positives + w0 * negatives);
}
const logOdds = (p: number) => Math.log(p / (1 - p));
const probability = (z: number) => 1 / (1 + Math.exp(-z));

describe('classWeightLogitShift', () => {
  it('undoes class weighting for a constant model: 10 positives, 90 negatives', () => {
    // w1 = 100 / 20 = 5, w0 = 100 / 180 = 5/9: p_w = 50 / (50 + 50) = 0.5, logit 0
    const pWeighted = weightedOptimum(10, 90, 10, 90);
    expect(pWeighted).toBeCloseTo(0.5, 12);
    const shift = classWeightLogitShift(10, 90);
    expect(shift).toBeCloseTo(Math.log(9), 12); // positive: rare positives were up-weighted
    expect(probability(removePriorShift(logOdds(pWeighted), shift))).toBeCloseTo(10 / 100, 12);
  });

  it('recovers each group’s real rate when the model separates two groups', () => {
    // Group A: 8 positives, 12 negatives; group B: 2 positives, 78 negatives (10 / 90 overall).
    // Weighted optimum in A: 5·8 / (5·8 + 5/9·12) = 40 / 46.67 = 0.857; real rate 8 / 20 = 0.4.
    const shift = classWeightLogitShift(10, 90);
    const pA = weightedOptimum(8, 12, 10, 90);
    const pB = weightedOptimum(2, 78, 10, 90);
    expect(pA).toBeCloseTo(40 / (40 + 60 / 9), 12);
    expect(probability(removePriorShift(logOdds(pA), shift))).toBeCloseTo(0.4, 12);
    expect(probability(removePriorShift(logOdds(pB), shift))).toBeCloseTo(2 / 80, 12);
  });

  it('is negative when positives are the majority, 0 for balanced classes', () => {
    // 75 positives, 25 negatives: weighted optimum 0.5; real rate 0.75 needs the logit raised by ln 3
    const shift = classWeightLogitShift(75, 25);
    expect(shift).toBeCloseTo(-Math.log(3), 12);
    expect(probability(removePriorShift(logOdds(weightedOptimum(75, 25, 75, 25)), shift))).toBeCloseTo(0.75, 12);
    expect(classWeightLogitShift(40, 40)).toBe(0);
  });

  it('is 0 when a class is empty and throws for invalid counts', () => {
    expect(classWeightLogitShift(0, 50)).toBe(0);
    expect(classWeightLogitShift(50, 0)).toBe(0);
    expect(() => classWeightLogitShift(-1, 5)).toThrow(RangeError);
    expect(() => classWeightLogitShift(Number.NaN, 5)).toThrow(RangeError);
  });
});

describe('removePriorShift', () => {
  it('subtracts the shift from the logit', () => {
    expect(removePriorShift(1.5, 2)).toBe(-0.5);
    expect(removePriorShift(-1, -3)).toBe(2);
  });
});
