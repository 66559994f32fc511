import { denseRows } from '../core/features/encodedRows';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { separable } from '../../test/support/modelData';
import { computeRocAuc } from '../core/metrics/binary';
import { buildNetwork, disposeNetwork, predictProbabilities, readWeights, type NetworkSpec } from './network';
import { computeClassWeights, trainModel, type EpochReport, type TrainSettings } from './train';

const MLP: NetworkSpec = { kind: 'mlp', hiddenUnits: [16], dropout: 0, seed: 3 };
const SETTINGS: TrainSettings = {
  epochs: 15,
  batchSize: 32,
  learningRate: 0.05,
  optimizer: 'adam',
  l2: 0,
  seed: 9,
  classWeights: false,
  patience: null,
  minEpochs: 0,
  restoreBest: false,
};
const NO_ROWS = denseRows(new Float32Array(0), new Float32Array(0), 2);

describe('network', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it.each<[string, NetworkSpec, number]>([
    // 5 inputs → 32 → 1: kernel 5×32 + bias 32 + kernel 32×1 + bias 1
    ['mlp', { ...MLP, hiddenUnits: [32] }, 5 * 32 + 32 + 32 + 1],
    // two hidden layers 5 → 8 → 4 → 1
    ['mlp with two layers and dropout', { ...MLP, hiddenUnits: [8, 4], dropout: 0.2 }, 5 * 8 + 8 + 8 * 4 + 4 + 4 + 1],
    // logistic regression: 5 weights and a bias
    ['logistic', { ...MLP, kind: 'logistic' }, 5 + 1],
  ])('%s maps rows × width to one probability per row with the expected parameter count', (_, spec, parameters) => {
    const model = buildNetwork(5, spec);
    expect(model.countParams()).toBe(parameters);
    const p = predictProbabilities(model, new Float32Array(3 * 5).fill(0.5), 5);
    expect(p).toHaveLength(3);
    for (const v of p) expect(v > 0 && v < 1).toBe(true);
    disposeNetwork(model);
  });

  it('is initialised identically for the same seed and differently for another', () => {
    const a = buildNetwork(4, { ...MLP, seed: 7 });
    const b = buildNetwork(4, { ...MLP, seed: 7 });
    const c = buildNetwork(4, { ...MLP, seed: 8 });
    expect(readWeights(a)).toEqual(readWeights(b));
    expect(readWeights(a)).not.toEqual(readWeights(c));
    [a, b, c].forEach(disposeNetwork);
  });

  it('learns a separable problem and reports every epoch with validation loss and AUC', async () => {
    const train = separable(400, 1);
    const validation = separable(100, 2);
    const model = buildNetwork(2, MLP);
    const epochs: EpochReport[] = [];
    const outcome = await trainModel(model, train, validation, 2, SETTINGS, { onEpoch: (e) => epochs.push(e) });
    expect(outcome).toMatchObject({ epochsRun: 15, stopped: false, stoppedEarly: false });
    expect(epochs.map((e) => e.epoch)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(epochs[14].loss).toBeLessThan(epochs[0].loss);
    expect(epochs[14].valAuc).toBeGreaterThan(0.97);
    const p = predictProbabilities(model, validation.x, 2);
    expect(computeRocAuc(validation.y, p)).toBeGreaterThan(0.97);
    disposeNetwork(model);
  });

  it('gives bit-identical weights for the same seeds on the cpu backend', async () => {
    const train = separable(300, 4);
    const run = async (seed: number) => {
      const model = buildNetwork(2, { ...MLP, dropout: 0.1 });
      await trainModel(model, train, NO_ROWS, 2, { ...SETTINGS, epochs: 3, seed });
      const weights = readWeights(model);
      disposeNetwork(model);
      return weights;
    };
    const first = await run(11);
    expect(await run(11)).toEqual(first);
    expect(await run(12)).not.toEqual(first);
  });

  it('frees every tensor it makes: three runs in a row leave tf.memory() at its baseline', async () => {
    const train = separable(200, 5);
    const validation = separable(50, 6);
    const baseline = tf.memory().numTensors;
    for (const optimizer of ['adam', 'sgd', 'adam'] as const) {
      const model = buildNetwork(2, { ...MLP, dropout: 0.2 });
      await trainModel(model, train, validation, 2, { ...SETTINGS, epochs: 3, optimizer, l2: 0.001, classWeights: true, patience: 1, restoreBest: true });
      disposeNetwork(model);
      expect(tf.memory().numTensors).toBe(baseline);
    }
  });

  it('stops when asked and keeps the epochs run so far', async () => {
    const model = buildNetwork(2, MLP);
    let seen = 0;
    const outcome = await trainModel(model, separable(200, 4), NO_ROWS, 2, { ...SETTINGS, epochs: 50, batchSize: 50 }, { onEpoch: () => seen++, shouldStop: () => seen >= 2 });
    expect(outcome.stopped).toBe(true);
    expect(outcome.epochsRun).toBe(2);
    disposeNetwork(model);
  });

  it('stops early when validation loss stops improving and restores the best epoch', async () => {
    // Validation labels are the opposite of the training rule: the better the model learns,
    // the worse the validation loss, so epoch 1 stays the best and patience 2 ends at epoch 3.
    const train = separable(400, 7);
    const opposite = separable(100, 8);
    const validation = { ...opposite, y: opposite.y.map((v) => 1 - v) };
    const model = buildNetwork(2, MLP);
    const reports: EpochReport[] = [];
    const outcome = await trainModel(model, train, validation, 2, { ...SETTINGS, epochs: 30, patience: 2, restoreBest: true }, { onEpoch: (e) => reports.push(e) });
    expect(outcome).toMatchObject({ stoppedEarly: true, epochsRun: 3, bestEpoch: 1 });
    // The model now predicts as it did after epoch 1: its validation AUC equals epoch 1's.
    const p = predictProbabilities(model, validation.x, 2);
    expect(computeRocAuc(validation.y, p)).toBeCloseTo(reports[0].valAuc!, 10);
    disposeNetwork(model);
  });

  it.each<[number[], [number, number]]>([
    // 8 rows, 2 positive: w0 = 8 / (2·6) = 2/3, w1 = 8 / (2·2) = 2
    [
      [0, 0, 0, 0, 0, 0, 1, 1],
      [2 / 3, 2],
    ],
    [
      [0, 1, 0, 1],
      [1, 1],
    ],
    [
      [0, 0, 0],
      [1, 1],
    ],
  ])('class weights of %j are %j', (labels, expected) => {
    const [w0, w1] = computeClassWeights(Float32Array.from(labels));
    expect(w0).toBeCloseTo(expected[0], 12);
    expect(w1).toBeCloseTo(expected[1], 12);
  });
});
