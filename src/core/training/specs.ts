// The settings of a network and of its training loop as plain values: chosen in the form or the
// command line, used by the tfjs model code, and stored in the model bundle's provenance.

/** The model family: logistic regression, or a multi-layer perceptron. */
export type ModelKind = 'logistic' | 'mlp';

/** The network's shape and regularisation; the seed fixes the initial weights and dropout masks. */
export interface NetworkSpec {
  readonly kind: ModelKind;
  /** Units per hidden layer (ignored for logistic regression). */
  readonly hiddenUnits: readonly number[];
  /** Dropout rate after each hidden layer, 0 for none. */
  readonly dropout: number;
  readonly seed: number;
}

/** Loop settings for one training run. */
export interface TrainSettings {
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly optimizer: 'adam' | 'sgd';
  readonly l2: number;
  /** Seeds the batch order; with the model's seed, a run on the cpu backend is bit-for-bit repeatable. */
  readonly seed: number;
  /** Weight each class by n / (2 · n_class) so a rare class counts as much as a common one. */
  readonly classWeights: boolean;
  /** Stop when the validation loss has not improved for this many epochs (null: never). */
  readonly patience: number | null;
  /** Early stopping never ends a run before this many epochs (0: any time). */
  readonly minEpochs: number;
  /** At the end, go back to the weights of the epoch with the lowest validation loss. */
  readonly restoreBest: boolean;
}
