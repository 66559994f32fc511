/** Counts at one threshold: a prediction is positive when probability ≥ threshold. */
export interface Confusion {
  readonly tp: number;
  readonly fp: number;
  readonly tn: number;
  readonly fn: number;
}

/** Threshold metrics plus rank and probability quality, all on held-out rows. */
export interface BinaryMetrics {
  readonly accuracy: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly auc: number;
  readonly logLoss: number;
  readonly confusion: Confusion;
  readonly threshold: number;
  readonly rows: number;
  readonly positiveRate: number;
}

/** Confusion counts of 0/1 `labels` against `probabilities` at `threshold`. */
export function computeConfusion(labels: ArrayLike<number>, probabilities: ArrayLike<number>, threshold: number): Confusion {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < labels.length; i++) {
    const predicted = probabilities[i] >= threshold;
    if (labels[i] === 1) {
      if (predicted) tp++;
      else fn++;
    } else if (predicted) fp++;
    else tn++;
  }
  return { tp, fp, tn, fn };
}

/**
 * ROC AUC: the chance a random positive scores above a random negative, ties counting one half
 * (Mann–Whitney U with average ranks). 0.5 when a class is absent.
 */
export function computeRocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const n = labels.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let rankSumPositives = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]] === scores[order[i]]) j++;
    const averageRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (labels[order[k]] === 1) {
        positives++;
        rankSumPositives += averageRank;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return 0.5;
  return (rankSumPositives - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Mean binary cross-entropy in nats, probabilities clipped to [1e-7, 1 − 1e-7]. */
export function computeLogLoss(labels: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  if (labels.length === 0) return Number.NaN;
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(1 - 1e-7, Math.max(1e-7, probabilities[i]));
    total -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return total / labels.length;
}

/** Ratios of a confusion matrix, each in [0, 1]. */
export interface ConfusionRatios {
  readonly accuracy: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly rows: number;
  /** Share of rows whose label is 1. */
  readonly positiveRate: number;
}

/** Accuracy, precision, recall, F1 and positive rate of a confusion matrix; undefined ratios are 0. */
export function ratiosFromConfusion(confusion: Confusion): ConfusionRatios {
  const { tp, fp, tn, fn } = confusion;
  const rows = tp + fp + tn + fn;
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  return {
    accuracy: rows > 0 ? (tp + tn) / rows : 0,
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
    rows,
    positiveRate: rows > 0 ? (tp + fn) / rows : 0,
  };
}

/** Accuracy, precision, recall, F1 at `threshold`, plus AUC and log loss. Undefined ratios are 0. */
export function computeBinaryMetrics(labels: ArrayLike<number>, probabilities: ArrayLike<number>, threshold = 0.5): BinaryMetrics {
  const confusion = computeConfusion(labels, probabilities, threshold);
  return {
    ...ratiosFromConfusion(confusion),
    auc: computeRocAuc(labels, probabilities),
    logLoss: computeLogLoss(labels, probabilities),
    confusion,
    threshold,
  };
}

/**
 * The naive baseline: every row gets the training base rate as its probability. Its AUC is 0.5,
 * its accuracy that of always predicting the majority class.
 */
export function computeBaselineMetrics(labels: ArrayLike<number>, trainPositiveRate: number, threshold = 0.5): BinaryMetrics {
  const constant = new Float64Array(labels.length).fill(trainPositiveRate);
  return computeBinaryMetrics(labels, constant, threshold);
}
