import { cleanRows, type CleaningReport } from './clean/cleanTable';
import type { CleaningPlan } from './clean/plan';
import type { RemovedRows } from './clean/removedRows';
import type { DecimalMark } from './csv/cells';
import { applyPreprocessor, findInvalidInput, fitPreprocessor, type Preprocessor } from './features/preprocessor';
import { fail, ok, type Result } from './result';
import { stratifiedSplit } from './split/stratifiedSplit';
import type { Table } from './table';

/** Everything the user chose between loading a file and training: the cleaning plan plus the split. */
export type PrepareConfig = CleaningPlan & {
  readonly testFraction: number;
  /** Share of the training rows held back for validation loss (0 for none). */
  readonly validationFraction: number;
  readonly seed: number;
  /** How the file wrote numbers (ParseNotes.decimal); '.' when omitted. */
  readonly decimal?: DecimalMark;
};

/** Encoded rows ready for a model: row-major features and 0/1 labels. */
export interface EncodedRows {
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly rows: number;
}

/** Wall-clock time of each stage of prepareData, in milliseconds. */
export interface PrepareTimings {
  readonly cleanMs: number;
  readonly fitMs: number;
  /** Encoding train, validation and test rows, and the data-quality gate. */
  readonly encodeMs: number;
}

/** The prepared data set: cleaning report, removed rows, fitted preprocessing and encoded train / validation / test rows. */
export interface PreparedData {
  readonly report: CleaningReport;
  readonly removed: RemovedRows;
  readonly preprocessor: Preprocessor;
  readonly train: EncodedRows;
  readonly validation: EncodedRows;
  readonly test: EncodedRows;
  /** Share of positives among the training rows (fit + validation): the naive baseline's prediction. */
  readonly trainPositiveRate: number;
  readonly timings: PrepareTimings;
}

/** The cleaning report and removed rows for a plan, without copying the table (for showing the effect of choices before training). */
export function cleanAndReport(table: Table, plan: CleaningPlan, decimal: DecimalMark = '.'): Result<{ report: CleaningReport; removed: RemovedRows }> {
  const cleaned = cleanRows(table, plan, decimal);
  return cleaned.ok ? ok({ report: cleaned.data.report, removed: cleaned.data.removed }) : cleaned;
}

/**
 * file table → cleaning → seeded stratified split of the kept rows → preprocessing fitted on the
 * training rows only (fit + validation, never test) → encoded matrices → data-quality gate (fails,
 * naming the column, if any encoded value is NaN or infinite). Works on row indices into `table`,
 * so the kept rows are never copied.
 */
export function prepareData(table: Table, config: PrepareConfig): Result<PreparedData> {
  const decimal = config.decimal ?? '.';
  const started = performance.now();
  const cleaned = cleanRows(table, config, decimal);
  if (!cleaned.ok) return cleaned;
  const { source, rows, labels, report, removed } = cleaned.data;
  const cleanMs = performance.now() - started;

  // Splits index the kept rows (0..rows.length); pick(rows, part) maps them to rows of `source`.
  const outer = stratifiedSplit(labels, config.testFraction, config.seed);
  let fitPart: Int32Array = outer.train;
  let validationPart: Int32Array = new Int32Array(0);
  if (config.validationFraction > 0) {
    const inner = stratifiedSplit(pick(labels, outer.train), config.validationFraction, config.seed + 1);
    fitPart = pick(outer.train, inner.train);
    validationPart = pick(outer.train, inner.test);
  }
  // Each part is encoded in file order: reading the columns in order is about 3× faster than in the
  // split's shuffled order on a million rows, and training shuffles its batches anyway.
  fitPart = ascending(fitPart, rows.length);
  validationPart = ascending(validationPart, rows.length);
  const allTraining = pick(rows, ascending(outer.train, rows.length));

  const fitStarted = performance.now();
  const plans = report.features.map((name) => config.columns.find((c) => c.column === name)!);
  // Fitted on all training rows (fit + validation), never on test rows.
  const preprocessor = fitPreprocessor(source, plans, allTraining, decimal);
  const fitMs = performance.now() - fitStarted;

  const encodeStarted = performance.now();
  const encode = (part: Int32Array): EncodedRows => ({
    x: applyPreprocessor(preprocessor, source, pick(rows, part)),
    y: Float32Array.from(pick(labels, part)),
    rows: part.length,
  });
  const train = encode(fitPart);
  const validation = encode(validationPart);
  const test = encode(outer.test);
  for (const part of [train, validation, test]) {
    const invalid = findInvalidInput(part.x, preprocessor);
    if (invalid !== null) return fail(`Column "${invalid}" still has missing or invalid values after cleaning; choose how to fill it.`);
  }
  const encodeMs = performance.now() - encodeStarted;

  let trainPositives = 0;
  for (let i = 0; i < outer.train.length; i++) trainPositives += labels[outer.train[i]];

  return ok({
    report,
    removed,
    preprocessor,
    train,
    validation,
    test,
    trainPositiveRate: trainPositives / outer.train.length,
    timings: { cleanMs, fitMs, encodeMs },
  });
}

/** The distinct indices (each below `n`) in ascending order, by marking rather than comparing. */
function ascending(indices: Int32Array, n: number): Int32Array {
  const marked = new Uint8Array(n);
  for (let i = 0; i < indices.length; i++) marked[indices[i]] = 1;
  const out = new Int32Array(indices.length);
  for (let i = 0, j = 0; i < n; i++) if (marked[i]) out[j++] = i;
  return out;
}

/** values[indices[i]] for each i. */
function pick(values: Int32Array, indices: Int32Array): Int32Array;
function pick(values: Uint8Array, indices: Int32Array): Uint8Array;
function pick(values: Int32Array | Uint8Array, indices: Int32Array): Int32Array | Uint8Array {
  const out = values instanceof Int32Array ? new Int32Array(indices.length) : new Uint8Array(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = values[indices[i]];
  return out;
}
