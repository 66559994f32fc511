import type * as tf from '@tensorflow/tfjs';
import type { EncodedRows } from '../core/features/encodedRows';
import type { BackendChoice, BackendName } from './backendChoice';
import { disposeNetwork, readWeights, writeWeights } from './network';
import { trainModel, TrainingDiverged, type TrainHooks, type TrainOutcome, type TrainSettings } from './train';

/** What a resilient run needs besides the data: how to build the model, the backend in use, and how to replace it. */
export interface ResilientRun {
  readonly build: () => tf.LayersModel;
  readonly train: EncodedRows;
  readonly validation: EncodedRows;
  readonly width: number;
  readonly settings: TrainSettings;
  readonly hooks: TrainHooks;
  readonly backend: BackendChoice;
  /** Switches to the next working backend after `failed` (and makes it current). */
  readonly fallBack: (failed: BackendName) => Promise<BackendChoice>;
  /** Hears of a fallback: the new backend, the notice in English (the CLI's), and what the UI words it from. */
  readonly onBackend?: (backend: BackendChoice, notice: string, fellBack: FallBack) => void;
  /** The training loop; replaceable in tests to simulate a failing backend. */
  readonly trainOnce?: typeof trainModel;
}

/** A fallback as values: the backend that failed, the one training carried on with, and the last finished epoch it resumed from. */
export interface FallBack {
  readonly failed: BackendName;
  readonly backend: BackendName;
  readonly epoch: number;
}

/** A trained model, how the run went, and the backend it finished on. */
export interface ResilientResult {
  readonly model: tf.LayersModel;
  readonly outcome: TrainOutcome;
  readonly backend: BackendChoice;
}

/**
 * Trains, and when the backend fails (an exception, or non-finite numbers from a GPU that lost its
 * context) moves to the next backend and carries on from the weights of the last finished epoch,
 * for the epochs that remain. A diverging loss on wasm or cpu is the data's or the settings' (too
 * high a learning rate) and is thrown at once, as is any failure on the last backend (cpu).
 */
export async function trainWithFallback(run: ResilientRun): Promise<ResilientResult> {
  const trainOnce = run.trainOnce ?? trainModel;
  let backend = run.backend;
  let model = run.build();
  let lastGood = { epoch: 0, weights: readWeights(model) };
  let epochsDone = 0;
  let elapsedBefore = 0;
  for (;;) {
    const started = performance.now();
    try {
      const offset = epochsDone;
      const remaining: TrainSettings = { ...run.settings, epochs: run.settings.epochs - offset, seed: run.settings.seed + offset };
      const outcome = await trainOnce(model, run.train, run.validation, run.width, remaining, {
        ...run.hooks,
        onEpoch: (report) => {
          const epoch = report.epoch + offset;
          // Plain copies of the weights outlive the backend, so a replacement can carry on from them.
          // Weights that are no longer finite on a GPU are a broken context's garbage: never kept.
          if (backend.name === 'webgl') {
            const weights = readWeights(model);
            if (!weights.every(isFinite32)) throw new Error(`The ${backend.name} backend produced invalid weights at epoch ${epoch}.`);
            lastGood = { epoch, weights };
          }
          run.hooks.onEpoch?.({ ...report, epoch, epochs: run.settings.epochs, elapsedMs: report.elapsedMs + elapsedBefore });
        },
        onBatch: (progress) => run.hooks.onBatch?.({ ...progress, epoch: progress.epoch + offset, epochs: run.settings.epochs }),
      });
      return {
        model,
        backend,
        outcome: { ...outcome, epochsRun: outcome.epochsRun + offset, bestEpoch: outcome.bestEpoch + offset, elapsedMs: outcome.elapsedMs + elapsedBefore },
      };
    } catch (error) {
      // Only a GPU can turn good numbers into NaN by itself (a lost context); on wasm and cpu a
      // diverging loss is the settings' doing, and training it again elsewhere would only repeat it.
      if (backend.name === 'cpu' || (error instanceof TrainingDiverged && backend.name !== 'webgl')) {
        disposeNetwork(model);
        throw error;
      }
      console.error(`Training failed on ${backend.name}`, error);
      elapsedBefore += performance.now() - started;
      const failed = backend.name;
      try {
        disposeNetwork(model);
      } catch {
        // a lost context cannot free its textures; nothing else to do
      }
      backend = await run.fallBack(failed);
      run.onBackend?.(backend, `The ${failed} backend failed; training carried on with ${backend.name} from epoch ${lastGood.epoch}.`, {
        failed,
        backend: backend.name,
        epoch: lastGood.epoch,
      });
      model = run.build();
      writeWeights(model, lastGood.weights);
      epochsDone = lastGood.epoch;
    }
  }
}

/** True when every value is a finite number. */
function isFinite32(values: Float32Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] - values[i] !== 0) return false;
  return true;
}
