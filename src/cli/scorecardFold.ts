import { binLabel, ivStrength, type Binning } from '../core/binning';
import type { FoldData } from '../core/pipeline';
import { fitScorecard, scorecardProbabilityOfRows, type Scorecard } from '../core/scorecard';
import { DEFAULT_POINTS_SCALE } from '../core/scoring/points';
import { heldOutReport, type FoldReport } from './foldReport';

/** One characteristic of a fitted scorecard as the command prints it: its IV with the usual reading, and its bins. */
export interface CharacteristicReport {
  readonly column: string;
  readonly iv: number;
  readonly reading: string;
  readonly coefficient: number;
  readonly bins: readonly { readonly bin: string; readonly count: number; readonly bads: number; readonly badRate: number; readonly woe: number }[];
}

const round = (value: number) => Math.round(value * 1e4) / 1e4;

/**
 * Fits the scorecard on the fold's training rows as the app does (binning, selection, logistic
 * regression on WoE, additive calibration on the validation folds) and measures it on the fold's
 * held-out rows; probabilities come from the integer points on the default scale, as the app shows.
 */
export function evaluateScorecardFold(fold: number, data: FoldData, positiveIsBad: boolean): { report: FoldReport; scorecard: Scorecard } {
  const started = performance.now();
  const bad = Uint8Array.from(data.train.y, (y) => (positiveIsBad ? y : 1 - y));
  const scorecard = fitScorecard(data.source, data.trainTableRows, bad, data.validationFolds, { features: data.report.features });
  const trainMs = Math.round(performance.now() - started);
  const pBad = scorecardProbabilityOfRows(scorecard, data.source, data.testTableRows, DEFAULT_POINTS_SCALE);
  const report = heldOutReport(fold, data, pBad, positiveIsBad, {
    members: 1,
    epochsRun: [scorecard.regression.iterations],
    bestEpochs: [scorecard.regression.iterations],
    calibration: scorecard.calibration.method,
    trainMs,
    features: scorecard.characteristics.map((c) => c.column),
  });
  return { report, scorecard };
}

/** The scorecard's characteristics with their IV and bins (the missing bin last, when training had missing cells). */
export function characteristicsOf(scorecard: Scorecard): CharacteristicReport[] {
  return scorecard.characteristics.map(({ column, binning, coefficient }) => ({
    column,
    iv: round(binning.iv),
    reading: ivStrength(binning.iv),
    coefficient: round(coefficient),
    bins: binsOf(binning),
  }));
}

function binsOf(binning: Binning): CharacteristicReport['bins'] {
  const stats = binning.kind === 'numeric' ? binning.bins : binning.groups.map((g) => g.stats);
  const rows = stats.map((s, i) => ({ bin: binLabel(binning, i), count: s.count, bads: s.bads, badRate: round(s.badRate), woe: round(s.woe) }));
  if (binning.missing.count > 0)
    rows.push({ bin: binLabel(binning, -1), count: binning.missing.count, bads: binning.missing.bads, badRate: round(binning.missing.badRate), woe: round(binning.missing.woe) });
  return rows;
}
