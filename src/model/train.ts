import * as tf from '@tensorflow/tfjs';
import type { EncodedRows } from '../core/pipeline';

/** Loop settings for one training run. */
export interface TrainOptions {
  readonly epochs: number;
  readonly batchSize: number;
}

/** One finished epoch, as reported to the UI. */
export interface EpochReport {
  readonly epoch: number;
  readonly epochs: number;
  readonly loss: number;
  readonly valLoss: number | null;
  readonly elapsedMs: number;
}

/** How a run ended. */
export interface TrainOutcome {
  readonly epochsRun: number;
  readonly stopped: boolean;
  readonly elapsedMs: number;
}

// Yield to the worker's event loop this often so a Stop message is handled promptly.
const YIELD_EVERY_MS = 50;

/** Trains `model` on `train` (validating on `validation` when it has rows); `shouldStop` is polled between batches. */
export async function trainNetwork(
  model: tf.LayersModel,
  train: EncodedRows,
  validation: EncodedRows,
  width: number,
  options: TrainOptions,
  onEpoch: (report: EpochReport) => void,
  shouldStop: () => boolean,
): Promise<TrainOutcome> {
  const started = performance.now();
  let lastYield = started;
  let epochsRun = 0;
  let stopped = false;
  const xs = tf.tensor2d(train.x, [train.rows, width]);
  const ys = tf.tensor2d(train.y, [train.rows, 1]);
  const validationData: [tf.Tensor, tf.Tensor] | undefined =
    validation.rows > 0 ? [tf.tensor2d(validation.x, [validation.rows, width]), tf.tensor2d(validation.y, [validation.rows, 1])] : undefined;
  try {
    await model.fit(xs, ys, {
      epochs: options.epochs,
      batchSize: options.batchSize,
      shuffle: true,
      validationData,
      yieldEvery: 'never',
      verbose: 0,
      callbacks: {
        onBatchEnd: async () => {
          if (performance.now() - lastYield > YIELD_EVERY_MS) {
            await new Promise((resolve) => setTimeout(resolve, 0));
            lastYield = performance.now();
          }
          if (shouldStop()) {
            stopped = true;
            model.stopTraining = true;
          }
        },
        onEpochEnd: async (epoch, logs) => {
          epochsRun = epoch + 1;
          onEpoch({
            epoch: epoch + 1,
            epochs: options.epochs,
            loss: Number(logs?.loss),
            valLoss: logs?.val_loss === undefined ? null : Number(logs.val_loss),
            elapsedMs: performance.now() - started,
          });
          if (shouldStop()) {
            stopped = true;
            model.stopTraining = true;
          }
        },
      },
    });
  } finally {
    xs.dispose();
    ys.dispose();
    validationData?.forEach((t) => t.dispose());
  }
  return { epochsRun, stopped, elapsedMs: performance.now() - started };
}
