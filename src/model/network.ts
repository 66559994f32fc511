import * as tf from '@tensorflow/tfjs';
import type { NetworkSpec } from '../core/training/specs';

export type { ModelKind, NetworkSpec } from '../core/training/specs';

/**
 * Builds Dense(relu)[+Dropout]… → Dense(1) with seeded initialisers. The last layer outputs the
 * logit; the loss applies the sigmoid itself (numerically stable) and predictions add it.
 */
export function buildNetwork(inputWidth: number, spec: NetworkSpec): tf.Sequential {
  const model = tf.sequential();
  const hidden = spec.kind === 'mlp' ? spec.hiddenUnits : [];
  hidden.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        units,
        activation: 'relu',
        inputShape: i === 0 ? [inputWidth] : undefined,
        kernelInitializer: tf.initializers.heNormal({ seed: spec.seed + i }),
      }),
    );
    if (spec.dropout > 0) model.add(tf.layers.dropout({ rate: spec.dropout, seed: spec.seed + 100 + i }));
  });
  model.add(
    tf.layers.dense({
      units: 1,
      inputShape: hidden.length === 0 ? [inputWidth] : undefined,
      kernelInitializer: tf.initializers.glorotUniform({ seed: spec.seed + 1000 }),
    }),
  );
  return model;
}

/** The weight matrices (not biases) of the dense layers: what L2 penalises. */
export function kernelsOf(model: tf.LayersModel): tf.Variable[] {
  return model.trainableWeights.filter((w) => w.name.includes('kernel')).map((w) => w.read() as tf.Variable);
}

/** The model's weights as plain arrays (portable across backends and into JSON). */
export function readWeights(model: tf.LayersModel): Float32Array[] {
  return model.getWeights().map((w) => w.dataSync().slice() as Float32Array);
}

/** Sets the model's weights from plain arrays taken by `readWeights` of a model of the same shape. */
export function writeWeights(model: tf.LayersModel, weights: readonly Float32Array[]): void {
  const current = model.getWeights();
  const tensors = weights.map((w, i) => tf.tensor(w, current[i].shape));
  model.setWeights(tensors);
  tensors.forEach((t) => t.dispose());
}

// Rows per prediction call: keeps tensors small whatever the data size. Each call predicts its rows
// as one batch (predict's default cuts them into batches of 32: 25 times slower on 8,192 rows).
const PREDICT_CHUNK_ROWS = 8192;

/** Probabilities of the positive class for row-major `x` (rows × width), predicted in chunks. */
export function predictProbabilities(model: tf.LayersModel, x: Float32Array, width: number): Float32Array {
  const rows = x.length / width;
  const out = new Float32Array(rows);
  for (let start = 0; start < rows; start += PREDICT_CHUNK_ROWS) {
    const count = Math.min(PREDICT_CHUNK_ROWS, rows - start);
    const chunk = tf.tidy(() => tf.sigmoid(model.predict(tf.tensor2d(x.subarray(start * width, (start + count) * width), [count, width]), { batchSize: count }) as tf.Tensor));
    out.set(chunk.dataSync() as Float32Array, start);
    chunk.dispose();
  }
  return out;
}

/** The network's logits (log-odds of label 1) for row-major `x` (rows × width), predicted in chunks. */
export function predictLogits(model: tf.LayersModel, x: Float32Array, width: number): Float32Array {
  const rows = x.length / width;
  const out = new Float32Array(rows);
  for (let start = 0; start < rows; start += PREDICT_CHUNK_ROWS) {
    const count = Math.min(PREDICT_CHUNK_ROWS, rows - start);
    const chunk = tf.tidy(() => model.predict(tf.tensor2d(x.subarray(start * width, (start + count) * width), [count, width]), { batchSize: count }) as tf.Tensor);
    out.set(chunk.dataSync() as Float32Array, start);
    chunk.dispose();
  }
  return out;
}

/** Frees the model's weights. */
export function disposeNetwork(model: tf.LayersModel): void {
  model.dispose();
}
