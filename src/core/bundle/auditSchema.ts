// The schemas of the bundle's audit parts: the cleaning as chosen and done, the metrics, where the
// model came from and the training rows' profile. Nothing here is applied at scoring, so the checks
// are looser than for the scoring parts: types and JSON-safe numbers, no ranges, and fields a later
// release may add are kept rather than refused (loose objects).

import * as v from 'valibot';
import { finite } from './valueSchemas';

const text = v.string();
const numberOrNull = v.nullable(finite);

const columnPlan = v.looseObject({
  column: text,
  missing: v.picklist(['median', 'mean', 'mode', 'constant', 'indicator', 'forward-fill', 'drop-row']),
  constant: text,
  range: v.nullable(v.looseObject({ min: numberOrNull, max: numberOrNull })),
  outliers: v.nullable(v.looseObject({ method: v.picklist(['iqr', 'zscore']), threshold: finite, action: v.picklist(['clip', 'drop']) })),
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
  rowsBefore: finite,
  rowsAfter: finite,
  positives: finite,
  negatives: finite,
  steps: v.array(
    v.looseObject({
      step: v.picklist(['duplicates', 'no-label', 'out-of-range', 'missing-value', 'outlier']),
      column: v.nullable(text),
      rows: finite,
      rule: text,
      testRowsOutside: v.optional(finite),
    }),
  ),
  missing: v.array(
    v.looseObject({
      column: text,
      missing: finite,
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
  accuracy: finite,
  precision: finite,
  recall: finite,
  f1: finite,
  auc: finite,
  logLoss: finite,
  confusion: v.looseObject({ tp: finite, fp: finite, tn: finite, fn: finite }),
  threshold: finite,
  rows: finite,
  positiveRate: finite,
  aucLower: finite,
  aucUpper: finite,
  aucSe: finite,
  gini: finite,
  ks: finite,
  ksThreshold: finite,
  brier: finite,
});

const heldOutEvaluation = v.looseObject({
  metrics: creditMetrics,
  baseline: creditMetrics,
  ece: finite,
  baselineEce: finite,
  meanProbabilityOfBad: finite,
  observedBadRate: finite,
  charts: v.looseObject({
    roc: v.array(v.looseObject({ fpr: finite, tpr: finite })),
    ks: v.array(v.looseObject({ share: finite, bads: finite, goods: finite })),
    calibration: v.array(v.looseObject({ bin: finite, predicted: finite, observed: finite, count: finite })),
    distribution: v.array(v.looseObject({ from: finite, to: finite, bads: finite, goods: finite })),
  }),
});

const calibrationSummary = v.looseObject({
  method: v.picklist(['none', 'platt', 'isotonic']),
  fittedOn: v.picklist(['validation', 'out-of-fold']),
  rows: finite,
  crossValidatedLogLoss: v.looseObject({ none: v.optional(finite), platt: v.optional(finite), isotonic: v.optional(finite) }),
  classWeightShift: finite,
});

const crossValidationSummary = v.looseObject({
  folds: v.array(v.looseObject({ fold: finite, auc: finite, ks: finite, logLoss: finite })),
  meanAuc: finite,
  sdAuc: finite,
  meanKs: finite,
  sdKs: finite,
  meanLogLoss: finite,
  sdLogLoss: finite,
});

const cutoffEvaluation = v.looseObject({
  cutoff: finite,
  rows: finite,
  approved: finite,
  approvalRate: finite,
  goodsApproved: finite,
  badsApproved: finite,
  badRateApproved: finite,
  precision: finite,
  recall: finite,
  expectedProfit: finite,
});

/** The held-out evaluation, the calibration, the members' runs and the cut-off table (BundleMetrics). */
export const bundleMetricsSchema = v.looseObject({
  test: v.nullable(heldOutEvaluation),
  calibration: calibrationSummary,
  members: v.array(v.looseObject({ member: finite, epochsRun: finite, bestEpoch: finite, stoppedEarly: v.boolean() })),
  crossValidation: v.nullable(crossValidationSummary),
  cutoffTable: v.nullable(v.array(cutoffEvaluation)),
});

const networkSpec = v.looseObject({ kind: v.picklist(['logistic', 'mlp']), hiddenUnits: v.array(finite), dropout: finite, seed: finite });

const trainSettings = v.looseObject({
  epochs: finite,
  batchSize: finite,
  learningRate: finite,
  optimizer: v.picklist(['adam', 'sgd']),
  l2: finite,
  seed: finite,
  classWeights: v.boolean(),
  patience: numberOrNull,
  minEpochs: finite,
  restoreBest: v.boolean(),
});

/** When, by what and from which file and settings the model was trained (Provenance). */
export const provenanceSchema = v.looseObject({
  createdAt: text,
  appVersion: text,
  createdBy: v.picklist(['app', 'cli']),
  seed: finite,
  trainingFile: v.looseObject({ name: text, sizeBytes: finite, sha256: text, rows: finite, columns: finite }),
  rows: v.looseObject({ kept: finite, train: finite, validation: finite, test: finite }),
  settings: v.looseObject({
    testFraction: finite,
    validation: v.variant('kind', [v.looseObject({ kind: v.literal('holdout'), fraction: finite }), v.looseObject({ kind: v.literal('cross-fit'), folds: finite })]),
    numericEncoding: v.picklist(['standard', 'ple']),
    network: v.nullable(networkSpec),
    train: v.nullable(trainSettings),
    backend: text,
  }),
  trainingMs: finite,
});

/** The training rows' distribution per input column, for drift checks (ReferenceProfile). */
export const referenceProfileSchema = v.looseObject({
  rows: finite,
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
