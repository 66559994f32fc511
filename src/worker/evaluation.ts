import { computeCalibration, computeScoreDistribution } from '../core/metrics/calibration';
import { computeCreditBaseline, computeCreditMetrics } from '../core/metrics/credit';
import { ksCurveFromRanked, rankScores, rocCurveFromRanked } from '../core/metrics/rank';
import { bestKsCutoff, bestProfitCutoff, cutoffTable, evaluateCutoff, type CutoffOptions } from '../core/scoring/cutoff';
import type { CutoffPlan, HeldOutEvaluation } from './protocol';

// A ROC curve has a point per distinct score; a chart needs a few hundred.
const MAX_ROC_POINTS = 200;

/** Metrics, baseline and chart data of held-out predictions. */
export function evaluateHeldOut(labels: Float32Array, p: Float32Array, trainPositiveRate: number): HeldOutEvaluation {
  const ranked = rankScores(labels, p);
  const roc = rocCurveFromRanked(ranked);
  const ks = ksCurveFromRanked(ranked, 101);
  const step = Math.max(1, Math.ceil(roc.fpr.length / MAX_ROC_POINTS));
  const rocPoints: { fpr: number; tpr: number }[] = [];
  for (let i = 0; i < roc.fpr.length; i += step) rocPoints.push({ fpr: roc.fpr[i], tpr: roc.tpr[i] });
  const lastRoc = roc.fpr.length - 1;
  if (lastRoc >= 0 && (lastRoc % step !== 0)) rocPoints.push({ fpr: roc.fpr[lastRoc], tpr: roc.tpr[lastRoc] });
  return {
    metrics: computeCreditMetrics(labels, p),
    baseline: computeCreditBaseline(labels, trainPositiveRate),
    charts: {
      roc: rocPoints,
      ks: ks.populationShare.map((share, k) => ({ share, positives: ks.cumPositiveShare[k], negatives: ks.cumNegativeShare[k] })),
      calibration: computeCalibration(labels, p, 10).map((b) => ({ bin: b.bin, predicted: b.meanPredicted, observed: b.observedRate, count: b.count })),
      distribution: computeScoreDistribution(labels, p, 20).map((b) => ({ from: b.lower, to: b.upper, positives: b.positives, negatives: b.negatives })),
    },
  };
}

/** The cut-off planner's table over 0..1 and the cut-offs that maximise profit and KS. */
export function planCutoffs(labels: Float32Array, p: Float32Array, options: CutoffOptions): CutoffPlan {
  return {
    table: cutoffTable(labels, p, options, 101),
    bestProfit: bestProfitCutoff(labels, p, options),
    bestKs: bestKsCutoff(labels, p, options),
  };
}

export { evaluateCutoff };
