import { computeLogLoss } from '../metrics/binary';
import { kFoldTrainIndices, stratifiedKFold } from '../split/kfold';
import { applyIsotonic, fitIsotonic } from './isotonic';
import { sigmoid } from './logistic';
import { applyPlatt, fitPlatt } from './platt';

// A calibrator maps the network's logit for label 1 (after `removePriorShift`) to a probability.
// It is plain JSON so it can be stored with the model and applied at scoring without refitting.

/** How a logit becomes a probability: as is, Platt scaling, or isotonic regression. */
export type CalibrationMethod = 'none' | 'platt' | 'isotonic';

/** The calibration methods from simplest to most flexible: the order in which near ties are broken. */
export const CALIBRATION_METHODS: readonly CalibrationMethod[] = ['none', 'platt', 'isotonic'];

/**
 * A fitted calibrator, JSON-safe (finite numbers only). 'none': σ(z). 'platt': σ(a·z + b).
 * 'isotonic': thresholds on the logit scale (x strictly increasing) and raw isotonic y values in [0, 1],
 * interpolated and then clipped into [ISOTONIC_PROBABILITY_FLOOR, 1 − ISOTONIC_PROBABILITY_FLOOR].
 */
export type Calibrator =
  | { readonly method: 'none' }
  | { readonly method: 'platt'; readonly a: number; readonly b: number }
  | { readonly method: 'isotonic'; readonly x: readonly number[]; readonly y: readonly number[] };

/** A calibrator chosen by cross-validation and refitted on all rows, with the evidence for the choice. */
export interface CalibratorFit {
  readonly calibrator: Calibrator;
  /** Rows the calibrator was chosen and fitted on. */
  readonly rows: number;
  /** Mean log loss (nats) of each method over the held-out rows of the folds; all NaN when `folds` is 0. */
  readonly crossValidatedLogLoss: Record<CalibrationMethod, number>;
  /** Folds used to choose the method; 0 when there were too few rows to cross-validate. */
  readonly folds: number;
}

/** Smallest probability an isotonic calibrator returns (and 1 − it the largest), so log loss stays finite. */
export const ISOTONIC_PROBABILITY_FLOOR = 1e-6;

/** Below this many rows the folds are too small to compare methods: Platt scaling is fitted without CV. */
export const MIN_ROWS_FOR_CROSS_VALIDATION = 20;

/** Folds used when both classes have at least this many rows; the rarer class caps k below it. */
export const CALIBRATION_FOLDS = 5;

/** A more flexible method must beat a simpler one by more than this much mean log loss (nats) to be chosen. */
export const LOG_LOSS_TIE_TOLERANCE = 1e-4;

/** The calibrated probability of label 1, in [0, 1], for one logit (prior shift already removed). */
export function applyCalibrator(c: Calibrator, logit: number): number {
  switch (c.method) {
    case 'none':
      return sigmoid(logit);
    case 'platt':
      return applyPlatt(c, logit);
    case 'isotonic': {
      const p = applyIsotonic(c, logit);
      return Math.min(1 - ISOTONIC_PROBABILITY_FLOOR, Math.max(ISOTONIC_PROBABILITY_FLOOR, p));
    }
  }
}

/** `applyCalibrator` for every logit: calibrated probabilities in [0, 1], same length and order. */
export function applyCalibratorToAll(c: Calibrator, logits: Float32Array | Float64Array): Float64Array {
  const out = new Float64Array(logits.length);
  for (let i = 0; i < logits.length; i++) out[i] = applyCalibrator(c, logits[i]);
  return out;
}

/**
 * The calibrator of one given method fitted on all the rows (logits for label 1, labels 0/1).
 * Isotonic regression is fitted on the logit scale with y = label. Throws for no rows.
 */
export function fitCalibratorWithMethod(method: CalibrationMethod, logits: ArrayLike<number>, labels: ArrayLike<number>): Calibrator {
  switch (method) {
    case 'none':
      return { method: 'none' };
    case 'platt': {
      const { a, b } = fitPlatt(logits, labels);
      return { method: 'platt', a, b };
    }
    case 'isotonic': {
      const { x, y } = fitIsotonic(logits, labels);
      return { method: 'isotonic', x, y };
    }
  }
}

/**
 * Chooses and fits a calibrator on validation (or out-of-fold) logits and 0/1 labels — never test rows.
 *
 * The method is the one with the lowest mean log loss over the held-out rows of a stratified k-fold
 * (seeded by `seed`), where each fold's calibrators were fitted on the other folds: scored on its own
 * rows, isotonic regression always looks best. A more flexible method must win by more than
 * LOG_LOSS_TIE_TOLERANCE; otherwise the simpler one (none < platt < isotonic) is kept. The chosen
 * method is then refitted on all rows.
 *
 * k = 5, or the rarer class's row count when that is smaller. With fewer than
 * MIN_ROWS_FOR_CROSS_VALIDATION rows, or fewer than 2 rows in the rarer class, there is no CV
 * (folds = 0): Platt scaling is fitted on all rows, or 'none' is returned when there are no rows or only
 * one class (a slope cannot be learned then, and Platt would map every logit to the same probability).
 * Throws for unequal lengths, labels other than 0/1 or non-finite logits.
 */
export function fitCalibrator(logits: ArrayLike<number>, labels: ArrayLike<number>, seed: number): CalibratorFit {
  const n = logits.length;
  if (labels.length !== n) throw new RangeError(`Got ${n} logits but ${labels.length} labels.`);
  let positives = 0;
  for (let i = 0; i < n; i++) {
    const label = labels[i];
    if (label !== 0 && label !== 1) throw new RangeError(`Labels must be 0 or 1; row ${i} has ${label}.`);
    if (!Number.isFinite(logits[i])) throw new RangeError(`Logit of row ${i} is ${logits[i]}; logits must be finite.`);
    positives += label;
  }
  const rarer = Math.min(positives, n - positives);
  if (n < MIN_ROWS_FOR_CROSS_VALIDATION || rarer < 2) {
    const noLoss: Record<CalibrationMethod, number> = { none: Number.NaN, platt: Number.NaN, isotonic: Number.NaN };
    const calibrator = rarer === 0 ? ({ method: 'none' } as const) : fitCalibratorWithMethod('platt', logits, labels);
    return { calibrator, rows: n, crossValidatedLogLoss: noLoss, folds: 0 };
  }

  const k = Math.min(CALIBRATION_FOLDS, rarer);
  const folds = stratifiedKFold(labels, k, seed);
  // Out-of-fold probabilities per method: every row is predicted once, by calibrators that never saw it.
  const heldOut: Record<CalibrationMethod, Float64Array> = {
    none: new Float64Array(n),
    platt: new Float64Array(n),
    isotonic: new Float64Array(n),
  };
  for (let fold = 0; fold < k; fold++) {
    const train = kFoldTrainIndices(folds, fold);
    const trainLogits = Float64Array.from(train, (i) => logits[i]);
    const trainLabels = Uint8Array.from(train, (i) => labels[i]);
    for (const method of CALIBRATION_METHODS) {
      const calibrator = fitCalibratorWithMethod(method, trainLogits, trainLabels);
      for (const i of folds[fold]) heldOut[method][i] = applyCalibrator(calibrator, logits[i]);
    }
  }
  const crossValidatedLogLoss = {} as Record<CalibrationMethod, number>;
  for (const method of CALIBRATION_METHODS) crossValidatedLogLoss[method] = computeLogLoss(labels, heldOut[method]);

  // The simplest method within the tolerance of the best: order-independent, unlike pairwise comparisons.
  const best = Math.min(...CALIBRATION_METHODS.map((m) => crossValidatedLogLoss[m]));
  const chosen = CALIBRATION_METHODS.find((m) => crossValidatedLogLoss[m] <= best + LOG_LOSS_TIE_TOLERANCE)!;
  return { calibrator: fitCalibratorWithMethod(chosen, logits, labels), rows: n, crossValidatedLogLoss, folds: k };
}
