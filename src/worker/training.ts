import * as tf from '@tensorflow/tfjs';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { denseRows, firstRows, materialise } from '../core/features/encodedRows';
import { encodeApplicant, findOutsideTrainedRange, type ApplicantRecord, type Preprocessor } from '../core/features/preprocessor';
import { computeLogLoss } from '../core/metrics/binary';
import { aucFromRanked, ksFromRanked, rankScores } from '../core/metrics/rank';
import { prepareFolds } from '../core/pipeline';
import { DEFAULT_POINTS_SCALE, probabilityOfBad, type PointsScale } from '../core/scoring/points';
import type { Scorecard } from '../core/scorecard/types';
import { scoreApplicantOnScorecard, trainScorecard } from './scorecardTraining';
import { evaluateHeldOut, planCutoffs, type BadScores } from './evaluation';
import { currentTable } from './loading';
import { fail, ok, type Result } from '../core/result';
import { fallBackFrom, selectBackend } from '../model/backend';
import { fasterOnWarmUp, type BackendChoice, type BackendName } from '../model/backendChoice';
import { buildNetwork, disposeNetwork } from '../model/network';
import { trainWithFallback } from '../model/resilientTrain';
import { disposeScoringModel, fitScoringModel, predictCalibrated, type ScoringModel, type TrainMember } from '../model/scoringModel';
import { trainModel, TrainingDiverged } from '../model/train';
import type { PreparedData } from '../core/pipeline';
import { outcomeNames, prepare, summarise } from './preparing';
import type { ApplicantScore, CompareEntry, CompareOutcome, CrossValidationSummary, CutoffPlan, TrainEvent, TrainRequest, TrainSummary } from './protocol';

/** The trained model with everything scoring needs; the preprocessing and calibrator (or the scorecard's bins) are only ever applied, never refit. */
type TrainedModel = (
  | { readonly kind: 'network'; readonly model: ScoringModel; readonly preprocessor: Preprocessor }
  | { readonly kind: 'scorecard'; readonly scorecard: Scorecard; readonly preprocessor: Preprocessor }
) & {
  readonly positiveIsBad: boolean;
  /** Held-out test rows (labels 1 = bad, calibrated probabilities of bad): the slider's figures. */
  readonly test: BadScores;
  /** Validation or out-of-fold rows: where suggested cut-offs are searched. */
  readonly search: BadScores & { readonly source: 'validation' | 'out-of-fold' };
  /** Applicants whose probability of bad is below this are approved; kept with the model. */
  cutoff: number;
};

let trained: TrainedModel | null = null;
let stopRequested = false;

/** The wasm binaries, served from the app's own files so it works offline and from a sub-path. */
function wasmPaths() {
  return {
    'tfjs-backend-wasm.wasm': new URL(wasmPlainUrl, self.location.href).href,
    'tfjs-backend-wasm-simd.wasm': new URL(wasmSimdUrl, self.location.href).href,
    'tfjs-backend-wasm-threaded-simd.wasm': new URL(wasmThreadedUrl, self.location.href).href,
  };
}

// The preload in flight: training waits for it, so the two never switch tfjs's backend at once.
let preloading: Promise<BackendChoice | null> | null = null;

/**
 * Starts the automatic backend choice ahead of any training, so the wasm binaries are fetched and
 * compiled while the page is idle: after that, training needs no network (and starts sooner).
 */
export function preloadBackend(): Promise<BackendChoice | null> {
  preloading ??= selectBackend(wasmPaths(), 'auto').catch((error: unknown) => {
    console.warn('Preloading a tfjs backend failed; training will try again', error);
    return null;
  });
  return preloading;
}

// The models of the last comparison, by its keys: kept (weights and all) until a new run or file,
// so any of them can become the model in use.
const compared = new Map<string, TrainedModel>();

/** Drops the trained model and any compared ones (a new file was loaded, or a new run starts). */
export function forgetModel(): void {
  const models = new Set([...compared.values(), ...(trained ? [trained] : [])]);
  for (const model of models) if (model.kind === 'network') disposeScoringModel(model.model);
  compared.clear();
  trained = null;
}

/** Asks a running training to stop after the current batch; the best model so far is kept. */
export function requestStop(): void {
  stopRequested = true;
}

/** Labels as 1 = bad and probabilities as probabilities of bad, from labels and probabilities of label 1. */
function toBadScores(y: Float32Array, p: Float64Array, positiveIsBad: boolean): BadScores {
  return positiveIsBad ? { bad: y, pBad: p } : { bad: y.map((v) => 1 - v), pBad: p.map((v) => 1 - v) };
}

/** Prepares (or reuses) the data, trains the members on the chosen backend with fallback, calibrates on validation rows, and evaluates on the test rows. */
export async function train(request: TrainRequest, onEvent: (event: TrainEvent) => void): Promise<Result<TrainSummary>> {
  stopRequested = false;
  forgetModel();
  return trainOne(request, onEvent);
}

/**
 * Trains each request in turn on the same split (their preparations differ at most in how numeric
 * features are encoded, never in the seed), keeping every model; none is in use until
 * `useComparedModel` picks one. A run that fails is reported in its place and the others go on.
 */
export async function compareModels(entries: readonly CompareEntry[], onEvent: (key: string, event: TrainEvent) => void): Promise<Result<readonly CompareOutcome[]>> {
  stopRequested = false;
  forgetModel();
  const outcomes: CompareOutcome[] = [];
  for (const entry of entries) {
    if (stopRequested) break;
    const result = await trainOne(entry.request, (event) => onEvent(entry.key, event));
    if (result.ok && trained) {
      compared.set(entry.key, trained);
      outcomes.push({ key: entry.key, ok: true, summary: result.data });
    } else outcomes.push({ key: entry.key, ok: false, reason: result.ok ? 'The model was not kept.' : result.reason });
    trained = null;
  }
  return ok(outcomes);
}

/** Makes the compared model `key` the one in use (the planner, the cut-off and scoring follow it), at its default cut-off. */
export function useComparedModel(key: string): Result<string> {
  const model = compared.get(key);
  if (!model) return fail('That model is no longer kept; compare the models again.');
  model.cutoff = DEFAULT_CUTOFF;
  trained = model;
  return ok(key);
}

/** One run: prepares (or reuses) the data and trains the network or the scorecard; the previous model is left to the caller. */
async function trainOne(request: TrainRequest, onEvent: (event: TrainEvent) => void): Promise<Result<TrainSummary>> {
  const prepared = prepare(request.prepare);
  if (!prepared.ok) return prepared;
  const data = prepared.data;
  const width = data.preprocessor.width;
  onEvent({ type: 'prepared', summary: summarise(data, request.prepare) });
  if (request.model === 'scorecard') {
    // Plain JavaScript on the raw columns: no tfjs backend is chosen or started.
    const run = trainScorecard(data, request);
    if (!run.ok) return run;
    trained = {
      kind: 'scorecard',
      scorecard: run.data.scorecard,
      preprocessor: data.preprocessor,
      positiveIsBad: run.data.summary.positiveIsBad,
      test: run.data.test,
      search: run.data.search,
      cutoff: DEFAULT_CUTOFF,
    };
    return ok({ ...run.data.summary, defaultCutoff: DEFAULT_CUTOFF });
  }

  await preloading;
  let backend = await selectBackend(wasmPaths(), request.backend);
  // A real GPU is not always faster for a small network: race it against wasm on this model.
  if (request.backend === 'auto' && backend.name === 'webgl') backend = await raceBackends(data, request);
  if (tf.getBackend() !== backend.name) await tf.setBackend(backend.name);
  onEvent({ type: 'backend', backend });

  const trainMember: TrainMember = async (build, fit, validation, settings, hooks) => {
    const result = await trainWithFallback({
      build,
      train: fit,
      validation,
      width,
      settings,
      backend,
      fallBack: fallBackFrom,
      onBackend: (choice, notice) => {
        onEvent({ type: 'backend', backend: choice });
        onEvent({ type: 'notice', message: notice });
      },
      hooks,
    });
    backend = result.backend;
    return result;
  };
  let fitted;
  const started = performance.now();
  try {
    fitted = await fitScoringModel({ train: data.train, validationFolds: data.validationFolds, width }, request.network, request.settings, {
      trainMember,
      onMember: (member, members) => onEvent({ type: 'member', member, members }),
      hooks: {
        onEpoch: (report) => onEvent({ type: 'epoch', report }),
        onBatch: (progress) => onEvent({ type: 'batch', progress }),
        shouldStop: () => stopRequested,
        // A few progress messages a second are plenty for a person and keep the page idle.
        progressEveryMs: 250,
      },
    });
  } catch (error) {
    if (error instanceof TrainingDiverged) return fail('Training diverged (the loss stopped being a finite number). Try a lower learning rate.');
    throw error;
  }
  const elapsedMs = performance.now() - started;
  const probabilities = predictCalibrated(fitted.model, materialise(data.test));
  if (probabilities.some((p) => !Number.isFinite(p))) {
    disposeScoringModel(fitted.model);
    return fail('Training diverged (the model produced invalid numbers). Try a lower learning rate.');
  }
  // Which value is bad follows from the target, not from which one was chosen as positive.
  const outcome = outcomeNames(request.prepare);
  const positiveIsBad = outcome.bad === request.prepare.positive;
  const test = toBadScores(data.test.y, probabilities, positiveIsBad);
  const source = data.validation.kind === 'cross-fit' ? 'out-of-fold' : 'validation';
  const search = { ...toBadScores(fitted.validationLabels, fitted.validationProbabilities, positiveIsBad), source } as const;
  trained = { kind: 'network', model: fitted.model, preprocessor: data.preprocessor, positiveIsBad, test, search, cutoff: DEFAULT_CUTOFF };
  const crossValidation = request.crossValidationFolds && !stopRequested ? await crossValidate(request, onEvent, positiveIsBad) : null;
  const members = fitted.model.members.map((member, i) => ({
    member: i + 1,
    epochsRun: member.outcome.epochsRun,
    bestEpoch: member.outcome.bestEpoch,
    stoppedEarly: member.outcome.stoppedEarly,
  }));
  // Speed of the training loops themselves (as the live view shows it), not of the whole run with its
  // validation predictions and calibration.
  const samples = fitted.model.members.reduce((sum, member) => sum + (member.outcome.samplesPerSecond * member.outcome.elapsedMs) / 1000, 0);
  const loopMs = fitted.model.members.reduce((sum, member) => sum + member.outcome.elapsedMs, 0);
  const shifts = fitted.model.members.map((member) => (positiveIsBad ? member.logitShift : -member.logitShift));
  const trainBadRate = positiveIsBad ? data.trainPositiveRate : 1 - data.trainPositiveRate;
  return ok({
    model: 'network',
    scorecard: null,
    backend,
    preprocessor: data.preprocessor,
    evaluation: evaluateHeldOut(test, trainBadRate),
    positiveIsBad,
    outcome,
    calibration: {
      method: fitted.calibration.calibrator.method,
      fittedOn: source,
      rows: fitted.calibration.rows,
      crossValidatedLogLoss: fitted.calibration.crossValidatedLogLoss,
      classWeightShift: shifts.reduce((a, b) => a + b, 0) / shifts.length,
    },
    validation: data.validation,
    members,
    defaultCutoff: DEFAULT_CUTOFF,
    crossValidation,
    network: request.network,
    settings: request.settings,
    epochsRun: members.reduce((sum, member) => sum + member.epochsRun, 0),
    bestEpoch: members[members.length - 1].bestEpoch,
    stopped: fitted.stopped,
    stoppedEarly: members.every((member) => member.stoppedEarly),
    elapsedMs,
    samplesPerSecond: loopMs > 0 ? (samples / loopMs) * 1000 : 0,
    target: request.prepare.target,
    positive: request.prepare.positive,
    negative: request.prepare.negative,
  });
}

// A probability of bad of 50% or more is declined until the user picks another cut-off.
const DEFAULT_CUTOFF = 0.5;

/** Stratified k-fold cross-validation with the run's settings (each fold fitted and calibrated on its own training rows): mean ± sd of AUC, KS and log loss. */
async function crossValidate(request: TrainRequest, onEvent: (event: TrainEvent) => void, positiveIsBad: boolean): Promise<CrossValidationSummary | null> {
  const table = currentTable();
  const folds = request.crossValidationFolds!;
  if (!table) return null;
  const prepared = prepareFolds(table, { ...request.prepare, folds });
  if (!prepared.ok) {
    onEvent({ type: 'notice', message: `Cross-validation did not run: ${prepared.reason}` });
    return null;
  }
  const results: { fold: number; auc: number; ks: number; logLoss: number }[] = [];
  for (let index = 0; index < folds && !stopRequested; index++) {
    onEvent({ type: 'fold', fold: index + 1, folds });
    const fold = prepared.data.prepareFold(index);
    if (!fold.ok) {
      onEvent({ type: 'notice', message: `Cross-validation stopped at fold ${index + 1}: ${fold.reason}` });
      return null;
    }
    const width = fold.data.preprocessor.width;
    const fitted = await fitScoringModel({ train: fold.data.train, validationFolds: fold.data.validationFolds, width }, request.network, request.settings, {
      hooks: { shouldStop: () => stopRequested },
    });
    try {
      const { bad, pBad } = toBadScores(fold.data.test.y, predictCalibrated(fitted.model, materialise(fold.data.test)), positiveIsBad);
      const ranked = rankScores(bad, pBad);
      results.push({ fold: index + 1, auc: aucFromRanked(ranked), ks: ksFromRanked(ranked).ks, logLoss: computeLogLoss(bad, pBad) });
    } finally {
      disposeScoringModel(fitted.model);
    }
  }
  if (results.length < folds) return null;
  const stats = (values: number[]) => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return { mean, sd: Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1)) };
  };
  const auc = stats(results.map((r) => r.auc));
  const ks = stats(results.map((r) => r.ks));
  const logLoss = stats(results.map((r) => r.logLoss));
  return { folds: results, meanAuc: auc.mean, sdAuc: auc.sd, meanKs: ks.mean, sdKs: ks.sd, meanLogLoss: logLoss.mean, sdLogLoss: logLoss.sd };
}

/** The cut-off planner: the test rows' table, and cut-offs for maximum profit, maximum KS and a target approval rate searched on the validation (or out-of-fold) rows. */
export function cutoffPlan(profitPerGood: number, lossPerBad: number, targetApprovalRate: number): Result<CutoffPlan> {
  if (!trained) return fail('Train a model first.');
  if (!(targetApprovalRate >= 0 && targetApprovalRate <= 1)) return fail('The target approval rate must be between 0% and 100%.');
  return ok(planCutoffs(trained.test, trained.search, { profitPerGood, lossPerBad }, targetApprovalRate));
}

/** Keeps `cutoff` (on the probability of bad) with the model; scoring decides with it. */
export function setCutoff(cutoff: number): Result<number> {
  if (!trained) return fail('Train a model first.');
  if (!(cutoff >= 0 && cutoff <= 1)) return fail('The cut-off must be between 0 and 1.');
  trained.cutoff = cutoff;
  return ok(cutoff);
}

// Rows used to time each backend before choosing one.
const WARM_UP_BATCHES = 20;

/** Trains the actual model shape for a few batches on webgl and on wasm and keeps the faster. */
async function raceBackends(data: PreparedData, request: TrainRequest): Promise<BackendChoice> {
  const width = data.preprocessor.width;
  const rows = Math.min(data.train.rows, WARM_UP_BATCHES * request.settings.batchSize);
  const sample = firstRows(data.train, rows);
  const speeds: Partial<Record<BackendName, number>> = {};
  for (const name of ['webgl', 'wasm'] as const) {
    try {
      if (!(await tf.setBackend(name))) continue;
      const network = buildNetwork(width, request.network);
      // The first pass compiles kernels (shaders on webgl); time the second.
      await trainModel(network, sample, NO_ROWS, width, { ...request.settings, epochs: 1, patience: null });
      const timed = await trainModel(network, sample, NO_ROWS, width, { ...request.settings, epochs: 1, patience: null });
      speeds[name] = timed.samplesPerSecond;
      disposeNetwork(network);
    } catch (error) {
      console.warn(`Warm-up on ${name} failed`, error);
    }
  }
  return fasterOnWarmUp(speeds.webgl ?? 0, speeds.wasm ?? 0);
}

const NO_ROWS = denseRows(new Float32Array(0), new Float32Array(0), 0);

/**
 * Scores one applicant with the stored preprocessing and calibrator (never refit): the probability
 * of bad, and any value outside the trained range of a 'drop' rule. A scorecard scores with the
 * integer points of the applicant's bins on `scale`: the probability follows from their total.
 */
export function score(record: ApplicantRecord, scale: PointsScale = DEFAULT_POINTS_SCALE): Result<ApplicantScore> {
  if (!trained) return fail('Train a model first.');
  if (trained.kind === 'scorecard') {
    const scored = scoreApplicantOnScorecard(trained.scorecard, record, scale, trained.preprocessor.decimal);
    if (!scored.ok) return scored;
    return ok({ ...scored.data, outsideTrainedRange: findOutsideTrainedRange(trained.preprocessor, record) });
  }
  let x: Float32Array;
  try {
    x = encodeApplicant(trained.preprocessor, record);
  } catch (error) {
    return fail((error as Error).message);
  }
  const probability = predictCalibrated(trained.model, x)[0];
  return ok({ probabilityOfBad: probabilityOfBad(probability, trained.positiveIsBad), outsideTrainedRange: findOutsideTrainedRange(trained.preprocessor, record) });
}
