import type { BackendName } from '../../model/backend';
import type { ModelKind, NetworkSpec } from '../../model/network';
import type { TrainSettings } from '../../model/train';

/** Everything the training form edits. */
export interface TrainOptions {
  readonly kind: ModelKind;
  readonly hiddenUnits: readonly number[];
  readonly dropout: number;
  readonly l2: number;
  readonly optimizer: 'adam' | 'sgd';
  readonly learningRate: number;
  readonly batchSize: number;
  readonly epochs: number;
  readonly seed: number;
  readonly classWeights: boolean;
  readonly earlyStopping: boolean;
  readonly patience: number;
  readonly backend: BackendName | 'auto';
}

/** Defaults: one hidden layer of 32 relu, Adam 0.003, early stopping with patience 5 restoring the best epoch. */
export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  kind: 'mlp',
  hiddenUnits: [32],
  dropout: 0,
  l2: 0,
  optimizer: 'adam',
  learningRate: 0.003,
  batchSize: 64,
  epochs: 20,
  seed: 42,
  classWeights: false,
  earlyStopping: true,
  patience: 5,
  backend: 'auto',
};

/** A batch size that gives small data sets enough steps per epoch and large ones speed. */
export function defaultBatchSize(rows: number): number {
  return rows < 2_000 ? 32 : rows < 10_000 ? 64 : rows < 100_000 ? 128 : 256;
}

/** Class weights are on by default when the rarer class is under 20% of the rows. */
export function defaultClassWeights(positives: number, negatives: number): boolean {
  return Math.min(positives, negatives) < 0.2 * (positives + negatives);
}

/** The network and loop settings the worker needs. */
export function toTrainRequestParts(options: TrainOptions): { network: NetworkSpec; settings: TrainSettings } {
  return {
    network: { kind: options.kind, hiddenUnits: options.hiddenUnits, dropout: options.dropout, seed: options.seed },
    settings: {
      epochs: options.epochs,
      batchSize: options.batchSize,
      learningRate: options.learningRate,
      optimizer: options.optimizer,
      l2: options.l2,
      seed: options.seed,
      classWeights: options.classWeights,
      patience: options.earlyStopping ? options.patience : null,
      restoreBest: options.earlyStopping,
    },
  };
}

/** "32" or "64, 32" → [64, 32]; null when not a list of positive whole numbers. */
export function parseHiddenUnits(text: string): number[] | null {
  const parts = text.split(/[,\s]+/).filter(Boolean);
  if (parts.length === 0 || parts.length > 4) return null;
  const units = parts.map(Number);
  return units.every((u) => Number.isInteger(u) && u >= 1 && u <= 512) ? units : null;
}
