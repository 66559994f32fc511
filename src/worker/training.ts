import * as tf from '@tensorflow/tfjs';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BundleModel, ModelBundle } from '../core/bundle/types';
import { denseRows, firstRows, materialise } from '../core/features/encodedRows';
import type { PreparedData } from '../core/pipeline';
import { failWith, ok, type Result } from '../core/result';
import { fallBackFrom, selectBackend } from '../model/backend';
import { fasterOnWarmUp, type BackendChoice, type BackendName } from '../model/backendChoice';
import { networkMemberOf } from '../model/bundleNetwork';
import { buildNetwork, disposeNetwork } from '../model/network';
import { trainWithFallback } from '../model/resilientTrain';
import { disposeScoringModel, fitScoringModel, plainTrainer, predictCalibrated, type TrainMember } from '../model/scoringModel';
import { trainModel, TrainingDiverged } from '../model/train';
import { admitBundle } from './bundleLoading';
import { buildBundle, DEFAULT_CUTOFF } from './buildBundle';
import type { Dataset } from './datasets';
import { evaluateHeldOut, type BadScores } from './evaluation';
import type { SessionRows } from './models';
import { outcomeNames, prepare, summarise } from './preparing';
import type { CompareEntry, CompareOutcome, CrossValidationSummary, TrainEvent, TrainRequest, TrainSummary, TrainedModel } from './protocol';
import { trainBoosted } from './boostedTraining';
import { crossValidateWith } from './crossValidation';
import { trainScorecard } from './scorecardTraining';
import type { Scorer } from './scorer';
import { probeRendererInWorker } from './rendererProbe';
import { sideTrainer } from './sideTrainer';

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
  preloading ??= selectBackend(wasmPaths(), 'auto', probeRendererInWorker).catch((error: unknown) => {
    console.warn('Preloading a tfjs backend failed; training will try again', error);
    return null;
  });
  return preloading;
}

/** Labels as 1 = bad and probabilities as probabilities of bad, from labels and probabilities of label 1. */
function toBadScores(y: Float32Array, p: Float64Array, positiveIsBad: boolean): BadScores {
  return positiveIsBad ? { bad: y, pBad: p } : { bad: y.map((v) => 1 - v), pBad: p.map((v) => 1 - v) };
}

/**
 * Prepares (or reuses) `dataset`'s preparation, trains the network (members on the chosen backend
 * with fallback, calibrated on validation rows) or the scorecard, evaluates on the test rows, and
 * keeps the model as a new id, loaded back from its own bundle. An aborted `signal` stops the
 * training after the current batch and keeps the best model so far, as Stop does.
 */
export async function train(dataset: Dataset, asked: TrainRequest, onEvent: (event: TrainEvent) => void, signal: AbortSignal): Promise<Result<TrainedModel>> {
  // Trees split on values, so any monotone encoding gives the same trees: standardised inputs are
  // the narrowest (PLE would multiply the inputs, and the work, by its bins).
  const request: TrainRequest = asked.model === 'boosted' ? { ...asked, prepare: { ...asked.prepare, numericEncoding: 'standard' } } : asked;
  const prepared = prepare(dataset, request.prepare);
  if (!prepared.ok) return prepared;
  const data = prepared.data;
  onEvent({ type: 'prepared', summary: summarise(data, request.prepare) });
  if (request.model === 'scorecard') {
    // Plain JavaScript on the raw columns: no tfjs backend is chosen or started.
    const run = trainScorecard(data, request);
    if (!run.ok) return run;
    const summary: TrainSummary = { ...run.data.summary, defaultCutoff: DEFAULT_CUTOFF };
    const scorer: Scorer = { kind: 'scorecard', scorecard: run.data.scorecard };
    return keep(dataset, data, request, summary, { kind: 'scorecard', scorecard: run.data.scorecard }, scorer, { test: run.data.test, search: run.data.search, testInputs: null });
  }
  if (request.model === 'boosted') {
    const run = await trainBoosted(dataset, data, request, onEvent, signal);
    if (!run.ok) return run;
    const summary: TrainSummary = { ...run.data.summary, defaultCutoff: DEFAULT_CUTOFF };
    return keep(
      dataset,
      data,
      request,
      summary,
      run.data.model,
      { kind: 'boosted', model: run.data.model },
      { test: run.data.test, search: run.data.search, testInputs: data.test },
    );
  }
  return trainNetwork(dataset, data, request, onEvent, signal);
}

/**
 * Trains each request in turn on `dataset` (their preparations differ at most in how numeric
 * features are encoded, never in the seed), keeping every model under its own id until it is
 * released. A run that fails is reported in its place and the others go on; an aborted `signal`
 * stops the one running (kept, as Stop keeps it) and trains no more.
 */
export async function compareModels(
  dataset: Dataset,
  entries: readonly CompareEntry[],
  onEvent: (key: string, event: TrainEvent) => void,
  signal: AbortSignal,
): Promise<Result<readonly CompareOutcome[]>> {
  const outcomes: CompareOutcome[] = [];
  for (const entry of entries) {
    if (signal.aborted) break;
    const result = await train(dataset, entry.request, (event) => onEvent(entry.key, event), signal);
    outcomes.push(result.ok ? { key: entry.key, ok: true, ...result.data } : { key: entry.key, ok: false, reason: result.reason });
  }
  return ok(outcomes);
}

/** A network run: backend choice, the ensemble, calibration, held-out evaluation and the optional cross-validation. */
async function trainNetwork(dataset: Dataset, data: PreparedData, request: TrainRequest, onEvent: (event: TrainEvent) => void, signal: AbortSignal): Promise<Result<TrainedModel>> {
  const width = data.preprocessor.width;
  await preloading;
  let backend = await selectBackend(wasmPaths(), request.backend, probeRendererInWorker);
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
      onBackend: (choice, notice, fellBack) => {
        onEvent({ type: 'backend', backend: choice });
        onEvent({ type: 'notice', message: notice, notice: { code: 'backend.fellBack', ...fellBack } });
      },
      hooks,
    });
    backend = result.backend;
    return result;
  };
  let fitted;
  const started = performance.now();
  // An ensemble trains two members at a time where a second core and a CPU backend allow it.
  const beside = data.validationFolds.length > 1 ? await sideTrainer(backend.name, wasmPaths(), trainMember) : null;
  const sideBySide = beside ? 2 : 1;
  try {
    fitted = await fitScoringModel({ train: data.train, validationFolds: data.validationFolds, width }, request.network, request.settings, {
      trainMember,
      moreTrainers: beside ? [beside] : [],
      onMember: (member, members) => onEvent({ type: 'member', member, members, sideBySide }),
      memberHooks: (member) => ({
        onEpoch: (report) => onEvent({ type: 'epoch', report, member }),
        onBatch: (progress) => onEvent({ type: 'batch', progress, member }),
        shouldStop: () => signal.aborted,
        // A few progress messages a second are plenty for a person and keep the page idle.
        progressEveryMs: 250,
      }),
    });
  } catch (error) {
    if (error instanceof TrainingDiverged) return failWith('training.diverged', { how: 'loss' });
    throw error;
  }
  const elapsedMs = performance.now() - started;
  try {
    const probabilities = predictCalibrated(fitted.model, materialise(data.test));
    if (probabilities.some((p) => !Number.isFinite(p))) return failWith('training.diverged', { how: 'predictions' });
    // Which value is bad follows from the target, not from which one was chosen as positive.
    const outcome = outcomeNames(request.prepare);
    const positiveIsBad = outcome.bad === request.prepare.positive;
    const test = toBadScores(data.test.y, probabilities, positiveIsBad);
    const source = data.validation.kind === 'cross-fit' ? 'out-of-fold' : 'validation';
    const search = { ...toBadScores(fitted.validationLabels, fitted.validationProbabilities, positiveIsBad), source } as const;
    const crossValidation = request.crossValidationFolds && !signal.aborted ? await crossValidate(dataset, request, onEvent, positiveIsBad, signal) : null;
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
    const summary: TrainSummary = {
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
    };
    const model: BundleModel = {
      kind: 'network',
      network: request.network,
      inputWidth: width,
      members: fitted.model.members.map((member) => networkMemberOf(member.network, member.logitShift, 'none')),
      calibrator: fitted.model.calibrator,
      quantization: 'none',
    };
    return await keep(dataset, data, request, summary, model, { kind: 'network', model: fitted.model }, { test, search, testInputs: data.test });
  } finally {
    // The training networks go once their weights are in the bundle: what scores is loaded from it.
    disposeScoringModel(fitted.model);
  }
}

/**
 * Builds the run's bundle (its reference applicants scored by `scorer`, the fitted model as
 * trained), then loads it back as a new model the way any saved bundle loads: what scores from
 * now on is exactly what a saved file would give.
 */
async function keep(
  dataset: Dataset,
  data: PreparedData,
  request: TrainRequest,
  summary: TrainSummary,
  model: BundleModel,
  scorer: Scorer,
  rows: SessionRows,
): Promise<Result<TrainedModel>> {
  let bundle;
  try {
    bundle = buildBundle({
      file: await dataset.fileFacts(),
      table: dataset.table,
      data,
      request,
      summary,
      model,
      scorer,
      test: rows.test,
      search: rows.search,
      appVersion: __APP_VERSION__,
      createdBy: 'app',
    });
  } catch (error) {
    console.error('Building the model bundle failed', error);
    return failWith('training.packagingFailed', {});
  }
  const loaded = await admitBundle(bundle, { summary, rows: { ...rows, testTable: { table: data.source, rows: data.testTableRows } } });
  if (!loaded.ok) {
    console.error('The trained model did not load back from its bundle', loaded.problem);
    return failWith('training.reloadFailed', {});
  }
  return ok({ modelId: loaded.data.id, summary, bundle: pageBundle(loaded.data.bundle) });
}

/** `bundle` for the page: boosted trees without their forests (see TrainedModel); other models as they are. */
export function pageBundle(bundle: ModelBundle): ModelBundle {
  return bundle.model.kind === 'boosted' ? { ...bundle, model: { ...bundle.model, forests: [] } } : bundle;
}

/** Stratified k-fold cross-validation with the run's settings (each fold's ensemble fitted and calibrated on its own training rows). */
function crossValidate(
  dataset: Dataset,
  request: TrainRequest,
  onEvent: (event: TrainEvent) => void,
  positiveIsBad: boolean,
  signal: AbortSignal,
): Promise<CrossValidationSummary | null> {
  return crossValidateWith(dataset, request, onEvent, positiveIsBad, signal, async (fold) => {
    const width = fold.preprocessor.width;
    const beside = fold.validationFolds.length > 1 ? await sideTrainer(tf.getBackend() as BackendName, wasmPaths(), plainTrainer) : null;
    const fitted = await fitScoringModel({ train: fold.train, validationFolds: fold.validationFolds, width }, request.network, request.settings, {
      trainMember: plainTrainer,
      moreTrainers: beside ? [beside] : [],
      hooks: { shouldStop: () => signal.aborted },
    });
    try {
      return predictCalibrated(fitted.model, materialise(fold.test));
    } finally {
      disposeScoringModel(fitted.model);
    }
  });
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
