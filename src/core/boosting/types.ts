// Gradient-boosted trees as plain JSON: what the bundle stores and what scoring walks. The trees
// split the preprocessing's encoded inputs (standardised numbers, one-hot levels, "was missing"
// indicators), so the bundle's preprocessing is applied exactly as for a network.

/**
 * One regression tree in flat arrays, node 0 the root. A split node sends a row left when
 * x[feature] ≤ threshold; a leaf has feature −1 and adds `value` (learning rate included) to the logit.
 */
export interface BoostedTree {
  readonly feature: readonly number[];
  readonly threshold: readonly number[];
  readonly left: readonly number[];
  readonly right: readonly number[];
  readonly value: readonly number[];
}

/** A logistic regression on the encoded inputs that boosting starts from: logit = intercept + Σ coefficients[j]·x[j]. */
export interface LinearStart {
  readonly intercept: number;
  readonly coefficients: readonly number[];
}

/** One boosted model: its starting logit and the trees whose leaf values add to it (logit of label 1). */
export interface BoostedForest {
  /** ln(p / (1 − p)) of label 1 on the rows the forest was fitted on (0 with a linear start, whose intercept takes its place). */
  readonly baseline: number;
  /** When present, boosting started from this regression's logit instead of a constant. */
  readonly linear?: LinearStart;
  readonly trees: readonly BoostedTree[];
}

/** How trees are grown and how many are kept: defaults as scikit-learn's HistGradientBoostingClassifier. */
export interface BoostingSettings {
  /** Shrinkage applied to every leaf value. */
  readonly learningRate: number;
  /** Upper bound on trees; early stopping on the validation rows keeps fewer. */
  readonly maxIterations: number;
  /** Leaves per tree (grown best-first). */
  readonly maxLeaves: number;
  /** Fewest fitting rows in a leaf. */
  readonly minRowsPerLeaf: number;
  /** L2 penalty on leaf values (added to the hessian sum). */
  readonly l2: number;
  /** Most bins per input (quantiles of the fitting rows; fewer when an input has fewer distinct values). */
  readonly maxBins: number;
  /** Trees without a validation log-loss gain of more than `tolerance` before stopping. */
  readonly patience: number;
  readonly tolerance: number;
  /**
   * Where boosting starts: the base rate's logit, a ridge logistic regression on the inputs, or
   * 'auto': the first member is grown from both, and the start whose validation log loss is lower by
   * more than two standard errors (paired over its rows) is used for all; when neither is, the
   * linear start below LINEAR_FALLBACK_BELOW_ROWS training rows and the constant one from there.
   */
  readonly start: BoostingStart | 'auto';
}

/**
 * Training rows below which an undecided 'auto' start falls back to the linear one: with few rows a
 * regression is the stronger prior (it won on both small shared books); with many, trees from the
 * base rate, as scikit-learn grows them. The same boundary at which the app switches the network's
 * numeric inputs to PLE (PLE_FROM_TRAINING_ROWS), where the small books end.
 */
export const LINEAR_FALLBACK_BELOW_ROWS = 10_000;

/** The logit boosting starts from: a constant (the base rate's) or a logistic regression's. */
export type BoostingStart = 'constant' | 'linear';

/** scikit-learn 1.2's HistGradientBoostingClassifier defaults, with more trees allowed since early stopping picks how many. */
export const DEFAULT_BOOSTING: BoostingSettings = {
  learningRate: 0.1,
  maxIterations: 500,
  maxLeaves: 31,
  minRowsPerLeaf: 20,
  l2: 0,
  maxBins: 255,
  patience: 10,
  tolerance: 1e-7,
  start: 'auto',
};

/** What fitting one forest did: trees grown, trees kept (the best validation loss), and that loss. */
export interface BoostingOutcome {
  readonly iterationsRun: number;
  readonly bestIteration: number;
  /** Validation log loss (nats) at the kept iteration; NaN without validation rows. */
  readonly validationLogLoss: number;
  readonly elapsedMs: number;
}
