import { describe, expect, it } from 'vitest';
import { pearsonCorrelation } from './correlation';

// Reference: numpy.corrcoef(A, B)[0, 1] with Debian's /usr/bin/python3 (numpy 1.24).
const A = [0.3, -0.2, 0.3, 1.1, -0.7, 0.3, -0.2, 1.1];
const B = [0.5, 0.5, -0.4, 0.9, -0.4, 0.5, 0.5, 0.9];
const NUMPY_R = 0.6657227717296871;

describe('pearsonCorrelation', () => {
  it('matches numpy.corrcoef', () => {
    expect(pearsonCorrelation(A, B)).toBeCloseTo(NUMPY_R, 14);
    expect(pearsonCorrelation(B, A)).toBeCloseTo(NUMPY_R, 14);
  });

  it('is ±1 for a column and an affine copy of it, and unmoved by a large offset', () => {
    expect(
      pearsonCorrelation(
        A,
        A.map((v) => 3 * v - 2),
      ),
    ).toBeCloseTo(1, 14);
    expect(
      pearsonCorrelation(
        A,
        A.map((v) => -0.5 * v),
      ),
    ).toBeCloseTo(-1, 14);
    // 1e9 + x holds x to about 1e-7, so r moves by no more than that
    expect(
      pearsonCorrelation(
        A.map((v) => 1e9 + v),
        B,
      ),
    ).toBeCloseTo(NUMPY_R, 6);
  });

  it('is NaN for a constant column or fewer than two rows', () => {
    expect(pearsonCorrelation([1, 1, 1], [0, 1, 2])).toBeNaN();
    expect(pearsonCorrelation([1], [2])).toBeNaN();
    expect(() => pearsonCorrelation([1, 2], [1])).toThrow(RangeError);
  });
});
