// One regression tree on binned inputs, grown best-first (the leaf whose split gains most is split
// next) to a number of leaves, as LightGBM and scikit-learn's HistGradientBoosting grow them: per
// node a histogram of gradient and hessian sums per bin; a child's histogram is its parent's minus
// its sibling's, so only the smaller child is counted. The gain and leaf values are the second-order
// ones of XGBoost (Chen and Guestrin 2016): gain = G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ), value = −G/(H+λ).

import type { BinCuts } from './featureBins';
import type { BoostedTree } from './types';

/** What a tree is grown from: bins of the fitting rows (column-major, width × rows) and each row's gradient and hessian. */
export interface GrowthInput {
  /** Input f of row r at f · rows + r: one input's bins are contiguous, so counting a node's histogram input by input stays in cache. */
  readonly bins: Uint8Array;
  readonly width: number;
  readonly rows: number;
  /** Bins per input (cut points + 1). */
  readonly binCounts: Uint16Array;
  readonly gradients: Float64Array;
  readonly hessians: Float64Array;
}

/** How big a tree may grow. */
export interface GrowthLimits {
  readonly maxLeaves: number;
  readonly minRowsPerLeaf: number;
  readonly l2: number;
  /** Multiplies every leaf value (the learning rate). */
  readonly shrinkage: number;
}

/** A grown tree in two forms: on raw inputs (stored) and on bins (to update the fitting rows' logits), with each fitting row's leaf value. */
export interface GrownTree {
  readonly tree: BoostedTree;
  /** Bin thresholds of the split nodes (x ≤ cuts[b] ⟺ bin ≤ b), −1 for leaves. */
  readonly binThreshold: Int32Array;
  /** The value the tree adds to each fitting row, in row order. */
  readonly rowValues: Float64Array;
}

// Below this hessian sum a side is not split off: its leaf value would be noise (scikit-learn's min_hessian_to_split).
const MIN_HESSIAN = 1e-3;
const NO_SPLIT = { gain: 0, feature: -1, bin: -1 };

/** Per bin of every input, interleaved: [gradient sum, hessian sum, row count] at 3·(offset of the input + bin). */
type Histogram = Float64Array;

interface Leaf {
  readonly node: number;
  readonly start: number;
  readonly end: number;
  readonly g: number;
  readonly h: number;
  histogram: Histogram | null;
  split: { gain: number; feature: number; bin: number };
}

/** Grows one tree; the split thresholds on raw inputs are the cut points `cuts` of the chosen bins. */
export function growTree(input: GrowthInput, cuts: BinCuts, limits: GrowthLimits): GrownTree {
  const { bins, width, rows, binCounts, gradients, hessians } = input;
  const order = new Int32Array(rows);
  for (let i = 0; i < rows; i++) order[i] = i;
  const offsets = new Int32Array(width + 1);
  for (let f = 0; f < width; f++) offsets[f + 1] = offsets[f] + binCounts[f];
  const size = offsets[width];

  // The node's gradients and hessians gathered in row order once, then read in sequence for every input (LightGBM's "ordered gradients").
  const orderedG = new Float64Array(rows);
  const orderedH = new Float64Array(rows);
  const histogramOf = (start: number, end: number): Histogram => {
    const histogram = new Float64Array(3 * size);
    let gt = 0;
    let ht = 0;
    for (let i = start; i < end; i++) {
      const g = gradients[order[i]];
      const h = hessians[order[i]];
      orderedG[i] = g;
      orderedH[i] = h;
      gt += g;
      ht += h;
    }
    for (let f = 0; f < width; f++) {
      const column = f * rows;
      const base = 3 * offsets[f];
      if (binCounts[f] === 2) {
        // A one-hot level or "was missing" indicator: count its 1s only; its 0s are the node's rest.
        let g1 = 0;
        let h1 = 0;
        let c1 = 0;
        for (let i = start; i < end; i++) {
          if (bins[column + order[i]] === 0) continue;
          g1 += orderedG[i];
          h1 += orderedH[i];
          c1++;
        }
        histogram[base] = gt - g1;
        histogram[base + 1] = ht - h1;
        histogram[base + 2] = end - start - c1;
        histogram[base + 3] = g1;
        histogram[base + 4] = h1;
        histogram[base + 5] = c1;
        continue;
      }
      for (let i = start; i < end; i++) {
        const at = base + 3 * bins[column + order[i]];
        histogram[at] += orderedG[i];
        histogram[at + 1] += orderedH[i];
        histogram[at + 2] += 1;
      }
    }
    return histogram;
  };
  const minus = (a: Histogram, b: Histogram): Histogram => {
    const out = new Float64Array(3 * size);
    for (let k = 0; k < out.length; k++) out[k] = a[k] - b[k];
    return out;
  };
  const { l2, minRowsPerLeaf } = limits;
  const bestSplit = (leaf: Leaf): Leaf['split'] => {
    const count = leaf.end - leaf.start;
    if (count < 2 * minRowsPerLeaf) return NO_SPLIT;
    const histogram = leaf.histogram!;
    const parentScore = (leaf.g * leaf.g) / (leaf.h + l2);
    let best = NO_SPLIT;
    for (let f = 0; f < width; f++) {
      let gl = 0;
      let hl = 0;
      let cl = 0;
      const from = offsets[f];
      const last = offsets[f + 1] - 1;
      for (let k = from; k < last; k++) {
        gl += histogram[3 * k];
        hl += histogram[3 * k + 1];
        cl += histogram[3 * k + 2];
        if (cl < minRowsPerLeaf) continue;
        if (count - cl < minRowsPerLeaf) break;
        const hr = leaf.h - hl;
        if (hl < MIN_HESSIAN || hr < MIN_HESSIAN) continue;
        const gr = leaf.g - gl;
        const gain = (gl * gl) / (hl + l2) + (gr * gr) / (hr + l2) - parentScore;
        if (gain > best.gain) best = { gain, feature: f, bin: k - from };
      }
    }
    return best;
  };

  const feature: number[] = [];
  const threshold: number[] = [];
  const binThreshold: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const value: number[] = [];
  const newNode = () => {
    feature.push(-1);
    threshold.push(0);
    binThreshold.push(-1);
    left.push(-1);
    right.push(-1);
    value.push(0);
    return feature.length - 1;
  };
  const leafOf = (node: number, start: number, end: number, histogram: Histogram): Leaf => {
    let g = 0;
    let h = 0;
    // Every row falls in one bin of input 0, so its bins sum to the node's totals.
    for (let k = 0; k < binCounts[0]; k++) {
      g += histogram[3 * k];
      h += histogram[3 * k + 1];
    }
    const leaf: Leaf = { node, start, end, g, h, histogram, split: NO_SPLIT };
    leaf.split = width > 0 ? bestSplit(leaf) : NO_SPLIT;
    return leaf;
  };

  const open: Leaf[] = [leafOf(newNode(), 0, rows, histogramOf(0, rows))];
  while (open.length < limits.maxLeaves) {
    let pick = 0;
    for (let i = 1; i < open.length; i++) if (open[i].split.gain > open[pick].split.gain) pick = i;
    const leaf = open[pick];
    if (leaf.split.feature < 0) break;
    open.splice(pick, 1);
    const { feature: f, bin } = leaf.split;
    // Partition the leaf's rows in place: bin ≤ split bin to the left.
    let lo = leaf.start;
    let hi = leaf.end - 1;
    while (lo <= hi) {
      if (bins[f * rows + order[lo]] <= bin) lo++;
      else {
        const t = order[lo];
        order[lo] = order[hi];
        order[hi--] = t;
      }
    }
    const mid = lo;
    const leftNode = newNode();
    const rightNode = newNode();
    feature[leaf.node] = f;
    threshold[leaf.node] = cuts[f][bin];
    binThreshold[leaf.node] = bin;
    left[leaf.node] = leftNode;
    right[leaf.node] = rightNode;
    const leftSmaller = mid - leaf.start <= leaf.end - mid;
    const small = leftSmaller ? histogramOf(leaf.start, mid) : histogramOf(mid, leaf.end);
    const large = minus(leaf.histogram!, small);
    leaf.histogram = null;
    open.push(leafOf(leftNode, leaf.start, mid, leftSmaller ? small : large));
    open.push(leafOf(rightNode, mid, leaf.end, leftSmaller ? large : small));
  }

  const rowValues = new Float64Array(rows);
  for (const leaf of open) {
    const v = (-limits.shrinkage * leaf.g) / (leaf.h + l2 || 1);
    value[leaf.node] = v;
    for (let i = leaf.start; i < leaf.end; i++) rowValues[order[i]] = v;
  }
  return { tree: { feature, threshold, left, right, value }, binThreshold: Int32Array.from(binThreshold), rowValues };
}
