import { describe, expect, it } from 'vitest';
import { logit, sigmoid, softplus } from './logistic';

describe('sigmoid', () => {
  it.each([
    // [z, σ(z)]: 1 / (1 + e^−z) by hand, and the saturated ends
    [0, 0.5],
    [Math.log(3), 0.75], //  1 / (1 + 1/3)
    [-Math.log(3), 0.25],
    [800, 1], //             the form e^z / (1 + e^z) gives ∞ / ∞ = NaN here
    [-800, 0], //            and 1 / (1 + e^−z) is fine here only because 1 / ∞ = 0
    [Infinity, 1],
    [-Infinity, 0],
  ])('σ(%d) = %d', (z, p) => {
    expect(sigmoid(z)).toBeCloseTo(p, 15);
  });
});

describe('softplus and logit', () => {
  it.each([
    // ln(1 + e^z): ln 2 at 0, ≈ z for large z, ≈ e^z for very negative z
    [0, Math.LN2],
    [Math.log(3), Math.log(4)],
    [1000, 1000],
    [-1000, 0],
  ])('softplus(%d) = %d', (z, expected) => {
    expect(softplus(z)).toBeCloseTo(expected, 12);
  });

  it('logit inverts sigmoid', () => {
    expect(logit(0.75)).toBeCloseTo(Math.log(3), 14);
    expect(logit(0.5)).toBe(0);
    expect(logit(1)).toBe(Infinity);
    expect(logit(0)).toBe(-Infinity);
  });
});
