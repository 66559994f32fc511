/** Order statistics and outlier bounds on typed arrays, in linear time (no full sort). */

import type { OutlierRule } from '../clean/plan';

/**
 * Moves the k-th smallest (0-based) of `a[lo..hi]` to index k, with everything before it ≤ and
 * everything after it ≥; returns it. Reorders `a`. Hoare partitioning keeps runs of equal values
 * (common in data: integer ages, repeated incomes) linear; a pathological input falls back to sort.
 */
export function selectInPlace(a: Float64Array, k: number, lo = 0, hi = a.length - 1): number {
  let rounds = 0;
  const maxRounds = 4 * Math.ceil(Math.log2(hi - lo + 2)) + 8;
  while (hi > lo) {
    if (++rounds > maxRounds) {
      a.subarray(lo, hi + 1).sort();
      return a[k];
    }
    const mid = (lo + hi) >>> 1;
    const x = a[lo];
    const y = a[mid];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    // Now a[lo..j] ≤ pivot ≤ a[i..hi], and anything strictly between j and i equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of the first `n` values of `a`, linearly interpolated between order
 * statistics (position (n − 1)·p, as numpy's default and pandas' `quantile`); NaN for n = 0. Reorders `a`.
 */
export function quantileInPlace(a: Float64Array, n: number, p: number): number {
  if (n === 0) return Number.NaN;
  const position = (n - 1) * p;
  const k = Math.floor(position);
  const low = selectInPlace(a, k, 0, n - 1);
  const fraction = position - k;
  if (fraction === 0 || k + 1 >= n) return low;
  // After selecting k, the (k+1)-th smallest is the minimum of everything after k.
  let high = a[k + 1];
  for (let i = k + 2; i < n; i++) if (a[i] < high) high = a[i];
  return low + fraction * (high - low);
}

/** Median of the values (mean of the middle two for an even count); 0 for none. */
export function computeMedian(values: ArrayLike<number>): number {
  if (values.length === 0) return 0;
  const copy = Float64Array.from(values);
  return quantileInPlace(copy, copy.length, 0.5);
}

/** Lower and upper limits for a value; outside them it is an outlier. */
export interface Bounds {
  readonly lower: number;
  readonly upper: number;
}

/**
 * Outlier bounds from the first `n` (present) values of `a`: IQR → [q1 − k·IQR, q3 + k·IQR] with
 * interpolated quartiles; z-score → mean ± t·std (population std). Null for no values. Reorders `a`.
 */
export function computeOutlierBounds(a: Float64Array, n: number, rule: OutlierRule): Bounds | null {
  if (n === 0) return null;
  if (rule.method === 'iqr') {
    const q1 = quantileInPlace(a, n, 0.25);
    const q3 = quantileInPlace(a, n, 0.75);
    const spread = rule.threshold * (q3 - q1);
    return { lower: q1 - spread, upper: q3 + spread };
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += a[i];
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (a[i] - mean) * (a[i] - mean);
  const spread = rule.threshold * Math.sqrt(squares / n);
  return { lower: mean - spread, upper: mean + spread };
}

/** A number for people: at most 6 significant digits, no trailing zeros ("0.333333", "1500", "1e+21"). */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/** Human text of an outlier rule: "IQR, k = 1.5" or "z-score, |z| > 3". */
export function outlierRuleText(rule: OutlierRule): string {
  return rule.method === 'iqr' ? `IQR, k = ${rule.threshold}` : `z-score, |z| > ${rule.threshold}`;
}
