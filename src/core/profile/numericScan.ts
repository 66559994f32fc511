import { selectInPlace } from '../features/statistics';
import type { NumericValues } from '../table';
/** Equal-width histogram: bin i holds values in [edges[i], edges[i + 1]), the last bin is closed. */
export interface Histogram {
  /** Bin edges, `counts.length + 1` of them, from min to max. */
  readonly edges: readonly number[];
  readonly counts: readonly number[];
}

/** Equal-width bins in a numeric column's histogram (one bin when every value is equal). */
export const HISTOGRAM_BINS = 12;
// Columns of whole numbers, or of decimals with at most 3 places (rates, ratios, years), whose
// range in steps of 1, 0.1, 0.01 or 0.001 is at most this many slots (or at most twice the present
// values) are counted slot by slot in an Int32Array: exact distinct counts, value counts and
// medians without hashing or selection.
const COUNTING_SPAN = 1 << 16;
const MAX_COUNTING_SPAN = 1 << 22;
const DECIMAL_SCALES = [10, 100, 1000];

/** What one numeric column holds, from a few linear passes. */
export interface NumericScan {
  /** Present (non-NaN) values. */
  readonly count: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly median: number;
  /** Null when there are no present values. */
  readonly histogram: Histogram | null;
  /** Exact number of distinct values, or null when counting stopped at `limit`. */
  readonly distinct: number | null;
  /** The distinct values ascending with their row counts, when there are at most `listLimit`; else null. */
  readonly small: { readonly values: readonly number[]; readonly counts: readonly number[] } | null;
  /** Counts distinct values without a limit (only called when a role needs it). */
  readonly countDistinct: () => number;
}

/**
 * Scans a numeric column: min, max, mean, median, a 12-bin histogram and distinct values (counting
 * stops once `limit` are seen). NaN cells are missing. -0 and 0 count as one value, as their texts do.
 */
export function scanNumeric(source: NumericValues, limit: number, listLimit: number): NumericScan {
  // Pass 1: range, sum and whether every value is a whole number.
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let integral = true;
  for (let i = 0; i < source.length; i++) {
    const x = source[i];
    if (x !== x) continue; // NaN: missing
    count++;
    if (x < min) min = x;
    if (x > max) max = x;
    sum += x;
    if (integral && Math.floor(x) !== x) integral = false;
  }
  if (count === 0) {
    const none = { count: 0, min: Number.NaN, max: Number.NaN, mean: Number.NaN, median: Number.NaN, histogram: null };
    return { ...none, distinct: 0, small: { values: [], counts: [] }, countDistinct: () => 0 };
  }
  const mean = sum / count;
  const scale = countingScale(source, count, min, max, integral);
  if (scale > 0) return { count, min, max, mean, ...scanByCounting(source, count, min, max, scale, listLimit) };

  // General path, one pass: histogram, and distinct values until `limit` are seen.
  const bins = new Binner(min, max);
  const seen = new NumberSet();
  let hashing = true;
  let previous = Number.NaN;
  for (let i = 0; i < source.length; i++) {
    const x = source[i];
    if (x !== x) continue;
    bins.counts[bins.binOf(x)]++;
    if (hashing && x !== previous) {
      previous = x; // runs of equal values are common: skip the hash for them
      if (seen.add(x) && seen.size >= limit) hashing = false;
    }
  }
  const distinct = hashing ? seen.size : null;
  let small: NumericScan['small'] = null;
  if (distinct !== null && distinct <= listLimit) {
    const sorted = seen.toSortedArray();
    small = { values: Array.from(sorted), counts: countEach(source, sorted) };
  }
  const countDistinct = () => (distinct !== null ? distinct : NumberSet.countDistinct(source));
  return { count, min, max, mean, median: medianByBins(source, bins, count), histogram: bins.histogram(), distinct, small, countDistinct };
}

/**
 * The step count per unit (1, 10, 100 or 1000) at which every value is a whole number of steps,
 * round(x × scale) / scale === x exactly, and the range is a modest number of steps; 0 if none.
 */
function countingScale(source: NumericValues, count: number, min: number, max: number, integral: boolean): number {
  const fits = (scale: number) => {
    const slots = Math.round(max * scale) - Math.round(min * scale) + 1;
    return slots <= MAX_COUNTING_SPAN && (slots <= COUNTING_SPAN || slots <= 2 * count);
  };
  if (integral) return fits(1) ? 1 : 0;
  for (const scale of DECIMAL_SCALES) {
    if (!fits(scale)) return 0; // finer steps only make the range longer
    let exact = true;
    for (let i = 0; exact && i < source.length; i++) {
      const x = source[i];
      // A wrong scale usually fails within the first few cells.
      if (x === x && Math.round(x * scale) / scale !== x) exact = false;
    }
    if (exact) return scale;
  }
  return 0;
}

/**
 * Values that are whole numbers of 1/scale over a modest range: one Int32Array slot per step.
 * Slot k holds the value (k + base) / scale, which is exactly the value read (see countingScale).
 */
function scanByCounting(source: NumericValues, count: number, min: number, max: number, scale: number, listLimit: number) {
  const base = Math.round(min * scale);
  const slots = new Int32Array(Math.round(max * scale) - base + 1);
  for (let i = 0; i < source.length; i++) {
    const x = source[i];
    if (x === x) slots[Math.round(x * scale) - base]++;
  }
  // One walk over the slots: histogram by value (not by row), distinct count, median, small lists.
  const bins = new Binner(min, max);
  const lowRank = (count - 1) >> 1; // 0-based ranks of the middle value(s)
  const highRank = count >> 1;
  let low = Number.NaN;
  let high = Number.NaN;
  let below = 0;
  let distinct = 0;
  const listed: number[] = [];
  const listedCounts: number[] = [];
  for (let slot = 0; slot < slots.length; slot++) {
    const n = slots[slot];
    if (n === 0) continue;
    const value = (slot + base) / scale;
    distinct++;
    bins.counts[bins.binOf(value)] += n;
    if (below <= lowRank && lowRank < below + n) low = value;
    if (below <= highRank && highRank < below + n) high = value;
    below += n;
    if (listed.length <= listLimit) {
      listed.push(value);
      listedCounts.push(n);
    }
  }
  const small = distinct <= listLimit ? { values: listed, counts: listedCounts } : null;
  return { median: (low + high) / 2, histogram: bins.histogram(), distinct, small, countDistinct: () => distinct };
}

/** Equal-width bins over [min, max]: bin i holds [edges[i], edges[i + 1]), the last bin is closed. */
class Binner {
  readonly edges: Float64Array;
  readonly counts: Float64Array;
  private readonly scale: number;
  private readonly last: number;

  constructor(
    private readonly min: number,
    max: number,
  ) {
    const range = max - min;
    // All values equal (or a range too wide for a double): one bin holding everything.
    const bins = range > 0 && Number.isFinite(range) ? HISTOGRAM_BINS : 1;
    this.edges = new Float64Array(bins + 1);
    this.edges[0] = min;
    for (let i = 1; i < bins; i++) this.edges[i] = min + (range * i) / bins;
    this.edges[bins] = max;
    this.counts = new Float64Array(bins);
    this.scale = bins > 1 ? bins / range : 0;
    this.last = bins - 1;
  }

  binOf(x: number): number {
    let b = Math.floor((x - this.min) * this.scale);
    if (b >= this.last) return this.last;
    // (x - min) * scale can round across an edge: settle it by the edges themselves.
    if (x >= this.edges[b + 1]) b++;
    else if (b > 0 && x < this.edges[b]) b--;
    return b;
  }

  histogram(): Histogram {
    return { edges: Array.from(this.edges), counts: Array.from(this.counts) };
  }
}

/**
 * A growing open-addressing hash set of numbers, several times faster than `Set<number>` on a
 * million cells. Keys are normalised so -0 and 0 are one key; NaN marks an empty slot (never a key).
 */
class NumberSet {
  size = 0;
  private keys = new Float64Array(1024).fill(Number.NaN);
  private mask = 1023;
  private readonly scratch = new Float64Array(1);
  private readonly bits = new Int32Array(this.scratch.buffer);

  /** Adds `x`; true when it was not there yet. */
  add(value: number): boolean {
    const x = value + 0; // -0 + 0 is +0
    const keys = this.keys;
    let slot = this.hash(x) & this.mask;
    for (;;) {
      const key = keys[slot];
      if (key === x) return false;
      if (key !== key) break;
      slot = (slot + 1) & this.mask;
    }
    keys[slot] = x;
    if (++this.size * 2 > keys.length) this.grow();
    return true;
  }

  /** The keys, ascending. */
  toSortedArray(): Float64Array {
    const out = new Float64Array(this.size);
    let k = 0;
    for (const key of this.keys) if (key === key) out[k++] = key;
    return out.sort();
  }

  /** Exact distinct count of `values`, NaN not counted. */
  static countDistinct(values: NumericValues): number {
    const set = new NumberSet();
    for (let i = 0; i < values.length; i++) if (values[i] === values[i]) set.add(values[i]);
    return set.size;
  }

  private hash(x: number): number {
    this.scratch[0] = x;
    let h = Math.imul(this.bits[0] ^ Math.imul(this.bits[1], 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    return Math.imul(h, 0xc2b2ae35) ^ (h >>> 13);
  }

  private grow(): void {
    const old = this.keys;
    this.keys = new Float64Array(old.length * 2).fill(Number.NaN);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (const key of old) if (key === key) this.add(key);
  }
}

/** Row counts of each of `sorted` (a few distinct numbers, ascending) in `values`; NaN skipped. */
function countEach(values: NumericValues, sorted: Float64Array): number[] {
  const counts = new Float64Array(sorted.length);
  const last = sorted.length - 1;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x !== x) continue;
    let j = 0;
    while (j < last && sorted[j] !== x) j++;
    counts[j]++;
  }
  return Array.from(counts);
}

/**
 * Median from the histogram: find the bin holding each middle rank, copy just that bin's values
 * and quickselect within it, so only about 1/12 of the column is copied and reordered.
 */
function medianByBins(source: NumericValues, bins: Binner, count: number): number {
  let cachedBin = -1;
  let cached = new Float64Array(0);
  const valueAtRank = (rank: number): number => {
    let bin = 0;
    let below = 0;
    while (below + bins.counts[bin] <= rank) below += bins.counts[bin++];
    if (bin !== cachedBin) {
      cached = new Float64Array(bins.counts[bin]);
      for (let i = 0, k = 0; i < source.length; i++) {
        const x = source[i];
        if (x === x && bins.binOf(x) === bin) cached[k++] = x;
      }
      cachedBin = bin;
    }
    return selectInPlace(cached, rank - below);
  };
  const low = valueAtRank((count - 1) >> 1);
  return count % 2 === 1 ? low : (low + valueAtRank(count >> 1)) / 2;
}
