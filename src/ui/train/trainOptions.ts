import type { BackendName } from '../../model/backendChoice';
import type { ModelKind, NetworkSpec } from '../../model/network';
import type { TrainSettings } from '../../model/train';
import type { ModelFamily } from '../../worker/protocol';
import { DEFAULT_MODEL, DEFAULT_NETWORK, DEFAULT_SETTINGS, defaultSettingsFor } from '../../model/defaults';

/** The model the form trains: a tfjs network (logistic regression or an MLP), a points scorecard on WoE bins, or gradient-boosted trees (both no tfjs). */
export type ModelChoice = ModelKind | 'scorecard' | 'boosted';

/** The model a new session trains (the same default as `npm run evaluate`). */
export const DEFAULT_MODEL_CHOICE: ModelChoice = DEFAULT_MODEL;

/** Everything the training form edits. */
export interface TrainOptions {
  readonly kind: ModelChoice;
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
  /** Epochs every run lasts before early stopping may end it. */
  readonly minEpochs: number;
  readonly backend: BackendName | 'auto';
  /** Folds of an extra stratified cross-validation after training; 0 for none. */
  readonly crossValidationFolds: number;
}

/** The form's defaults: the model's defaults, on the automatically chosen backend. */
export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  kind: DEFAULT_MODEL_CHOICE,
  hiddenUnits: DEFAULT_NETWORK.hiddenUnits,
  dropout: DEFAULT_NETWORK.dropout,
  l2: DEFAULT_SETTINGS.l2,
  optimizer: DEFAULT_SETTINGS.optimizer,
  learningRate: DEFAULT_SETTINGS.learningRate,
  batchSize: DEFAULT_SETTINGS.batchSize,
  epochs: DEFAULT_SETTINGS.epochs,
  seed: DEFAULT_SETTINGS.seed,
  classWeights: DEFAULT_SETTINGS.classWeights,
  earlyStopping: DEFAULT_SETTINGS.patience !== null,
  patience: DEFAULT_SETTINGS.patience ?? 5,
  minEpochs: DEFAULT_SETTINGS.minEpochs,
  backend: 'auto',
  crossValidationFolds: 0,
};

export { defaultBatchSize, defaultClassWeights, defaultEpochs } from '../../model/defaults';

/** The settings whose defaults follow the prepared training rows (their number and balance). */
export type DataDefaults = Pick<TrainOptions, 'batchSize' | 'epochs' | 'patience' | 'minEpochs' | 'classWeights'>;

/** The defaults for `trainRows` training rows (fit and validation), `trainBadRows` of them bad: as `npm run evaluate` uses them. */
export function dataDefaults(trainRows: number, trainBadRows: number): DataDefaults {
  const settings = defaultSettingsFor(trainRows, trainBadRows);
  return {
    batchSize: settings.batchSize,
    epochs: settings.epochs,
    patience: settings.patience ?? DEFAULT_TRAIN_OPTIONS.patience,
    minEpochs: settings.minEpochs,
    classWeights: settings.classWeights,
  };
}

/** The model family, network and loop settings the worker needs (a scorecard and boosted trees ignore the network and loop settings). */
export function toTrainRequestParts(options: TrainOptions): { model: ModelFamily; network: NetworkSpec; settings: TrainSettings } {
  const isNetwork = options.kind === 'mlp' || options.kind === 'logistic';
  return {
    model: isNetwork ? 'network' : (options.kind as 'scorecard' | 'boosted'),
    network: {
      kind: options.kind === 'mlp' ? 'mlp' : options.kind === 'logistic' ? 'logistic' : DEFAULT_NETWORK.kind,
      hiddenUnits: options.hiddenUnits,
      dropout: options.dropout,
      seed: options.seed,
    },
    settings: {
      epochs: options.epochs,
      batchSize: options.batchSize,
      learningRate: options.learningRate,
      optimizer: options.optimizer,
      l2: options.l2,
      seed: options.seed,
      classWeights: options.classWeights,
      patience: options.earlyStopping ? options.patience : null,
      minEpochs: options.earlyStopping ? options.minEpochs : 0,
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
