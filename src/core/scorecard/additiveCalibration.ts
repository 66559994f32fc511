// Choosing the scorecard's calibration from out-of-fold logits. Only 'none' and 'platt' are candidates:
// both are affine in the logit, so folding them into the coefficients keeps the log-odds a sum of
// per-bin points. Isotonic regression (which calibrator.ts also offers) is a step function of the
// total and would break that additivity, so it is excluded here on purpose.

import { applyCalibrator, fitCalibratorWithMethod, LOG_LOSS_TIE_TOLERANCE, MIN_ROWS_FOR_CROSS_VALIDATION } from '../calibration/calibrator';
import { sigmoid } from '../calibration/logistic';
import { computeLogLoss } from '../metrics/binary';
import { stratifiedKFold } from '../split/kfold';
import type { ScorecardCalibration } from './types';

// With a single validation fold the out-of-fold logits are split again to score Platt on rows it
// was not fitted on; a fixed seed keeps a refit reproducible.
const SINGLE_FOLD_SPLIT_SEED = 20240601;
const SINGLE_FOLD_SPLITS = 5;

/**
 * The calibration for out-of-fold `logits` (log-odds of bad) with 0/1 `labels`; `foldOf[i]` is the
 * validation fold (0 … folds − 1) that produced logits[i]. Each fold's Platt scaling is fitted on the
 * other folds' logits and scored on its own (with one fold: on a seeded stratified re-split of it), so
 * both methods are judged on rows they did not see; Platt must beat 'none' by more than
 * LOG_LOSS_TIE_TOLERANCE, and is then refitted on all the logits. With no folds, or fewer than
 * MIN_ROWS_FOR_CROSS_VALIDATION rows or two rows of the rarer class, it is 'none' (as fitted).
 */
export function chooseAdditiveCalibration(logits: Float64Array, labels: ArrayLike<number>, foldOf: Int32Array, folds: number): ScorecardCalibration {
  const n = logits.length;
  if (labels.length !== n || foldOf.length !== n) throw new RangeError(`Got ${n} logits, ${labels.length} labels and ${foldOf.length} fold numbers.`);
  const asFitted = (reason: ScorecardCalibration['reason']): ScorecardCalibration => ({ method: 'none', a: 1, b: 0, reason, folds, rows: n, outOfFoldLogLoss: null });
  if (folds === 0) return asFitted('no-folds');
  let bads = 0;
  for (let i = 0; i < n; i++) bads += labels[i];
  const rarer = Math.min(bads, n - bads);
  if (n < MIN_ROWS_FOR_CROSS_VALIDATION || rarer < 2) return asFitted('too-few-rows');

  const groups = folds >= 2 ? groupsOf(foldOf, folds) : stratifiedKFold(labels, Math.min(SINGLE_FOLD_SPLITS, rarer), SINGLE_FOLD_SPLIT_SEED);
  const asIs = new Float64Array(n);
  const platt = new Float64Array(n);
  for (let i = 0; i < n; i++) asIs[i] = sigmoid(logits[i]);
  for (let g = 0; g < groups.length; g++) {
    const train = groups.flatMap((members, h) => (h === g ? [] : Array.from(members)));
    const calibrator = fitCalibratorWithMethod(
      'platt',
      train.map((i) => logits[i]),
      train.map((i) => labels[i]),
    );
    for (const i of groups[g]) platt[i] = applyCalibrator(calibrator, logits[i]);
  }
  const outOfFoldLogLoss = { none: computeLogLoss(labels, asIs), platt: computeLogLoss(labels, platt) };
  if (!(outOfFoldLogLoss.platt < outOfFoldLogLoss.none - LOG_LOSS_TIE_TOLERANCE)) return { ...asFitted('compared'), outOfFoldLogLoss };
  const fitted = fitCalibratorWithMethod('platt', logits, labels);
  if (fitted.method !== 'platt') throw new Error('Platt scaling did not return Platt parameters.');
  return { method: 'platt', a: fitted.a, b: fitted.b, reason: 'compared', folds, rows: n, outOfFoldLogLoss };
}

/** Indices of the entries of each fold, ascending. */
function groupsOf(foldOf: Int32Array, folds: number): Int32Array[] {
  const members: number[][] = Array.from({ length: folds }, () => []);
  for (let i = 0; i < foldOf.length; i++) {
    const f = foldOf[i];
    if (!(Number.isInteger(f) && f >= 0 && f < folds)) throw new RangeError(`Entry ${i} is in fold ${f}; folds are 0 … ${folds - 1}.`);
    members[f].push(i);
  }
  return members.map((m) => Int32Array.from(m));
}
