// Our weight encoder against tfjs's own decoder: the bytes quantizeWeights writes must load into a
// real layers model with exactly the weights dequantizeWeights computes, and score as the original.

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { dequantizeWeights, float16BitsToNumber, quantizationTolerance, quantizeWeights, type WeightTensor } from '../core/bundle/quantize';
import type { WeightQuantization, WeightSpec } from '../core/bundle/types';
import { createRandom } from '../core/split/random';
import { buildNetwork, predictProbabilities, readWeights, writeWeights } from './network';

const WIDTH = 7;
const MODES: readonly WeightQuantization[] = ['none', 'float16', 'uint8'];

/** The model's weights under the names tfjs saves and loads them by (`dense_Dense1/kernel`). */
function namedWeights(model: tf.LayersModel): WeightTensor[] {
  const values = readWeights(model);
  return model.weights.map((w, i) => ({ name: w.originalName, shape: w.shape as number[], values: values[i] }));
}

/** The model as tf.loadLayersModel loads a bundle member: topology JSON, specs and one ArrayBuffer. */
async function load(model: tf.LayersModel, weightSpecs: readonly WeightSpec[], data: Uint8Array<ArrayBuffer>): Promise<tf.LayersModel> {
  const weightData = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  const modelTopology = model.toJSON(null, false) as tf.io.ModelArtifacts['modelTopology'];
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology, weightSpecs: weightSpecs as tf.io.WeightsManifestEntry[], weightData }));
}

/** Rows inside the span reference applicants come from: standardised values within ±2, PLE and one-hot inputs in [0, 1]. */
function rows(count: number, seed: number): Float32Array {
  const random = createRandom(seed);
  return Float32Array.from({ length: count * WIDTH }, (_, i) => (i % WIDTH < 4 ? 4 * random() - 2 : random() < 0.5 ? 0 : random()));
}

describe('quantised weights load into tfjs', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  // Untrained (heNormal / glorotUniform kernels, zero biases: the constant-tensor case) and one
  // with weights like a trained network's: wider, non-zero biases, one large weight setting uint8's step.
  const trained = (model: tf.LayersModel) => {
    const random = createRandom(5);
    writeWeights(
      model,
      readWeights(model).map((w, t) => w.map((v, i) => (t === 0 && i === 3 ? 3.1 : v * 2.5 + (t % 2 === 1 ? random() - 0.5 : 0)))),
    );
  };

  it.each<[string, boolean]>([
    ['untrained', false],
    ['trained-like', true],
  ])('%s network: tfjs loads exactly dequantizeWeights, and scores within the tolerance', async (_, adjust) => {
    const model = buildNetwork(WIDTH, { kind: 'mlp', hiddenUnits: [8], dropout: 0, seed: 1 });
    if (adjust) trained(model);
    const tensors = namedWeights(model);
    const x = rows(200, 3);
    const original = predictProbabilities(model, x, WIDTH);
    for (const mode of MODES) {
      const { specs, data } = quantizeWeights(tensors, mode);
      const loaded = await load(model, specs, data);
      const mine = dequantizeWeights(specs, data);
      const theirs = readWeights(loaded);
      expect(theirs.length).toBe(mine.length);
      theirs.forEach((values, t) => expect(values).toEqual(mine[t]));
      if (mode === 'none') theirs.forEach((values, t) => expect(values).toEqual(tensors[t].values));
      const scored = predictProbabilities(loaded, x, WIDTH);
      let worst = 0;
      for (let i = 0; i < scored.length; i++) worst = Math.max(worst, Math.abs(scored[i] - original[i]));
      expect(worst).toBeLessThanOrEqual(quantizationTolerance(mode));
      if (mode !== 'none') expect(worst).toBeGreaterThan(0);
      loaded.dispose();
    }
    model.dispose();
  });

  it("decodes every half and every uint8 level as tfjs's decodeWeights does", () => {
    // All finite halves through our encoder's own manifest entry: 0x0000–0x7BFF and their negatives.
    const halves = new Uint16Array(2 * 0x7c00);
    for (let h = 0; h < 0x7c00; h++) {
      halves[h] = h;
      halves[0x7c00 + h] = 0x8000 | h;
    }
    const bytes = new Uint8Array(halves.length * 2);
    halves.forEach((h, i) => {
      bytes[2 * i] = h & 0xff;
      bytes[2 * i + 1] = h >>> 8;
    });
    const levels = Uint8Array.from({ length: 256 }, (_, i) => i);
    const specs: WeightSpec[] = [
      { name: 'halves', shape: [halves.length], dtype: 'float32', quantization: { dtype: 'float16' } },
      { name: 'levels', shape: [256], dtype: 'float32', quantization: { dtype: 'uint8', scale: 0.013725490196078431, min: -1.7019607843137254 } },
    ];
    const data = new Uint8Array(bytes.length + 256);
    data.set(bytes);
    data.set(levels, bytes.length);
    const decoded = tf.io.decodeWeights(data.buffer, specs as tf.io.WeightsManifestEntry[]);
    const mine = dequantizeWeights(specs, data);
    expect(decoded.halves.dataSync()).toEqual(mine[0]);
    expect(decoded.levels.dataSync()).toEqual(mine[1]);
    expect(mine[0][0x3c00]).toBe(1);
    expect(mine[0][0x7c00 + 0x4000]).toBe(float16BitsToNumber(0xc000));
    Object.values(decoded).forEach((t) => t.dispose());
  });
});
