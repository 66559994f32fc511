import { isMissingMarker, parseNumberCell } from '../csv/cells';
import { getColumn, MISSING_CODE, type Table } from '../table';

/** A numeric feature: missing → training median, then (x − mean) / std with training statistics. */
export interface NumericFeature {
  readonly kind: 'numeric';
  readonly name: string;
  readonly median: number;
  readonly mean: number;
  readonly std: number;
}

/** A categorical feature: missing → training mode, then one-hot over the training levels (unseen → all zeros). */
export interface CategoricalFeature {
  readonly kind: 'categorical';
  readonly name: string;
  readonly levels: readonly string[];
  readonly mode: string;
}

/** One input column's fitted preprocessing. */
export type FeatureSpec = NumericFeature | CategoricalFeature;

/**
 * The fitted preprocessing pipeline as plain JSON. It is fitted once, on training rows, and travels
 * with the model; scoring only ever applies it, so a refit on new data cannot happen.
 */
export interface Preprocessor {
  readonly version: 1;
  readonly features: readonly FeatureSpec[];
  /** Length of the encoded vector: one per numeric feature plus one per categorical level. */
  readonly width: number;
  readonly fittedOnRows: number;
}

/** Fits imputation, standardisation and one-hot levels on `trainRows` of `table` only. */
export function fitPreprocessor(table: Table, featureNames: readonly string[], trainRows: Int32Array): Preprocessor {
  const features = featureNames.map((name): FeatureSpec => {
    const column = getColumn(table, name);
    if (column.kind === 'numeric') {
      const present: number[] = [];
      for (const r of trainRows) if (!Number.isNaN(column.values[r])) present.push(column.values[r]);
      const median = computeMedian(present);
      // Statistics of the imputed column, so the filled values sit exactly where the scaler expects.
      const n = trainRows.length;
      let sum = 0;
      for (const r of trainRows) sum += Number.isNaN(column.values[r]) ? median : column.values[r];
      const mean = n > 0 ? sum / n : 0;
      let squares = 0;
      for (const r of trainRows) {
        const d = (Number.isNaN(column.values[r]) ? median : column.values[r]) - mean;
        squares += d * d;
      }
      const std = n > 0 ? Math.sqrt(squares / n) : 0;
      return { kind: 'numeric', name, median, mean, std: std > 1e-12 ? std : 1 };
    }
    const counts = new Float64Array(column.levels.length);
    for (const r of trainRows) if (column.codes[r] !== MISSING_CODE) counts[column.codes[r]]++;
    const levels = column.levels.filter((_, code) => counts[code] > 0);
    let modeCode = -1;
    counts.forEach((count, code) => {
      if (count > 0 && (modeCode < 0 || count > counts[modeCode])) modeCode = code;
    });
    return { kind: 'categorical', name, levels, mode: modeCode >= 0 ? column.levels[modeCode] : '' };
  });
  const width = features.reduce((w, f) => w + (f.kind === 'numeric' ? 1 : f.levels.length), 0);
  return { version: 1, features, width, fittedOnRows: trainRows.length };
}

/** Encodes `rows` of `table` with the fitted pipeline: a row-major Float32Array of rows × width. */
export function applyPreprocessor(pre: Preprocessor, table: Table, rows: Int32Array): Float32Array {
  const out = new Float32Array(rows.length * pre.width);
  let offset = 0;
  for (const feature of pre.features) {
    const column = getColumn(table, feature.name);
    if (feature.kind === 'numeric') {
      if (column.kind !== 'numeric') throw new Error(`Column "${feature.name}" should hold numbers.`);
      for (let i = 0; i < rows.length; i++) {
        const raw = column.values[rows[i]];
        out[i * pre.width + offset] = ((Number.isNaN(raw) ? feature.median : raw) - feature.mean) / feature.std;
      }
      offset += 1;
      continue;
    }
    // Map the table's level codes to the positions of the fitted levels once, not per row.
    const levelIndex = new Map(feature.levels.map((level, i) => [level, i]));
    const modeIndex = levelIndex.get(feature.mode) ?? -1;
    const texts = column.kind === 'categorical' ? column.levels : null;
    const codeToSlot = texts ? Int32Array.from(texts, (t) => levelIndex.get(t) ?? -1) : null;
    for (let i = 0; i < rows.length; i++) {
      let slot: number;
      if (column.kind === 'categorical') {
        const code = column.codes[rows[i]];
        slot = code === MISSING_CODE ? modeIndex : codeToSlot![code];
      } else {
        const v = column.values[rows[i]];
        slot = Number.isNaN(v) ? modeIndex : (levelIndex.get(String(v)) ?? -1);
      }
      if (slot >= 0) out[i * pre.width + offset + slot] = 1;
    }
    offset += feature.levels.length;
  }
  return out;
}

/** One applicant's raw answers, keyed by column name (as typed into the form). */
export type ApplicantRecord = Readonly<Record<string, string>>;

/** Encodes one applicant with the stored pipeline; blank answers get the training median / mode. */
export function encodeApplicant(pre: Preprocessor, record: ApplicantRecord): Float32Array {
  const out = new Float32Array(pre.width);
  let offset = 0;
  for (const feature of pre.features) {
    const raw = record[feature.name] ?? '';
    if (feature.kind === 'numeric') {
      const parsed = isMissingMarker(raw) ? Number.NaN : parseNumberCell(raw);
      if (!isMissingMarker(raw) && Number.isNaN(parsed)) throw new Error(`"${feature.name}" must be a number.`);
      out[offset] = ((Number.isNaN(parsed) ? feature.median : parsed) - feature.mean) / feature.std;
      offset += 1;
      continue;
    }
    const level = isMissingMarker(raw) ? feature.mode : raw.trim();
    const slot = feature.levels.indexOf(level);
    if (slot >= 0) out[offset + slot] = 1;
    offset += feature.levels.length;
  }
  return out;
}

/** Median of the values (mean of the middle two for an even count); 0 for none. */
export function computeMedian(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
