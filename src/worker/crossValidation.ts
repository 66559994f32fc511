// The optional k-fold cross-validation after a run, shared by every model family: each fold is
// prepared afresh (cleaning and preprocessing fitted on its own training rows), fitted by the
// family's own code and graded on its held-out rows.
import { computeLogLoss } from '../core/metrics/binary';
import { aucFromRanked, ksFromRanked, rankScores } from '../core/metrics/rank';
import { prepareFolds, type FoldData } from '../core/pipeline';
import { yieldToEventLoop } from '../model/train';
import type { Dataset } from './datasets';
import { summariseCrossValidation } from './evaluation';
import type { CrossValidationSummary, TrainEvent, TrainRequest } from './protocol';

/** Fits a model on the fold's training rows and returns its calibrated probabilities of label 1 for the fold's test rows. */
export type FoldPredictor = (fold: FoldData) => Promise<Float64Array>;

/**
 * Stratified k-fold cross-validation (k = request.crossValidationFolds) of `predict` on `dataset`
 * with the run's preparation: mean ± sd of AUC, KS and log loss of the bad outcome; null when a fold
 * could not be prepared (said in a notice) or `signal` stopped it.
 */
export async function crossValidateWith(
  dataset: Dataset,
  request: TrainRequest,
  onEvent: (event: TrainEvent) => void,
  positiveIsBad: boolean,
  signal: AbortSignal,
  predict: FoldPredictor,
): Promise<CrossValidationSummary | null> {
  const folds = request.crossValidationFolds!;
  const prepared = prepareFolds(dataset.table, { ...request.prepare, folds });
  if (!prepared.ok) {
    onEvent({
      type: 'notice',
      message: `Cross-validation did not run: ${prepared.reason}`,
      notice: { code: 'crossValidation.notRun', reason: prepared.reason, problem: prepared.problem },
    });
    return null;
  }
  const results: { fold: number; auc: number; ks: number; logLoss: number }[] = [];
  for (let index = 0; index < folds && !signal.aborted; index++) {
    onEvent({ type: 'fold', fold: index + 1, folds });
    await yieldToEventLoop();
    const fold = prepared.data.prepareFold(index);
    if (!fold.ok) {
      onEvent({
        type: 'notice',
        message: `Cross-validation stopped at fold ${index + 1}: ${fold.reason}`,
        notice: { code: 'crossValidation.stopped', fold: index + 1, reason: fold.reason, problem: fold.problem },
      });
      return null;
    }
    const p = await predict(fold.data);
    const bad = positiveIsBad ? fold.data.test.y : fold.data.test.y.map((v) => 1 - v);
    const pBad = positiveIsBad ? p : p.map((v) => 1 - v);
    const ranked = rankScores(bad, pBad);
    results.push({ fold: index + 1, auc: aucFromRanked(ranked), ks: ksFromRanked(ranked).ks, logLoss: computeLogLoss(bad, pBad) });
  }
  if (results.length < folds) return null;
  return summariseCrossValidation(results);
}
