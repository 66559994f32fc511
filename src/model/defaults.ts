import type { NetworkSpec } from './network';
import type { TrainSettings } from './train';

/** The default network: one hidden layer of 32 relu units, no dropout, seed 42. */
export const DEFAULT_NETWORK: NetworkSpec = { kind: 'mlp', hiddenUnits: [32], dropout: 0, seed: 42 };

/** Default loop: Adam 0.003, up to 80 epochs, early stopping (patience 5) restoring the best epoch. */
export const DEFAULT_SETTINGS: TrainSettings = {
  epochs: 80,
  batchSize: 64,
  learningRate: 0.003,
  optimizer: 'adam',
  l2: 0,
  seed: 42,
  classWeights: false,
  patience: 5,
  restoreBest: true,
};

/** A batch size that gives small data sets enough steps per epoch and large ones speed. */
export function defaultBatchSize(rows: number): number {
  return rows < 2_000 ? 32 : rows < 10_000 ? 64 : rows < 100_000 ? 128 : 256;
}

/**
 * Epochs allowed: early stopping (on by default) ends most runs well before 80 (credit_risk's 5
 * folds stop after 30–73); past 100,000 rows an epoch takes seconds, so 20.
 */
export function defaultEpochs(rows: number): number {
  return rows < 100_000 ? 80 : 20;
}

/** Class weights are on by default when the rarer class is under 20% of the rows. */
export function defaultClassWeights(positives: number, negatives: number): boolean {
  return Math.min(positives, negatives) < 0.2 * (positives + negatives);
}

/** The default settings adapted to a data set's size and class balance. */
export function defaultSettingsFor(rows: number, positives: number): TrainSettings {
  return { ...DEFAULT_SETTINGS, epochs: defaultEpochs(rows), batchSize: defaultBatchSize(rows), classWeights: defaultClassWeights(positives, rows - positives) };
}
