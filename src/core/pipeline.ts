import { cleanTable, type CleaningConfig, type CleaningReport } from './clean/cleanTable';
import { applyPreprocessor, fitPreprocessor, type Preprocessor } from './features/preprocessor';
import { fail, ok, type Result } from './result';
import { stratifiedSplit } from './split/stratifiedSplit';
import type { Table } from './table';

/** Everything the user chose between loading a file and training. */
export interface PrepareConfig extends CleaningConfig {
  readonly testFraction: number;
  /** Share of the training rows held back for validation loss (0 for none). */
  readonly validationFraction: number;
  readonly seed: number;
}

/** Encoded rows ready for a model: row-major features and 0/1 labels. */
export interface EncodedRows {
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly rows: number;
}

/** The prepared data set: cleaning report, fitted preprocessing and encoded train / validation / test rows. */
export interface PreparedData {
  readonly report: CleaningReport;
  readonly preprocessor: Preprocessor;
  readonly train: EncodedRows;
  readonly validation: EncodedRows;
  readonly test: EncodedRows;
  /** Share of positives among the training rows: the naive baseline's prediction. */
  readonly trainPositiveRate: number;
}

/**
 * file table → clean table → seeded stratified split → preprocessing fitted on the training rows
 * only → encoded matrices. Validation and test rows are transformed with training statistics.
 */
export function prepareData(table: Table, config: PrepareConfig): Result<PreparedData> {
  if (config.features.length === 0) return fail('Choose at least one feature column.');
  if (config.features.includes(config.target)) return fail('The target cannot also be a feature.');
  const cleaned = cleanTable(table, config);
  if (!cleaned.ok) return cleaned;
  const { table: clean, labels, report } = cleaned.data;

  const outer = stratifiedSplit(labels, config.testFraction, config.seed);
  let fitRows = outer.train;
  let validationRows = new Int32Array(0);
  if (config.validationFraction > 0) {
    const trainLabels = Uint8Array.from(outer.train, (r) => labels[r]);
    const inner = stratifiedSplit(trainLabels, config.validationFraction, config.seed + 1);
    fitRows = Int32Array.from(inner.train, (i) => outer.train[i]);
    validationRows = Int32Array.from(inner.test, (i) => outer.train[i]);
  }

  // Fitted on all training rows (fit + validation), never on test rows.
  const preprocessor = fitPreprocessor(clean, config.features, outer.train);
  const encode = (rows: Int32Array): EncodedRows => ({
    x: applyPreprocessor(preprocessor, clean, rows),
    y: Float32Array.from(rows, (r) => labels[r]),
    rows: rows.length,
  });
  let trainPositives = 0;
  for (const r of outer.train) trainPositives += labels[r];

  return ok({
    report,
    preprocessor,
    train: encode(fitRows),
    validation: encode(validationRows),
    test: encode(outer.test),
    trainPositiveRate: trainPositives / outer.train.length,
  });
}
