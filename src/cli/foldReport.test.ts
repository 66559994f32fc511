import { describe, expect, it } from 'vitest';
import { summariseFolds, type FoldReport } from './foldReport';

/** A fold report with made-up figures; only the metrics, the baseline and the epochs matter to the summary. */
function fold(n: number, metrics: Partial<FoldReport>, baseline: Pick<FoldReport['baseline'], 'logloss' | 'brier' | 'ece'>, epochsRun: number[]): FoldReport {
  return {
    fold: n,
    trainRows: 800,
    testRows: 200,
    members: epochsRun.length,
    epochsRun,
    bestEpochs: epochsRun.map((e) => e - 1),
    calibration: 'platt',
    trainMs: 1000,
    auc: 0,
    aucLower: 0,
    aucUpper: 0,
    ks: 0,
    gini: 0,
    accuracy: 0,
    precision: 0,
    recall: 0,
    f1: 0,
    logloss: 0,
    brier: 0,
    ece: 0,
    meanPredicted: 0,
    observedBadRate: 0,
    features: ['a', 'b'],
    ...metrics,
    baseline: { auc: 0.5, accuracy: 0.7, ...baseline },
  };
}

// Three made-up folds. summariseFolds documents the SAMPLE standard deviation (n − 1 = 2 in the
// denominator); each pair of figures below is worked out by hand, to 4 decimals as the code rounds:
//   auc    0.80 0.84 0.88: mean 0.84; deviations ∓0.04, 0: (0.0016·2)/2 = 0.0016, sd 0.04
//          (the population sd would be √(0.0032/3) = 0.0327)
//   ks     0.50 0.53 0.62: mean 1.65/3 = 0.55; deviations −0.05 −0.02 +0.07; squares 0.0025 + 0.0004
//          + 0.0049 = 0.0078; /2 = 0.0039; sd √0.0039 = 0.06245 → 0.0624 (population 0.0510)
//   gini   0.60 0.68 0.76: mean 0.68, sd 0.08
//   accuracy 0.70 0.75 0.80: mean 0.75, sd 0.05
//   precision 0.60 0.50 0.70: mean 0.60, sd 0.10
//   recall 0.30 0.45 0.60: mean 0.45, sd 0.15
//   f1     0.40 0.48 0.44: mean 0.44, sd 0.04
//   logloss 0.41 0.47 0.44: mean 0.44, sd 0.03
//   brier  0.10 0.12 0.17: mean 0.13; deviations −0.03 −0.01 +0.04; squares 0.0009 + 0.0001 + 0.0016
//          = 0.0026; /2 = 0.0013; sd √0.0013 = 0.036056 → 0.0361 (population 0.0294)
//   ece    0.01 0.02 0.04: mean 0.07/3 = 0.023333 → 0.0233; deviations −0.013333 −0.003333 +0.016667;
//          squares 0.000177778 + 0.000011111 + 0.000277778 = 0.000466667; /2 = 0.000233333;
//          sd 0.015275 → 0.0153 (population 0.0125)
//   meanPredicted 0.21 0.23 0.22: mean 0.22, sd 0.01
//   observedBadRate 0.22 0.22 0.22: mean 0.22, sd 0
// Baseline means: log loss (0.50 + 0.52 + 0.57)/3 = 0.53, Brier (0.16 + 0.17 + 0.18)/3 = 0.17,
// ECE (0.001 + 0.002 + 0.006)/3 = 0.003.
// Epochs: the members ran 12 and 30 (fold 1), 7 (fold 2), 20 and 16 (fold 3). Over all five
// members: min 7, max 30, mean 85/5 = 17 (the mean of the fold means, (21 + 7 + 18)/3 = 15.33,
// would be the wrong one: it weighs a one-member fold like a two-member fold).
const FOLDS = [
  fold(
    1,
    { auc: 0.8, ks: 0.5, gini: 0.6, accuracy: 0.7, precision: 0.6, recall: 0.3, f1: 0.4, logloss: 0.41, brier: 0.1, ece: 0.01, meanPredicted: 0.21, observedBadRate: 0.22 },
    { logloss: 0.5, brier: 0.16, ece: 0.001 },
    [12, 30],
  ),
  fold(
    2,
    { auc: 0.84, ks: 0.53, gini: 0.68, accuracy: 0.75, precision: 0.5, recall: 0.45, f1: 0.48, logloss: 0.47, brier: 0.12, ece: 0.02, meanPredicted: 0.23, observedBadRate: 0.22 },
    { logloss: 0.52, brier: 0.17, ece: 0.002 },
    [7],
  ),
  fold(
    3,
    { auc: 0.88, ks: 0.62, gini: 0.76, accuracy: 0.8, precision: 0.7, recall: 0.6, f1: 0.44, logloss: 0.44, brier: 0.17, ece: 0.04, meanPredicted: 0.22, observedBadRate: 0.22 },
    { logloss: 0.57, brier: 0.18, ece: 0.006 },
    [20, 16],
  ),
];

describe('summariseFolds', () => {
  it('gives each metric its mean and sample standard deviation over the folds, rounded to 4 decimals', () => {
    const summary = summariseFolds(FOLDS);
    expect(summary.mean).toEqual({
      auc: 0.84,
      ks: 0.55,
      gini: 0.68,
      accuracy: 0.75,
      precision: 0.6,
      recall: 0.45,
      f1: 0.44,
      logloss: 0.44,
      brier: 0.13,
      ece: 0.0233,
      meanPredicted: 0.22,
      observedBadRate: 0.22,
    });
    expect(summary.sd).toEqual({
      auc: 0.04,
      ks: 0.0624,
      gini: 0.08,
      accuracy: 0.05,
      precision: 0.1,
      recall: 0.15,
      f1: 0.04,
      logloss: 0.03,
      brier: 0.0361,
      ece: 0.0153,
      meanPredicted: 0.01,
      observedBadRate: 0,
    });
  });

  it("gives the base-rate baseline's mean log loss, Brier and ECE", () => {
    expect(summariseFolds(FOLDS).baseline).toEqual({ logloss: 0.53, brier: 0.17, ece: 0.003 });
  });

  it('spreads the epochs over every member of every fold: min 7, max 30, mean 17', () => {
    expect(summariseFolds(FOLDS).epochsRun).toEqual({ min: 7, max: 30, mean: 17 });
  });

  it('gives a standard deviation of 0 for a single fold, whose figures are the means', () => {
    // One value has no sample spread (n − 1 = 0); the code documents 0 rather than NaN.
    const summary = summariseFolds([FOLDS[1]]);
    expect(summary.mean.auc).toBe(0.84);
    expect(summary.sd.auc).toBe(0);
    expect(summary.sd.ks).toBe(0);
    expect(summary.epochsRun).toEqual({ min: 7, max: 7, mean: 7 });
  });
});
