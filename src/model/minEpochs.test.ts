import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { separable } from '../../test/support/modelData';
import { buildNetwork, disposeNetwork, readWeights, type NetworkSpec } from './network';
import { trainModel, type EpochReport, type TrainSettings } from './train';

const MLP: NetworkSpec = { kind: 'mlp', hiddenUnits: [16], dropout: 0, seed: 3 };
const SETTINGS: TrainSettings = {
  epochs: 30,
  batchSize: 32,
  learningRate: 0.05,
  optimizer: 'adam',
  l2: 0,
  seed: 9,
  classWeights: false,
  patience: 2,
  minEpochs: 0,
  restoreBest: true,
};

// Validation labels are the opposite of the training rule (label 1 when x0 + x1 > 0): the better
// the model learns the training rows, the worse its validation loss, so epoch 1 is the best epoch
// and every later one counts towards patience. With patience 2 the patience point is epoch 3
// (epochs 2 and 3 without improvement). Each test checks that premise from the epoch reports.
const TRAIN = separable(400, 7);
const OPPOSITE = separable(100, 8);
const VALIDATION = { ...OPPOSITE, y: OPPOSITE.y.map((v) => 1 - v) };

/** Trains a fresh seeded model and keeps a copy of its weights after every epoch. */
async function run(settings: TrainSettings) {
  const model = buildNetwork(2, MLP);
  const reports: EpochReport[] = [];
  const weightsAfter: Float32Array[][] = [];
  const outcome = await trainModel(model, TRAIN, VALIDATION, 2, settings, {
    onEpoch: (report) => {
      reports.push(report);
      weightsAfter.push(readWeights(model));
    },
  });
  const finalWeights = readWeights(model);
  disposeNetwork(model);
  return { outcome, reports, weightsAfter, finalWeights };
}

/** The premise: validation loss after each epoch 2..n is above epoch 1's, so epoch 1 stays the best. */
function expectEpochOneBest(reports: readonly EpochReport[]) {
  const first = reports[0].valLoss!;
  for (const report of reports.slice(1)) expect(report.valLoss!, `epoch ${report.epoch}`).toBeGreaterThan(first);
}

describe('early stopping with a minimum number of epochs', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  // Stop rule: after epoch e, stop when (epochs since the best) ≥ patience and e ≥ minEpochs.
  // Best = epoch 1, so "epochs since best" after epoch e is e − 1, which reaches patience 2 at e = 3:
  //   minEpochs 0 or 1 or 3 → stop at max(3, minEpochs) = 3;  minEpochs 4 → 4;  minEpochs 8 → 8.
  it.each<[number, number]>([
    [0, 3],
    [1, 3],
    [3, 3],
    [4, 4],
    [8, 8],
  ])('with patience 2 and minEpochs %i it runs exactly %i epochs and keeps epoch 1', async (minEpochs, expectedEpochs) => {
    const { outcome, reports, weightsAfter, finalWeights } = await run({ ...SETTINGS, minEpochs });
    expectEpochOneBest(reports);
    expect(outcome).toMatchObject({ epochsRun: expectedEpochs, stoppedEarly: true, stopped: false, bestEpoch: 1 });
    expect(reports.map((r) => r.epoch)).toEqual(Array.from({ length: expectedEpochs }, (_, i) => i + 1));
    // The restored weights are exactly those after epoch 1, not those of the last epoch run.
    expect(finalWeights).toEqual(weightsAfter[0]);
    expect(finalWeights).not.toEqual(weightsAfter[expectedEpochs - 1]);
  });

  it('never runs past the epoch cap, even when the minimum is higher: 5 epochs with minEpochs 8, not stopped early', async () => {
    // The cap ends the loop at epoch 5 before the minimum (8) allows the patience rule to fire.
    const { outcome, reports, weightsAfter, finalWeights } = await run({ ...SETTINGS, epochs: 5, minEpochs: 8 });
    expectEpochOneBest(reports);
    expect(outcome).toMatchObject({ epochsRun: 5, stoppedEarly: false, bestEpoch: 1 });
    expect(finalWeights).toEqual(weightsAfter[0]);
  });

  it('without restoreBest keeps the last epoch of the minimum run: 8 epochs, weights after epoch 8', async () => {
    const { outcome, reports, weightsAfter, finalWeights } = await run({ ...SETTINGS, minEpochs: 8, restoreBest: false });
    expectEpochOneBest(reports);
    // bestEpoch reports the epoch whose weights the model holds: the last one run.
    expect(outcome).toMatchObject({ epochsRun: 8, stoppedEarly: true, bestEpoch: 8 });
    expect(finalWeights).toEqual(weightsAfter[7]);
  });

  it('with patience 5 and minEpochs 0 stops at the patience point, epoch 6', async () => {
    // Best = epoch 1; "epochs since best" after epoch e is e − 1, which reaches 5 at e = 6.
    const { outcome, reports, weightsAfter, finalWeights } = await run({ ...SETTINGS, patience: 5 });
    expectEpochOneBest(reports);
    expect(outcome).toMatchObject({ epochsRun: 6, stoppedEarly: true, bestEpoch: 1 });
    expect(finalWeights).toEqual(weightsAfter[0]);
  });
});
