import { computeCalibration, computeExpectedCalibrationError, computeScoreDistribution } from '../core/metrics/calibration';
import { computeCreditBaseline, computeCreditMetrics } from '../core/metrics/credit';
import { ksCurveFromRanked, rankScores, rocCurveFromRanked } from '../core/metrics/rank';
import { bestKsCutoff, bestProfitCutoff, cutoffForApprovalRate, cutoffTable, evaluateCutoff, type CutoffOptions } from '../core/scoring/cutoff';
import type { CrossValidationSummary, CutoffPlan, CutoffSuggestion, HeldOutEvaluation, RowSource } from './protocol';

// A ROC curve has a point per distinct score; a chart needs a few hundred.
const MAX_ROC_POINTS = 200;

/** Labels (1 = bad) and calibrated probabilities of bad of a set of rows. */
export interface BadScores {
  readonly bad: Float32Array;
  readonly pBad: Float64Array;
}

/** Metrics, baseline and chart data of held-out predictions, all in terms of the bad outcome; `trainBadRate` is the baseline's prediction. */
export function evaluateHeldOut({ bad, pBad }: BadScores, trainBadRate: number): HeldOutEvaluation {
  const ranked = rankScores(bad, pBad);
  const roc = rocCurveFromRanked(ranked);
  // Ranked by probability of bad, highest first: the KS curve walks from the riskiest applicant.
  const ks = ksCurveFromRanked(ranked, 101);
  const step = Math.max(1, Math.ceil(roc.fpr.length / MAX_ROC_POINTS));
  const rocPoints: { fpr: number; tpr: number }[] = [];
  for (let i = 0; i < roc.fpr.length; i += step) rocPoints.push({ fpr: roc.fpr[i], tpr: roc.tpr[i] });
  const lastRoc = roc.fpr.length - 1;
  if (lastRoc >= 0 && lastRoc % step !== 0) rocPoints.push({ fpr: roc.fpr[lastRoc], tpr: roc.tpr[lastRoc] });
  const baselineP = new Float64Array(bad.length).fill(trainBadRate);
  let meanProbabilityOfBad = 0;
  let observed = 0;
  for (let i = 0; i < bad.length; i++) {
    meanProbabilityOfBad += pBad[i];
    observed += bad[i];
  }
  return {
    metrics: computeCreditMetrics(bad, pBad),
    baseline: computeCreditBaseline(bad, trainBadRate),
    ece: computeExpectedCalibrationError(bad, pBad, 10),
    baselineEce: computeExpectedCalibrationError(bad, baselineP, 10),
    meanProbabilityOfBad: bad.length > 0 ? meanProbabilityOfBad / bad.length : Number.NaN,
    observedBadRate: bad.length > 0 ? observed / bad.length : Number.NaN,
    charts: {
      roc: rocPoints,
      ks: ks.populationShare.map((share, k) => ({ share, bads: ks.cumPositiveShare[k], goods: ks.cumNegativeShare[k] })),
      calibration: computeCalibration(bad, pBad, 10).map((b) => ({ bin: b.bin, predicted: b.meanPredicted, observed: b.observedRate, count: b.count })),
      distribution: computeScoreDistribution(bad, pBad, 20).map((b) => ({ from: b.lower, to: b.upper, bads: b.positives, goods: b.negatives })),
    },
  };
}

/**
 * The cut-off planner: the slider's table over 0..1 on the test rows, and three cut-offs searched
 * on the search rows (validation or out-of-fold, never the test rows), each then graded on the test rows.
 */
export function planCutoffs(
  test: BadScores,
  search: BadScores & { readonly source: Exclude<RowSource, 'test'> },
  money: Pick<CutoffOptions, 'profitPerGood' | 'lossPerBad'>,
  targetApprovalRate: number,
): CutoffPlan {
  const options: CutoffOptions = { positiveIsBad: true, ...money };
  const searchedOn = { source: search.source, rows: search.bad.length };
  const grade = (rule: CutoffSuggestion['rule'], found: ReturnType<typeof evaluateCutoff>, ks?: number): CutoffSuggestion => ({
    rule,
    cutoff: found.cutoff,
    searchedOn,
    onSearchRows: found,
    onTest: evaluateCutoff(test.bad, test.pBad, found.cutoff, options),
    ...(ks === undefined ? {} : { ks }),
  });
  const suggestions: CutoffSuggestion[] = [];
  if (search.bad.length > 0) {
    suggestions.push(grade('max-profit', bestProfitCutoff(search.bad, search.pBad, options)));
    const ks = bestKsCutoff(search.bad, search.pBad, options);
    suggestions.push(grade('max-ks', ks, ks.ks));
    suggestions.push(grade('approval-rate', cutoffForApprovalRate(search.bad, search.pBad, targetApprovalRate, options)));
  }
  return { table: cutoffTable(test.bad, test.pBad, options, 101), suggestions, searchable: search.bad.length > 0 };
}

/** Mean ± sample standard deviation of each fold's AUC, KS and log loss. */
export function summariseCrossValidation(results: readonly { fold: number; auc: number; ks: number; logLoss: number }[]): CrossValidationSummary {
  const stats = (values: number[]) => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return { mean, sd: Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1)) };
  };
  const auc = stats(results.map((r) => r.auc));
  const ks = stats(results.map((r) => r.ks));
  const logLoss = stats(results.map((r) => r.logLoss));
  return { folds: results, meanAuc: auc.mean, sdAuc: auc.sd, meanKs: ks.mean, sdKs: ks.sd, meanLogLoss: logLoss.mean, sdLogLoss: logLoss.sd };
}
