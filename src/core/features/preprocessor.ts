import type { TrainedRange } from '../clean/fitCleaning';
import { MISSING_LEVEL, rangeText, type ColumnPlan, type MissingStrategy, type RangeRule } from '../clean/plan';
import { isMissingMarker, parseNumberCell, type DecimalMark } from '../csv/cells';
import { getColumn, MISSING_CODE, type CategoricalColumn, type Column, type NumericValues, type Table } from '../table';
import { computeOutlierBounds, formatNumber, outlierRuleText, quantileInPlace } from './statistics';

export { computeMedian } from './statistics';

/** Clip bounds fitted on the training rows; values beyond them are moved to them before standardising. */
export interface FittedClip {
  readonly lower: number;
  readonly upper: number;
  /** The rule and its fitted bounds in words: "IQR, k = 1.5, bounds -2 to 13". */
  readonly rule: string;
  /** Present training cells that lay outside the bounds. */
  readonly trainingCellsClipped: number;
}

/**
 * A numeric feature: missing → `fill` (and a 1 in the indicator input, if any), then clip, then
 * (x − mean) / std, all fitted on training rows.
 */
export interface NumericFeature {
  readonly kind: 'numeric';
  readonly name: string;
  readonly missing: MissingStrategy;
  /** The value of a missing cell; null when none could be fitted (no training values, or a constant that is not a number), so the cell stays invalid and the data-quality gate stops training. */
  readonly fill: number | null;
  /** True when an extra 0/1 input "<name> was missing" follows the value (asked for, and the training rows had missing cells). */
  readonly indicator: boolean;
  /** Training rows with a missing cell here (those the indicator flags). */
  readonly missingInTraining: number;
  readonly clip: FittedClip | null;
  /** Possible values (from the cleaning plan); encodeApplicant refuses an applicant outside them. */
  readonly range: RangeRule | null;
  /** An outlier 'drop' rule's bounds fitted on the training rows: a row or applicant outside them is scored but flagged. */
  readonly trainedRange: TrainedRange | null;
  readonly mean: number;
  /** Population std of the filled, clipped training column; 1 when that is 0. */
  readonly std: number;
  /**
   * Piecewise-linear encoding (PLE) in place of (x − mean) / std: bin edges b0 < … < bT at quantiles
   * of the training values; input t is 0 below b(t−1), 1 from b(t) on, linear between. null: standardised.
   */
  readonly ple: { readonly edges: readonly number[] } | null;
}

/** How numeric features reach the network: standardised, or piecewise-linearly over quantile bins (Gorishniy et al. 2022). */
export type NumericEncoding = 'standard' | 'ple';

/** A categorical feature: missing → `fill`, then one-hot over `levels` (unseen → all zeros). */
export interface CategoricalFeature {
  readonly kind: 'categorical';
  readonly name: string;
  readonly missing: MissingStrategy;
  /** Levels seen in training (in order of first appearance in the training rows), then any fill level training never saw: a constant, or "(missing)". The most frequent wins the mode; ties go to the first seen. */
  readonly levels: readonly string[];
  /** The level of a missing cell; null when training had no values (all zeros). */
  readonly fill: string | null;
}

/** One input column's fitted preprocessing. */
export type FeatureSpec = NumericFeature | CategoricalFeature;

/**
 * The fitted preprocessing pipeline as plain JSON. It is fitted once, on training rows, and travels
 * with the model; scoring only ever applies it, so a refit on new data cannot happen.
 */
export interface Preprocessor {
  readonly version: 4;
  /** How the data set wrote numbers; applicant answers are read the same way ("1,5" with ','). */
  readonly decimal: DecimalMark;
  readonly features: readonly FeatureSpec[];
  /** Length of the encoded vector: per numeric feature 1 or its PLE bins (one more with an indicator), per categorical feature its levels. */
  readonly width: number;
  readonly fittedOnRows: number;
}

/**
 * Fits fills, "was missing" indicators, clip bounds, standardisation and one-hot levels per column
 * plan on `trainRows` of `table` only; `trainedRanges` (outlier 'drop' bounds fitted on the same
 * rows) travel with their features to flag rows outside them. Throws (naming the column) if a
 * column is missing or of the wrong kind for its plan; cleanRows checks the plan first, so that is
 * a programming error.
 */
export function fitPreprocessor(
  table: Table,
  columnPlans: readonly ColumnPlan[],
  trainRows: Int32Array,
  decimal: DecimalMark = '.',
  trainedRanges: ReadonlyMap<string, TrainedRange> = new Map(),
  numericEncoding: NumericEncoding = 'standard',
): Preprocessor {
  // Statistics do not depend on row order, and reading columns in order is several times faster.
  const rows = isAscending(trainRows) ? trainRows : Int32Array.from(trainRows).sort();
  const scratch = new Float64Array(rows.length);
  const numericColumns = columnPlans.filter((plan) => getColumn(table, plan.column).kind === 'numeric').length;
  const pleBins = numericEncoding === 'ple' ? Math.min(pleBinCount(rows.length), pleBinsWithinBudget(rows.length, numericColumns)) : 0;
  const features = columnPlans.map((plan): FeatureSpec => {
    const column = getColumn(table, plan.column);
    if (column.kind !== 'numeric') return fitCategorical(column, plan, rows);
    return fitNumeric(column.values, plan, rows, decimal, scratch, trainedRanges.get(plan.column) ?? null, pleBins >= 2 ? pleBins : 0);
  });
  const width = features.reduce((w, f) => w + featureWidth(f), 0);
  return { version: 4, decimal, features, width, fittedOnRows: trainRows.length };
}

/**
 * PLE bins for a feature fitted on `rows` training rows: about the cube root of the rows (the rate
 * at which histogram bins can grow with n), 4 to 32, so a few hundred rows get coarse bins and
 * tens of thousands fine ones.
 */
export function pleBinCount(rows: number): number {
  return Math.min(32, Math.max(4, Math.round(Math.cbrt(rows))));
}

// A training run holds its encoded rows as one Float32 matrix: PLE's inputs stay within about
// 256 MB of it (a million rows × 12 numeric columns get 5 bins, not 32).
const PLE_MATRIX_BUDGET_FLOATS = 64 * 1024 * 1024;

/** The most PLE bins per numeric column that keep rows × columns × bins within the matrix budget. */
export function pleBinsWithinBudget(rows: number, numericColumns: number): number {
  return Math.floor(PLE_MATRIX_BUDGET_FLOATS / Math.max(1, rows * numericColumns));
}

/**
 * PLE edges from the sorted, clipped, filled training values: the distinct values at quantiles
 * t/bins (t = 0…bins, numpy's default 'linear' rule on the sorted values), so a column with few
 * distinct values gets fewer bins. Fewer than two distinct edges: null (the column is standardised).
 */
export function pleEdges(sorted: ArrayLike<number>, bins: number): number[] | null {
  const n = sorted.length;
  if (n === 0) return null;
  const edges: number[] = [];
  for (let t = 0; t <= bins; t++) {
    const position = (t / bins) * (n - 1);
    const low = Math.floor(position);
    const high = Math.min(n - 1, low + 1);
    const v = sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    if (edges.length === 0 || v > edges[edges.length - 1]) edges.push(v);
  }
  return edges.length >= 2 ? edges : null;
}

function fitNumeric(
  values: NumericValues,
  plan: ColumnPlan,
  trainRows: Int32Array,
  decimal: DecimalMark,
  present: Float64Array,
  trainedRange: TrainedRange | null,
  pleBins: number,
): NumericFeature {
  let m = 0;
  let sum = 0;
  for (let i = 0; i < trainRows.length; i++) {
    const v = values[trainRows[i]];
    if (v === v) {
      present[m++] = v;
      sum += v;
    }
  }
  const missingCells = trainRows.length - m;

  let fill: number | null;
  if (plan.missing === 'constant') {
    const parsed = parseNumberCell(plan.constant, decimal);
    fill = Number.isNaN(parsed) ? null : parsed;
  } else if (m === 0) fill = null;
  else if (plan.missing === 'mean') fill = sum / m;
  else if (plan.missing === 'mode') fill = numericMode(present, m);
  else fill = quantileInPlace(present, m, 0.5);

  let lower = Number.NEGATIVE_INFINITY;
  let upper = Number.POSITIVE_INFINITY;
  let clip: FittedClip | null = null;
  if (plan.outliers !== null && plan.outliers.action === 'clip') {
    const bounds = computeOutlierBounds(present, m, plan.outliers);
    if (bounds !== null) {
      lower = bounds.lower;
      upper = bounds.upper;
      let clipped = 0;
      for (let i = 0; i < m; i++) if (present[i] < lower || present[i] > upper) clipped++;
      const rule = `${outlierRuleText(plan.outliers)}, bounds ${formatNumber(lower)} to ${formatNumber(upper)}`;
      clip = { lower, upper, rule, trainingCellsClipped: clipped };
    }
  }

  // Statistics of the filled, clipped column, so filled values sit exactly where the scaler expects.
  if (clip !== null) for (let i = 0; i < m; i++) present[i] = present[i] < lower ? lower : present[i] > upper ? upper : present[i];
  const filledCells = fill === null ? 0 : missingCells;
  const filled = fill === null ? 0 : fill < lower ? lower : fill > upper ? upper : fill;
  const count = m + filledCells;
  let total = filledCells * filled;
  for (let i = 0; i < m; i++) total += present[i];
  const mean = count > 0 ? total / count : 0;
  let squares = filledCells * (filled - mean) * (filled - mean);
  for (let i = 0; i < m; i++) {
    const d = present[i] - mean;
    squares += d * d;
  }
  const std = count > 0 ? Math.sqrt(squares / count) : 0;
  let ple: NumericFeature['ple'] = null;
  if (pleBins > 0 && count > 0) {
    // The quantiles of what the network will see: present values clipped, and the filled cells.
    const seen = new Float64Array(count);
    seen.set(present.subarray(0, m));
    seen.fill(filled, m);
    seen.sort();
    const edges = pleEdges(seen, pleBins);
    ple = edges === null ? null : { edges };
  }
  return {
    kind: 'numeric',
    name: plan.column,
    missing: plan.missing,
    fill,
    // An input that is 0 in every training row would keep its random initial weight: only add it where training saw gaps.
    indicator: (plan.indicator || plan.missing === 'indicator') && missingCells > 0 && fill !== null,
    missingInTraining: missingCells,
    clip,
    range: plan.range,
    trainedRange,
    mean,
    std: std > 1e-12 ? std : 1,
    ple,
  };
}

/** Most frequent of the first m values (the smallest on ties). Sorts them. */
function numericMode(values: NumericValues, m: number): number {
  const sorted = values.subarray(0, m).sort();
  let best = sorted[0];
  let bestRun = 0;
  for (let i = 0; i < m; ) {
    let j = i + 1;
    while (j < m && sorted[j] === sorted[i]) j++;
    if (j - i > bestRun) {
      bestRun = j - i;
      best = sorted[i];
    }
    i = j;
  }
  return best;
}

function fitCategorical(column: CategoricalColumn, plan: ColumnPlan, trainRows: Int32Array): CategoricalFeature {
  if (plan.missing === 'median' || plan.missing === 'mean') throw new Error(`Column "${plan.column}" holds text; its missing values cannot be filled with the ${plan.missing}.`);
  // Levels in order of first appearance among the training rows (ascending, so file order). The
  // table's own level order follows every row of the file, test rows included: a test row could
  // then reorder the inputs and break a tie of the mode.
  const counts = new Float64Array(column.levels.length);
  const seen: number[] = [];
  for (let i = 0; i < trainRows.length; i++) {
    const code = column.codes[trainRows[i]];
    if (code === MISSING_CODE) continue;
    if (counts[code] === 0) seen.push(code);
    counts[code]++;
  }
  const levels = seen.map((code) => column.levels[code]);
  let modeCode = -1;
  for (const code of seen) if (modeCode < 0 || counts[code] > counts[modeCode]) modeCode = code;

  let missingCells = 0;
  for (let i = 0; i < trainRows.length; i++) if (column.codes[trainRows[i]] === MISSING_CODE) missingCells++;
  let fill: string | null = modeCode >= 0 ? column.levels[modeCode] : null;
  if (plan.missing === 'constant') fill = plan.constant.trim();
  // A "(missing)" level training never saw would be an input without a trained weight: the mode serves then.
  else if (plan.missing === 'indicator' && missingCells > 0) fill = MISSING_LEVEL;
  if (fill !== null && !levels.includes(fill)) levels.push(fill);
  return { kind: 'categorical', name: plan.column, missing: plan.missing, levels, fill };
}

function isAscending(rows: Int32Array): boolean {
  for (let i = 1; i < rows.length; i++) if (rows[i] < rows[i - 1]) return false;
  return true;
}

function featureWidth(feature: FeatureSpec): number {
  return feature.kind === 'numeric' ? valueWidth(feature) + (feature.indicator ? 1 : 0) : feature.levels.length;
}

/** Inputs a numeric feature's value takes: its PLE bins, or 1. */
function valueWidth(feature: NumericFeature): number {
  return feature.ple === null ? 1 : feature.ple.edges.length - 1;
}

/**
 * Writes the PLE of v over `edges` into out[o … o + edges.length − 2]: 1 for bins wholly below v,
 * the covered fraction of the bin v falls in, 0 above. Values beyond the training range saturate
 * (all 0 or all 1) rather than extrapolate, so an extreme applicant cannot push an input past
 * anything training saw.
 */
export function writePle(edges: readonly number[], v: number, out: Float32Array, o: number): void {
  for (let t = 1; t < edges.length; t++) {
    const lo = edges[t - 1];
    const hi = edges[t];
    out[o + t - 1] = v >= hi ? 1 : v <= lo ? 0 : (v - lo) / (hi - lo);
  }
}

/** Encodes `rows` of `table` with the fitted pipeline: a row-major Float32Array of rows × width. */
export function applyPreprocessor(pre: Preprocessor, table: Table, rows: Int32Array): Float32Array {
  const out = new Float32Array(rows.length * pre.width);
  createRowEncoder(pre, table)(rows, out);
  return out;
}

/**
 * Writes the encoded inputs of table rows `rows` into `out` (row-major, rows.length × width),
 * overwriting every value there. Made once per table and reused, e.g. for each training batch.
 */
export type RowEncoder = (rows: Int32Array, out: Float32Array) => void;

/** A RowEncoder for `table` with the fitted pipeline: columns are looked up and level maps built once. */
export function createRowEncoder(pre: Preprocessor, table: Table): RowEncoder {
  const width = pre.width;
  const encoders: BlockEncoder[] = [];
  let offset = 0;
  for (const feature of pre.features) {
    const column = getColumn(table, feature.name);
    encoders.push(feature.kind === 'numeric' ? numericEncoder(feature, numericValues(column, pre.decimal), width, offset) : categoricalEncoder(feature, column, width, offset));
    offset += featureWidth(feature);
  }
  return (rows, out) => {
    // One-hot blocks write only their 1s.
    out.fill(0, 0, rows.length * width);
    // Row blocks small enough that their slice of `out` stays in cache while every feature writes into it.
    for (let start = 0; start < rows.length; start += BLOCK_ROWS) {
      const end = Math.min(rows.length, start + BLOCK_ROWS);
      for (const encode of encoders) encode(rows, out, start, end);
    }
  };
}

const BLOCK_ROWS = 2048;

/** Writes one feature's inputs for rows[start..end) into the output matrix. */
type BlockEncoder = (rows: Int32Array, out: Float32Array, start: number, end: number) => void;

function numericEncoder(feature: NumericFeature, values: NumericValues, width: number, offset: number): BlockEncoder {
  const fill = feature.fill ?? Number.NaN;
  const lower = feature.clip?.lower ?? Number.NEGATIVE_INFINITY;
  const upper = feature.clip?.upper ?? Number.POSITIVE_INFINITY;
  const { mean, std, indicator } = feature;
  const edges = feature.ple?.edges ?? null;
  const indicatorAt = valueWidth(feature);
  return (rows, out, start, end) => {
    for (let i = start, o = start * width + offset; i < end; i++, o += width) {
      const raw = values[rows[i]];
      let v = raw === raw ? raw : fill;
      if (v < lower) v = lower;
      else if (v > upper) v = upper;
      if (edges === null) out[o] = (v - mean) / std;
      else writePle(edges, v, out, o);
      if (indicator && raw !== raw) out[o + indicatorAt] = 1;
    }
  };
}

function categoricalEncoder(feature: CategoricalFeature, column: Column, width: number, offset: number): BlockEncoder {
  // Map the table's level codes to the positions of the fitted levels once, not per row.
  const slotOf = new Map(feature.levels.map((level, i) => [level, i]));
  const fillSlot = feature.fill === null ? -1 : (slotOf.get(feature.fill) ?? -1);
  if (column.kind === 'categorical') {
    const codeToSlot = Int32Array.from(column.levels, (level) => slotOf.get(level) ?? -1);
    const codes = column.codes;
    return (rows, out, start, end) => {
      for (let i = start, o = start * width + offset; i < end; i++, o += width) {
        const code = codes[rows[i]];
        const slot = code === MISSING_CODE ? fillSlot : codeToSlot[code];
        if (slot >= 0) out[o + slot] = 1;
      }
    };
  }
  // A text feature read as numbers in this file (a batch where every value looks like a number).
  const values = column.values;
  return (rows, out, start, end) => {
    for (let i = start, o = start * width + offset; i < end; i++, o += width) {
      const v = values[rows[i]];
      const slot = v !== v ? fillSlot : (slotOf.get(String(v)) ?? -1);
      if (slot >= 0) out[o + slot] = 1;
    }
  };
}

/** A column's values as numbers; a text column (a batch file read differently) has its levels parsed, and text that is not a number throws. */
function numericValues(column: Column, decimal: DecimalMark): NumericValues {
  if (column.kind === 'numeric') return column.values;
  const parsed = column.levels.map((level) => {
    const v = parseNumberCell(level, decimal);
    if (Number.isNaN(v) && !isMissingMarker(level)) throw new Error(`Column "${column.name}" should hold numbers, but holds "${level}".`);
    return v;
  });
  return Float64Array.from(column.codes, (code) => (code === MISSING_CODE ? Number.NaN : parsed[code]));
}

/** One applicant's raw answers, keyed by column name (as typed into the form). */
export type ApplicantRecord = Readonly<Record<string, string>>;

/**
 * Encodes one applicant with the stored pipeline, exactly as applyPreprocessor encodes a table row.
 * Blank answers (and NA, ?…) are missing and take the fitted fill. Throws a message naming the
 * field for a numeric answer that is not a number, or outside the column's possible range.
 */
export function encodeApplicant(pre: Preprocessor, record: ApplicantRecord): Float32Array {
  const out = new Float32Array(pre.width);
  let offset = 0;
  for (const feature of pre.features) {
    const raw = record[feature.name] ?? '';
    const missing = isMissingMarker(raw);
    if (feature.kind === 'numeric') {
      const parsed = missing ? Number.NaN : parseNumberCell(raw, pre.decimal);
      if (!missing && Number.isNaN(parsed)) throw new Error(`"${feature.name}" must be a number.`);
      const range = feature.range;
      if (!missing && range !== null && ((range.min !== null && parsed < range.min) || (range.max !== null && parsed > range.max))) {
        throw new Error(`"${feature.name}" must be within ${rangeText(range)}.`);
      }
      let v = missing ? (feature.fill ?? Number.NaN) : parsed;
      if (feature.clip !== null) {
        if (v < feature.clip.lower) v = feature.clip.lower;
        else if (v > feature.clip.upper) v = feature.clip.upper;
      }
      if (feature.ple === null) out[offset] = (v - feature.mean) / feature.std;
      else writePle(feature.ple.edges, v, out, offset);
      if (feature.indicator && missing) out[offset + valueWidth(feature)] = 1;
      offset += featureWidth(feature);
      continue;
    }
    const slot = missing ? (feature.fill === null ? -1 : feature.levels.indexOf(feature.fill)) : levelSlot(feature, raw.trim(), pre.decimal);
    if (slot >= 0) out[offset + slot] = 1;
    offset += feature.levels.length;
  }
  return out;
}

/** A value outside the range a feature's outlier 'drop' rule was fitted to: scored, but flagged. */
export interface OutsideTrainedRange {
  readonly column: string;
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
}

/** The applicant's numeric answers that lie outside the trained range of a 'drop' rule (blank and non-numeric answers are not flagged here). */
export function findOutsideTrainedRange(pre: Preprocessor, record: ApplicantRecord): OutsideTrainedRange[] {
  const flags: OutsideTrainedRange[] = [];
  for (const feature of pre.features) {
    if (feature.kind !== 'numeric' || feature.trainedRange === null) continue;
    const raw = record[feature.name] ?? '';
    if (isMissingMarker(raw)) continue;
    const value = parseNumberCell(raw, pre.decimal);
    const { lower, upper } = feature.trainedRange;
    if (value < lower || value > upper) flags.push({ column: feature.name, value, lower, upper });
  }
  return flags;
}

/** The slot of an answer among the levels; a number-like answer also matches its shortest text ("01" → "1"), as the CSV reader stores it. */
function levelSlot(feature: CategoricalFeature, text: string, decimal: DecimalMark): number {
  const slot = feature.levels.indexOf(text);
  if (slot >= 0) return slot;
  const v = parseNumberCell(text, decimal);
  return Number.isNaN(v) ? -1 : feature.levels.indexOf(String(v));
}

/** One named input of the encoded vector. */
export interface FeatureSlot {
  /** The column it comes from. */
  readonly feature: string;
  /** What the input means: "income", "home_ownership = RENT", "income was missing". */
  readonly label: string;
}

/** Names each of the `width` inputs, in encoding order. */
export function featureSlots(pre: Preprocessor): FeatureSlot[] {
  const slots: FeatureSlot[] = [];
  for (const feature of pre.features) {
    if (feature.kind === 'numeric') {
      if (feature.ple === null) slots.push({ feature: feature.name, label: feature.name });
      else {
        const edges = feature.ple.edges;
        for (let t = 1; t < edges.length; t++) slots.push({ feature: feature.name, label: `${feature.name} in ${formatNumber(edges[t - 1])}–${formatNumber(edges[t])}` });
      }
      if (feature.indicator) slots.push({ feature: feature.name, label: `${feature.name} was missing` });
      continue;
    }
    for (const level of feature.levels) {
      const indicator = feature.missing === 'indicator' && level === MISSING_LEVEL;
      slots.push({ feature: feature.name, label: indicator ? `${feature.name} was missing` : `${feature.name} = ${level}` });
    }
  }
  return slots;
}

/**
 * The data-quality gate: the first feature (in encoding order) whose encoded values in `x`
 * (row-major, rows × pre.width) include NaN or ±Infinity; null when every value is finite.
 */
export function findInvalidInput(x: Float32Array, pre: Preprocessor): string | null {
  const width = pre.width;
  if (width === 0) return null;
  let bad: Uint8Array | null = null;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    // v − v is 0 for every finite number and NaN for NaN and ±Infinity.
    if (v - v !== 0) (bad ??= new Uint8Array(width))[i % width] = 1;
  }
  if (bad === null) return null;
  const slots = featureSlots(pre);
  for (let s = 0; s < width; s++) if (bad[s]) return slots[s].feature;
  return null;
}

/** The fitted fill of a feature in words, for reports: "median 2", "most frequent \"b\"". */
export function describeFill(feature: FeatureSpec): string {
  if (feature.fill === null) return 'no fill value';
  return feature.kind === 'numeric' ? formatNumber(feature.fill) : `"${feature.fill}"`;
}
