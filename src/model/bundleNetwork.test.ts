import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeBase64 } from '../core/bundle/base64';
import type { NetworkMember } from '../core/bundle/types';
import { loadNetworkMember, networkMemberOf, scoringModelOf } from './bundleNetwork';
import { buildNetwork, disposeNetwork, predictLogits, writeWeights } from './network';
import { disposeScoringModel, predictCalibrated } from './scoringModel';

/** Little-endian float32 values of base64 bytes, read independently of the code under test. */
function floatsOf(base64: string): number[] {
  const bytes = decodeBase64(base64);
  const view = new DataView(bytes.buffer);
  return Array.from({ length: bytes.length / 4 }, (_, i) => view.getFloat32(4 * i, true));
}

/** A JSON round trip, as a saved file gives a member back. */
const viaJson = (member: NetworkMember): NetworkMember => JSON.parse(JSON.stringify(member)) as NetworkMember;

// 2 inputs → 2 relu units → 1 logit, every weight a short binary fraction so the sums are exact.
const HIDDEN_KERNEL = [1, -0.5, 0.25, 2]; // row-major [input][unit]
const HIDDEN_BIAS = [0, 0.5];
const OUT_KERNEL = [1.5, -1];
const OUT_BIAS = [0.25];

/** The logit by hand: h = relu(x · K + b), z = h · k + c. */
function handLogit(x0: number, x1: number): number {
  const h0 = Math.max(0, x0 * HIDDEN_KERNEL[0] + x1 * HIDDEN_KERNEL[2] + HIDDEN_BIAS[0]);
  const h1 = Math.max(0, x0 * HIDDEN_KERNEL[1] + x1 * HIDDEN_KERNEL[3] + HIDDEN_BIAS[1]);
  return h0 * OUT_KERNEL[0] + h1 * OUT_KERNEL[1] + OUT_BIAS[0];
}

function handMlp(dropout = 0): tf.LayersModel {
  const model = buildNetwork(2, { kind: 'mlp', hiddenUnits: [2], dropout, seed: 5 });
  writeWeights(model, [Float32Array.from(HIDDEN_KERNEL), Float32Array.from(HIDDEN_BIAS), Float32Array.from(OUT_KERNEL), Float32Array.from(OUT_BIAS)]);
  return model;
}

const ROWS = Float32Array.from([1, 2, -1, 0.5, 3, -2, 0, 0]);

describe('bundle network members', () => {
  let baseline = 0;
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  afterEach(() => {
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('stores the topology as plain JSON and every weight by its tfjs name, in model order, as little-endian float32', () => {
    baseline = tf.memory().numTensors;
    const model = handMlp();
    const member = networkMemberOf(model, 0.75);
    expect(viaJson(member)).toEqual(member);
    expect(member.modelTopology.class_name).toBe('Sequential');
    expect(member.logitShift).toBe(0.75);
    expect(member.weightSpecs).toEqual(model.weights.map((w) => ({ name: w.originalName, shape: w.shape, dtype: 'float32' })));
    expect(member.weightSpecs.map((s) => s.shape)).toEqual([[2, 2], [2], [2, 1], [1]]);
    expect(floatsOf(member.weightData)).toEqual([...HIDDEN_KERNEL, ...HIDDEN_BIAS, ...OUT_KERNEL, ...OUT_BIAS]);
    disposeNetwork(model);
  });

  it('loads back through tf.loadLayersModel with the same logits as the hand computation (dropout layers included)', async () => {
    baseline = tf.memory().numTensors;
    for (const dropout of [0, 0.3]) {
      const model = handMlp(dropout);
      const member = viaJson(networkMemberOf(model, 0));
      disposeNetwork(model);
      const loaded = await loadNetworkMember(member, 2);
      const logits = predictLogits(loaded, ROWS, 2);
      expect(Array.from(logits)).toEqual([handLogit(1, 2), handLogit(-1, 0.5), handLogit(3, -2), handLogit(0, 0)]);
      disposeNetwork(loaded);
    }
  });

  it('refuses a member whose input width is not the preprocessing width, and frees what it built', async () => {
    baseline = tf.memory().numTensors;
    const model = handMlp();
    const member = networkMemberOf(model, 0);
    disposeNetwork(model);
    await expect(loadNetworkMember(member, 3)).rejects.toThrow('The network takes 2 inputs; the preprocessing gives 3.');
  });

  it('loads an ensemble whose calibrated probability is the calibrator on the mean of the shifted logits', async () => {
    baseline = tf.memory().numTensors;
    const first = handMlp();
    const second = buildNetwork(2, { kind: 'logistic', hiddenUnits: [], dropout: 0, seed: 1 });
    writeWeights(second, [Float32Array.from([0.5, -1.25]), Float32Array.from([0.25])]);
    const members = [networkMemberOf(first, 0.5), networkMemberOf(second, -0.25)];
    disposeNetwork(first);
    disposeNetwork(second);
    const calibrator = { method: 'platt' as const, a: 0.8, b: -0.1 };
    const model = await scoringModelOf({
      kind: 'network',
      network: { kind: 'mlp', hiddenUnits: [2], dropout: 0, seed: 5 },
      inputWidth: 2,
      members: members.map(viaJson),
      calibrator,
      quantization: 'none',
    });
    const p = predictCalibrated(model, Float32Array.from([1, 2]));
    // Hand: member logits −1.5 (h = [1.5, 4]: 2.25 − 4 + 0.25) and −1.75 (0.5 − 2.5 + 0.25), minus shifts 0.5 and −0.25: mean (−2 − 1.5) / 2.
    expect(handLogit(1, 2)).toBe(-1.5);
    const z = -1.75;
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(-(0.8 * z - 0.1))), 12);
    disposeScoringModel(model);
  });
});
