// The schemas of the bundle's audit parts: the cleaning as chosen and done, the metrics, where the
// model came from and the training rows' profile. Nothing here is applied at scoring, so the checks
// are looser than for the scoring parts: types, no ranges, and fields a later release may add are kept
// rather than refused (loose objects). A figure of the cleaning, metrics or provenance that could not
// be computed (NaN: an AUC interval with one bad test row, a calibrator's cross-validated log loss on
// too few rows) is written as null and read back as NaN. The reference profile, which drift checks
// compute with, keeps finite numbers.

import * as v from 'valibot';
import { auditFigure, auditNumberOrNull, finite } from './valueSchemas';

const text = v.string();
// Figures of the cleaning, metrics and provenance: a figure that could not be computed is NaN in memory and null in a file.
const figure = auditFigure;
const numberOrNull = auditNumberOrNull;

const columnPlan = v.looseObject({
  column: text,
  missing: v.picklist(['median', 'mean', 'mode', 'constant', 'indicator', 'forward-fill', 'drop-row']),
  constant: text,
  range: v.nullable(v.looseObject({ min: numberOrNull, max: numberOrNull })),
  outliers: v.nullable(v.looseObject({ method: v.picklist(['iqr', 'zscore']), threshold: figure, action: v.picklist(['clip', 'drop']) })),
  indicator: v.boolean(),
});

const cleaningPlan = v.looseObject({
  target: text,
  positive: text,
  negative: text,
  features: v.array(text),
  duplicates: v.variant('kind', [
    v.looseObject({ kind: v.literal('exact') }),
    v.looseObject({ kind: v.literal('by-column'), column: text }),
    v.looseObject({ kind: v.literal('keep') }),
  ]),
  columns: v.array(columnPlan),
});

const cleaningReport = v.looseObject({
  rowsBefore: figure,
  rowsAfter: figure,
  positives: figure,
  negatives: figure,
  steps: v.array(
    v.looseObject({
      step: v.picklist(['duplicates', 'no-label', 'out-of-range', 'missing-value', 'outlier']),
      column: v.nullable(text),
      rows: figure,
      rule: text,
      testRowsOutside: v.optional(figure),
    }),
  ),
  missing: v.array(
    v.looseObject({
      column: text,
      missing: figure,
      strategy: v.picklist(['median', 'mean', 'mode', 'constant', 'indicator', 'forward-fill', 'drop-row']),
      filledBy: text,
    }),
  ),
  clipped: v.array(v.looseObject({ column: text, rule: text })),
  excludedFeatures: v.array(v.looseObject({ column: text, reason: v.picklist(['all-missing', 'constant']), note: text })),
  features: v.array(text),
});

/** The cleaning plan as chosen and the report of what it did to the training file (BundleCleaning). */
export const bundleCleaningSchema = v.looseObject({ plan: cleaningPlan, report: cleaningReport });

const creditMetrics = v.looseObject({
  accuracy: figure,
  precision: figure,
  recall: figure,
  f1: figure,
  auc: figure,
  logLoss: figure,
  confusion: v.looseObject({ tp: figure, fp: figure, tn: figure, fn: figure }),
  threshold: figure,
  rows: figure,
  positiveRate: figure,
  aucLower: figure,
  aucUpper: figure,
  aucSe: figure,
  gini: figure,
  ks: figure,
  ksThreshold: figure,
  brier: figure,
});

const heldOutEvaluation = v.looseObject({
  metrics: creditMetrics,
  baseline: creditMetrics,
  ece: figure,
  baselineEce: figure,
  meanProbabilityOfBad: figure,
  observedBadRate: figure,
  charts: v.looseObject({
    roc: v.array(v.looseObject({ fpr: figure, tpr: figure })),
    ks: v.array(v.looseObject({ share: figure, bads: figure, goods: figure })),
    calibration: v.array(v.looseObject({ bin: figure, predicted: figure, observed: figure, count: figure })),
    distribution: v.array(v.looseObject({ from: figure, to: figure, bads: figure, goods: figure })),
  }),
});

const calibrationSummary = v.looseObject({
  method: v.picklist(['none', 'platt', 'isotonic']),
  fittedOn: v.picklist(['validation', 'out-of-fold']),
  rows: figure,
  crossValidatedLogLoss: v.looseObject({ none: v.optional(figure), platt: v.optional(figure), isotonic: v.optional(figure) }),
  classWeightShift: figure,
});

const crossValidationSummary = v.looseObject({
  folds: v.array(v.looseObject({ fold: figure, auc: figure, ks: figure, logLoss: figure })),
  meanAuc: figure,
  sdAuc: figure,
  meanKs: figure,
  sdKs: figure,
  meanLogLoss: figure,
  sdLogLoss: figure,
});

const cutoffEvaluation = v.looseObject({
  cutoff: figure,
  rows: figure,
  approved: figure,
  approvalRate: figure,
  goodsApproved: figure,
  badsApproved: figure,
  badRateApproved: figure,
  precision: figure,
  recall: figure,
  expectedProfit: figure,
});

/** The held-out evaluation, the calibration, the members' runs and the cut-off table (BundleMetrics). */
export const bundleMetricsSchema = v.looseObject({
  test: v.nullable(heldOutEvaluation),
  calibration: calibrationSummary,
  members: v.array(v.looseObject({ member: figure, epochsRun: figure, bestEpoch: figure, stoppedEarly: v.boolean() })),
  crossValidation: v.nullable(crossValidationSummary),
  cutoffTable: v.nullable(v.array(cutoffEvaluation)),
});

const networkSpec = v.looseObject({ kind: v.picklist(['logistic', 'mlp']), hiddenUnits: v.array(figure), dropout: figure, seed: figure });

const trainSettings = v.looseObject({
  epochs: figure,
  batchSize: figure,
  learningRate: figure,
  optimizer: v.picklist(['adam', 'sgd']),
  l2: figure,
  seed: figure,
  classWeights: v.boolean(),
  patience: numberOrNull,
  minEpochs: figure,
  restoreBest: v.boolean(),
});

/** When, by what and from which file and settings the model was trained (Provenance). */
export const provenanceSchema = v.looseObject({
  createdAt: text,
  appVersion: text,
  createdBy: v.picklist(['app', 'cli']),
  seed: figure,
  trainingFile: v.looseObject({ name: text, sizeBytes: figure, sha256: text, rows: figure, columns: figure }),
  rows: v.looseObject({ kept: figure, train: figure, validation: figure, test: figure }),
  settings: v.looseObject({
    testFraction: figure,
    validation: v.variant('kind', [v.looseObject({ kind: v.literal('holdout'), fraction: figure }), v.looseObject({ kind: v.literal('cross-fit'), folds: figure })]),
    numericEncoding: v.picklist(['standard', 'ple']),
    network: v.nullable(networkSpec),
    train: v.nullable(trainSettings),
    backend: text,
  }),
  trainingMs: figure,
});

// A column's typical answers (TypicalValue): medians for numbers, modes for categories.
const typicalValue = v.variant('kind', [
  v.looseObject({ kind: v.literal('numeric'), median: v.nullable(finite), goodMedian: v.nullable(finite) }),
  v.looseObject({ kind: v.literal('categorical'), mode: v.nullable(text), goodMode: v.nullable(text) }),
]);

/** The training rows' distribution per input column, for drift checks, with the typical answers and validation scores reasons and score drift read (ReferenceProfile). */
export const referenceProfileSchema = v.looseObject({
  rows: finite,
  // Scoring reads these (the reference applicant of reasons), so their shape is checked.
  typical: v.optional(v.looseObject({ rows: finite, goodRows: finite, columns: v.record(v.string(), typicalValue) })),
  score: v.optional(v.looseObject({ bins: v.looseObject({ edges: v.array(finite), shares: v.array(finite), rows: finite }), histogram: v.array(finite) })),
  features: v.array(
    v.looseObject({
      column: text,
      kind: v.picklist(['numeric', 'categorical']),
      bins: v.array(
        v.looseObject({
          label: text,
          share: finite,
          lower: v.optional(finite),
          upper: v.optional(finite),
          levels: v.optional(v.array(text)),
          missing: v.optional(v.boolean()),
        }),
      ),
    }),
  ),
});
