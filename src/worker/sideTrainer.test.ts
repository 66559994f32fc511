// The member worker's protocol over a real MessageChannel (Comlink on both ends, as between the
// data worker and member.worker.ts): a member trained there equals the member trained here, and
// every way the other side can fail ends with the member trained here, or with the error it deserves.
import * as tf from '@tensorflow/tfjs';
import { expose } from 'comlink';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { denseRows, type EncodedRows } from '../core/features/encodedRows';
import { createRandom } from '../core/split/random';
import { DEFAULT_SETTINGS } from '../model/defaults';
import { buildNetwork, readWeights } from '../model/network';
import { plainTrainer, type TrainMember } from '../model/scoringModel';
import { TrainingDiverged } from '../model/train';
import { createMemberApi, type MemberApi } from './memberJob';
import { memberWorkerHandle, trainerOn } from './sideTrainer';

const WASM_PATHS = { 'tfjs-backend-wasm.wasm': '', 'tfjs-backend-wasm-simd.wasm': '', 'tfjs-backend-wasm-threaded-simd.wasm': '' };
const SETTINGS = { ...DEFAULT_SETTINGS, epochs: 3, batchSize: 32, seed: 4, patience: null, minEpochs: 0 };
const SPEC = { kind: 'mlp' as const, hiddenUnits: [5], dropout: 0, seed: 8 };
const open: MessageChannel[] = [];

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterEach(() => {
  for (const channel of open.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

function rows(count: number, seed: number): EncodedRows {
  const random = createRandom(seed);
  const x = new Float32Array(count * 2).map(() => random() * 2 - 1);
  const y = Float32Array.from({ length: count }, (_, i) => (x[i * 2] + 0.5 * x[i * 2 + 1] + (random() - 0.5) > 0 ? 1 : 0));
  return denseRows(x, y, 2);
}

/** A member worker made of one end of a MessageChannel, with `api` exposed on the other; it counts its terminations. */
function channelWorker(api: MemberApi) {
  const channel = new MessageChannel();
  open.push(channel);
  expose(api, channel.port2 as unknown as Parameters<typeof expose>[1]);
  let terminated = 0;
  const port = channel.port1;
  const worker = {
    postMessage: (message: unknown, transfer?: Transferable[]) => port.postMessage(message, transfer ?? []),
    addEventListener: port.addEventListener.bind(port) as Worker['addEventListener'],
    removeEventListener: port.removeEventListener.bind(port) as Worker['removeEventListener'],
    terminate: () => {
      terminated++;
    },
  };
  // A MessagePort speaks the same messages and events as a Worker; only the types differ.
  return { handle: memberWorkerHandle(worker as unknown as Worker), port, terminations: () => terminated };
}

/** The plain trainer, counting its calls: the fallback's witness. */
function countingLocal() {
  const calls: number[] = [];
  const local: TrainMember = (build, fit, validation, settings, hooks) => {
    calls.push(settings.seed);
    return plainTrainer(build, fit, validation, settings, hooks);
  };
  return { local, calls };
}

describe('a trainer on the member worker', () => {
  it('trains a member over the channel to exactly the weights of the same member trained here, forwarding each epoch', async () => {
    const fit = rows(300, 1);
    const validation = rows(80, 2);
    const { handle } = channelWorker(createMemberApi());
    const { local, calls } = countingLocal();
    const trainer = await trainerOn(handle, 'cpu', WASM_PATHS, local);
    if (!trainer) throw new Error('no trainer');
    const epochs: number[] = [];
    const remote = await trainer(() => buildNetwork(2, SPEC), fit, validation, SETTINGS, { onEpoch: (report) => epochs.push(report.epoch) });
    const here = await plainTrainer(() => buildNetwork(2, SPEC), fit, validation, SETTINGS, {});
    expect(calls).toEqual([]);
    expect(epochs).toEqual([1, 2, 3]);
    expect(remote.outcome.epochsRun).toBe(3);
    expect(readWeights(remote.model).map((w) => Array.from(w))).toEqual(readWeights(here.model).map((w) => Array.from(w)));
    remote.model.dispose();
    here.model.dispose();
  });

  it('trains the member here when the member worker throws, and every later member too, retiring the worker once', async () => {
    const failing: MemberApi = { ...createMemberApi(), train: async () => Promise.reject(new Error('out of memory')) };
    const { handle, terminations } = channelWorker(failing);
    const { local, calls } = countingLocal();
    const trainer = await trainerOn(handle, 'cpu', WASM_PATHS, local);
    if (!trainer) throw new Error('no trainer');
    const before = tf.memory().numTensors;
    const first = await trainer(() => buildNetwork(2, SPEC), rows(200, 3), rows(50, 4), { ...SETTINGS, seed: 1 }, {});
    const second = await trainer(() => buildNetwork(2, SPEC), rows(200, 5), rows(50, 6), { ...SETTINGS, seed: 2 }, {});
    expect(calls).toEqual([1, 2]);
    expect(terminations()).toBe(1);
    first.model.dispose();
    second.model.dispose();
    // The network built for the failed remote run was freed, not left behind.
    expect(tf.memory().numTensors).toBe(before);
  });

  it('throws TrainingDiverged when the member diverged there, without training it again here', async () => {
    const diverging: MemberApi = { ...createMemberApi(), train: async () => Promise.reject(new TrainingDiverged()) };
    const { handle } = channelWorker(diverging);
    const { local, calls } = countingLocal();
    const trainer = await trainerOn(handle, 'cpu', WASM_PATHS, local);
    await expect(trainer!(() => buildNetwork(2, SPEC), rows(200, 7), rows(50, 8), SETTINGS, {})).rejects.toBeInstanceOf(TrainingDiverged);
    expect(calls).toEqual([]);
  });

  it('trains the member here when the member worker dies in the middle (an error event, and no answer ever)', async () => {
    const silent: MemberApi = { ...createMemberApi(), train: () => new Promise(() => undefined) };
    const { handle, port } = channelWorker(silent);
    const { local, calls } = countingLocal();
    const trainer = await trainerOn(handle, 'cpu', WASM_PATHS, local);
    const pending = trainer!(() => buildNetwork(2, SPEC), rows(200, 9), rows(50, 10), { ...SETTINGS, seed: 5 }, {});
    setTimeout(() => port.dispatchEvent(new Event('error')), 20);
    const trained = await pending;
    expect(calls).toEqual([5]);
    trained.model.dispose();
  });

  it('is not offered when the member worker cannot start the backend, and that worker is retired', async () => {
    const noBackend: MemberApi = { ...createMemberApi(), useBackend: async () => false };
    const { handle, terminations } = channelWorker(noBackend);
    expect(await trainerOn(handle, 'wasm', WASM_PATHS, countingLocal().local)).toBeNull();
    expect(terminations()).toBe(1);
  });

  it('passes Stop on: the member stops after a batch and keeps its best epoch', async () => {
    const { handle } = channelWorker(createMemberApi());
    const trainer = await trainerOn(handle, 'cpu', WASM_PATHS, countingLocal().local);
    let stop = false;
    setTimeout(() => {
      stop = true;
    }, 10);
    const trained = await trainer!(() => buildNetwork(2, SPEC), rows(4000, 11), rows(100, 12), { ...SETTINGS, epochs: 200 }, { shouldStop: () => stop });
    expect(trained.outcome.stopped).toBe(true);
    expect(trained.outcome.epochsRun).toBeLessThan(200);
    trained.model.dispose();
  });
});
