// The training rows' distribution per input column, stored in the bundle so that drift of new
// applicants (population stability) can be measured without the training file.

import { isMissingMarker, parseNumberCell, type DecimalMark } from '../csv/cells';
import type { CategoricalFeature, Preprocessor } from '../features/preprocessor';
import { formatNumber } from '../features/statistics';
import { getColumn, MISSING_CODE, type CategoricalColumn, type NumericValues, type Table } from '../table';
import type { ReferenceBin, ReferenceProfile } from './types';

/** One feature of a reference profile. */
export type ReferenceFeature = ReferenceProfile['features'][number];

/** Numeric bins per feature: deciles, before equal edges merge. */
const NUMERIC_BINS = 10;

/**
 * The profile of each preprocessor input column over `trainRows` of `table` (raw cells, before
 * fill and clip, as applicants answer them). Numeric: bins between the distinct deciles of the
 * present training values (numpy's default linear quantiles), [lower, upper), the first without a
 * lower and the last without an upper bound (JSON has no infinity). Categorical: one bin per
 * preprocessor level, in its order. Either gets a last, missing bin when a training cell is missing.
 * Shares are of the training rows and sum to 1. Throws when a column is absent or of another kind.
 */
export function referenceProfile(table: Table, trainRows: Int32Array, pre: Preprocessor): ReferenceProfile {
  const rows = trainRows.length;
  const features = pre.features.map((feature): ReferenceFeature => {
    const column = getColumn(table, feature.name);
    if (feature.kind === 'numeric' && column.kind === 'numeric') return { column: feature.name, kind: 'numeric', bins: numericBins(column.values, trainRows) };
    if (feature.kind === 'categorical' && column.kind === 'categorical') return { column: feature.name, kind: 'categorical', bins: categoricalBins(feature, column, trainRows) };
    throw new Error(`Column "${feature.name}" is ${column.kind} in the data but ${feature.kind} in the preprocessing.`);
  });
  return { rows, features };
}

/**
 * The index of the bin `value` falls in, or -1 when none holds it: an unseen level, a missing value
 * where training had none missing, a numeric answer that is not a number. Numbers for numeric
 * features (NaN and null are missing); text answers are read as the applicant form reads them
 * (blank, NA… missing; numbers with `decimal`), so "01" finds the level "1" as scoring does.
 */
export function assignReferenceBin(feature: ReferenceFeature, value: number | string | null, decimal: DecimalMark = '.'): number {
  const missingBin = feature.bins.findIndex((bin) => bin.missing === true);
  if (value === null || (typeof value === 'number' && Number.isNaN(value)) || (typeof value === 'string' && isMissingMarker(value))) return missingBin;
  if (feature.kind === 'numeric') {
    const v = typeof value === 'number' ? value : parseNumberCell(value, decimal);
    if (Number.isNaN(v)) return -1;
    // Value bins come first, ordered, each [lower, upper): the first whose upper exceeds v.
    const valueBins = missingBin < 0 ? feature.bins.length : missingBin;
    for (let b = 0; b < valueBins; b++) {
      const upper = feature.bins[b].upper;
      if (upper === undefined || v < upper) return b;
    }
    return -1;
  }
  const text = typeof value === 'number' ? String(value) : value.trim();
  const found = feature.bins.findIndex((bin) => bin.levels?.includes(text) === true);
  if (found >= 0 || typeof value === 'number') return found;
  const v = parseNumberCell(text, decimal);
  return Number.isNaN(v) ? -1 : feature.bins.findIndex((bin) => bin.levels?.includes(String(v)) === true);
}

function numericBins(values: NumericValues, trainRows: Int32Array): ReferenceBin[] {
  const rows = trainRows.length;
  const present = new Float64Array(rows);
  let m = 0;
  for (let i = 0; i < rows; i++) {
    const v = values[trainRows[i]];
    if (v === v) present[m++] = v;
  }
  const sorted = present.subarray(0, m).sort();
  const edges = decileEdges(sorted);
  const counts = new Float64Array(edges.length + 1);
  for (let i = 0; i < m; i++) counts[upperBound(edges, sorted[i])]++;
  const bins: ReferenceBin[] = [];
  // With a present value there is at least one edge, so two bins: below it and from it on.
  if (m > 0)
    for (let b = 0; b <= edges.length; b++) {
      const lower = b > 0 ? edges[b - 1] : undefined;
      const upper = b < edges.length ? edges[b] : undefined;
      bins.push({ label: rangeLabel(lower, upper), share: counts[b] / rows, ...(lower === undefined ? {} : { lower }), ...(upper === undefined ? {} : { upper }) });
    }
  if (m < rows) bins.push(missingBin((rows - m) / rows));
  return bins;
}

function categoricalBins(feature: CategoricalFeature, column: CategoricalColumn, trainRows: Int32Array): ReferenceBin[] {
  const rows = trainRows.length;
  const slotOf = levelSlots(feature, column.levels);
  const counts = new Float64Array(feature.levels.length);
  let missing = 0;
  for (let i = 0; i < rows; i++) {
    const code = column.codes[trainRows[i]];
    if (code === MISSING_CODE) missing++;
    // A level the preprocessor does not know cannot occur in its own training rows; counted nowhere if it did.
    else if (slotOf[code] >= 0) counts[slotOf[code]]++;
  }
  const bins: ReferenceBin[] = feature.levels.map((level, i) => ({ label: level, share: counts[i] / rows, levels: [level] }));
  if (missing > 0) bins.push(missingBin(missing / rows));
  return bins;
}

/** The distinct deciles of ascending `sorted` (p = 0.1 … 0.9, linear between order statistics). */
function decileEdges(sorted: Float64Array): number[] {
  const n = sorted.length;
  const edges: number[] = [];
  if (n === 0) return edges;
  for (let t = 1; t < NUMERIC_BINS; t++) {
    const position = (t / NUMERIC_BINS) * (n - 1);
    const low = Math.floor(position);
    const high = Math.min(n - 1, low + 1);
    const v = sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    if (edges.length === 0 || v > edges[edges.length - 1]) edges.push(v);
  }
  return edges;
}

/** How many edges are ≤ v: the bin of v among bins [edge(b − 1), edge(b)) (binary search; edges ascending). */
export function upperBound(edges: readonly number[], v: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function rangeLabel(lower: number | undefined, upper: number | undefined): string {
  if (lower === undefined) return upper === undefined ? 'any value' : `< ${formatNumber(upper)}`;
  if (upper === undefined) return `≥ ${formatNumber(lower)}`;
  return `${formatNumber(lower)} to < ${formatNumber(upper)}`;
}

function missingBin(share: number): ReferenceBin {
  return { label: 'missing', share, missing: true };
}

/** For each of the table's level codes, its position among the feature's levels (-1 when absent). */
function levelSlots(feature: CategoricalFeature, tableLevels: readonly string[]): Int32Array {
  const slotOf = new Map(feature.levels.map((level, i) => [level, i]));
  return Int32Array.from(tableLevels, (level) => slotOf.get(level) ?? -1);
}
