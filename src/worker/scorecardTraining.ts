// Scorecard runs in the worker: the pure core fits the bins and the regression on the training rows
// (raw columns, no tfjs), and this module grades it on the test rows exactly as a network is graded,
// so the metrics panel, the cut-off planner and the form take either model.
import type { Binning } from '../core/binning/types';
import { numericBinIndex } from '../core/binning';
import { isMissingMarker, parseNumberCell, type DecimalMark } from '../core/csv/cells';
import type { ApplicantRecord } from '../core/features/preprocessor';
import type { PreparedData } from '../core/pipeline';
import { failWith, ok, type Result } from '../core/result';
import { fitScorecard } from '../core/scorecard/fitScorecard';
import { scoreOfRecord, scorecardPoints, scorecardProbabilityOfRows } from '../core/scorecard/scorecardPoints';
import type { Scorecard } from '../core/scorecard/types';
import { asPoints, DEFAULT_POINTS_SCALE, probabilityFromPoints, type PointsScale } from '../core/scoring/points';
import { trainingBadRows } from './characteristics';
import { evaluateHeldOut, type BadScores } from './evaluation';
import { outcomeNames } from './preparing';
import type { ApplicantBin, ApplicantScore, TrainRequest, TrainSummary } from './protocol';

/** A fitted scorecard run: the model, its summary for the UI (without the default cut-off), and the rows the planner grades and searches on. */
export interface ScorecardFit {
  readonly scorecard: Scorecard;
  readonly summary: Omit<TrainSummary, 'defaultCutoff'>;
  readonly test: BadScores;
  readonly search: BadScores & { readonly source: 'validation' | 'out-of-fold' };
}

/** Fits a scorecard on the preparation's training rows (the user's edited bins where given) and grades it on the test rows on the request's points scale. */
export function trainScorecard(data: PreparedData, request: TrainRequest): Result<ScorecardFit> {
  const started = performance.now();
  const outcome = outcomeNames(request.prepare);
  const positiveIsBad = outcome.bad === request.prepare.positive;
  const scale = request.scorecard?.scale ?? DEFAULT_POINTS_SCALE;
  const features = data.report.features;
  const overrides = new Map<string, Binning>();
  for (const binning of request.scorecard?.binningOverrides ?? []) if (features.includes(binning.column)) overrides.set(binning.column, binning);
  const { rows, bad } = trainingBadRows(data, request.prepare);
  let fitted;
  try {
    fitted = fitScorecard(data.source, rows, bad, data.validationFolds, { features, binningOverrides: overrides });
  } catch (error) {
    console.error('Fitting the scorecard failed', error);
    return failWith('scorecard.fitFailed', {});
  }
  const scorecard = fitted;
  const pBad = scorecardProbabilityOfRows(scorecard, data.source, data.testTableRows, scale);
  const testBad = new Float32Array(data.test.y.length);
  for (let i = 0; i < testBad.length; i++) testBad[i] = (data.test.y[i] === 1) === positiveIsBad ? 1 : 0;
  const test: BadScores = { bad: testBad, pBad: Float64Array.from(pBad) };
  const source = data.validation.kind === 'cross-fit' ? 'out-of-fold' : 'validation';
  const search = { ...outOfFoldScores(scorecard, data, rows, bad, overrides, scale), source } as const;
  const elapsedMs = performance.now() - started;
  const trainBadRate = positiveIsBad ? data.trainPositiveRate : 1 - data.trainPositiveRate;
  const summary: ScorecardFit['summary'] = {
    model: 'scorecard',
    scorecard: {
      scorecard,
      scale,
      editedCharacteristics: scorecard.characteristics.filter((c) => c.edited).map((c) => c.column),
      search: search.bad.length > 0 ? { source, rows: search.bad.length } : null,
    },
    backend: { name: 'cpu', reason: 'plain JavaScript: a scorecard needs no tfjs backend' },
    preprocessor: data.preprocessor,
    evaluation: evaluateHeldOut(test, trainBadRate),
    positiveIsBad,
    outcome,
    calibration: {
      method: scorecard.calibration.method,
      fittedOn: source,
      rows: scorecard.calibration.rows,
      crossValidatedLogLoss: scorecard.calibration.outOfFoldLogLoss ?? {},
      classWeightShift: 0,
    },
    validation: data.validation,
    members: [],
    crossValidation: null,
    network: request.network,
    settings: request.settings,
    epochsRun: 0,
    bestEpoch: 0,
    stopped: false,
    stoppedEarly: false,
    elapsedMs,
    samplesPerSecond: 0,
    target: request.prepare.target,
    positive: request.prepare.positive,
    negative: request.prepare.negative,
  };
  return ok({ scorecard, summary, test, search });
}

/**
 * Probabilities of bad of the validation rows, each from a scorecard that never saw its fold: the
 * fit does cross-fit its folds to choose the calibration, but keeps those logits to itself, so they
 * are recomputed here the same way (the kept characteristics, bins refitted on the other folds,
 * edited bins as given, no calibration of their own), then put through the final scorecard's
 * calibration map and scored in whole points on `scale`, as the test rows are. Cut-offs are
 * searched on these, never on the test rows.
 */
function outOfFoldScores(scorecard: Scorecard, data: PreparedData, rows: Int32Array, bad: Uint8Array, overrides: ReadonlyMap<string, Binning>, scale: PointsScale): BadScores {
  const folds = data.validationFolds;
  let total = 0;
  for (const fold of folds) total += fold.length;
  const out: BadScores = { bad: new Float32Array(total), pBad: new Float64Array(total) };
  const features = scorecard.characteristics.map((c) => c.column);
  const { a, b } = scorecard.calibration;
  const inFold = new Uint8Array(rows.length);
  let at = 0;
  for (const fold of folds) {
    inFold.fill(0);
    for (const p of fold) inFold[p] = 1;
    const fitRows = new Int32Array(rows.length - fold.length);
    const fitBad = new Uint8Array(fitRows.length);
    for (let p = 0, k = 0; p < rows.length; p++) {
      if (inFold[p]) continue;
      fitRows[k] = rows[p];
      fitBad[k++] = bad[p];
    }
    // Every kept characteristic stays in (IV floor 0, no correlation ceiling): only the bins and coefficients are refitted.
    const partial = fitScorecard(data.source, fitRows, fitBad, [], { features, binningOverrides: overrides, minIv: 0, maxCorrelation: 1 });
    const calibrated: Scorecard = {
      ...partial,
      intercept: a * partial.intercept + b,
      characteristics: partial.characteristics.map((c) => ({ ...c, coefficient: a * c.coefficient })),
    };
    const p = scorecardProbabilityOfRows(
      calibrated,
      data.source,
      Int32Array.from(fold, (q) => rows[q]),
      scale,
    );
    for (let i = 0; i < fold.length; i++, at++) {
      out.bad[at] = bad[fold[i]];
      out.pBad[at] = p[i];
    }
  }
  return out;
}

/** The bin of `binning` an applicant's answer falls into (−1: the missing bin): a blank answer is a missing cell. */
export function applicantBinIndex(binning: Binning, raw: string | undefined, decimal: DecimalMark): number {
  const text = raw ?? '';
  if (binning.kind === 'categorical') {
    // As the core reads an answer: a level as typed, else trimmed, before the missing markers (a level may be spelt "None"); any other text is unseen.
    const groupOf = (level: string) => binning.groups.findIndex((g) => g.levels.includes(level));
    const known = groupOf(text) >= 0 ? groupOf(text) : groupOf(text.trim());
    if (known >= 0) return known;
    return isMissingMarker(text) ? -1 : binning.unseenGroup;
  }
  if (isMissingMarker(text)) return -1;
  return numericBinIndex(binning, parseNumberCell(text, decimal));
}

/** The applicant's bin per characteristic, and the probability of bad from the total of their integer points on `scale`. */
export function scoreApplicantOnScorecard(
  scorecard: Scorecard,
  record: ApplicantRecord,
  scale: PointsScale,
  decimal: DecimalMark,
): Result<Omit<ApplicantScore, 'outsideTrainedRange'>> {
  const table = scorecardPoints(scorecard, scale);
  const bins: ApplicantBin[] = [];
  let total = 0;
  for (const characteristic of scorecard.characteristics) {
    const raw = record[characteristic.column];
    const binIndex = applicantBinIndex(characteristic.binning, raw, decimal);
    if (characteristic.binning.kind === 'numeric' && binIndex === -1 && !isMissingMarker(raw ?? ''))
      return failWith('scorecard.notNumber', { value: raw ?? '', column: characteristic.column });
    const row = table.rows.find((r) => r.characteristic === characteristic.column && r.binIndex === binIndex);
    if (!row) return failWith('scorecard.noPoints', { column: characteristic.column });
    bins.push({ characteristic: characteristic.column, binIndex });
    total += row.points;
  }
  // The core's own score of the answers must be the same whole number: one reading of the bins.
  const check = scoreOfRecord(scorecard, record, scale, decimal);
  if (check !== total) console.error(`Scorecard points disagree: ${total} from the bins, ${check} from the answers`, record);
  return ok({ probabilityOfBad: probabilityFromPoints(asPoints(total), scale), scorecardBins: bins });
}
