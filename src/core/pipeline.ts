import { cleanRows, type CleanedRows, type CleaningReport } from './clean/cleanTable';
import type { CleaningPlan } from './clean/plan';
import type { RemovedRows } from './clean/removedRows';
import type { DecimalMark } from './csv/cells';
import { findInvalidRows, tableRows, type EncodedRows } from './features/encodedRows';
import { fitPreprocessor, type Preprocessor } from './features/preprocessor';
import { fail, ok, type Result } from './result';
import { stratifiedKFold } from './split/kfold';
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

/** Wall-clock time of each stage of prepareData, in milliseconds. */
export interface PrepareTimings {
  readonly cleanMs: number;
  readonly fitMs: number;
  /** Encoding every train, validation and test row through the data-quality gate. */
  readonly encodeMs: number;
}

/** The prepared data set: cleaning report, removed rows, fitted preprocessing and train / validation / test rows (encoded on demand). */
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
 * training rows only (fit + validation, never test) → every row encoded through the data-quality
 * gate (fails, naming the column, if any encoded value is NaN or infinite). Works on row indices
 * into `table`, so the kept rows are never copied, and the encoded inputs are not kept (the
 * matrices would double the memory): a training run materialises its rows for as long as it runs,
 * and prediction the held-out rows.
 */
export function prepareData(table: Table, config: PrepareConfig): Result<PreparedData> {
  const decimal = config.decimal ?? '.';
  const started = performance.now();
  const cleaned = cleanRows(table, config, decimal);
  if (!cleaned.ok) return cleaned;
  const cleanMs = performance.now() - started;
  const outer = stratifiedSplit(cleaned.data.labels, config.testFraction, config.seed);
  const encoded = fitAndEncode(cleaned.data, config, outer.train, outer.test);
  if (!encoded.ok) return encoded;
  const { fitMs, encodeMs, ...parts } = encoded.data;
  return ok({ report: cleaned.data.report, removed: cleaned.data.removed, ...parts, timings: { cleanMs, fitMs, encodeMs } });
}

/** One fold of a cross-validation: training rows (fit + validation), the held-out fold, and the fitted preprocessing. */
export type FoldData = Omit<EncodedSplit, 'fitMs' | 'encodeMs'>;

/** Cleaning once, then a lazily prepared fold per stratified k-fold part (each fitted on its own training rows). */
export interface PreparedFolds {
  readonly report: CleaningReport;
  readonly removed: RemovedRows;
  readonly folds: number;
  /** Prepares fold `index` (0-based): preprocessing fitted on the other folds only. */
  prepareFold(index: number): Result<FoldData>;
}

/** Cleans once and splits the kept rows into `folds` stratified folds, reproducibly for the seed. */
export function prepareFolds(table: Table, config: Omit<PrepareConfig, 'testFraction'> & { readonly folds: number }): Result<PreparedFolds> {
  if (!(Number.isInteger(config.folds) && config.folds >= 2)) return fail('Cross-validation needs at least 2 folds.');
  const cleaned = cleanRows(table, config, config.decimal ?? '.');
  if (!cleaned.ok) return cleaned;
  const { labels } = cleaned.data;
  let positives = 0;
  for (const label of labels) positives += label;
  if (Math.min(positives, labels.length - positives) < config.folds)
    return fail(`Each of the ${config.folds} folds needs both outcomes; there are only ${Math.min(positives, labels.length - positives)} rows of the rarer one.`);
  const testFolds = stratifiedKFold(labels, config.folds, config.seed);
  return ok({
    report: cleaned.data.report,
    removed: cleaned.data.removed,
    folds: config.folds,
    prepareFold(index) {
      const test = testFolds[index];
      const inTest = new Uint8Array(labels.length);
      for (const i of test) inTest[i] = 1;
      const train = new Int32Array(labels.length - test.length);
      for (let i = 0, j = 0; i < labels.length; i++) if (!inTest[i]) train[j++] = i;
      const encoded = fitAndEncode(cleaned.data, config, train, test);
      if (!encoded.ok) return encoded;
      const { fitMs: _fit, encodeMs: _encode, ...fold } = encoded.data;
      return ok(fold);
    },
  });
}

/** Encoded parts of one split, the preprocessing fitted on its training rows, and how long that took. */
interface EncodedSplit {
  readonly preprocessor: Preprocessor;
  readonly train: EncodedRows;
  readonly validation: EncodedRows;
  readonly test: EncodedRows;
  readonly trainPositiveRate: number;
  readonly fitMs: number;
  readonly encodeMs: number;
}

/**
 * Holds back a stratified validation share of `trainPart` (indices into the kept rows), fits the
 * preprocessing on all of `trainPart` (never on `testPart`), and runs the three parts' encoded rows
 * through the data-quality gate (fails, naming the column, if any encoded value is NaN or infinite).
 */
function fitAndEncode(
  cleaned: CleanedRows,
  config: Pick<PrepareConfig, 'validationFraction' | 'seed' | 'columns' | 'decimal'>,
  trainPart: Int32Array,
  testPart: Int32Array,
): Result<EncodedSplit> {
  const { source, rows, labels, report } = cleaned;
  const decimal = config.decimal ?? '.';
  let fitPart: Int32Array = trainPart;
  let validationPart: Int32Array = new Int32Array(0);
  if (config.validationFraction > 0) {
    const inner = stratifiedSplit(pick(labels, trainPart), config.validationFraction, config.seed + 1);
    fitPart = pick(trainPart, inner.train);
    validationPart = pick(trainPart, inner.test);
  }
  // Each part is encoded in file order: reading the columns in order is about 3× faster than in the
  // split's shuffled order on a million rows, and training shuffles its batches anyway.
  fitPart = ascending(fitPart, rows.length);
  validationPart = ascending(validationPart, rows.length);
  const testRows = ascending(testPart, rows.length);
  const allTraining = pick(rows, ascending(trainPart, rows.length));

  const fitStarted = performance.now();
  const plans = report.features.map((name) => config.columns.find((c) => c.column === name)!);
  const preprocessor = fitPreprocessor(source, plans, allTraining, decimal);
  const fitMs = performance.now() - fitStarted;

  const encodeStarted = performance.now();
  const encode = (part: Int32Array): EncodedRows => tableRows(preprocessor, source, pick(rows, part), Float32Array.from(pick(labels, part)));
  const train = encode(fitPart);
  const validation = encode(validationPart);
  const test = encode(testRows);
  for (const part of [train, validation, test]) {
    const invalid = findInvalidRows(part, preprocessor);
    if (invalid !== null) return fail(`Column "${invalid}" still has missing or invalid values after cleaning; choose how to fill it.`);
  }
  const encodeMs = performance.now() - encodeStarted;

  let trainPositives = 0;
  for (let i = 0; i < trainPart.length; i++) trainPositives += labels[trainPart[i]];
  return ok({ preprocessor, train, validation, test, trainPositiveRate: trainPositives / trainPart.length, fitMs, encodeMs });
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
