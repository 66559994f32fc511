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
import type { MemberWorkerApi } from './member.worker';

/** The member worker, its API, and a promise that rejects if the worker dies (a call to a dead worker would never answer). */
interface MemberWorker {
  readonly worker: Worker;
  readonly api: Remote<MemberWorkerApi>;
  readonly died: Promise<never>;
}

let memberWorker: MemberWorker | null = null;

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
  try {
    memberWorker ??= startMemberWorker();
    if (!(await Promise.race([memberWorker.api.useBackend(backend, wasmPaths), memberWorker.died]))) return null;
  } catch (error) {
    console.warn('The member worker did not start; members train one after another', error);
    retireMemberWorker();
    return null;
  }
  const started = memberWorker;
  const { api, died } = started;
  return async (build, fit, validation, settings, hooks) => {
    // Once the member worker failed, the rest of the run trains here.
    if (memberWorker !== started) return local(build, fit, validation, settings, hooks);
    const model = build();
    const stopPoll = setInterval(() => {
      if (hooks.shouldStop?.()) void api.stop();
    }, STOP_POLL_MS);
    try {
      const training = api.train(
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
      const result = await Promise.race([training, died]);
      writeWeights(model, result.weights);
      return { model, outcome: result.outcome };
    } catch (error) {
      disposeNetwork(model);
      // A diverging loss is the settings' doing: training it here would only repeat it.
      if ((error as Error | null)?.name === 'TrainingDiverged') throw new TrainingDiverged();
      console.warn('The member worker failed; this member trains here instead', error);
      retireMemberWorker();
      return local(build, fit, validation, settings, hooks);
    } finally {
      clearInterval(stopPoll);
    }
  };
}

function startMemberWorker(): MemberWorker {
  const worker = new Worker(new URL('./member.worker.ts', import.meta.url), { type: 'module', name: 'creditlab-member' });
  const died = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => reject(new Error(`The member worker stopped: ${event.message}`)));
  });
  // Nobody may be waiting when it dies: that is not an unhandled rejection.
  died.catch(() => undefined);
  return { worker, api: wrap<MemberWorkerApi>(worker), died };
}

function retireMemberWorker(): void {
  memberWorker?.worker.terminate();
  memberWorker = null;
}
