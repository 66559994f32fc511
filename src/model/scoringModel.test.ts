import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeLogLoss } from '../core/metrics/binary';
import { denseRows } from '../core/features/encodedRows';
import { stratifiedKFold } from '../core/split/kfold';
import { createRandom } from '../core/split/random';
import { stratifiedSplit } from '../core/split/stratifiedSplit';
import { predictLogits, type NetworkSpec } from './network';
import { disposeScoringModel, fitScoringModel, predictCalibrated, type TrainMember } from './scoringModel';
import { trainModel, type TrainSettings } from './train';

/** Rows from a known logistic model, logit = −2.6 + x0 + 0.5·x1 (about 10% positives): the true probabilities are known. */
function rareEvents(rows: number, seed: number) {
  const random = createRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const x = new Float32Array(rows * 2);
  const y = new Float32Array(rows);
  const truth = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    x[2 * i] = normal();
    x[2 * i + 1] = normal();
    const p = 1 / (1 + Math.exp(-(-2.6 + x[2 * i] + 0.5 * x[2 * i + 1])));
    truth[i] = p;
    y[i] = random() < p ? 1 : 0;
  }
  return { rows: denseRows(x, y, 2), x, y, truth };
}

const LOGISTIC: NetworkSpec = { kind: 'logistic', hiddenUnits: [], dropout: 0, seed: 1 };
const SETTINGS: TrainSettings = {
  epochs: 15,
  batchSize: 64,
  learningRate: 0.05,
  optimizer: 'adam',
  l2: 0,
  seed: 2,
  classWeights: true,
  patience: 5,
  minEpochs: 0,
  restoreBest: true,
};

const mean = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0) / values.length;

describe('fitScoringModel', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('undoes the class-weight prior shift and calibrates on validation rows: mean probability near the real rate, log loss below the base rate', async () => {
    const train = rareEvents(3000, 11);
    const test = rareEvents(4000, 12);
    const holdout = stratifiedSplit(train.y, 0.2, 3).test.sort();
    const fitted = await fitScoringModel({ train: train.rows, validationFolds: [holdout], width: 2 }, LOGISTIC, SETTINGS);
    try {
      expect(fitted.model.members).toHaveLength(1);
      expect(fitted.validationLabels).toHaveLength(holdout.length);
      // The shift is ln(w1 / w0) = ln(n0 / n1) of the rows the member fitted on (hand count).
      const inHoldout = new Set(holdout);
      let positives = 0;
      let negatives = 0;
      for (let i = 0; i < train.y.length; i++)
        if (!inHoldout.has(i)) {
          if (train.y[i] === 1) positives++;
          else negatives++;
        }
      expect(fitted.model.members[0].logitShift).toBeCloseTo(Math.log(negatives / positives), 10);

      const observed = mean(test.y);
      // The weighted network on its own overstates the rate several times over: what the shift fixes.
      const raw = predictLogits(fitted.model.members[0].network, test.x, 2).map((z) => 1 / (1 + Math.exp(-z)));
      expect(mean(raw)).toBeGreaterThan(2.5 * observed);
      const p = predictCalibrated(fitted.model, test.x);
      expect(Math.abs(mean(p) - observed) / observed).toBeLessThan(0.15);
      // Within 0.005 nats of the true probabilities' log loss (which beats the base rate's by about 0.05).
      const trainRate = mean(train.y);
      const best = computeLogLoss(test.y, test.truth);
      expect(best).toBeLessThan(computeLogLoss(test.y, new Float64Array(test.y.length).fill(trainRate)) - 0.04);
      expect(computeLogLoss(test.y, p)).toBeLessThan(best + 0.005);
      // The calibrator is plain JSON: a round trip predicts the same.
      const copy = { ...fitted.model, calibrator: JSON.parse(JSON.stringify(fitted.model.calibrator)) };
      expect(predictCalibrated(copy, test.x)).toEqual(p);
    } finally {
      disposeScoringModel(fitted.model);
    }
  }, 60_000);

  it('cross-fits one member per fold: every training row gets one out-of-fold prediction, and the members differ', async () => {
    const train = rareEvents(1000, 21);
    const folds = stratifiedKFold(train.y, 4, 5);
    const started: number[] = [];
    const fitted = await fitScoringModel(
      { train: train.rows, validationFolds: folds, width: 2 },
      LOGISTIC,
      { ...SETTINGS, epochs: 4 },
      { onMember: (member) => started.push(member) },
    );
    try {
      expect(started).toEqual([1, 2, 3, 4]);
      expect(fitted.model.members).toHaveLength(4);
      expect(fitted.validationLabels).toHaveLength(1000);
      // Pooled in fold order: the labels are the folds' labels, each row once.
      expect(Array.from(fitted.validationLabels)).toEqual(folds.flatMap((fold) => Array.from(fold, (i) => train.y[i])));
      const weights = fitted.model.members.map((m) => Array.from(m.network.getWeights()[0].dataSync()));
      expect(weights[0]).not.toEqual(weights[1]);
      // The ensemble's logit is the members' mean, shifts removed.
      const x = train.x.subarray(0, 2);
      const byHand = mean(fitted.model.members.map((m) => predictLogits(m.network, x, 2)[0] - m.logitShift));
      const calibrated = predictCalibrated({ ...fitted.model, calibrator: { method: 'none' } }, x)[0];
      expect(calibrated).toBeCloseTo(1 / (1 + Math.exp(-byHand)), 6);
    } finally {
      disposeScoringModel(fitted.model);
    }
  }, 60_000);

  it('stop keeps the members trained so far and calibrates on their folds only', async () => {
    const train = rareEvents(800, 31);
    const folds = stratifiedKFold(train.y, 4, 5);
    let batches = 0;
    const fitted = await fitScoringModel(
      { train: train.rows, validationFolds: folds, width: 2 },
      LOGISTIC,
      { ...SETTINGS, epochs: 2 },
      { hooks: { shouldStop: () => ++batches > 20 } },
    );
    try {
      expect(fitted.stopped).toBe(true);
      // 600 fit rows / 64 = 10 batches an epoch: the first member's 2 epochs, the second's first batch, then stop.
      expect(fitted.model.members).toHaveLength(2);
      expect(fitted.validationLabels).toHaveLength(folds[0].length + folds[1].length);
    } finally {
      disposeScoringModel(fitted.model);
    }
  }, 60_000);

  it("trains members side by side on two trainers to exactly the model trained one after another, with each member's progress named", async () => {
    const train = rareEvents(900, 41);
    const folds = stratifiedKFold(train.y, 5, 3);
    const MLP = { kind: 'mlp' as const, hiddenUnits: [4], dropout: 0, seed: 7 };
    const settings = { ...SETTINGS, epochs: 3 };
    const sequential = await fitScoringModel({ train: train.rows, validationFolds: folds, width: 2 }, MLP, settings);
    // The second trainer is the plain one too, but it records which members it ran: the pool must hand it some.
    const ranOnSecond: number[] = [];
    const epochsOf = new Map<number, number>();
    const second: TrainMember = async (build, fit, validation, memberSettings, hooks) => {
      const model = build();
      ranOnSecond.push(memberSettings.seed);
      return { model, outcome: await trainModel(model, fit, validation, fit.width, memberSettings, hooks) };
    };
    const started: number[] = [];
    const parallel = await fitScoringModel({ train: train.rows, validationFolds: folds, width: 2 }, MLP, settings, {
      moreTrainers: [second],
      onMember: (member) => started.push(member),
      memberHooks: (member) => ({ onEpoch: () => epochsOf.set(member, (epochsOf.get(member) ?? 0) + 1) }),
    });
    try {
      expect(started).toEqual([1, 2, 3, 4, 5]);
      expect(ranOnSecond.length).toBeGreaterThan(0);
      expect(ranOnSecond.length).toBeLessThan(5);
      // Every member reported its own 3 epochs under its own number.
      expect([...epochsOf.entries()].sort((a, b) => a[0] - b[0])).toEqual([1, 2, 3, 4, 5].map((m) => [m, 3]));
      expect(parallel.model.members).toHaveLength(5);
      parallel.model.members.forEach((member, k) => {
        const a = member.network.getWeights().map((w) => Array.from(w.dataSync()));
        const b = sequential.model.members[k].network.getWeights().map((w) => Array.from(w.dataSync()));
        expect(a).toEqual(b);
      });
      expect(Array.from(parallel.validationProbabilities)).toEqual(Array.from(sequential.validationProbabilities));
      expect(parallel.calibration.calibrator).toEqual(sequential.calibration.calibrator);
    } finally {
      disposeScoringModel(parallel.model);
      disposeScoringModel(sequential.model);
    }
  }, 60_000);

  it('a member that fails on one trainer fails the fit, stops the member beside it, and leaves no network behind', async () => {
    const train = rareEvents(600, 51);
    const folds = stratifiedKFold(train.y, 3, 3);
    const before = tf.memory().numTensors;
    let sawStop = false;
    const failing: TrainMember = async () => {
      throw new Error('the member worker is gone');
    };
    const watching: TrainMember = async (build, fit, validation, memberSettings, hooks) => {
      const model = build();
      const outcome = await trainModel(
        model,
        fit,
        validation,
        fit.width,
        { ...memberSettings, epochs: 50 },
        {
          ...hooks,
          shouldStop: () => {
            const stop = hooks.shouldStop?.() ?? false;
            sawStop ||= stop;
            return stop;
          },
        },
      );
      return { model, outcome };
    };
    await expect(fitScoringModel({ train: train.rows, validationFolds: folds, width: 2 }, LOGISTIC, SETTINGS, { trainMember: watching, moreTrainers: [failing] })).rejects.toThrow(
      'the member worker is gone',
    );
    expect(sawStop).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});
