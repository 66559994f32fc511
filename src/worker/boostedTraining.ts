// Boosted-tree runs in the worker: the pure core grows the forests on the training rows' encoded
// inputs (one per validation fold, stopped on its own fold), and this module drives it a tree at a
// time, yielding so Stop gets through, reports each tree to the live chart as an "epoch", and grades
// the model on the test rows exactly as a network is graded.
import { boostedEnsembleSteps, ensembleLogits, fitBoostedEnsemble } from '../core/boosting/ensemble';
import { DEFAULT_BOOSTING } from '../core/boosting/types';
import type { BoostedModel } from '../core/bundle/types';
import { applyCalibratorToAll } from '../core/calibration/calibrator';
import { materialise } from '../core/features/encodedRows';
import type { PreparedData } from '../core/pipeline';
import { failWith, ok, type Result } from '../core/result';
import { yieldToEventLoop } from '../model/train';
import { BOOSTED_BACKEND } from './bundleSummary';
import type { Dataset } from './datasets';
import { crossValidateWith } from './crossValidation';
import { evaluateHeldOut, type BadScores } from './evaluation';
import { outcomeNames } from './preparing';
import type { CrossValidationSummary, TrainEvent, TrainRequest, TrainSummary } from './protocol';

/** A fitted boosted run: the model, its summary for the UI (without the default cut-off), and the rows the planner grades and searches on. */
export interface BoostedFit {
  readonly model: BoostedModel;
  readonly summary: Omit<TrainSummary, 'defaultCutoff'>;
  readonly test: BadScores;
  readonly search: BadScores & { readonly source: 'validation' | 'out-of-fold' };
}

// Give the worker's event loop a turn this often (a Stop message, progress going out).
const YIELD_EVERY_MS = 25;
// Trees come 50–200 a second: the live chart gets one at most this often (and each member's last), so the page re-renders a few times a second.
const REPORT_EVERY_MS = 100;

/** Labels as 1 = bad and probabilities as probabilities of bad, from labels and probabilities of label 1. */
function toBadScores(y: Float32Array, p: Float64Array, positiveIsBad: boolean): BadScores {
  return positiveIsBad ? { bad: y, pBad: p } : { bad: y.map((v) => 1 - v), pBad: p.map((v) => 1 - v) };
}

/** The calibrated probabilities of label 1 that `model` gives the rows of row-major `x`. */
export function boostedProbabilities(model: BoostedModel, x: Float32Array): Float64Array {
  return applyCalibratorToAll(model.calibrator, ensembleLogits(model.forests, x, model.inputWidth));
}

/**
 * Grows the boosted ensemble on the preparation's training rows (standardised inputs), reporting
 * each tree as an epoch of its member, and grades it on the test rows. An aborted `signal` stops
 * after the current tree and keeps the forests grown so far, each cut back to its best tree count.
 */
export async function trainBoosted(
  dataset: Dataset,
  data: PreparedData,
  request: TrainRequest,
  onEvent: (event: TrainEvent) => void,
  signal: AbortSignal,
): Promise<Result<BoostedFit>> {
  const started = performance.now();
  const settings = DEFAULT_BOOSTING;
  onEvent({ type: 'backend', backend: BOOSTED_BACKEND });
  const steps = boostedEnsembleSteps(data.train, data.validationFolds, settings, request.prepare.seed, () => signal.aborted);
  let member = 0;
  let start = '';
  let memberStarted = performance.now();
  let lastYield = performance.now();
  let lastReport = 0;
  let step;
  try {
    step = steps.next();
    while (!step.done) {
      const progress = step.value;
      // A member grown from both starts draws its second forest as a fresh curve.
      if (progress.member !== member || progress.start !== start) {
        member = progress.member;
        start = progress.start;
        memberStarted = performance.now();
        onEvent({ type: 'member', member, members: progress.members, sideBySide: 1 });
      }
      const elapsedMs = performance.now() - memberStarted;
      const next = steps.next();
      const memberEnds = next.done || next.value.member !== member || next.value.start !== start;
      if (memberEnds || performance.now() - lastReport >= REPORT_EVERY_MS) {
        lastReport = performance.now();
        onEvent({
          type: 'epoch',
          member,
          report: {
            epoch: progress.iteration,
            epochs: progress.maxIterations,
            loss: progress.fitLogLoss,
            valLoss: Number.isFinite(progress.validationLogLoss) ? progress.validationLogLoss : null,
            valAuc: null,
            elapsedMs,
            samplesPerSecond: elapsedMs > 0 ? (data.train.rows * progress.iteration * 1000) / elapsedMs : 0,
          },
        });
      }
      if (performance.now() - lastYield > YIELD_EVERY_MS) {
        await yieldToEventLoop();
        lastYield = performance.now();
      }
      step = next;
    }
  } catch (error) {
    console.error('Growing the boosted trees failed', error);
    return failWith('boosted.fitFailed', {});
  }
  const fit = step.value;
  const elapsedMs = performance.now() - started;
  const model: BoostedModel = {
    kind: 'boosted',
    inputWidth: data.preprocessor.width,
    forests: fit.forests,
    calibrator: fit.calibration.calibrator,
    start: fit.start,
    settings,
  };
  const probabilities = boostedProbabilities(model, materialise(data.test));
  if (probabilities.some((p) => !Number.isFinite(p))) return failWith('boosted.invalidNumbers', {});
  const outcome = outcomeNames(request.prepare);
  const positiveIsBad = outcome.bad === request.prepare.positive;
  const test = toBadScores(data.test.y, probabilities, positiveIsBad);
  const source = data.validation.kind === 'cross-fit' ? 'out-of-fold' : 'validation';
  const search = { ...toBadScores(fit.validationLabels, applyCalibratorToAll(model.calibrator, fit.validationLogits), positiveIsBad), source } as const;
  const members = fit.outcomes.map((o, i) => ({ member: i + 1, epochsRun: o.iterationsRun, bestEpoch: o.bestIteration, stoppedEarly: o.iterationsRun < settings.maxIterations }));
  const crossValidation = request.crossValidationFolds && !signal.aborted ? await crossValidate(dataset, request, onEvent, positiveIsBad, signal) : null;
  const trainBadRate = positiveIsBad ? data.trainPositiveRate : 1 - data.trainPositiveRate;
  const trees = fit.outcomes.reduce((n, o) => n + o.iterationsRun, 0);
  const summary: BoostedFit['summary'] = {
    model: 'boosted',
    scorecard: null,
    backend: BOOSTED_BACKEND,
    preprocessor: data.preprocessor,
    evaluation: evaluateHeldOut(test, trainBadRate),
    positiveIsBad,
    outcome,
    calibration: {
      method: fit.calibration.calibrator.method,
      fittedOn: source,
      rows: fit.calibration.rows,
      crossValidatedLogLoss: fit.calibration.crossValidatedLogLoss,
      classWeightShift: 0,
    },
    validation: data.validation,
    members,
    crossValidation,
    network: request.network,
    settings: request.settings,
    epochsRun: trees,
    bestEpoch: members.length > 0 ? members[members.length - 1].bestEpoch : 0,
    stopped: signal.aborted,
    stoppedEarly: members.every((m) => m.stoppedEarly),
    elapsedMs,
    samplesPerSecond: elapsedMs > 0 ? (data.train.rows * trees * 1000) / elapsedMs : 0,
    target: request.prepare.target,
    positive: request.prepare.positive,
    negative: request.prepare.negative,
  };
  return ok({ model, summary, test, search });
}

/** Stratified k-fold cross-validation of the boosted model with the run's preparation (each fold fitted and calibrated on its own training rows). */
function crossValidate(
  dataset: Dataset,
  request: TrainRequest,
  onEvent: (event: TrainEvent) => void,
  positiveIsBad: boolean,
  signal: AbortSignal,
): Promise<CrossValidationSummary | null> {
  return crossValidateWith(dataset, request, onEvent, positiveIsBad, signal, async (fold) => {
    const fit = fitBoostedEnsemble(fold.train, fold.validationFolds, DEFAULT_BOOSTING, request.prepare.seed);
    return applyCalibratorToAll(fit.calibration.calibrator, ensembleLogits(fit.forests, materialise(fold.test), fold.preprocessor.width));
  });
}
