import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeRocAuc } from '../core/metrics/binary';
import { createRandom } from '../core/split/random';
import { buildNetwork, disposeNetwork, predictProbabilities } from './network';
import { trainNetwork, type EpochReport } from './train';

/** Rows whose label is 1 exactly when x0 + x1 > 0: a model that learns anything gets it right. */
function separable(rows: number, seed: number) {
  const random = createRandom(seed);
  const x = new Float32Array(rows * 2);
  const y = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    x[2 * i] = random() * 2 - 1;
    x[2 * i + 1] = random() * 2 - 1;
    y[i] = x[2 * i] + x[2 * i + 1] > 0 ? 1 : 0;
  }
  return { x, y, rows };
}

describe('network', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('maps rows × width to one probability per row', async () => {
    const model = buildNetwork(5, { hiddenUnits: [32], learningRate: 0.01, seed: 1 });
    expect(model.outputs[0].shape).toEqual([null, 1]);
    const p = await predictProbabilities(model, new Float32Array(3 * 5), 5);
    expect(p).toHaveLength(3);
    for (const v of p) expect(v).toBeGreaterThan(0), expect(v).toBeLessThan(1);
    disposeNetwork(model);
  });

  it('is initialised identically for the same seed', async () => {
    const a = buildNetwork(4, { hiddenUnits: [8], learningRate: 0.01, seed: 7 });
    const b = buildNetwork(4, { hiddenUnits: [8], learningRate: 0.01, seed: 7 });
    const c = buildNetwork(4, { hiddenUnits: [8], learningRate: 0.01, seed: 8 });
    const weights = (m: tf.LayersModel) => Array.from(m.getWeights()[0].dataSync());
    expect(weights(a)).toEqual(weights(b));
    expect(weights(a)).not.toEqual(weights(c));
    [a, b, c].forEach((m) => m.dispose());
  });

  it('learns a separable problem, reports every epoch and frees its tensors', async () => {
    const train = separable(400, 1);
    const validation = separable(100, 2);
    const before = tf.memory().numTensors;
    const model = buildNetwork(2, { hiddenUnits: [16], learningRate: 0.05, seed: 3 });
    const epochs: EpochReport[] = [];
    const outcome = await trainNetwork(model, train, validation, 2, { epochs: 15, batchSize: 32 }, (e) => epochs.push(e), () => false);
    expect(outcome).toMatchObject({ epochsRun: 15, stopped: false });
    expect(epochs.map((e) => e.epoch)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(epochs[14].loss).toBeLessThan(epochs[0].loss);
    expect(epochs[14].valLoss).not.toBeNull();
    const p = await predictProbabilities(model, validation.x, 2);
    expect(computeRocAuc(validation.y, p)).toBeGreaterThan(0.97);
    disposeNetwork(model);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops when asked and keeps the epochs run so far', async () => {
    const train = separable(200, 4);
    const model = buildNetwork(2, { hiddenUnits: [4], learningRate: 0.01, seed: 5 });
    let seen = 0;
    const outcome = await trainNetwork(model, train, { x: new Float32Array(0), y: new Float32Array(0), rows: 0 }, 2, { epochs: 50, batchSize: 50 }, () => seen++, () => seen >= 2);
    expect(outcome.stopped).toBe(true);
    expect(outcome.epochsRun).toBeLessThan(50);
    expect(outcome.epochsRun).toBeGreaterThanOrEqual(2);
    disposeNetwork(model);
  });
});
