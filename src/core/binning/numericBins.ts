/** Counting a numeric characteristic's rows into bins by cut points, and the NumericBinning they make. */
import { binStats, sumIv } from './stats';
import type { BinStats, NumericBinning } from './types';

/** Goods and bads per bin of values, and of the missing cells. */
export interface NumericCounts {
  readonly goods: Float64Array;
  readonly bads: Float64Array;
  readonly missingGoods: number;
  readonly missingBads: number;
}

/** Index of the bin holding `value` among bins cut at ascending `edges`: the number of edges ≤ value (equal goes above); −1 for NaN. */
export function findNumericBin(edges: readonly number[], value: number): number {
  if (value !== value) return -1;
  let low = 0;
  let high = edges.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (edges[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Throws unless `bad` has one 0/1 label per row index: a mismatch means labels indexed by table row were passed. */
export function assertLabels(rows: Int32Array, bad: ArrayLike<number>): void {
  if (bad.length !== rows.length) throw new Error(`Expected one label per fitted row (${rows.length}), got ${bad.length}.`);
  for (let i = 0; i < bad.length; i++) {
    const y = bad[i];
    if (y !== 0 && y !== 1) throw new Error(`Labels must be 0 (good) or 1 (bad); label ${i} is ${y}.`);
  }
}

/** Goods and bads of `rows` (label bad[i] for rows[i]) in each bin cut at `edges`. */
export function countNumeric(edges: readonly number[], values: ArrayLike<number>, rows: Int32Array, bad: ArrayLike<number>): NumericCounts {
  assertLabels(rows, bad);
  const goods = new Float64Array(edges.length + 1);
  const bads = new Float64Array(edges.length + 1);
  let missingGoods = 0;
  let missingBads = 0;
  for (let i = 0; i < rows.length; i++) {
    const bin = findNumericBin(edges, values[rows[i]]);
    const isBad = bad[i] === 1;
    if (bin < 0) {
      if (isBad) missingBads++;
      else missingGoods++;
    } else if (isBad) bads[bin]++;
    else goods[bin]++;
  }
  return { goods, bads, missingGoods, missingBads };
}

/** Adds up counts per fine class into merged bins starting at the given fine-class indices (ascending, from 0). */
export function poolCounts(counts: NumericCounts, starts: readonly number[]): NumericCounts {
  const goods = new Float64Array(starts.length);
  const bads = new Float64Array(starts.length);
  for (let s = 0; s < starts.length; s++) {
    const end = s + 1 < starts.length ? starts[s + 1] : counts.goods.length;
    for (let c = starts[s]; c < end; c++) {
      goods[s] += counts.goods[c];
      bads[s] += counts.bads[c];
    }
  }
  return { goods, bads, missingGoods: counts.missingGoods, missingBads: counts.missingBads };
}

/** The NumericBinning of the given cut points and counts; shares and evidence are measured against all the counted rows. */
export function buildNumericBinning(column: string, edges: readonly number[], counts: NumericCounts, trend: NumericBinning['trend']): NumericBinning {
  let totalGoods = counts.missingGoods;
  let totalBads = counts.missingBads;
  for (let i = 0; i < counts.goods.length; i++) {
    totalGoods += counts.goods[i];
    totalBads += counts.bads[i];
  }
  const totalRows = totalGoods + totalBads;
  const bins = Array.from(counts.goods, (g, i) => binStats(g, counts.bads[i], totalGoods, totalBads, totalRows));
  const missing = binStats(counts.missingGoods, counts.missingBads, totalGoods, totalBads, totalRows);
  return { kind: 'numeric', column, edges: [...edges], bins, missing, trend: bins.length > 1 ? trend : 'none', iv: sumIv(bins) + missing.iv };
}

/**
 * The direction the bins' bad rates actually take: 'ascending' when they never fall, 'descending' when
 * they never rise, 'none' when they do both, are all equal, or there are fewer than two non-empty bins
 * (empty bins have no rate and are skipped).
 */
export function observedTrend(bins: readonly BinStats[]): NumericBinning['trend'] {
  const rates = bins.filter((b) => b.count > 0).map((b) => b.badRate);
  let rises = false;
  let falls = false;
  for (let i = 1; i < rates.length; i++) {
    if (rates[i] > rates[i - 1]) rises = true;
    else if (rates[i] < rates[i - 1]) falls = true;
  }
  if (rises === falls) return 'none';
  return rises ? 'ascending' : 'descending';
}
