// One ensemble member trained away from the worker that holds the data: the network arrives as a
// tfjs layers topology with its initial weights (so it starts exactly where the local build would),
// the rows as plain matrices, and the trained weights go back as plain arrays. Members are
// independent, so a member trained here is the member the data worker would have trained.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { denseRows } from '../core/features/encodedRows';
import type { WasmPaths } from '../model/backend';
import type { BackendName } from '../model/backendChoice';
import type { TrainSettings } from '../core/training/specs';
import { readWeights, writeWeights } from '../model/network';
import { trainModel, type BatchProgress, type EpochReport, type TrainOutcome } from '../model/train';

/** What a member needs: its network (topology and initial weights), its fit and validation rows, and its settings. */
export interface MemberJob {
  /** `model.toJSON()` of the network (its topology as JSON text). */
  readonly topology: string;
  readonly initialWeights: readonly Float32Array[];
  readonly width: number;
  readonly fitX: Float32Array;
  readonly fitY: Float32Array;
  readonly validationX: Float32Array;
  readonly validationY: Float32Array;
  readonly settings: TrainSettings;
}

/** Progress of a member trained elsewhere, as its trainModel hooks saw it. */
export type MemberProgress = { readonly type: 'epoch'; readonly report: EpochReport } | { readonly type: 'batch'; readonly progress: BatchProgress };

/** The trained member's weights (plain arrays, in getWeights order) and how its run ended. */
export interface MemberResult {
  readonly weights: Float32Array[];
  readonly outcome: TrainOutcome;
}

/** Trains `job` on the current tfjs backend; `shouldStop` is polled between batches. Frees every tensor it made. */
export async function trainMemberJob(job: MemberJob, onProgress: (progress: MemberProgress) => void, shouldStop: () => boolean): Promise<MemberResult> {
  const model = await tf.models.modelFromJSON({ modelTopology: JSON.parse(job.topology) as tf.io.ModelJSON['modelTopology'] });
  try {
    writeWeights(model, job.initialWeights);
    const fit = denseRows(job.fitX, job.fitY, job.width);
    const validation = denseRows(job.validationX, job.validationY, job.width);
    const outcome = await trainModel(model, fit, validation, job.width, job.settings, {
      onEpoch: (report) => onProgress({ type: 'epoch', report }),
      onBatch: (progress) => onProgress({ type: 'batch', progress }),
      shouldStop,
      progressEveryMs: 250,
    });
    return { weights: readWeights(model), outcome };
  } finally {
    model.dispose();
  }
}

/** The member worker's API: switch to the data worker's backend, train one member, stop it. */
export interface MemberApi {
  /** Switches to `backend` (the data worker's), fetching wasm binaries from `wasmPaths`; false when it cannot start here. */
  useBackend(backend: BackendName, wasmPaths: WasmPaths): Promise<boolean>;
  /** Trains one member; `stop` ends it after the current batch with its best epoch kept. */
  train(job: MemberJob, onProgress: (progress: MemberProgress) => void): Promise<MemberResult>;
  /** Asks the member in training to stop after its current batch. */
  stop(): void;
}

/** The member worker's API over this thread's tfjs (member.worker.ts exposes it; tests call it over a MessageChannel). */
export function createMemberApi(): MemberApi {
  let stopRequested = false;
  let wasmPathsSet = false;
  return {
    async useBackend(backend, wasmPaths) {
      if (backend === 'wasm' && !wasmPathsSet) {
        setWasmPaths(wasmPaths);
        wasmPathsSet = true;
      }
      if (tf.getBackend() === backend) return true;
      return tf.setBackend(backend).catch(() => false);
    },
    async train(job, onProgress) {
      stopRequested = false;
      return trainMemberJob(job, onProgress, () => stopRequested);
    },
    stop() {
      stopRequested = true;
    },
  };
}
