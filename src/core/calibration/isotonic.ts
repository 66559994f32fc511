// Isotonic regression as scikit-learn 1.2's IsotonicRegression(increasing=True, out_of_bounds='clip'):
// the non-decreasing step function closest to y in weighted least squares, predicted by linear
// interpolation between its thresholds and held flat outside the fitted x range.

/** A fitted isotonic regression: thresholds with x strictly increasing and y non-decreasing, same length ≥ 1. */
export interface IsotonicParameters {
  readonly x: number[];
  readonly y: number[];
}

// sklearn's `_make_unique` treats x values closer than float64's resolution (np.finfo.resolution)
// as one value, so near-duplicates from rounding do not make near-vertical interpolation segments.
const TIE_RESOLUTION = 1e-15;

/**
 * Weighted isotonic (non-decreasing) regression of `y` on `x`, as scikit-learn 1.2's `X_thresholds_`
 * and `y_thresholds_`: rows with zero weight dropped, ties in x merged (weighted mean of y, summed
 * weight), pool-adjacent-violators, then the interior points of each flat run removed. Weights default
 * to 1. Throws for no rows of positive weight, unequal lengths or non-finite values.
 */
export function fitIsotonic(x: ArrayLike<number>, y: ArrayLike<number>, weights?: ArrayLike<number>): IsotonicParameters {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`Got ${n} x values but ${y.length} y values.`);
  if (weights !== undefined && weights.length !== n) throw new RangeError(`Got ${n} x values but ${weights.length} weights.`);
  const kept: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) throw new RangeError(`Row ${i} has x = ${x[i]}, y = ${y[i]}; both must be finite.`);
    const w = weights === undefined ? 1 : weights[i];
    if (!(w >= 0 && Number.isFinite(w))) throw new RangeError(`Weight of row ${i} is ${w}; weights must be finite and ≥ 0.`);
    if (w > 0) kept.push(i);
  }
  if (kept.length === 0) throw new RangeError('Cannot fit isotonic regression to no rows of positive weight.');
  const order = Int32Array.from(kept);
  // Sort by x, then y (sklearn's np.lexsort((y, X))), so tie sums add up in the same order.
  order.sort((i, j) => x[i] - x[j] || y[i] - y[j]);

  // Merge ties: each unique x keeps the first x of its group, the weighted mean y and the summed weight.
  const uniqueX: number[] = [];
  const sumWY: number[] = [];
  const sumW: number[] = [];
  for (const i of order) {
    const w = weights === undefined ? 1 : weights[i];
    const last = uniqueX.length - 1;
    if (last >= 0 && x[i] - uniqueX[last] < TIE_RESOLUTION) {
      sumWY[last] += w * y[i];
      sumW[last] += w;
    } else {
      uniqueX.push(x[i]);
      sumWY.push(w * y[i]);
      sumW.push(w);
    }
  }

  // Pool adjacent violators on a stack of blocks. A block is pooled into its predecessor when the
  // predecessor's mean is ≥ its own (as sklearn does, so equal neighbours merge too), which leaves the
  // block means strictly increasing. Each point is pushed once and merged at most once: O(n).
  const blockStart: number[] = [];
  const blockWY: number[] = [];
  const blockW: number[] = [];
  const blockMean: number[] = [];
  for (let k = 0; k < uniqueX.length; k++) {
    let start = k;
    let wy = sumWY[k];
    let w = sumW[k];
    let mean = wy / w;
    while (blockMean.length > 0 && blockMean[blockMean.length - 1] >= mean) {
      start = blockStart.pop()!;
      wy += blockWY.pop()!;
      w += blockW.pop()!;
      blockMean.pop();
      mean = wy / w;
    }
    blockStart.push(start);
    blockWY.push(wy);
    blockW.push(w);
    blockMean.push(mean);
  }

  // sklearn keeps a point unless its y equals both neighbours'. With strictly increasing block means
  // that is: the first and the last point of every block.
  const thresholdX: number[] = [];
  const thresholdY: number[] = [];
  for (let b = 0; b < blockStart.length; b++) {
    const first = blockStart[b];
    const last = b + 1 < blockStart.length ? blockStart[b + 1] - 1 : uniqueX.length - 1;
    thresholdX.push(uniqueX[first]);
    thresholdY.push(blockMean[b]);
    if (last > first) {
      thresholdX.push(uniqueX[last]);
      thresholdY.push(blockMean[b]);
    }
  }
  return { x: thresholdX, y: thresholdY };
}

/**
 * The isotonic prediction at `value`: linear interpolation between the thresholds (np.interp), the
 * end values outside [x₀, x_last] (sklearn's out_of_bounds='clip'); NaN for NaN. O(log thresholds).
 */
export function applyIsotonic(params: { readonly x: readonly number[]; readonly y: readonly number[] }, value: number): number {
  const { x, y } = params;
  const last = x.length - 1;
  if (Number.isNaN(value)) return Number.NaN;
  if (value <= x[0]) return y[0];
  if (value >= x[last]) return y[last];
  // Binary search for the segment x[low] ≤ value < x[high], high = low + 1.
  let low = 0;
  let high = last;
  while (high - low > 1) {
    const middle = (low + high) >>> 1;
    if (x[middle] <= value) low = middle;
    else high = middle;
  }
  const t = (value - x[low]) / (x[high] - x[low]);
  return y[low] + t * (y[high] - y[low]);
}
