import type { CalibrationMethod } from '../calibration/calibrator';
import type { CreditMetrics } from '../metrics/credit';

// What a trained model was graded on and how it was calibrated: plain values shown in the app,
// stored in the model bundle and printed in the model card.

/** The target's two values by meaning: which one is the bad outcome (default), which the good. */
export interface OutcomeNames {
  readonly target: string;
  readonly bad: string;
  readonly good: string;
}

/**
 * Chart data of the held-out predictions (plain arrays, ready for recharts), all in terms of the
 * probability of BAD, whichever target value is positive: the ROC's true positives are bads
 * declined, the KS orders rows riskiest (highest probability of bad) first.
 */
export interface EvaluationCharts {
  /** False positive rate = share of goods declined, true positive rate = share of bads declined, as the cut-off falls. */
  readonly roc: readonly { readonly fpr: number; readonly tpr: number }[];
  /** Cumulative share of bads and goods among the riskiest `share` of rows. */
  readonly ks: readonly { readonly share: number; readonly bads: number; readonly goods: number }[];
  /** Non-empty bins of the probability of bad (10 equal-width): mean predicted against observed bad rate. */
  readonly calibration: readonly { readonly bin: number; readonly predicted: number; readonly observed: number; readonly count: number }[];
  /** Histogram of the probability of bad (20 equal-width bins) by actual outcome. */
  readonly distribution: readonly { readonly from: number; readonly to: number; readonly bads: number; readonly goods: number }[];
}

/**
 * Held-out metrics next to the base-rate baseline, and chart data. Labels are 1 for bad and the
 * probabilities are calibrated probabilities of bad, so precision and recall are of declining bad
 * loans; the threshold metrics in `metrics` are at 0.5 (the UI shows them at the chosen cut-off from the planner's rows).
 */
export interface HeldOutEvaluation {
  readonly metrics: CreditMetrics;
  readonly baseline: CreditMetrics;
  /** Expected calibration error (10 equal-width bins) of the model and of the baseline. */
  readonly ece: number;
  readonly baselineEce: number;
  /** Mean predicted probability of bad, and the observed bad rate, on the test rows. */
  readonly meanProbabilityOfBad: number;
  readonly observedBadRate: number;
  readonly charts: EvaluationCharts;
}

/** How the probabilities were calibrated: fitted on validation or out-of-fold rows, never on test rows. */
export interface CalibrationSummary {
  /** The method chosen by cross-validated log loss on those rows. */
  readonly method: CalibrationMethod;
  readonly fittedOn: 'validation' | 'out-of-fold';
  readonly rows: number;
  /** Mean held-out log loss of each method in the choice (lower is better); a scorecard compares none and Platt only (isotonic would break its additive points). */
  readonly crossValidatedLogLoss: Readonly<Partial<Record<CalibrationMethod, number>>>;
  /** The class-weight prior shift removed from the logit, ln(w_bad / w_good) averaged over members; 0 without class weights. */
  readonly classWeightShift: number;
}

/** Mean ± standard deviation of AUC, KS and log loss over k stratified folds. */
export interface CrossValidationSummary {
  readonly folds: readonly { readonly fold: number; readonly auc: number; readonly ks: number; readonly logLoss: number }[];
  readonly meanAuc: number;
  readonly sdAuc: number;
  readonly meanKs: number;
  readonly sdKs: number;
  readonly meanLogLoss: number;
  readonly sdLogLoss: number;
}

/** Epochs per ensemble member (one member for a single validation split). */
export interface MemberRun {
  readonly member: number;
  readonly epochsRun: number;
  readonly bestEpoch: number;
  readonly stoppedEarly: boolean;
}
