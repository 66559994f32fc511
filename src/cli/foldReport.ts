import { materialise } from '../core/features/encodedRows';
import { computeExpectedCalibrationError } from '../core/metrics/calibration';
import { computeCreditBaseline, computeCreditMetrics } from '../core/metrics/credit';
import type { FoldData } from '../core/pipeline';
import type { NetworkSpec } from '../model/network';
import { disposeScoringModel, fitScoringModel, predictCalibrated } from '../model/scoringModel';
import type { TrainSettings } from '../model/train';

/** Held-out metrics of one fold, rounded for reading; every probability is of the bad outcome. */
export interface FoldReport {
  readonly fold: number;
  readonly trainRows: number;
  readonly testRows: number;
  /** Ensemble members (1 for a hold-out validation) and the epochs each ran and kept. */
  readonly members: number;
  readonly epochsRun: readonly number[];
  readonly bestEpochs: readonly number[];
  readonly calibration: string;
  readonly trainMs: number;
  readonly auc: number;
  readonly aucLower: number;
  readonly aucUpper: number;
  readonly ks: number;
  readonly gini: number;
  readonly accuracy: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly logloss: number;
  readonly brier: number;
  readonly ece: number;
  /** Mean predicted probability of bad, and the observed bad rate, on the fold's test rows. */
  readonly meanPredicted: number;
  readonly observedBadRate: number;
  readonly baseline: { readonly auc: number; readonly logloss: number; readonly brier: number; readonly ece: number; readonly accuracy: number };
  /** The model's inputs after screening on this fold's training rows. */
  readonly features: readonly string[];
}

const METRICS = ['auc', 'ks', 'gini', 'accuracy', 'precision', 'recall', 'f1', 'logloss', 'brier', 'ece', 'meanPredicted', 'observedBadRate'] as const;
type MetricName = (typeof METRICS)[number];

const round = (value: number) => Math.round(value * 1e4) / 1e4;

/**
 * Trains on the fold's training rows exactly as the app does (members, prior shift, calibrator on
 * validation rows) and measures on its held-out rows, with label 1 = bad and p = probability of bad.
 */
export async function evaluateFold(fold: number, data: FoldData, network: NetworkSpec, settings: TrainSettings, positiveIsBad: boolean): Promise<FoldReport> {
  const width = data.preprocessor.width;
  const started = performance.now();
  const fitted = await fitScoringModel({ train: data.train, validationFolds: data.validationFolds, width }, network, settings);
  const trainMs = performance.now() - started;
  try {
    const p = predictCalibrated(fitted.model, materialise(data.test));
    const pBad = positiveIsBad ? p : p.map((v: number) => 1 - v);
    return heldOutReport(fold, data, pBad, positiveIsBad, {
      members: fitted.model.members.length,
      epochsRun: fitted.model.members.map((member) => member.outcome.epochsRun),
      bestEpochs: fitted.model.members.map((member) => member.outcome.bestEpoch),
      calibration: fitted.calibration.calibrator.method,
      trainMs: Math.round(trainMs),
      features: data.report.features,
    });
  } finally {
    disposeScoringModel(fitted.model);
  }
}

/** How a fold's model was fitted, for its report. */
export type FitFacts = Pick<FoldReport, 'members' | 'epochsRun' | 'bestEpochs' | 'calibration' | 'trainMs' | 'features'>;

/** The held-out metrics of probabilities of bad `pBad` on the fold's test rows, with the base-rate baseline beside them. */
export function heldOutReport(fold: number, data: FoldData, pBad: ArrayLike<number>, positiveIsBad: boolean, facts: FitFacts): FoldReport {
  const probabilities = Float64Array.from(pBad);
  const bad = positiveIsBad ? data.test.y : data.test.y.map((v: number) => 1 - v);
  const badRate = positiveIsBad ? data.trainPositiveRate : 1 - data.trainPositiveRate;
  const m = computeCreditMetrics(bad, probabilities);
  const b = computeCreditBaseline(bad, badRate);
  let meanPredicted = 0;
  for (const v of probabilities) meanPredicted += v / probabilities.length;
  return {
    fold,
    trainRows: data.train.rows,
    testRows: data.test.rows,
    ...facts,
    auc: round(m.auc),
    aucLower: round(m.aucLower),
    aucUpper: round(m.aucUpper),
    ks: round(m.ks),
    gini: round(m.gini),
    accuracy: round(m.accuracy),
    precision: round(m.precision),
    recall: round(m.recall),
    f1: round(m.f1),
    logloss: round(m.logLoss),
    brier: round(m.brier),
    ece: round(computeExpectedCalibrationError(bad, probabilities, 10)),
    meanPredicted: round(meanPredicted),
    observedBadRate: round(m.positiveRate),
    baseline: {
      auc: round(b.auc),
      logloss: round(b.logLoss),
      brier: round(b.brier),
      ece: round(computeExpectedCalibrationError(bad, new Float64Array(bad.length).fill(badRate), 10)),
      accuracy: round(b.accuracy),
    },
  };
}

/** Mean and sample standard deviation of each metric over the folds, the baseline's means, and the spread of epochs run. */
export function summariseFolds(folds: readonly FoldReport[]) {
  const mean = {} as Record<MetricName, number>;
  const sd = {} as Record<MetricName, number>;
  const stats = (values: number[]) => {
    const m = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.length > 1 ? values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1) : 0;
    return { mean: round(m), sd: round(Math.sqrt(variance)) };
  };
  for (const name of METRICS) {
    const s = stats(folds.map((f) => f[name]));
    mean[name] = s.mean;
    sd[name] = s.sd;
  }
  const baseline = {
    logloss: stats(folds.map((f) => f.baseline.logloss)).mean,
    brier: stats(folds.map((f) => f.baseline.brier)).mean,
    ece: stats(folds.map((f) => f.baseline.ece)).mean,
  };
  const epochs = folds.flatMap((f) => f.epochsRun);
  return { mean, sd, baseline, epochsRun: { min: Math.min(...epochs), max: Math.max(...epochs), mean: stats(epochs).mean } };
}
