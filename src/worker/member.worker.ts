// A second worker that trains ensemble members beside the data worker, so that a cross-fitted
// ensemble uses both cores of a two-core machine. It holds no data set: each job brings its rows.
import * as tf from '@tensorflow/tfjs';
import { expose } from 'comlink';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { WasmPaths } from '../model/backend';
import type { BackendName } from '../model/backendChoice';
import { trainMemberJob, type MemberJob, type MemberProgress, type MemberResult } from './memberJob';

let stopRequested = false;
let wasmPathsSet = false;

const api = {
  /** Switches to `backend` (the data worker's), fetching wasm binaries from `wasmPaths`; false when it cannot start here. */
  async useBackend(backend: BackendName, wasmPaths: WasmPaths): Promise<boolean> {
    if (backend === 'wasm' && !wasmPathsSet) {
      setWasmPaths(wasmPaths);
      wasmPathsSet = true;
    }
    if (tf.getBackend() === backend) return true;
    return tf.setBackend(backend).catch(() => false);
  },

  /** Trains one member; Stop (`stop`) ends it after the current batch with its best epoch kept. */
  async train(job: MemberJob, onProgress: (progress: MemberProgress) => void): Promise<MemberResult> {
    stopRequested = false;
    return trainMemberJob(job, onProgress, () => stopRequested);
  },

  /** Asks the member in training to stop after its current batch. */
  stop(): void {
    stopRequested = true;
  },
};

/** The member worker's API, as the data worker sees it. */
export type MemberWorkerApi = typeof api;

expose(api);
