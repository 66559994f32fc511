/** Fitting a numeric characteristic's bins: quantile fine classes, then constrained merging. */
import { mergeAdjacentClasses, type FitTotals, type MergeConstraints } from './merge';
import { buildNumericBinning, countNumeric, poolCounts, type NumericCounts } from './numericBins';
import { resolveBinningOptions } from './options';
import { fineClassEdges } from './quantiles';
import type { BinningOptions, NumericBinning } from './types';

/**
 * Bins `values` (the whole column, NaN = missing) fitted on table rows `rows` with labels `bad`
 * (bad[i] is rows[i]'s label, 1 = bad): fine classes at quantiles of the present values, merged until
 * every bin meets `options` (see mergeAdjacentClasses); missing cells get their own, exempt bin. Sorts
 * once, then works on the fine classes' counts.
 */
export function fitNumericBinning(column: string, values: ArrayLike<number>, rows: Int32Array, bad: ArrayLike<number>, options: Partial<BinningOptions> = {}): NumericBinning {
  const { fineClasses, minBinShare, minGoods, minBads, maxBins, monotone } = resolveBinningOptions(options);
  const present = presentSorted(values, rows);
  const fineEdges = fineClassEdges(present, fineClasses);
  const fine = countNumeric(fineEdges, values, rows, bad);
  const totals = totalsOf(fine);
  // Rounded up, with a little slack so 0.05 × 100 (= 5.000000000000001 in doubles) still asks for 5.
  const constraints = { minCount: Math.ceil(minBinShare * totals.rows - 1e-9), minGoods, minBads, maxBins };
  const fit = (direction: MergeConstraints['direction']) => {
    const starts = mergeAdjacentClasses(fine.goods, fine.bads, totals, { ...constraints, direction });
    const edges = starts.slice(1).map((s) => fineEdges[s - 1]);
    return buildNumericBinning(column, edges, poolCounts(fine, starts), direction);
  };
  if (monotone !== 'auto') return fit(monotone);
  const ascending = fit('ascending');
  const descending = fit('descending');
  // The missing bin is the same in both, so comparing totals compares the bins of values.
  const tolerance = 1e-12 * Math.max(ascending.iv, descending.iv);
  if (Math.abs(ascending.iv - descending.iv) > tolerance) return ascending.iv > descending.iv ? ascending : descending;
  return descending.bins.length < ascending.bins.length ? descending : ascending;
}

/** The present (non-NaN) values of `rows`, ascending, in doubles (a Float32 column's values are exact in them). */
function presentSorted(values: ArrayLike<number>, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (v === v) out[n++] = v;
  }
  // A typed array's sort is numeric and, without a comparator, much faster than Array's.
  return out.subarray(0, n).sort();
}

function totalsOf(counts: NumericCounts): FitTotals {
  let goods = counts.missingGoods;
  let bads = counts.missingBads;
  for (let i = 0; i < counts.goods.length; i++) {
    goods += counts.goods[i];
    bads += counts.bads[i];
  }
  return { goods, bads, rows: goods + bads };
}
