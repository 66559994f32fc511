import * as tf from '@tensorflow/tfjs';

/** The network's shape and optimiser settings. */
export interface NetworkConfig {
  readonly hiddenUnits: readonly number[];
  readonly learningRate: number;
  readonly seed: number;
}

/** Default network: one hidden layer of 32 relu units, Adam at 0.003. */
export const DEFAULT_NETWORK: NetworkConfig = { hiddenUnits: [32], learningRate: 0.003, seed: 42 };

/** Builds and compiles Dense(relu)… → Dense(1, sigmoid) with seeded initialisers, Adam and binary cross-entropy. */
export function buildNetwork(inputWidth: number, config: NetworkConfig): tf.LayersModel {
  const model = tf.sequential();
  config.hiddenUnits.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        units,
        activation: 'relu',
        inputShape: i === 0 ? [inputWidth] : undefined,
        kernelInitializer: tf.initializers.heNormal({ seed: config.seed + i }),
      }),
    );
  });
  model.add(
    tf.layers.dense({
      units: 1,
      activation: 'sigmoid',
      inputShape: config.hiddenUnits.length === 0 ? [inputWidth] : undefined,
      kernelInitializer: tf.initializers.glorotUniform({ seed: config.seed + 1000 }),
    }),
  );
  model.compile({ optimizer: tf.train.adam(config.learningRate), loss: 'binaryCrossentropy' });
  return model;
}

/** Frees the model's weights and its optimiser's slot variables (tfjs leaves a passed-in optimiser alive). */
export function disposeNetwork(model: tf.LayersModel): void {
  const optimizer = model.optimizer;
  model.dispose();
  optimizer?.dispose();
}

/** Probabilities of the positive class for row-major `x` (rows × width). */
export async function predictProbabilities(model: tf.LayersModel, x: Float32Array, width: number): Promise<Float32Array> {
  const rows = x.length / width;
  if (rows === 0) return new Float32Array(0);
  const output = tf.tidy(() => model.predict(tf.tensor2d(x, [rows, width])) as tf.Tensor);
  try {
    return (await output.data()) as Float32Array;
  } finally {
    output.dispose();
  }
}
