// The scorecard's plain-JSON values: which characteristics were kept and why, their bins, and the
// coefficients that turn the bins' WoE into the log-odds of bad. Everything scoring needs is here, so
// a stored scorecard is applied without refitting anything.

import type { Binning } from '../binning/types';

/** Version of the Scorecard shape; bumped (with a migration) whenever a field changes meaning. */
export const SCORECARD_VERSION = 1;

/** One kept characteristic: its bins and its calibrated coefficient on their WoE. */
export interface ScorecardCharacteristic {
  readonly column: string;
  readonly binning: Binning;
  /**
   * Calibrated coefficient on the WoE in the log-odds of bad. Usually negative: WoE > 0 means fewer
   * bads than average, so it lowers the log-odds of bad. Kept as fitted (a positive one flags a
   * characteristic whose effect flips once the others are in the model).
   */
  readonly coefficient: number;
  /** True when the bins came from the caller's binningOverrides (the user's edits), not from the fit. */
  readonly edited: boolean;
}

/** Why a candidate characteristic was left out (or kept against the rule); the UI words these. */
export type SelectionNote =
  /** Total IV below the floor. */
  | { readonly code: 'low-iv'; readonly column: string; readonly iv: number; readonly minIv: number }
  /** |Pearson r| of its WoE with a kept characteristic of higher IV above the ceiling. */
  | {
      readonly code: 'correlated';
      readonly column: string;
      readonly iv: number;
      readonly with: string;
      readonly withIv: number;
      readonly correlation: number;
      readonly maxCorrelation: number;
    }
  /** No candidate reached minIv, so the one with the highest IV was kept anyway: a model needs one input. */
  | { readonly code: 'kept-best-below-min-iv'; readonly column: string; readonly iv: number; readonly minIv: number };

/** The characteristic selection: every candidate's IV on the fitted rows and the notes on it. */
export interface ScorecardSelection {
  readonly minIv: number;
  readonly maxCorrelation: number;
  /** Every candidate, in the order given, with its total IV. */
  readonly candidates: readonly { readonly column: string; readonly iv: number }[];
  readonly notes: readonly SelectionNote[];
}

/** Why the calibration is what it is. */
export type ScorecardCalibrationReason =
  /** Out-of-fold log losses of 'none' and 'platt' were compared. */
  | 'compared'
  /** No validation folds were given: the regression is used as fitted. */
  | 'no-folds'
  /** Too few out-of-fold rows (or of the rarer class) to compare methods: as fitted. */
  | 'too-few-rows';

/**
 * How the regression's log-odds were recalibrated: logit' = a · logit + b (a = 1, b = 0 for 'none'),
 * already folded into the scorecard's intercept and coefficients. Only affine maps are allowed: they
 * keep the log-odds a sum of per-bin terms, which is what makes a scorecard a scorecard. Isotonic
 * regression is therefore never considered: a monotone step function of the total breaks additivity.
 */
export interface ScorecardCalibration {
  readonly method: 'none' | 'platt';
  readonly a: number;
  readonly b: number;
  readonly reason: ScorecardCalibrationReason;
  /** Validation folds cross-fitted (0 without folds). */
  readonly folds: number;
  /** Rows with an out-of-fold logit. */
  readonly rows: number;
  /** Mean log loss (nats) of each method on the out-of-fold logits, each fold's Platt fitted on the other folds; null unless compared. */
  readonly outOfFoldLogLoss: { readonly none: number; readonly platt: number } | null;
}

/** The regression as fitted on all rows, before calibration (kept for audit). */
export interface ScorecardRegression {
  readonly intercept: number;
  /** One per characteristic, same order. */
  readonly coefficients: readonly number[];
  /** Ridge strength on the mean log loss (sklearn C = 1 / (rows · l2)). */
  readonly l2: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * A fitted scorecard, plain JSON. Log-odds of bad = intercept + Σ coefficient · WoE(bin of the value),
 * calibration included.
 */
export interface Scorecard {
  readonly kind: 'scorecard';
  readonly version: typeof SCORECARD_VERSION;
  /** Calibrated intercept of the log-odds of bad. */
  readonly intercept: number;
  readonly characteristics: readonly ScorecardCharacteristic[];
  readonly regression: ScorecardRegression;
  readonly calibration: ScorecardCalibration;
  readonly selection: ScorecardSelection;
  /** Rows the final binning and regression were fitted on, and the bads among them. */
  readonly rows: number;
  readonly bads: number;
}
