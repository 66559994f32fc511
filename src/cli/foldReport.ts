import { materialise } from '../core/features/encodedRows';
import { computeCreditBaseline, computeCreditMetrics } from '../core/metrics/credit';
import type { FoldData } from '../core/pipeline';
import { buildNetwork, disposeNetwork, predictProbabilities, type NetworkSpec } from '../model/network';
import { trainModel, type TrainSettings } from '../model/train';

/** Held-out metrics of one fold, rounded for reading. */
export interface FoldReport {
  readonly fold: number;
  readonly trainRows: number;
  readonly testRows: number;
  readonly epochsRun: number;
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
  readonly baseline: { readonly auc: number; readonly logloss: number; readonly brier: number; readonly accuracy: number };
}

const METRICS = ['auc', 'ks', 'gini', 'accuracy', 'precision', 'recall', 'f1', 'logloss', 'brier'] as const;
type MetricName = (typeof METRICS)[number];

const round = (value: number) => Math.round(value * 1e4) / 1e4;

/** Trains on the fold's training rows and measures on its held-out rows. */
export async function evaluateFold(fold: number, data: FoldData, network: NetworkSpec, settings: TrainSettings): Promise<FoldReport> {
  const width = data.preprocessor.width;
  const model = buildNetwork(width, network);
  try {
    const outcome = await trainModel(model, data.train, data.validation, width, settings);
    const p = predictProbabilities(model, materialise(data.test), width);
    const m = computeCreditMetrics(data.test.y, p);
    const b = computeCreditBaseline(data.test.y, data.trainPositiveRate);
    return {
      fold,
      trainRows: data.train.rows + data.validation.rows,
      testRows: data.test.rows,
      epochsRun: outcome.epochsRun,
      trainMs: Math.round(outcome.elapsedMs),
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
      baseline: { auc: round(b.auc), logloss: round(b.logLoss), brier: round(b.brier), accuracy: round(b.accuracy) },
    };
  } finally {
    disposeNetwork(model);
  }
}

/** Mean and sample standard deviation of each metric over the folds. */
export function summariseFolds(folds: readonly FoldReport[]): { mean: Record<MetricName, number>; sd: Record<MetricName, number> } {
  const mean = {} as Record<MetricName, number>;
  const sd = {} as Record<MetricName, number>;
  for (const name of METRICS) {
    const values = folds.map((f) => f[name]);
    const m = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.length > 1 ? values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1) : 0;
    mean[name] = round(m);
    sd[name] = round(Math.sqrt(variance));
  }
  return { mean, sd };
}
