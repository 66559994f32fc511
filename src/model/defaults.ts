import type { NumericEncoding } from '../core/features/preprocessor';
import { chooseValidationPlan, type ValidationPlan } from '../core/pipeline';
import type { NetworkSpec } from './network';
import type { TrainSettings } from './train';

/** How numeric features reach the network by default (the app and `npm run evaluate` alike): by training rows (chooseNumericEncoding). */
export const DEFAULT_NUMERIC_ENCODING: NumericEncoding | 'auto' = 'auto';

/**
 * The model a run fits unless told otherwise, in the app and in `npm run evaluate`: boosted trees,
 * level with or above scikit-learn's best model on every shared book (README, "Model quality").
 */
export const DEFAULT_MODEL = 'boosted' as const;

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
  minEpochs: 0,
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

// Early stopping counts optimizer steps, not epochs: on a few hundred rows an epoch is a dozen
// steps and its validation loss on a small fold is noisy, so patience 5 stopped folds after 8
// epochs where others ran 38. About this many steps of patience (and of a minimum run) hold for
// any size: 5 epochs on credit_risk (180 steps each), 20 on german_credit (20 steps each).
const PATIENCE_STEPS = 600;
const MIN_RUN_STEPS = 400;

/** Epochs without improvement before stopping: about PATIENCE_STEPS optimizer steps, 5 to 20 epochs. */
export function defaultPatience(stepsPerEpoch: number): number {
  return Math.min(20, Math.max(5, Math.ceil(PATIENCE_STEPS / Math.max(1, stepsPerEpoch))));
}

/** Epochs every run lasts before early stopping may end it: about MIN_RUN_STEPS steps, at most 20 epochs. */
export function defaultMinEpochs(stepsPerEpoch: number): number {
  return Math.min(20, Math.ceil(MIN_RUN_STEPS / Math.max(1, stepsPerEpoch)));
}

/**
 * The default settings adapted to a data set's training rows (fit and validation together) and
 * class balance: batch size, epochs, patience and minimum epochs from the rows each member fits on.
 */
export function defaultSettingsFor(trainingRows: number, positives: number, plan: ValidationPlan = chooseValidationPlan(trainingRows)): TrainSettings {
  const fitRows = Math.max(1, Math.round(plan.kind === 'cross-fit' ? trainingRows * (1 - 1 / plan.folds) : trainingRows * (1 - plan.fraction)));
  const batchSize = defaultBatchSize(trainingRows);
  const steps = Math.ceil(fitRows / batchSize);
  return {
    ...DEFAULT_SETTINGS,
    epochs: defaultEpochs(trainingRows),
    batchSize,
    patience: defaultPatience(steps),
    minEpochs: defaultMinEpochs(steps),
    classWeights: defaultClassWeights(positives, trainingRows - positives),
  };
}
