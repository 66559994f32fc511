// Checks on a batch file of applicants before it is scored: does it hold the model's columns, and
// which rows hold answers the model fills, never saw, or cannot take. The row checks read the
// columns as the row encoder does (numbers as numbers, text levels parsed once), so a 100,000-row
// file is checked in a few milliseconds.

import type { BundleSchema } from '../bundle/types';
import { isMissingMarker, parseNumberCell } from '../csv/cells';
import type { FeatureSpec, NumericFeature, Preprocessor } from '../features/preprocessor';
import { MISSING_CODE, type Column, type Table } from '../table';

/** A schema column found under a header that matches its name only once both are trimmed. */
export interface TrimmedColumnMatch {
  /** The model's name for the column. */
  readonly column: string;
  /** The batch file's header. */
  readonly header: string;
}

/** A batch file's columns against the schema: every input column present (extra ones listed), or the ones it lacks. */
export type BatchColumnCheck =
  | { readonly ok: true; readonly extra: readonly string[]; readonly trimmedMatches: readonly TrimmedColumnMatch[] }
  | { readonly ok: false; readonly problem: { readonly code: 'batch.missingColumns'; readonly columns: readonly string[] } };

/**
 * Finds each schema column in the batch file: by exact name, else by the one header equal to it
 * once both are trimmed (two such headers are ambiguous, and the column counts as missing).
 * Columns the model does not read are passed through and listed as extra.
 */
export function checkBatchColumns(table: Table, schema: BundleSchema): BatchColumnCheck {
  const names = schema.columns.map((c) => c.name);
  const found = matchColumns(table, names);
  const missing = names.filter((_, i) => found[i] === null);
  if (missing.length > 0) return { ok: false, problem: { code: 'batch.missingColumns', columns: missing } };
  const used = new Set(found);
  const trimmedMatches = names.flatMap((column, i) => (found[i]!.name === column ? [] : [{ column, header: found[i]!.name }]));
  return { ok: true, extra: table.columns.filter((c) => !used.has(c)).map((c) => c.name), trimmedMatches };
}

/** The batch file's column for each name (null where none, or two, match): an exact name wins, else the one header equal to it trimmed; a header serves one name only. */
function matchColumns(table: Table, names: readonly string[]): (Column | null)[] {
  const wanted = new Set(names);
  const found = names.map((name) => {
    const same = table.columns.find((c) => c.name === name);
    if (same) return same;
    const trimmed = name.trim();
    // A header that is some other input's exact name belongs to that input.
    const candidates = table.columns.filter((c) => c.name.trim() === trimmed && !wanted.has(c.name));
    return candidates.length === 1 ? candidates[0] : null;
  });
  // Two names trimmed alike could claim one header: neither gets it.
  return found.map((column) => (column !== null && found.indexOf(column) !== found.lastIndexOf(column) ? null : column));
}

/** The batch file's column for each feature; throws naming the first one absent (checkBatchColumns reports that first, so this is a programming error). */
function featureColumns(table: Table, pre: Preprocessor): Column[] {
  const found = matchColumns(
    table,
    pre.features.map((f) => f.name),
  );
  return found.map((column, i) => {
    if (column === null) throw new Error(`Column "${pre.features[i].name}" is not in the batch file.`);
    return column;
  });
}

/** Per-row bit flags of what a batch row holds; a row may carry several. */
export const BatchFlag = {
  /** A blank (or NA, ?…) cell the model fills with its fitted fill. */
  MISSING: 1,
  /** A categorical level the model never saw: scored as none of its levels. */
  UNSEEN_LEVEL: 2,
  /** A number outside the training values' range, or outside an outlier 'drop' rule's fitted bounds: scored, flagged. */
  OUTSIDE_TRAINED: 4,
  /** Text in a numeric column: the row cannot be scored. */
  NOT_A_NUMBER: 8,
  /** A number outside the column's possible range (a negative income): the row cannot be scored. */
  IMPOSSIBLE: 16,
} as const;

/** The name of one flag. */
export type BatchFlagName = keyof typeof BatchFlag;

/** The flags in bit order. */
export const BATCH_FLAG_NAMES: readonly BatchFlagName[] = ['MISSING', 'UNSEEN_LEVEL', 'OUTSIDE_TRAINED', 'NOT_A_NUMBER', 'IMPOSSIBLE'];

/** Flags that keep a row from being scored (encodeApplicant refuses such an applicant too). */
export const UNSCORABLE_FLAGS = BatchFlag.NOT_A_NUMBER | BatchFlag.IMPOSSIBLE;

/** The names of the flags set in `flags`, in bit order. */
export function batchFlagNames(flags: number): BatchFlagName[] {
  return BATCH_FLAG_NAMES.filter((name) => (flags & BatchFlag[name]) !== 0);
}

/** How many rows of one column carry one flag. */
export interface BatchColumnFlag {
  readonly column: string;
  readonly flag: BatchFlagName;
  readonly rows: number;
}

/** The row checks of a batch file. */
export interface BatchRowCheck {
  /** One per row: the BatchFlag bits of all its cells. */
  readonly flags: Uint8Array;
  /** Rows carrying each flag (a row counts once per flag, however many of its cells carry it). */
  readonly counts: Readonly<Record<BatchFlagName, number>>;
  /** Rows carrying any flag. */
  readonly flaggedRows: number;
  /** Non-zero counts per input column and flag, in model column order then bit order. */
  readonly perColumn: readonly BatchColumnFlag[];
}

/**
 * Flags every cell the model's inputs read, by the rules scoring applies: missing (filled), an
 * unseen level, a number outside the trained range (the schema's trainedMin–trainedMax when
 * `schema` is given, and a 'drop' rule's trainedRange), text where a number belongs, a number
 * outside the possible range. Columns are found as checkBatchColumns finds them.
 */
export function checkBatchRows(table: Table, pre: Preprocessor, schema?: BundleSchema): BatchRowCheck {
  const rows = table.rowCount;
  const flags = new Uint8Array(rows);
  const columns = featureColumns(table, pre);
  const perColumn: BatchColumnFlag[] = [];
  pre.features.forEach((feature, i) => {
    // Cells counted by their combined flags (0…31): one increment per cell, split into bits after.
    const tally = new Int32Array(32);
    flagColumn(feature, columns[i], pre, schema, flags, tally);
    for (const name of BATCH_FLAG_NAMES) {
      const count = countWithBit(tally, BatchFlag[name]);
      if (count > 0) perColumn.push({ column: feature.name, flag: name, rows: count });
    }
  });
  const tally = new Int32Array(32);
  for (let r = 0; r < rows; r++) tally[flags[r]]++;
  const counts = Object.fromEntries(BATCH_FLAG_NAMES.map((name) => [name, countWithBit(tally, BatchFlag[name])])) as Record<BatchFlagName, number>;
  return { flags, counts, flaggedRows: rows - tally[0], perColumn };
}

function countWithBit(tally: Int32Array, bit: number): number {
  let count = 0;
  for (let f = 0; f < tally.length; f++) if ((f & bit) !== 0) count += tally[f];
  return count;
}

/** ORs one feature's cell flags into `flags`, counting each cell's flags in `tally`. */
function flagColumn(feature: FeatureSpec, column: Column, pre: Preprocessor, schema: BundleSchema | undefined, flags: Uint8Array, tally: Int32Array): void {
  if (feature.kind === 'numeric') {
    const flagOf = numericFlagger(feature, schema);
    if (column.kind === 'numeric') {
      const { values } = column;
      for (let r = 0; r < values.length; r++) {
        const f = flagOf(values[r]);
        if (f !== 0) {
          flags[r] |= f;
          tally[f]++;
        }
      }
      return;
    }
    // Text in a numeric feature's column (a batch where some cells are not numbers): each level is parsed once.
    const levelFlags = Uint8Array.from(column.levels, (level) => {
      const v = parseNumberCell(level, pre.decimal);
      return v === v ? flagOf(v) : isMissingMarker(level) ? BatchFlag.MISSING : BatchFlag.NOT_A_NUMBER;
    });
    flagCodes(column.codes, levelFlags, BatchFlag.MISSING, flags, tally);
    return;
  }
  const known = new Set(feature.levels);
  if (column.kind === 'categorical') {
    // Matched as the row encoder matches: the table's level text against the fitted levels.
    const levelFlags = Uint8Array.from(column.levels, (level) => (known.has(level) ? 0 : BatchFlag.UNSEEN_LEVEL));
    flagCodes(column.codes, levelFlags, BatchFlag.MISSING, flags, tally);
    return;
  }
  // A text feature read as numbers in this file: the encoder looks up each number's shortest text.
  const seen = new Map<number, number>();
  const { values } = column;
  for (let r = 0; r < values.length; r++) {
    const v = values[r];
    let f: number;
    if (v !== v) f = BatchFlag.MISSING;
    else {
      let cached = seen.get(v);
      if (cached === undefined) seen.set(v, (cached = known.has(String(v)) ? 0 : BatchFlag.UNSEEN_LEVEL));
      f = cached;
    }
    if (f !== 0) {
      flags[r] |= f;
      tally[f]++;
    }
  }
}

function flagCodes(codes: Int32Array, levelFlags: Uint8Array, missingFlag: number, flags: Uint8Array, tally: Int32Array): void {
  for (let r = 0; r < codes.length; r++) {
    const code = codes[r];
    const f = code === MISSING_CODE ? missingFlag : levelFlags[code];
    if (f !== 0) {
      flags[r] |= f;
      tally[f]++;
    }
  }
}

/** The flags of one numeric cell (NaN = missing) under the feature's possible range and its trained ranges. */
function numericFlagger(feature: NumericFeature, schema: BundleSchema | undefined): (v: number) => number {
  const possibleLow = feature.range?.min ?? Number.NEGATIVE_INFINITY;
  const possibleHigh = feature.range?.max ?? Number.POSITIVE_INFINITY;
  const described = schema?.columns.find((c) => c.name === feature.name);
  const trainedMin = described?.kind === 'numeric' ? (described.trainedMin ?? Number.NEGATIVE_INFINITY) : Number.NEGATIVE_INFINITY;
  const trainedMax = described?.kind === 'numeric' ? (described.trainedMax ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
  // Outside either trained range is outside the tighter of the two bounds on each side.
  const trainedLow = Math.max(trainedMin, feature.trainedRange?.lower ?? Number.NEGATIVE_INFINITY);
  const trainedHigh = Math.min(trainedMax, feature.trainedRange?.upper ?? Number.POSITIVE_INFINITY);
  return (v) => {
    if (v !== v) return BatchFlag.MISSING;
    let f = 0;
    if (v < possibleLow || v > possibleHigh) f = BatchFlag.IMPOSSIBLE;
    if (v < trainedLow || v > trainedHigh) f |= BatchFlag.OUTSIDE_TRAINED;
    return f;
  };
}

/** The rows that can be scored (no NOT_A_NUMBER or IMPOSSIBLE cell), ascending; the other flags leave a row scorable. */
export function scorableRows(flags: Uint8Array): Int32Array {
  let count = 0;
  for (let r = 0; r < flags.length; r++) if ((flags[r] & UNSCORABLE_FLAGS) === 0) count++;
  const rows = new Int32Array(count);
  for (let r = 0, k = 0; r < flags.length; r++) if ((flags[r] & UNSCORABLE_FLAGS) === 0) rows[k++] = r;
  return rows;
}

/**
 * The batch file's input columns as createRowEncoder reads them: named as the model names them
 * (a trimmed match renamed), and a numeric feature's text column parsed to numbers with text
 * that is not a number left missing (the row encoder throws on such text; those rows are not
 * scorable, so encode only scorableRows). Other columns are shared, not copied.
 */
export function batchEncodingTable(table: Table, pre: Preprocessor): Table {
  const found = featureColumns(table, pre);
  const columns = pre.features.map((feature, i): Column => {
    const column = found[i];
    if (feature.kind === 'numeric' && column.kind === 'categorical') {
      const parsed = column.levels.map((level) => parseNumberCell(level, pre.decimal));
      return { kind: 'numeric', name: feature.name, values: Float64Array.from(column.codes, (code) => (code === MISSING_CODE ? Number.NaN : parsed[code])) };
    }
    return column.name === feature.name ? column : { ...column, name: feature.name };
  });
  return { rowCount: table.rowCount, columns };
}
