// A member trained from a job (topology + initial weights + plain matrices, as the member worker
// receives it) is the member the data worker would have trained itself.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { denseRows } from '../core/features/encodedRows';
import { createRandom } from '../core/split/random';
import { DEFAULT_SETTINGS } from '../model/defaults';
import { buildNetwork, readWeights } from '../model/network';
import { trainModel } from '../model/train';
import { trainMemberJob, type MemberProgress } from './memberJob';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Rows of a known rule, y = 1 when 1.5·x0 − x1 + noise > 0.8. */
function rows(count: number, seed: number) {
  const random = createRandom(seed);
  const x = new Float32Array(count * 3);
  const y = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < 3; k++) x[i * 3 + k] = random() * 2 - 1;
    y[i] = 1.5 * x[i * 3] - x[i * 3 + 1] + (random() - 0.5) > 0.8 ? 1 : 0;
  }
  return { x, y };
}

describe('trainMemberJob', () => {
  it('trains to exactly the weights local training reaches from the same start, reporting every epoch, and frees its tensors', async () => {
    const fit = rows(400, 3);
    const validation = rows(120, 4);
    const settings = { ...DEFAULT_SETTINGS, epochs: 4, batchSize: 32, seed: 11, patience: null, minEpochs: 0 };
    const spec = { kind: 'mlp' as const, hiddenUnits: [6], dropout: 0, seed: 5 };

    const local = buildNetwork(3, spec);
    const start = readWeights(local);
    const topology = local.toJSON() as string;
    await trainModel(local, denseRows(fit.x, fit.y, 3), denseRows(validation.x, validation.y, 3), 3, settings);
    const expected = readWeights(local);
    local.dispose();

    const before = tf.memory().numTensors;
    const seen: MemberProgress[] = [];
    const result = await trainMemberJob(
      { topology, initialWeights: start, width: 3, fitX: fit.x, fitY: fit.y, validationX: validation.x, validationY: validation.y, settings },
      (progress) => seen.push(progress),
      () => false,
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(result.outcome.epochsRun).toBe(4);
    expect(seen.filter((p) => p.type === 'epoch').map((p) => (p.type === 'epoch' ? p.report.epoch : 0))).toEqual([1, 2, 3, 4]);
    expect(result.weights.map((w) => Array.from(w))).toEqual(expected.map((w) => Array.from(w)));
    // Training moved the weights: equal to the start would mean nothing was trained.
    expect(Array.from(result.weights[0])).not.toEqual(Array.from(start[0]));
  });

  it('stops after the batch at which it is asked to, keeping the best epoch so far', async () => {
    const fit = rows(400, 5);
    const validation = rows(100, 6);
    const local = buildNetwork(3, { kind: 'logistic', hiddenUnits: [], dropout: 0, seed: 1 });
    let batches = 0;
    const result = await trainMemberJob(
      {
        topology: local.toJSON() as string,
        initialWeights: readWeights(local),
        width: 3,
        fitX: fit.x,
        fitY: fit.y,
        validationX: validation.x,
        validationY: validation.y,
        settings: { ...DEFAULT_SETTINGS, epochs: 10, batchSize: 40, seed: 2 },
      },
      () => undefined,
      () => ++batches > 25,
    );
    local.dispose();
    // 10 batches an epoch: two whole epochs, then the stop in the third.
    expect(result.outcome.stopped).toBe(true);
    expect(result.outcome.epochsRun).toBe(2);
  });
});
