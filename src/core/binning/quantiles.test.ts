import { describe, expect, it } from 'vitest';
import { fineClassEdges, quantileHigher } from './quantiles';

// Expected values from numpy 1.24 (/usr/bin/python3):
//   import numpy as np
//   x = np.array([3.5,1,7,7,7,2,9.25,0,0,0,4,4,12,5.5,6,6,6,6,8,10,11,0,2,3,3,15,7,1,1,20,4.75,-2,9,9,5,13,7.5])
//   q = np.quantile(x, np.arange(1, 20) / 20, method='higher'); list(q)
//   u = np.unique(q); list(u[u > x.min()])
const X = [3.5, 1, 7, 7, 7, 2, 9.25, 0, 0, 0, 4, 4, 12, 5.5, 6, 6, 6, 6, 8, 10, 11, 0, 2, 3, 3, 15, 7, 1, 1, 20, 4.75, -2, 9, 9, 5, 13, 7.5];
const NUMPY_HIGHER_20THS = [0, 0, 1, 2, 2, 3, 4, 4.75, 5.5, 6, 6, 7, 7, 7.5, 8, 9, 10, 12, 15];
const NUMPY_EDGES = [0, 1, 2, 3, 4, 4.75, 5.5, 6, 7, 7.5, 8, 9, 10, 12, 15];

const sorted = (values: number[]) => Float64Array.from(values).sort();

describe('quantileHigher', () => {
  it("matches numpy's method='higher' at every twentieth", () => {
    const s = sorted(X);
    expect(Array.from({ length: 19 }, (_, k) => quantileHigher(s, k + 1, 20))).toEqual(NUMPY_HIGHER_20THS);
  });

  it('splits 1 … 100 into twenty classes of five', () => {
    // np.quantile(np.arange(1, 101), np.arange(1, 20) / 20, method='higher') → 6, 11, …, 96
    const s = sorted(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(fineClassEdges(s, 20)).toEqual(Array.from({ length: 19 }, (_, k) => 6 + 5 * k));
  });
});

describe('fineClassEdges', () => {
  it('keeps the distinct quantiles above the minimum', () => {
    expect(fineClassEdges(sorted(X), 20)).toEqual(NUMPY_EDGES);
  });

  it('gives fewer classes for heavy ties', () => {
    // 60 zeros, 25 ones, 10 twos, 5 fifties:
    //   y = np.array([0]*60 + [1]*25 + [2]*10 + [50]*5, float)
    //   u = np.unique(np.quantile(y, np.arange(1, 20) / 20, method='higher')); list(u[u > y.min()]) → [1, 2, 50]
    const y = [...Array(60).fill(0), ...Array(25).fill(1), ...Array(10).fill(2), ...Array(5).fill(50)];
    expect(fineClassEdges(sorted(y), 20)).toEqual([1, 2, 50]);
  });

  it('gives no edge for a constant or empty column, and at most distinct − 1 edges', () => {
    expect(fineClassEdges(sorted([4, 4, 4]), 20)).toEqual([]);
    expect(fineClassEdges(sorted([]), 20)).toEqual([]);
    expect(fineClassEdges(sorted([1, 2]), 20)).toEqual([2]);
    expect(fineClassEdges(sorted([1, 2, 3, 4]), 1)).toEqual([]);
  });
});
