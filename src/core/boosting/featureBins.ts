// Inputs cut into at most 255 ordered bins, fitted on the fitting rows only, as scikit-learn's
// HistGradientBoosting does (_BinMapper): an input with few distinct values gets one bin per value,
// split at the midpoints; otherwise the cut points are quantiles. Trees then search bins, not rows.

/** Cut points per input: bin(x) = how many cut points are below x, so x ≤ cuts[b] ⟺ bin(x) ≤ b. */
export type BinCuts = readonly Float64Array[];

/** Most rows whose values are sorted to find the cut points (scikit-learn subsamples 200,000 too). */
const CUT_SAMPLE_ROWS = 200_000;

/**
 * The cut points of each of `width` inputs from row-major `x` at `rows` (all rows when omitted),
 * at most `maxBins` bins each. Quantiles use the midpoint rule over the sorted values, as
 * numpy.percentile(method='midpoint') does for scikit-learn.
 */
export function fitBinCuts(x: Float32Array, width: number, maxBins: number, rows?: Int32Array): BinCuts {
  if (maxBins < 2 || maxBins > 256) throw new RangeError(`maxBins must be in [2, 256]; got ${maxBins}.`);
  const all = rows ?? Int32Array.from({ length: x.length / width }, (_, i) => i);
  // An even stride over the rows keeps the sample deterministic and spread over the file.
  const step = Math.max(1, Math.ceil(all.length / CUT_SAMPLE_ROWS));
  const sampled = Math.ceil(all.length / step);
  const values = new Float64Array(sampled);
  const cuts: Float64Array[] = [];
  for (let f = 0; f < width; f++) {
    for (let i = 0, k = 0; i < all.length; i += step, k++) values[k] = x[all[i] * width + f];
    values.sort();
    cuts.push(cutsOfSorted(values, maxBins));
  }
  return cuts;
}

function cutsOfSorted(sorted: Float64Array, maxBins: number): Float64Array {
  const distinct: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]);
  if (distinct.length <= maxBins) {
    const mids = new Float64Array(Math.max(0, distinct.length - 1));
    for (let i = 0; i < mids.length; i++) mids[i] = (distinct[i] + distinct[i + 1]) / 2;
    return mids;
  }
  const n = sorted.length;
  const out: number[] = [];
  for (let q = 1; q < maxBins; q++) {
    // numpy's 'midpoint': the mean of the two order statistics around the (n − 1)·(q/maxBins) position,
    // computed in numpy's order (percent q·100/maxBins, then /100) so that a position that rounds just
    // off a whole number rounds the same way as in scikit-learn.
    const position = (n - 1) * ((q * (100 / maxBins)) / 100);
    const cut = (sorted[Math.floor(position)] + sorted[Math.ceil(position)]) / 2;
    if (out.length === 0 || cut > out[out.length - 1]) out.push(cut);
  }
  return Float64Array.from(out);
}

/** The bin of `value` under `cuts`: how many cut points are strictly below it (binary search). */
export function binOf(cuts: Float64Array, value: number): number {
  let low = 0;
  let high = cuts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cuts[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The bins of rows `rows` of row-major `x` as a row-major byte matrix (rows.length × width). */
export function binRows(x: Float32Array, width: number, cuts: BinCuts, rows: Int32Array): Uint8Array {
  const out = new Uint8Array(rows.length * width);
  for (let i = 0; i < rows.length; i++) {
    const from = rows[i] * width;
    const to = i * width;
    for (let f = 0; f < width; f++) out[to + f] = binOf(cuts[f], x[from + f]);
  }
  return out;
}
