import { ensembleLogits, fitBoostedEnsemble } from '../core/boosting/ensemble';
import { DEFAULT_BOOSTING } from '../core/boosting/types';
import { applyCalibratorToAll } from '../core/calibration/calibrator';
import { materialise } from '../core/features/encodedRows';
import type { FoldData } from '../core/pipeline';
import { heldOutReport, type FoldReport } from './foldReport';

/**
 * Grows the boosted ensemble on the fold's training rows as the app does (one forest per
 * validation fold, calibrated on their out-of-fold logits) and measures it on the held-out rows.
 */
export function evaluateBoostedFold(fold: number, data: FoldData, positiveIsBad: boolean, seed: number): FoldReport {
  const started = performance.now();
  const fit = fitBoostedEnsemble(data.train, data.validationFolds, DEFAULT_BOOSTING, seed);
  const trainMs = Math.round(performance.now() - started);
  const p = applyCalibratorToAll(fit.calibration.calibrator, ensembleLogits(fit.forests, materialise(data.test), data.preprocessor.width));
  const pBad = positiveIsBad ? p : p.map((v) => 1 - v);
  return heldOutReport(fold, data, pBad, positiveIsBad, {
    members: fit.forests.length,
    epochsRun: fit.outcomes.map((o) => o.iterationsRun),
    bestEpochs: fit.outcomes.map((o) => o.bestIteration),
    calibration: `${fit.calibration.calibrator.method}, ${fit.start} start`,
    trainMs,
    features: data.report.features,
  });
}
