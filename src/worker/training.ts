import * as tf from '@tensorflow/tfjs';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { denseRows, firstRows, materialise } from '../core/features/encodedRows';
import { encodeApplicant, type ApplicantRecord, type Preprocessor } from '../core/features/preprocessor';
import { badOutcome } from '../core/columns/target';
import { aucFromRanked, ksFromRanked, rankScores } from '../core/metrics/rank';
import { prepareFolds } from '../core/pipeline';
import { DEFAULT_POINTS_SCALE, pointsFromProbability, probabilityOfBad, type PointsScale } from '../core/scoring/points';
import { evaluateHeldOut, planCutoffs } from './evaluation';
import { currentTable } from './loading';
import { fail, ok, type Result } from '../core/result';
import { fallBackFrom, selectBackend } from '../model/backend';
import { fasterOnWarmUp, type BackendChoice, type BackendName } from '../model/backendChoice';
import { buildNetwork, disposeNetwork, predictProbabilities } from '../model/network';
import { trainWithFallback } from '../model/resilientTrain';
import { trainModel, TrainingDiverged } from '../model/train';
import type { PreparedData } from '../core/pipeline';
import { prepare, summarise } from './preparing';
import type { ApplicantScore, CrossValidationSummary, CutoffPlan, TrainEvent, TrainRequest, TrainSummary } from './protocol';

/** The trained model with everything scoring needs; the preprocessing is only ever applied, never refit. */
interface TrainedModel {
  readonly model: tf.LayersModel;
  readonly preprocessor: Preprocessor;
  readonly positiveIsBad: boolean;
  /** Held-out labels and probabilities, for the cut-off planner. */
  readonly testLabels: Float32Array;
  readonly testProbabilities: Float32Array;
  /** Applicants whose probability of bad is below this are approved; kept with the model. */
  cutoff: number;
}

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

/** Drops the trained model (a new file was loaded). */
export function forgetModel(): void {
  if (trained) disposeNetwork(trained.model);
  trained = null;
}

/** Asks a running training to stop after the current batch; the best model so far is kept. */
export function requestStop(): void {
  stopRequested = true;
}

/** Prepares (or reuses) the data, trains on the chosen backend with fallback, and evaluates on the test rows. */
export async function train(request: TrainRequest, onEvent: (event: TrainEvent) => void): Promise<Result<TrainSummary>> {
  stopRequested = false;
  const prepared = prepare(request.prepare);
  if (!prepared.ok) return prepared;
  const data = prepared.data;
  const width = data.preprocessor.width;
  onEvent({ type: 'prepared', summary: summarise(data) });

  await preloading;
  let backend = await selectBackend(wasmPaths(), request.backend);
  // A real GPU is not always faster for a small network: race it against wasm on this model.
  if (request.backend === 'auto' && backend.name === 'webgl') backend = await raceBackends(data, request);
  if (tf.getBackend() !== backend.name) await tf.setBackend(backend.name);
  onEvent({ type: 'backend', backend });

  forgetModel();
  let result;
  try {
    result = await trainWithFallback({
    build: () => buildNetwork(width, request.network),
    train: data.train,
    validation: data.validation,
    width,
    settings: request.settings,
    backend,
    fallBack: fallBackFrom,
    onBackend: (choice, notice) => {
      onEvent({ type: 'backend', backend: choice });
      onEvent({ type: 'notice', message: notice });
    },
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
  const { model: network, outcome } = result;
  backend = result.backend;
  const probabilities = predictProbabilities(network, materialise(data.test), width);
  if (probabilities.some((p) => !Number.isFinite(p))) {
    disposeNetwork(network);
    return fail('Training diverged (the model produced invalid numbers). Try a lower learning rate.');
  }
  // Which value is bad follows from the target, not from which one was chosen as positive.
  const { target, positive, negative } = request.prepare;
  const positiveIsBad = positive === badOutcome(target, positive, negative);
  trained = { model: network, preprocessor: data.preprocessor, positiveIsBad, testLabels: data.test.y, testProbabilities: probabilities, cutoff: DEFAULT_CUTOFF };
  const crossValidation = request.crossValidationFolds && !stopRequested ? await crossValidate(request, onEvent) : null;
  return ok({
    backend,
    preprocessor: data.preprocessor,
    evaluation: evaluateHeldOut(data.test.y, probabilities, data.trainPositiveRate),
    positiveIsBad,
    crossValidation,
    network: request.network,
    settings: request.settings,
    epochsRun: outcome.epochsRun,
    bestEpoch: outcome.bestEpoch,
    stopped: outcome.stopped,
    stoppedEarly: outcome.stoppedEarly,
    elapsedMs: outcome.elapsedMs,
    samplesPerSecond: outcome.samplesPerSecond,
    target: request.prepare.target,
    positive: request.prepare.positive,
    negative: request.prepare.negative,
  });
}

// A probability of bad of 50% or more is declined until the user picks another cut-off.
const DEFAULT_CUTOFF = 0.5;

/** Stratified k-fold cross-validation with the run's settings: mean ± sd of AUC and KS. */
async function crossValidate(request: TrainRequest, onEvent: (event: TrainEvent) => void): Promise<CrossValidationSummary | null> {
  const table = currentTable();
  const folds = request.crossValidationFolds!;
  if (!table) return null;
  const prepared = prepareFolds(table, { ...request.prepare, folds });
  if (!prepared.ok) {
    onEvent({ type: 'notice', message: `Cross-validation did not run: ${prepared.reason}` });
    return null;
  }
  const results: { fold: number; auc: number; ks: number }[] = [];
  for (let index = 0; index < folds && !stopRequested; index++) {
    onEvent({ type: 'fold', fold: index + 1, folds });
    const fold = prepared.data.prepareFold(index);
    if (!fold.ok) {
      onEvent({ type: 'notice', message: `Cross-validation stopped at fold ${index + 1}: ${fold.reason}` });
      return null;
    }
    const width = fold.data.preprocessor.width;
    const network = buildNetwork(width, request.network);
    try {
      await trainModel(network, fold.data.train, fold.data.validation, width, request.settings, { shouldStop: () => stopRequested });
      const ranked = rankScores(fold.data.test.y, predictProbabilities(network, materialise(fold.data.test), width));
      results.push({ fold: index + 1, auc: aucFromRanked(ranked), ks: ksFromRanked(ranked).ks });
    } finally {
      disposeNetwork(network);
    }
  }
  if (results.length < folds) return null;
  const stats = (values: number[]) => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return { mean, sd: Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1)) };
  };
  const auc = stats(results.map((r) => r.auc));
  const ks = stats(results.map((r) => r.ks));
  return { folds: results, meanAuc: auc.mean, sdAuc: auc.sd, meanKs: ks.mean, sdKs: ks.sd };
}

/** The cut-off planner for the trained model's held-out rows. */
export function cutoffPlan(profitPerGood: number, lossPerBad: number): Result<CutoffPlan> {
  if (!trained) return fail('Train a model first.');
  return ok(planCutoffs(trained.testLabels, trained.testProbabilities, { positiveIsBad: trained.positiveIsBad, profitPerGood, lossPerBad }));
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

/** Scores one applicant with the stored preprocessing (never refit): probability, points and the decision at the model's cut-off. */
export function score(record: ApplicantRecord, scale: PointsScale = DEFAULT_POINTS_SCALE): Result<ApplicantScore> {
  if (!trained) return fail('Train a model first.');
  let x: Float32Array;
  try {
    x = encodeApplicant(trained.preprocessor, record);
  } catch (error) {
    return fail((error as Error).message);
  }
  const probability = predictProbabilities(trained.model, x, trained.preprocessor.width)[0];
  const pBad = probabilityOfBad(probability, trained.positiveIsBad);
  return ok({ probability, probabilityOfBad: pBad, points: pointsFromProbability(pBad, scale), cutoff: trained.cutoff, approved: pBad < trained.cutoff });
}
