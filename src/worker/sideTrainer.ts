// Ensemble members beside the data worker: a second worker (member.worker.ts) trains one member
// while this worker trains another, so a cross-fitted ensemble uses two cores. A member is
// independent of the others (its own seeds and rows), so the ensemble is the same either way; if
// the second worker fails, its member is trained here instead.
import { proxy, wrap, type Remote } from 'comlink';
import { materialise } from '../core/features/encodedRows';
import type { WasmPaths } from '../model/backend';
import type { BackendName } from '../model/backendChoice';
import { disposeNetwork, readWeights, writeWeights } from '../model/network';
import type { TrainMember } from '../model/scoringModel';
import { TrainingDiverged } from '../model/train';
import type { MemberApi } from './memberJob';
import type { ResourceLogApi, ResourceRequest } from './resourceLog';

/** A running member worker: its API, a promise that rejects if it dies (a dead worker never answers a call), and how to end it. */
export interface MemberWorkerHandle {
  readonly api: Remote<MemberApi>;
  readonly died: Promise<never>;
  readonly retire: () => void;
}

let memberWorker: MemberWorkerHandle | null = null;

// How often a Stop (or a failure beside it) is passed on to the member in training.
const STOP_POLL_MS = 50;

/** Whether members may train side by side here: a second core, and a backend that runs on the CPU (a GPU is one device either way). */
export function canTrainBeside(backend: BackendName): boolean {
  return typeof Worker !== 'undefined' && (globalThis.navigator?.hardwareConcurrency ?? 1) >= 2 && (backend === 'wasm' || backend === 'cpu');
}

/**
 * A trainer that runs members on the member worker with `backend`, or null when that worker cannot
 * start it. `local` trains a member here when the member worker fails on it.
 */
export async function sideTrainer(backend: BackendName, wasmPaths: WasmPaths, local: TrainMember): Promise<TrainMember | null> {
  if (!canTrainBeside(backend)) return null;
  memberWorker ??= startMemberWorker();
  return trainerOn(memberWorker, backend, wasmPaths, local);
}

/**
 * A trainer on the member worker `handle` (started on `backend`), or null when it cannot start that
 * backend. After the worker fails on a member, it is retired and that member and every later one
 * train with `local`; a diverging loss is thrown as TrainingDiverged (training it here would repeat it).
 */
export async function trainerOn(handle: MemberWorkerHandle, backend: BackendName, wasmPaths: WasmPaths, local: TrainMember): Promise<TrainMember | null> {
  try {
    if (!(await Promise.race([handle.api.useBackend(backend, wasmPaths), handle.died]))) {
      handle.retire();
      return null;
    }
  } catch (error) {
    console.warn('The member worker did not start; members train one after another', error);
    handle.retire();
    return null;
  }
  let failed = false;
  return async (build, fit, validation, settings, hooks) => {
    if (failed) return local(build, fit, validation, settings, hooks);
    const model = build();
    const stopPoll = setInterval(() => {
      if (hooks.shouldStop?.()) void handle.api.stop();
    }, STOP_POLL_MS);
    try {
      const training = handle.api.train(
        {
          topology: model.toJSON() as string,
          initialWeights: readWeights(model),
          width: fit.width,
          fitX: materialise(fit),
          fitY: fit.y,
          validationX: materialise(validation),
          validationY: validation.y,
          settings,
        },
        proxy((progress) => (progress.type === 'epoch' ? hooks.onEpoch?.(progress.report) : hooks.onBatch?.(progress.progress))),
      );
      const result = await Promise.race([training, handle.died]);
      writeWeights(model, result.weights);
      return { model, outcome: result.outcome };
    } catch (error) {
      disposeNetwork(model);
      if ((error as Error | null)?.name === 'TrainingDiverged') throw new TrainingDiverged();
      console.warn('The member worker failed; this member trains here instead', error);
      failed = true;
      handle.retire();
      return local(build, fit, validation, settings, hooks);
    } finally {
      clearInterval(stopPoll);
    }
  };
}

/** A member worker from `worker` (any endpoint Comlink can talk to), dead on its first error event. */
export function memberWorkerHandle(worker: Pick<Worker, 'postMessage' | 'addEventListener' | 'removeEventListener' | 'terminate'>): MemberWorkerHandle {
  const died = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => reject(new Error(`The member worker stopped: ${(event as ErrorEvent).message ?? 'error'}`)));
  });
  // Nobody may be waiting when it dies: that is not an unhandled rejection.
  died.catch(() => undefined);
  return {
    api: wrap<MemberApi>(worker),
    died,
    retire: () => {
      worker.terminate();
      if (memberWorker?.died === died) memberWorker = null;
    },
  };
}

/** The running member worker's requests since it started (member.worker.ts exposes them beside its MemberApi); none when no member worker runs or it does not answer. */
export async function memberResourceRequests(): Promise<ResourceRequest[]> {
  if (!memberWorker) return [];
  const log = memberWorker.api as unknown as Remote<ResourceLogApi>;
  return Promise.race([log.resourceRequests(), memberWorker.died]).catch((error: unknown) => {
    console.warn('The member worker did not list its requests', error);
    return [];
  });
}

function startMemberWorker(): MemberWorkerHandle {
  return memberWorkerHandle(new Worker(new URL('./member.worker.ts', import.meta.url), { type: 'module', name: 'creditlab-member' }));
}
