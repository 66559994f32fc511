import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { separable } from '../../test/support/modelData';
import type { BackendChoice, BackendName } from './backendChoice';
import { buildNetwork, disposeNetwork, readWeights, writeWeights } from './network';
import { trainWithFallback } from './resilientTrain';
import { trainModel, TrainingDiverged, type EpochReport, type TrainSettings } from './train';

const SETTINGS: TrainSettings = {
  epochs: 6,
  batchSize: 32,
  learningRate: 0.05,
  optimizer: 'adam',
  l2: 0,
  seed: 1,
  classWeights: false,
  patience: null,
  minEpochs: 0,
  restoreBest: false,
};
const build = () => buildNetwork(2, { kind: 'mlp', hiddenUnits: [8], dropout: 0, seed: 5 });
const train = separable(300, 1);
const validation = separable(60, 2);
/** The data, model and settings of a run, without its backend story. */
const PLAIN_RUN = { build, train, validation, width: 2, settings: SETTINGS, hooks: {} };

describe('trainWithFallback', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('after a backend fails mid-run, carries on with the next one from the last finished epoch', async () => {
    const calls: { epochs: number; startWeights: Float32Array[] }[] = [];
    let snapshotAfterEpoch2: Float32Array[] | null = null;
    // The first backend finishes 2 epochs, then "loses its context".
    const flaky: typeof trainModel = async (model, t, v, width, settings, hooks) => {
      calls.push({ epochs: settings.epochs, startWeights: readWeights(model) });
      if (calls.length === 1) {
        await trainModel(model, t, v, width, { ...settings, epochs: 2 }, hooks);
        snapshotAfterEpoch2 = readWeights(model);
        throw new Error('CONTEXT_LOST_WEBGL');
      }
      return trainModel(model, t, v, width, settings, hooks);
    };
    const backends: BackendName[] = [];
    const notices: string[] = [];
    const epochs: EpochReport[] = [];
    const result = await trainWithFallback({
      build,
      train,
      validation,
      width: 2,
      settings: SETTINGS,
      hooks: { onEpoch: (e) => epochs.push(e) },
      backend: { name: 'webgl', reason: 'test' },
      fallBack: async (failed): Promise<BackendChoice> => {
        backends.push(failed);
        return { name: 'cpu', reason: 'fallback' };
      },
      onBackend: (_, notice) => notices.push(notice),
      trainOnce: flaky,
    });
    expect(backends).toEqual(['webgl']);
    expect(notices).toEqual(['The webgl backend failed; training carried on with cpu from epoch 2.']);
    expect(result.backend.name).toBe('cpu');
    // The second attempt starts from the weights after epoch 2 and trains the 4 epochs left.
    expect(calls[1].epochs).toBe(4);
    expect(calls[1].startWeights).toEqual(snapshotAfterEpoch2);
    expect(result.outcome.epochsRun).toBe(6);
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    disposeNetwork(result.model);
  });

  it('never carries garbage over: weights that turn non-finite on a GPU backend trigger the fallback from the last finite epoch', async () => {
    let snapshotAfterEpoch1: Float32Array[] | null = null;
    const starts: Float32Array[][] = [];
    // The first backend trains epoch 1 normally, then its weights turn to NaN (a lost context's garbage).
    const corrupting: typeof trainModel = async (model, t, v, width, settings, hooks) => {
      starts.push(readWeights(model));
      if (starts.length > 1) return trainModel(model, t, v, width, settings, hooks);
      return trainModel(model, t, v, width, settings, {
        ...hooks,
        onEpoch: (report) => {
          if (report.epoch === 1) snapshotAfterEpoch1 = readWeights(model);
          if (report.epoch === 2)
            writeWeights(
              model,
              readWeights(model).map((w) => w.map(() => Number.NaN)),
            );
          hooks?.onEpoch?.(report);
        },
      });
    };
    const notices: string[] = [];
    const result = await trainWithFallback({
      ...PLAIN_RUN,
      backend: { name: 'webgl', reason: 'test' },
      fallBack: async () => ({ name: 'cpu', reason: 'fallback' }),
      onBackend: (_, notice) => notices.push(notice),
      trainOnce: corrupting,
    });
    expect(notices).toEqual(['The webgl backend failed; training carried on with cpu from epoch 1.']);
    expect(starts[1]).toEqual(snapshotAfterEpoch1);
    expect(readWeights(result.model).every((w) => w.every(Number.isFinite))).toBe(true);
    expect(result.outcome.epochsRun).toBe(6);
    disposeNetwork(result.model);
  });

  it.each([
    ['wasm', false],
    ['webgl', true],
  ] as const)('a diverging loss on %s falls back: %s (only a GPU can make NaN by itself)', async (name, fallsBack) => {
    const fallBacks: BackendName[] = [];
    let calls = 0;
    const diverging: typeof trainModel = async (model, t, v, width, settings, hooks) => {
      if (++calls === 1) throw new TrainingDiverged();
      return trainModel(model, t, v, width, settings, hooks);
    };
    const run = trainWithFallback({
      ...PLAIN_RUN,
      backend: { name, reason: 'test' },
      fallBack: async (failed) => {
        fallBacks.push(failed);
        return { name: 'cpu', reason: 'fallback' };
      },
      trainOnce: diverging,
    });
    if (fallsBack) disposeNetwork((await run).model);
    else await expect(run).rejects.toBeInstanceOf(TrainingDiverged);
    expect(fallBacks).toEqual(fallsBack ? [name] : []);
    expect(calls).toBe(fallsBack ? 2 : 1);
  });

  it('throws on the last backend instead of hiding the failure', async () => {
    const failing: typeof trainModel = async () => {
      throw new Error('Training diverged: the loss is not a finite number.');
    };
    const baseline = tf.memory().numTensors;
    await expect(
      trainWithFallback({
        build,
        train,
        validation,
        width: 2,
        settings: SETTINGS,
        hooks: {},
        backend: { name: 'cpu', reason: 'test' },
        fallBack: async () => ({ name: 'cpu', reason: '' }),
        trainOnce: failing,
      }),
    ).rejects.toThrow(/diverged/);
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('without failures is the plain training loop', async () => {
    const result = await trainWithFallback({
      build,
      train,
      validation,
      width: 2,
      settings: SETTINGS,
      hooks: {},
      backend: { name: 'cpu', reason: 'test' },
      fallBack: async () => ({ name: 'cpu', reason: '' }),
    });
    expect(result.outcome).toMatchObject({ epochsRun: 6, stopped: false });
    const again = build();
    await trainModel(again, train, validation, 2, SETTINGS);
    expect(readWeights(result.model)).toEqual(readWeights(again));
    disposeNetwork(result.model);
    disposeNetwork(again);
  });
});
