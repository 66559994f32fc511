// Small model bundles built by hand for the model card's tests: every figure is chosen, not fitted,
// so a test can look for it in the card at the precision the card promises.

import { binStats } from '../../src/core/binning/stats';
import type { BinStats } from '../../src/core/binning/types';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type ModelBundle } from '../../src/core/bundle/types';
import type { CleaningReport } from '../../src/core/clean/cleanTable';
import type { CleaningPlan } from '../../src/core/clean/plan';
import type { EvaluationCharts, HeldOutEvaluation } from '../../src/core/evaluation/types';
import type { CreditMetrics } from '../../src/core/metrics/credit';
import type { Preprocessor } from '../../src/core/features/preprocessor';
import { SCORECARD_VERSION, type Scorecard } from '../../src/core/scorecard/types';
import type { CutoffEvaluation } from '../../src/core/scoring/cutoff';
import { DEFAULT_POINTS_SCALE } from '../../src/core/scoring/points';

/** Credit metrics with the given headline figures (the threshold metrics are placeholders the card does not show). */
export function creditMetrics(figures: Pick<CreditMetrics, 'auc' | 'aucLower' | 'aucUpper' | 'gini' | 'ks' | 'logLoss' | 'brier'> & { rows?: number }): CreditMetrics {
  const { rows = 1000, ...rest } = figures;
  return {
    ...rest,
    accuracy: 0.8,
    precision: 0.5,
    recall: 0.4,
    f1: 0.44,
    aucSe: 0.006,
    ksThreshold: 0.2,
    confusion: { tp: 80, fp: 80, tn: 720, fn: 120 },
    threshold: 0.5,
    rows,
    positiveRate: 0.2,
  };
}

/** Chart data of the hand-built test evaluation: 5 ROC points, 6 KS points, 4 non-empty calibration bins (and one empty), 20 distribution bins. */
export const TEST_CHARTS: EvaluationCharts = {
  roc: [
    { fpr: 0, tpr: 0 },
    { fpr: 0.05, tpr: 0.5 },
    { fpr: 0.2, tpr: 0.8 },
    { fpr: 0.5, tpr: 0.95 },
    { fpr: 1, tpr: 1 },
  ],
  ks: [
    { share: 0, bads: 0, goods: 0 },
    { share: 0.1, bads: 0.4, goods: 0.025 },
    { share: 0.2, bads: 0.7, goods: 0.075 },
    { share: 0.5, bads: 0.9, goods: 0.4 },
    { share: 0.8, bads: 0.98, goods: 0.755 },
    { share: 1, bads: 1, goods: 1 },
  ],
  calibration: [
    { bin: 0, predicted: 0.04, observed: 0.05, count: 500 },
    { bin: 1, predicted: 0.15, observed: 0.12, count: 250 },
    { bin: 2, predicted: 0.25, observed: 0, count: 0 },
    { bin: 4, predicted: 0.45, observed: 0.5, count: 150 },
    { bin: 8, predicted: 0.85, observed: 0.8, count: 100 },
  ],
  distribution: Array.from({ length: 20 }, (_, k) => ({ from: k / 20, to: (k + 1) / 20, bads: k < 4 ? 2 : 12, goods: k < 4 ? 190 : 2 })),
};

/** A cut-off table of 11 steps (0, 0.1, …, 1) on 1,000 test rows with 200 bads; approval rate at 0.2 is 60.0%, bad rate among approved 5.0%. */
export const TEST_CUTOFF_TABLE: readonly CutoffEvaluation[] = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1].map((cutoff, k) => {
  const approved = [0, 450, 600, 700, 760, 800, 850, 900, 950, 990, 1000][k];
  const badsApproved = [0, 9, 30, 56, 76, 96, 119, 144, 171, 192, 200][k];
  return {
    cutoff,
    rows: 1000,
    approved,
    approvalRate: approved / 1000,
    goodsApproved: approved - badsApproved,
    badsApproved,
    badRateApproved: approved > 0 ? badsApproved / approved : 0,
    precision: 0,
    recall: 0,
    expectedProfit: 0,
  };
});

/** The hand-built held-out evaluation: AUC 0.91234 in [0.90012, 0.92457]. */
export const TEST_EVALUATION: HeldOutEvaluation = {
  metrics: creditMetrics({ auc: 0.91234, aucLower: 0.90012, aucUpper: 0.92457, gini: 0.82468, ks: 0.65432, logLoss: 0.23457, brier: 0.07891 }),
  baseline: creditMetrics({ auc: 0.5, aucLower: 0.5, aucUpper: 0.5, gini: 0, ks: 0, logLoss: 0.50037, brier: 0.16004 }),
  ece: 0.01234,
  baselineEce: 0.00456,
  meanProbabilityOfBad: 0.19872,
  observedBadRate: 0.2,
  charts: TEST_CHARTS,
};

const PLAN: CleaningPlan = {
  target: 'default',
  positive: '1',
  negative: '0',
  features: ['income', 'home'],
  duplicates: { kind: 'exact' },
  columns: [
    { column: 'income', missing: 'median', constant: '', range: { min: 0, max: null }, outliers: { method: 'iqr', threshold: 1.5, action: 'clip' }, indicator: true },
    { column: 'home', missing: 'mode', constant: '', range: null, outliers: null, indicator: false },
  ],
};

const REPORT: CleaningReport = {
  rowsBefore: 5230,
  rowsAfter: 5000,
  positives: 1000,
  negatives: 4000,
  steps: [
    { step: 'duplicates', column: null, rows: 200, rule: 'identical in every column; the first is kept' },
    { step: 'no-label', column: null, rows: 25, rule: 'target is missing' },
    { step: 'out-of-range', column: 'income', rows: 5, rule: '≥ 0' },
  ],
  missing: [
    { column: 'income', missing: 31, strategy: 'median', filledBy: 'the median of the training rows' },
    { column: 'home', missing: 0, strategy: 'mode', filledBy: 'the most frequent value of the training rows' },
  ],
  clipped: [{ column: 'income', rule: 'IQR, k = 1.5, bounds 0 to 180000' }],
  excludedFeatures: [{ column: 'branch', reason: 'constant', note: 'Every training row has the same value.' }],
  features: ['income', 'home'],
};

const PREPROCESSING: Preprocessor = {
  version: 4,
  decimal: '.',
  features: [
    {
      kind: 'numeric',
      name: 'income',
      missing: 'median',
      fill: 42000,
      indicator: true,
      missingInTraining: 31,
      clip: { lower: 0, upper: 180000, rule: 'IQR, k = 1.5, bounds 0 to 180000', trainingCellsClipped: 7 },
      range: { min: 0, max: null },
      trainedRange: null,
      mean: 50123.5,
      std: 20456.25,
      ple: null,
    },
    { kind: 'categorical', name: 'home', missing: 'mode', levels: ['own', 'rent', 'mortgage'], fill: 'rent' },
  ],
  width: 5,
  fittedOnRows: 4000,
};

/** A 5-member MLP ensemble bundle (hidden layers 32 → 16, float16 weights) with the test evaluation, cross-validation and cut-off table. */
export function networkBundle(): ModelBundle {
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    id: 'b-0001',
    name: 'Home loans 2024',
    schema: {
      columns: [
        { name: 'income', kind: 'numeric', trainedMin: 1200, trainedMax: 250000, missingInTraining: 31 },
        { name: 'home', kind: 'categorical', levels: ['own', 'rent', 'mortgage'], missingInTraining: 0 },
      ],
      outcome: { target: 'default', bad: '1', good: '0' },
      positive: '1',
      negative: '0',
      decimal: '.',
    },
    cleaning: { plan: PLAN, report: REPORT },
    preprocessing: PREPROCESSING,
    model: {
      kind: 'network',
      network: { kind: 'mlp', hiddenUnits: [32, 16], dropout: 0.1, seed: 7 },
      inputWidth: 5,
      members: Array.from({ length: 5 }, () => ({ modelTopology: {}, weightSpecs: [], weightData: '', logitShift: 0 })),
      calibrator: { method: 'platt', a: 1.1, b: -0.2 },
      quantization: 'float16',
    },
    policy: { cutoff: 0.2, scale: DEFAULT_POINTS_SCALE, badValue: '1', positiveIsBad: true },
    provenance: {
      createdAt: '2025-03-04T10:11:12.000Z',
      appVersion: '0.1.0',
      createdBy: 'app',
      seed: 42,
      trainingFile: { name: 'loans.csv', sizeBytes: 1_572_864, sha256: 'ab'.repeat(32), rows: 5230, columns: 4 },
      rows: { kept: 5000, train: 4000, validation: 4000, test: 1000 },
      settings: {
        testFraction: 0.2,
        validation: { kind: 'cross-fit', folds: 5 },
        numericEncoding: 'standard',
        network: { kind: 'mlp', hiddenUnits: [32, 16], dropout: 0.1, seed: 7 },
        train: {
          epochs: 200,
          batchSize: 256,
          learningRate: 0.001,
          optimizer: 'adam',
          l2: 0.0001,
          seed: 7,
          classWeights: false,
          patience: 10,
          minEpochs: 5,
          restoreBest: true,
        },
        backend: 'webgl',
      },
      trainingMs: 192_400,
    },
    metrics: {
      test: TEST_EVALUATION,
      calibration: { method: 'platt', fittedOn: 'out-of-fold', rows: 4000, crossValidatedLogLoss: { none: 0.25012, platt: 0.24321, isotonic: 0.24499 }, classWeightShift: 0 },
      members: Array.from({ length: 5 }, (_, k) => ({ member: k + 1, epochsRun: 30 + k, bestEpoch: 20 + k, stoppedEarly: true })),
      crossValidation: {
        folds: [
          { fold: 1, auc: 0.9, ks: 0.64, logLoss: 0.24 },
          { fold: 2, auc: 0.92, ks: 0.66, logLoss: 0.23 },
          { fold: 3, auc: 0.91, ks: 0.65, logLoss: 0.235 },
        ],
        meanAuc: 0.91,
        sdAuc: 0.008165,
        meanKs: 0.65,
        sdKs: 0.008165,
        meanLogLoss: 0.235,
        sdLogLoss: 0.004082,
      },
      cutoffTable: TEST_CUTOFF_TABLE,
    },
    reference: { rows: 4000, features: [] },
    referenceApplicants: [],
    referenceTolerance: 0.002,
  };
}

/** Stats of a bin out of the scorecard's 80 goods and 20 bads (100 rows), from the core's own binStats. */
function bin(goods: number, bads: number): BinStats {
  return binStats(goods, bads, 80, 20, 100);
}

/**
 * A two-characteristic scorecard: age (< 30: 30 goods, 12 bads; ≥ 30: 50 goods, 8 bads; none missing)
 * and home (own: 40 goods, 5 bads; rent: 40 goods, 15 bads; none missing).
 * Log-odds of bad = −1.3 − 0.9·WoE(age) − 1.0·WoE(home).
 */
export const TWO_CHARACTERISTIC_SCORECARD: Scorecard = {
  kind: 'scorecard',
  version: SCORECARD_VERSION,
  intercept: -1.3,
  characteristics: [
    {
      column: 'age',
      binning: { kind: 'numeric', column: 'age', edges: [30], bins: [bin(30, 12), bin(50, 8)], missing: bin(0, 0), trend: 'descending', iv: bin(30, 12).iv + bin(50, 8).iv },
      coefficient: -0.9,
      edited: false,
    },
    {
      column: 'home',
      binning: {
        kind: 'categorical',
        column: 'home',
        groups: [
          { levels: ['own'], stats: bin(40, 5) },
          { levels: ['rent', 'other'], stats: bin(40, 15) },
        ],
        unseenGroup: 1,
        missing: bin(0, 0),
        iv: bin(40, 5).iv + bin(40, 15).iv,
      },
      coefficient: -1.0,
      edited: true,
    },
  ],
  regression: { intercept: -1.3, coefficients: [-0.9, -1.0], l2: 0.001, iterations: 6, converged: true },
  calibration: { method: 'none', a: 1, b: 0, reason: 'compared', folds: 5, rows: 100, outOfFoldLogLoss: { none: 0.4512, platt: 0.4523 } },
  selection: {
    minIv: 0.02,
    maxCorrelation: 0.8,
    candidates: [
      { column: 'age', iv: 0.2062 },
      { column: 'home', iv: 0.2747 },
      { column: 'branch', iv: 0.004 },
    ],
    notes: [{ code: 'low-iv', column: 'branch', iv: 0.004, minIv: 0.02 }],
  },
  rows: 100,
  bads: 20,
};

/** The network bundle with the two-characteristic scorecard as its model (no members, calibration none on out-of-fold rows). */
export function scorecardBundle(): ModelBundle {
  const base = networkBundle();
  return {
    ...base,
    id: 'b-0002',
    name: 'Scorecard 2024',
    schema: {
      ...base.schema,
      columns: [
        { name: 'age', kind: 'numeric', trainedMin: 18, trainedMax: 75, missingInTraining: 0 },
        { name: 'home', kind: 'categorical', levels: ['own', 'rent', 'other'], missingInTraining: 0 },
      ],
    },
    model: { kind: 'scorecard', scorecard: TWO_CHARACTERISTIC_SCORECARD },
    provenance: { ...base.provenance, settings: { ...base.provenance.settings, network: null, train: null, backend: 'cpu' } },
    metrics: {
      ...base.metrics,
      members: [],
      calibration: { method: 'none', fittedOn: 'out-of-fold', rows: 100, crossValidatedLogLoss: { none: 0.4512, platt: 0.4523 }, classWeightShift: 0 },
    },
  };
}

/** The network bundle as `--save` writes it: trained on every row, so no test metrics, no cut-off table, no test rows. */
export function bundleWithoutTest(): ModelBundle {
  const base = networkBundle();
  return {
    ...base,
    provenance: { ...base.provenance, rows: { kept: 5000, train: 5000, validation: 5000, test: 0 }, settings: { ...base.provenance.settings, testFraction: 0 } },
    metrics: { ...base.metrics, test: null, cutoffTable: null },
  };
}
