import { computeConfusion, computeLogLoss, ratiosFromConfusion, type BinaryMetrics } from './binary';
import { computeBrier } from './calibration';
import { aucConfidenceFromRanked, giniFromAuc, ksFromRanked, rankScores } from './rank';

/** The credit-risk summary of held-out predictions: threshold metrics plus AUC (with interval), Gini, KS and Brier. */
export interface CreditMetrics extends BinaryMetrics {
  /** Lower end of the 95 % DeLong interval of the AUC, in [0, 1] (NaN when a class has < 2 rows). */
  readonly aucLower: number;
  /** Upper end of the 95 % DeLong interval of the AUC, in [0, 1] (NaN when a class has < 2 rows). */
  readonly aucUpper: number;
  /** DeLong standard error of the AUC. */
  readonly aucSe: number;
  /** 2·AUC − 1, in [−1, 1]. */
  readonly gini: number;
  /** max |TPR − FPR| over probability thresholds, in [0, 1]. */
  readonly ks: number;
  /** Probability threshold (predict positive at ≥) where the KS is reached; NaN when a class is absent. */
  readonly ksThreshold: number;
  /** Mean squared error of the probabilities, in [0, 1]. */
  readonly brier: number;
}

/**
 * Accuracy, precision, recall, F1 at `threshold` (positive at p ≥ threshold), AUC with a 95 % DeLong
 * interval, Gini, KS, log loss (nats) and Brier of 0/1 `labels` against probabilities `p`.
 * Sorts the probabilities once for AUC, its interval and KS; the rest are linear passes.
 */
export function computeCreditMetrics(labels: ArrayLike<number>, p: ArrayLike<number>, threshold = 0.5): CreditMetrics {
  const ranked = rankScores(labels, p);
  const { auc, lower, upper, se } = aucConfidenceFromRanked(ranked, 0.95);
  const { ks, threshold: ksThreshold } = ksFromRanked(ranked);
  const confusion = computeConfusion(labels, p, threshold);
  return {
    ...ratiosFromConfusion(confusion),
    auc,
    aucLower: lower,
    aucUpper: upper,
    aucSe: se,
    gini: giniFromAuc(auc),
    ks,
    ksThreshold,
    logLoss: computeLogLoss(labels, p),
    brier: computeBrier(labels, p),
    confusion,
    threshold,
  };
}

/**
 * The naive credit baseline: every row gets the training positive rate as its probability.
 * AUC 0.5 (interval [0.5, 0.5]), Gini 0, KS 0, and the log loss and Brier of the base rate.
 */
export function computeCreditBaseline(labels: ArrayLike<number>, trainPositiveRate: number, threshold = 0.5): CreditMetrics {
  if (!(trainPositiveRate >= 0 && trainPositiveRate <= 1)) {
    throw new RangeError(`The training positive rate must be in [0, 1], got ${trainPositiveRate}.`);
  }
  return computeCreditMetrics(labels, new Float64Array(labels.length).fill(trainPositiveRate), threshold);
}
