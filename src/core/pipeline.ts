import { cleanRows, type CleanedRows, type CleaningReport, type RowCleaningReport } from './clean/cleanTable';
import { fitCleaning } from './clean/fitCleaning';
import type { CleaningPlan, RemovalReason } from './clean/plan';
import { REMOVAL_REASONS, type RemovalRule, type RemovedRows } from './clean/removedRows';
import type { DecimalMark } from './csv/cells';
import { findInvalidRows, tableRows, type EncodedRows } from './features/encodedRows';
import { fitPreprocessor, type NumericEncoding, type Preprocessor } from './features/preprocessor';
import { failWith, ok, type Result } from './result';
import { kFoldTrainIndices, stratifiedKFold } from './split/kfold';
import { stratifiedSplit } from './split/stratifiedSplit';
import type { Table } from './table';

/**
 * Which training rows validate (early stopping, the calibrator, the suggested cut-offs): one
 * stratified held-out share, or k stratified folds, each validating a member trained on the rest,
 * so every training row gets an out-of-fold prediction and the model is an ensemble of k members.
 */
export type ValidationPlan = { readonly kind: 'holdout'; readonly fraction: number } | { readonly kind: 'cross-fit'; readonly folds: number };

/**
 * Below this many training rows the model is cross-fitted: k members validated out-of-fold use
 * every training row for early stopping and for the calibrator (a 10% hold-out of a small book
 * holds a few dozen to a few hundred rows, on which early stopping stops on noise), and their
 * average predicts better. Measured on credit_risk (26,000 training rows per fold): 5 members
 * took the first two folds from AUC 0.9122 / 0.9240 and log loss 0.2412 / 0.2312 with one
 * hold-out member to 0.9157 / 0.9279 and 0.2330 / 0.2232, for about 5× the training time; 3
 * members (on two thirds of the rows each) gained almost nothing (0.9126 / 0.2401). Above this
 * size a hold-out holds over 5,000 rows and 5 members would cost minutes of training.
 */
export const CROSS_FIT_BELOW_ROWS = 50_000;

/** Members of a cross-fitted ensemble (and folds of its out-of-fold validation). */
export const CROSS_FIT_FOLDS = 5;

/** The validation plan for `trainingRows` rows: 5-fold cross-fit below CROSS_FIT_BELOW_ROWS, else a 10% stratified hold-out (≥ 5,000 rows). */
export function chooseValidationPlan(trainingRows: number): ValidationPlan {
  return trainingRows < CROSS_FIT_BELOW_ROWS ? { kind: 'cross-fit', folds: CROSS_FIT_FOLDS } : { kind: 'holdout', fraction: 0.1 };
}

/**
 * PLE pays from about this many training rows (measured, 5 folds: credit_risk's 26,000 gain 0.007 AUC
 * and 0.012 log loss; german_credit's 800 and loan_prediction's 490 lose 0.006-0.011 AUC and
 * 0.005-0.025 log loss): each numeric feature becomes up to 32 inputs, which a few hundred rows
 * cannot fit without overfitting.
 */
export const PLE_FROM_TRAINING_ROWS = 10_000;

/** The numeric encoding for 'auto': piecewise-linear from PLE_FROM_TRAINING_ROWS training rows, standardised below. */
export function chooseNumericEncoding(trainingRows: number): NumericEncoding {
  return trainingRows >= PLE_FROM_TRAINING_ROWS ? 'ple' : 'standard';
}

/** Everything the user chose between loading a file and training: the cleaning plan plus the split. */
export type PrepareConfig = CleaningPlan & {
  /** Share of the kept rows held out as test rows, in (0, 1); 0 trains on every kept row (no test rows). */
  readonly testFraction: number;
  /** How training rows validate; 'auto' chooses by the number of training rows (chooseValidationPlan). */
  readonly validation: ValidationPlan | 'auto';
  readonly seed: number;
  /** How the file wrote numbers (ParseNotes.decimal); '.' when omitted. */
  readonly decimal?: DecimalMark;
  /** How numeric features are encoded for the network; 'auto' (chooseNumericEncoding) when omitted. */
  readonly numericEncoding?: NumericEncoding | 'auto';
};

/** Wall-clock time of each stage of prepareData, in milliseconds. */
export interface PrepareTimings {
  readonly cleanMs: number;
  readonly fitMs: number;
  /** Encoding every train, validation and test row through the data-quality gate. */
  readonly encodeMs: number;
}

/** One split's fitted cleaning report, removed rows, preprocessing, training rows with their validation folds, and test rows (encoded on demand). */
export type FoldData = Omit<EncodedSplit, 'fitMs' | 'encodeMs'>;

/** The prepared data set: a split's FoldData and the time each stage took. */
export type PreparedData = FoldData & { readonly timings: PrepareTimings };

/** The stage a preparation has just finished: a caller driving `prepareSteps` may stop between any two. */
export type PrepareStage = 'cleaned' | 'split' | 'fitted-cleaning' | 'fitted-preprocessing' | 'encoded-train' | 'encoded-test';

/** Work done in stages: yields after each (so a driver can give way, or stop) and returns the result. */
export type Staged<T> = Generator<PrepareStage, T, void>;

/** Runs staged work to its end without stopping. */
export function runStaged<T>(steps: Staged<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * file table → row cleaning → seeded stratified split of the kept rows → everything fitted on the
 * training rows only (outlier 'drop' bounds, forward fill, feature screening, preprocessing) and
 * applied to both parts → every row encoded through the data-quality gate (fails, naming the
 * column, if any encoded value is NaN or infinite). Works on row indices into `table`, so the kept
 * rows are never copied, and the encoded inputs are not kept (the matrices would double the
 * memory): a training run materialises its rows for as long as it runs, and prediction the
 * held-out rows.
 */
export function prepareData(table: Table, config: PrepareConfig): Result<PreparedData> {
  return runStaged(prepareSteps(table, config));
}

/** prepareData in stages: each stage on a million rows takes a few hundred milliseconds, and a worker can stop the rest between them. */
export function* prepareSteps(table: Table, config: PrepareConfig): Staged<Result<PreparedData>> {
  const decimal = config.decimal ?? '.';
  const started = performance.now();
  const cleaned = cleanRows(table, config, decimal);
  if (!cleaned.ok) return cleaned;
  const cleanMs = performance.now() - started;
  yield 'cleaned';
  // testFraction 0: every kept row trains (a final model after cross-validation; no test rows).
  const outer =
    config.testFraction === 0
      ? { train: Int32Array.from({ length: cleaned.data.labels.length }, (_, i) => i), test: new Int32Array(0) }
      : stratifiedSplit(cleaned.data.labels, config.testFraction, config.seed);
  yield 'split';
  const encoded = yield* fitAndEncodeSteps(cleaned.data, config, ascending(outer.train, cleaned.data.rows.length), ascending(outer.test, cleaned.data.rows.length));
  if (!encoded.ok) return encoded;
  const { fitMs, encodeMs, ...parts } = encoded.data;
  return ok({ ...parts, timings: { cleanMs, fitMs, encodeMs } });
}

/** Cleaning once, then a lazily prepared fold per stratified k-fold part (each fitted on its own training rows). */
export interface PreparedFolds {
  /** The row rules' report (the same for every fold); each fold's own report adds what was fitted on it. */
  readonly report: RowCleaningReport;
  readonly folds: number;
  /** Prepares fold `index` (0-based): everything fitted on the other folds only. */
  prepareFold(index: number): Result<FoldData>;
}

/** Cleans once and splits the kept rows into `folds` stratified folds, reproducibly for the seed. */
export function prepareFolds(table: Table, config: Omit<PrepareConfig, 'testFraction'> & { readonly folds: number }): Result<PreparedFolds> {
  if (!(Number.isInteger(config.folds) && config.folds >= 2)) return failWith('folds.tooFew', {});
  const cleaned = cleanRows(table, config, config.decimal ?? '.');
  if (!cleaned.ok) return cleaned;
  const { labels } = cleaned.data;
  let positives = 0;
  for (const label of labels) positives += label;
  if (Math.min(positives, labels.length - positives) < config.folds)
    return failWith('folds.rareClass', { folds: config.folds, rows: Math.min(positives, labels.length - positives) });
  const testFolds = stratifiedKFold(labels, config.folds, config.seed);
  return ok({
    report: cleaned.data.report,
    folds: config.folds,
    prepareFold(index) {
      const encoded = runStaged(fitAndEncodeSteps(cleaned.data, config, kFoldTrainIndices(testFolds, index), testFolds[index]));
      if (!encoded.ok) return encoded;
      const { fitMs: _fit, encodeMs: _encode, ...fold } = encoded.data;
      return ok(fold);
    },
  });
}

/** Encoded parts of one split, everything fitted on its training rows, and how long that took. */
interface EncodedSplit {
  readonly report: CleaningReport;
  /** The row rules' removals plus the training rows an outlier 'drop' rule removed. */
  readonly removed: RemovedRows;
  readonly preprocessor: Preprocessor;
  /** Every training row (fit and validation alike), in file order. */
  readonly train: EncodedRows;
  readonly validation: ValidationPlan;
  /**
   * Positions within `train` (ascending) of each validation fold: a hold-out is one fold; a
   * cross-fit has k, member k fitting on the other folds. Empty when a class is too rare to validate.
   */
  readonly validationFolds: readonly Int32Array[];
  readonly test: EncodedRows;
  /**
   * The table the rows index (the cleaned source, forward fill applied) and the table rows of
   * `train` and `test`, in their order: for models that read raw values (binning, the scorecard).
   */
  readonly source: Table;
  readonly trainTableRows: Int32Array;
  readonly testTableRows: Int32Array;
  /** Share of positives among the training rows: the naive baseline's prediction. */
  readonly trainPositiveRate: number;
  readonly fitMs: number;
  readonly encodeMs: number;
}

/**
 * Fits the data-dependent cleaning and the preprocessing on `trainPart` (ascending positions into
 * the kept rows; never on `testPart`), chooses the validation folds among the training rows kept,
 * and runs both parts' encoded rows through the data-quality gate.
 */
function* fitAndEncodeSteps(
  cleaned: CleanedRows,
  config: Pick<PrepareConfig, 'validation' | 'seed' | 'columns' | 'features' | 'decimal' | 'numericEncoding'>,
  trainPart: Int32Array,
  testPart: Int32Array,
): Staged<Result<EncodedSplit>> {
  const { rows, labels } = cleaned;
  const decimal = config.decimal ?? '.';
  const fitStarted = performance.now();
  const plans = config.features.map((name) => config.columns.find((c) => c.column === name)!);
  const fitted = fitCleaning(cleaned, plans, trainPart, testPart, decimal);
  const cleaningFitMs = performance.now() - fitStarted;
  yield 'fitted-cleaning';
  const preprocessingStarted = performance.now();
  if (fitted.features.length === 0) {
    return failWith('features.noneLeft', { excluded: fitted.excludedFeatures.map((e) => ({ column: e.column, why: e.reason })) });
  }
  const trainLabels = pick(labels, fitted.trainPositions);
  let trainPositives = 0;
  for (const label of trainLabels) trainPositives += label;
  const trainNegatives = trainLabels.length - trainPositives;
  if (trainPositives === 0 || trainNegatives === 0) return failWith('training.oneOutcome', {});

  const validation = config.validation === 'auto' ? chooseValidationPlan(trainLabels.length) : config.validation;
  const validationFolds = chooseValidationFolds(trainLabels, validation, config.seed + 1);
  const featurePlans = fitted.features.map((name) => config.columns.find((c) => c.column === name)!);
  const trainRows = pick(rows, fitted.trainPositions);
  const encoding = config.numericEncoding === undefined || config.numericEncoding === 'auto' ? chooseNumericEncoding(trainRows.length) : config.numericEncoding;
  const preprocessor = fitPreprocessor(fitted.source, featurePlans, trainRows, decimal, fitted.trainedRanges, encoding);
  const fitMs = cleaningFitMs + (performance.now() - preprocessingStarted);
  yield 'fitted-preprocessing';

  // Each part is encoded in file order: reading the columns in order is about 3× faster than in the
  // split's shuffled order on a million rows, and training shuffles its batches anyway.
  const encodeStarted = performance.now();
  const train = tableRows(preprocessor, fitted.source, trainRows, Float32Array.from(trainLabels));
  const testTableRows = pick(rows, testPart);
  const test = tableRows(preprocessor, fitted.source, testTableRows, Float32Array.from(pick(labels, testPart)));
  let encodeMs = performance.now() - encodeStarted;
  for (const [part, stage] of [
    [train, 'encoded-train'],
    [test, 'encoded-test'],
  ] as const) {
    const gateStarted = performance.now();
    const invalid = findInvalidRows(part, preprocessor);
    if (invalid !== null) return failWith('features.stillMissing', { column: invalid });
    // Timed per part: the time a driver gives way between stages is not the encoding's.
    encodeMs += performance.now() - gateStarted;
    yield stage;
  }

  const report: CleaningReport = {
    ...cleaned.report,
    steps: [...cleaned.report.steps, ...fitted.outlierSteps],
    missing: fitted.missing,
    clipped: fitted.clipped,
    excludedFeatures: fitted.excludedFeatures,
    features: fitted.features,
  };
  const removed = addRemovedRows(cleaned.removed, pick(rows, fitted.droppedPositions), fitted.droppedCauses, 'outlier', fitted.outlierRules);
  return ok({
    report,
    removed,
    preprocessor,
    train,
    validation,
    validationFolds,
    test,
    source: fitted.source,
    trainTableRows: trainRows,
    testTableRows,
    trainPositiveRate: trainPositives / trainLabels.length,
    fitMs,
    encodeMs,
  });
}

/** Validation folds (positions within the training rows, ascending) for the plan; fewer folds, or none, when the rarer class is too small for k. */
function chooseValidationFolds(labels: Uint8Array, plan: ValidationPlan, seed: number): Int32Array[] {
  let positives = 0;
  for (const label of labels) positives += label;
  const rarer = Math.min(positives, labels.length - positives);
  if (plan.kind === 'holdout') {
    if (plan.fraction <= 0 || rarer < 2) return [];
    return [ascending(stratifiedSplit(labels, plan.fraction, seed).test, labels.length)];
  }
  const folds = Math.min(plan.folds, rarer);
  return folds >= 2 ? stratifiedKFold(labels, folds, seed) : [];
}

/** The removed rows with `rows` (table row indices, ascending) added under `reason`, each caused by the column in `causes`, keeping row order. */
function addRemovedRows(base: RemovedRows, rows: Int32Array, causes: Int32Array, reason: RemovalReason, rules: readonly RemovalRule[]): RemovedRows {
  if (rows.length === 0) return rules.length === 0 ? base : { ...base, rules: [...base.rules, ...rules] };
  const total = base.rows.length + rows.length;
  const merged: RemovedRows = {
    rows: new Int32Array(total),
    reasons: new Uint8Array(total),
    columns: new Int32Array(total),
    duplicateOf: new Int32Array(total),
    rules: [...base.rules, ...rules],
  };
  const code = REMOVAL_REASONS.indexOf(reason);
  for (let i = 0, a = 0, b = 0; i < total; i++) {
    if (b >= rows.length || (a < base.rows.length && base.rows[a] < rows[b])) {
      merged.rows[i] = base.rows[a];
      merged.reasons[i] = base.reasons[a];
      merged.columns[i] = base.columns[a];
      merged.duplicateOf[i] = base.duplicateOf[a++];
    } else {
      merged.rows[i] = rows[b];
      merged.reasons[i] = code;
      merged.columns[i] = causes[b++];
      merged.duplicateOf[i] = -1;
    }
  }
  return merged;
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
