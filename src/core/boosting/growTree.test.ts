import { describe, expect, it } from 'vitest';
import { growTree, type GrowthInput, type GrowthLimits } from './growTree';

// Every expected number here is worked by hand from gain = G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)
// and leaf value = −shrinkage·G/(H+λ); the working is in the comments.

/** A grower's input from rows of bins (one array per row), stored column-major as growTree reads them. */
function input(bins: number[][], binCounts: number[], gradients: number[], hessians: number[]): GrowthInput {
  const rows = bins.length;
  const byColumn = new Uint8Array(rows * binCounts.length);
  bins.forEach((row, i) => row.forEach((b, f) => (byColumn[f * rows + i] = b)));
  return {
    bins: byColumn,
    width: binCounts.length,
    rows: bins.length,
    binCounts: Uint16Array.from(binCounts),
    gradients: Float64Array.from(gradients),
    hessians: Float64Array.from(hessians),
  };
}

/** Cut points b + 0.5 for bins 0 … count − 1 of each input (integer-valued inputs). */
function halfCuts(binCounts: number[]): Float64Array[] {
  return binCounts.map((count) => Float64Array.from({ length: count - 1 }, (_, b) => b + 0.5));
}

/** The leaf node each row of `data` reaches, walking the grown tree's bin thresholds. */
function leafOfRows(grown: ReturnType<typeof growTree>, data: GrowthInput): number[] {
  const { feature, left, right } = grown.tree;
  return Array.from({ length: data.rows }, (_, i) => {
    let node = 0;
    while (feature[node] >= 0) node = data.bins[feature[node] * data.rows + i] <= grown.binThreshold[node] ? left[node] : right[node];
    return node;
  });
}

function leafCount(grown: ReturnType<typeof growTree>): number {
  return grown.tree.feature.filter((f) => f === -1).length;
}

// Data set A: 8 rows, input 0 in bins 0–3, input 1 in bins 0–1; λ = 1, shrinkage 0.1, 1 row per leaf.
//   row  x0 x1   g     h
//   0    0  0   −1    2
//   1    0  1   −1    2
//   2    1  0   −1    2
//   3    1  1   −1    2
//   4    2  0   0.5   1
//   5    2  1   3     1
//   6    3  0   0.5   1
//   7    3  1   3     1
// Root: G = 3, H = 12, G²/(H+1) = 9/13.
//   x0 ≤ 0: (−2)²/5 + 5²/9   − 9/13 = 0.8 + 2.778 − 0.692 = 2.885
//   x0 ≤ 1: (−4)²/9 + 7²/5   − 9/13 = 1.778 + 9.8 − 0.692 = 10.885   ← best
//   x0 ≤ 2: (−0.5)²/11 + 3.5²/3 − 9/13 = 0.023 + 4.083 − 0.692 = 3.413
//   x1 ≤ 0: (−1)²/7 + 4²/7   − 9/13 = 0.143 + 2.286 − 0.692 = 1.736
// Left child (rows 0–3): G = −4, H = 8, 16/9 = 1.778; every split has halves (−2, 4): 2·4/5 = 1.6 < 1.778,
//   so no positive gain: a leaf, value −0.1·(−4)/(8+1) = 0.4/9.
// Right child (rows 4–7): G = 7, H = 4, 49/5 = 9.8.
//   x0 ≤ 2: 2·3.5²/3 − 9.8 = 8.167 − 9.8 < 0;  x1 ≤ 0: 1²/3 + 6²/3 − 9.8 = 12.333 − 9.8 = 2.533  ← split
//   leaves: rows 4, 6: −0.1·1/(2+1) = −0.1/3; rows 5, 7: −0.1·6/(2+1) = −0.2.
//   Rows 4, 6 (G = 1, H = 2): halves 0.5²/2 each: 0.25 − 1/3 < 0; rows 5, 7 (G = 6, H = 2): 2·9/2 − 36/3 < 0: leaves.
const A = input(
  [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
    [2, 0],
    [2, 1],
    [3, 0],
    [3, 1],
  ],
  [4, 2],
  [-1, -1, -1, -1, 0.5, 3, 0.5, 3],
  [2, 2, 2, 2, 1, 1, 1, 1],
);
const A_LIMITS: GrowthLimits = { maxLeaves: 31, minRowsPerLeaf: 1, l2: 1, shrinkage: 0.1 };

// Data set B: one input, 8 rows in bins 0–7, h = 1, λ = 0, shrinkage 1; g = −2, −2, 0, 0, 4, 4, 1, 1.
// Root: G = 6, H = 8, 36/8 = 4.5. x ≤ b for b = 0 … 6 (G_L, H_L):
//   b0 (−2, 1): 4 + 64/7 − 4.5 = 8.643;  b1 (−4, 2): 8 + 100/6 − 4.5 = 20.167;  b2 (−4, 3): 16/3 + 20 − 4.5 = 20.833
//   b3 (−4, 4): 4 + 25 − 4.5 = 24.5 ← best;  b4 (0, 5): 0 + 12 − 4.5 = 7.5;  b5 (4, 6): 16/6 + 2 − 4.5 = 0.167;  b6 (5, 7): 25/7 + 1 − 4.5 = 0.071
// Left child (g −2, −2, 0, 0; G = −4, H = 4, 16/4 = 4): b0 4 + 4/3 − 4 = 1.333;  b1 8 + 0 − 4 = 4 ← best;  b2 16/3 − 4 = 1.333
// Right child (g 4, 4, 1, 1; G = 10, H = 4, 25): b4 16 + 36/3 − 25 = 3;  b5 64/2 + 4/2 − 25 = 9 ← best;  b6 81/3 + 1 − 25 = 3
// So the right child (gain 9) is split before the left one (gain 4).
const B = input([[0], [1], [2], [3], [4], [5], [6], [7]], [8], [-2, -2, 0, 0, 4, 4, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1]);
const B_LIMITS: GrowthLimits = { maxLeaves: 31, minRowsPerLeaf: 1, l2: 0, shrinkage: 1 };

describe('growTree on a hand-worked data set (two inputs, λ = 1, shrinkage 0.1)', () => {
  const grown = growTree(A, halfCuts([4, 2]), A_LIMITS);

  it('splits the root on the best gain (x0 ≤ 1), then the right child on x1, and leaves the left child alone', () => {
    const { feature, threshold, left, right } = grown.tree;
    // nodes: 0 root, 1 and 2 its children, 3 and 4 the children of node 2
    expect(feature).toEqual([0, -1, 1, -1, -1]);
    expect(Array.from(grown.binThreshold)).toEqual([1, -1, 0, -1, -1]);
    expect(threshold[0]).toBe(1.5);
    expect(threshold[2]).toBe(0.5);
    expect(left).toEqual([1, -1, 3, -1, -1]);
    expect(right).toEqual([2, -1, 4, -1, -1]);
  });

  it('gives each leaf −shrinkage·G/(H+λ)', () => {
    const { value } = grown.tree;
    expect(value[1]).toBeCloseTo(0.4 / 9, 15);
    expect(value[3]).toBeCloseTo(-0.1 / 3, 15);
    expect(value[4]).toBeCloseTo(-0.2, 15);
    expect(value[0]).toBe(0);
    expect(value[2]).toBe(0);
  });

  it("gives each fitting row its leaf's value", () => {
    const expected = [0.4 / 9, 0.4 / 9, 0.4 / 9, 0.4 / 9, -0.1 / 3, -0.2, -0.1 / 3, -0.2];
    expect(grown.rowValues).toHaveLength(8);
    grown.rowValues.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 15));
    expect(leafOfRows(grown, A)).toEqual([1, 1, 1, 1, 3, 4, 3, 4]);
  });
});

describe('growTree grows best-first to maxLeaves', () => {
  it('with 2 leaves makes only the root split (x ≤ bin 3, gain 24.5), leaf values −G/H', () => {
    const grown = growTree(B, halfCuts([8]), { ...B_LIMITS, maxLeaves: 2 });
    expect(leafCount(grown)).toBe(2);
    expect(grown.tree.feature).toEqual([0, -1, -1]);
    expect(grown.binThreshold[0]).toBe(3);
    expect(grown.tree.threshold[0]).toBe(3.5);
    expect(grown.tree.value[1]).toBeCloseTo(1, 15); // −(−4)/4
    expect(grown.tree.value[2]).toBeCloseTo(-2.5, 15); // −10/4
  });

  it('with 3 leaves splits the child of larger gain (right, 9) before the other (left, 4)', () => {
    const grown = growTree(B, halfCuts([8]), { ...B_LIMITS, maxLeaves: 3 });
    expect(leafCount(grown)).toBe(3);
    expect(grown.tree.feature).toEqual([0, -1, 0, -1, -1]);
    expect(Array.from(grown.binThreshold)).toEqual([3, -1, 5, -1, -1]);
    const expected = [1, 1, 1, 1, -4, -4, -1, -1]; // left −(−4)/4; right: −8/2 and −2/2
    grown.rowValues.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 15));
  });

  it('with 4 leaves splits both children', () => {
    const grown = growTree(B, halfCuts([8]), { ...B_LIMITS, maxLeaves: 4 });
    expect(leafCount(grown)).toBe(4);
    expect(Array.from(grown.binThreshold)).toEqual([3, 1, 5, -1, -1, -1, -1]); // node 2 split first (nodes 3, 4), then node 1 (5, 6)
    const expected = [2, 2, 0, 0, -4, -4, -1, -1]; // rows 0, 1: −(−4)/2; rows 2, 3: −0/2
    grown.rowValues.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 15));
  });

  it('never has more than maxLeaves leaves, and reaches it on rich data', () => {
    const data = randomData(400, 3, 16, 11);
    for (const maxLeaves of [2, 3, 5, 8, 13]) {
      const grown = growTree(data, halfCuts([16, 16, 16]), { maxLeaves, minRowsPerLeaf: 5, l2: 0, shrinkage: 0.1 });
      expect(leafCount(grown)).toBe(maxLeaves);
      expect(grown.tree.feature.length).toBe(2 * maxLeaves - 1);
    }
  });
});

describe('growTree respects minRowsPerLeaf', () => {
  // One input, 8 rows, h = 1, λ = 0: g = −4 then seven 0s. G = −4, H = 8, 16/8 = 2.
  // x ≤ b: 16/(b+1) − 2 → b0 14, b1 6, b2 3.333, b3 2, … (the right side has G = 0).
  const C = input([[0], [1], [2], [3], [4], [5], [6], [7]], [8], [-4, 0, 0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1, 1, 1]);

  it('isolates the outlying row when one row per leaf is allowed', () => {
    const grown = growTree(C, halfCuts([8]), { maxLeaves: 2, minRowsPerLeaf: 1, l2: 0, shrinkage: 1 });
    expect(grown.binThreshold[0]).toBe(0);
    expect(grown.tree.value[1]).toBeCloseTo(4, 15);
  });

  it('with 3 rows per leaf takes the best split leaving 3 rows a side (x ≤ bin 2), and splits no child of fewer than 6 rows', () => {
    const grown = growTree(C, halfCuts([8]), { maxLeaves: 31, minRowsPerLeaf: 3, l2: 0, shrinkage: 1 });
    expect(grown.tree.feature).toEqual([0, -1, -1]);
    expect(grown.binThreshold[0]).toBe(2);
    expect(grown.tree.value[1]).toBeCloseTo(4 / 3, 15);
    expect(grown.tree.value[2]).toBeCloseTo(0, 15);
  });

  it('with 5 rows per leaf (8 < 2·5) leaves the root a leaf', () => {
    const grown = growTree(C, halfCuts([8]), { maxLeaves: 31, minRowsPerLeaf: 5, l2: 0, shrinkage: 1 });
    expect(grown.tree.feature).toEqual([-1]);
    expect(grown.tree.value[0]).toBeCloseTo(0.5, 15); // −(−4)/8
  });

  it('leaves no leaf with fewer rows than the minimum on random data', () => {
    const data = randomData(500, 4, 32, 5);
    for (const minRowsPerLeaf of [1, 7, 20, 60]) {
      const grown = growTree(data, halfCuts([32, 32, 32, 32]), { maxLeaves: 31, minRowsPerLeaf, l2: 0, shrinkage: 0.1 });
      const rowsPerLeaf = new Map<number, number>();
      for (const leaf of leafOfRows(grown, data)) rowsPerLeaf.set(leaf, (rowsPerLeaf.get(leaf) ?? 0) + 1);
      expect(rowsPerLeaf.size).toBe(leafCount(grown));
      for (const count of rowsPerLeaf.values()) expect(count).toBeGreaterThanOrEqual(minRowsPerLeaf);
    }
  });
});

describe('growTree keeps a node without a positive gain a leaf', () => {
  // G = −8, H = 8: 64/9 = 7.111; the best split, 1 row | 7 rows, scores 1/2 + 49/8 = 6.625 (4 | 4: 2·16/5 = 6.4)
  it('a constant gradient with λ = 1: every split loses, one leaf −0.1·(−8)/(8+1)', () => {
    const data = input([[0], [1], [2], [3], [4], [5], [6], [7]], [8], [-1, -1, -1, -1, -1, -1, -1, -1], [1, 1, 1, 1, 1, 1, 1, 1]);
    const grown = growTree(data, halfCuts([8]), { maxLeaves: 31, minRowsPerLeaf: 1, l2: 1, shrinkage: 0.1 });
    expect(grown.tree.feature).toEqual([-1]);
    expect(grown.tree.value[0]).toBeCloseTo(0.8 / 9, 15);
    grown.rowValues.forEach((v) => expect(v).toBeCloseTo(0.8 / 9, 15));
  });

  it('gradients proportional to hessians with λ = 0: every split gains exactly 0, no split is made', () => {
    // g = −h: G_L²/H_L + G_R²/H_R − G²/H = H_L + H_R − H = 0 (exact in these dyadic numbers)
    const data = input([[0], [1], [2], [3]], [4], [-0.5, -1, -0.25, -2], [0.5, 1, 0.25, 2]);
    const grown = growTree(data, halfCuts([4]), { maxLeaves: 31, minRowsPerLeaf: 1, l2: 0, shrinkage: 1 });
    expect(grown.tree.feature).toEqual([-1]);
    expect(grown.tree.value[0]).toBeCloseTo(1, 15);
  });

  it('all rows in one bin: nothing to split on', () => {
    const data = input([[2], [2], [2], [2]], [4], [-1, 1, 2, -3], [1, 1, 1, 1]);
    const grown = growTree(data, halfCuts([4]), { maxLeaves: 31, minRowsPerLeaf: 1, l2: 0, shrinkage: 1 });
    expect(grown.tree.feature).toEqual([-1]);
    expect(grown.tree.value[0]).toBeCloseTo(0.25, 15); // −(−1)/4
  });
});

/** Deterministic rows: bins uniform in 0 … bins − 1, a gradient depending on input 0 plus noise, hessian in (0.05, 0.25]. */
function randomData(rows: number, width: number, bins: number, seed: number): GrowthInput {
  let state = seed >>> 0;
  const next = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const table: number[][] = [];
  const gradients: number[] = [];
  const hessians: number[] = [];
  for (let i = 0; i < rows; i++) {
    const row = Array.from({ length: width }, () => Math.floor(next() * bins));
    table.push(row);
    gradients.push((row[0] < bins / 2 ? -0.3 : 0.3) + (row[1] % 3) * 0.1 + (next() - 0.5));
    hessians.push(0.05 + 0.2 * next());
  }
  return input(table, Array(width).fill(bins), gradients, hessians);
}
