import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, evaluate, haveSharedData, type EvaluateOutput } from '../../test/evaluateCommand';

const HAVE_DATA = haveSharedData('evaluate quality checks');

// The network's default settings (--model mlp). Floors from the issue; scikit-learn's MLP(32) on one 80/20 split scores 0.919,
// 0.830 and 0.832 (../shared/data/README.md). credit_risk runs 2 folds here to keep the suite's time
// in bounds (each member of its 5-member ensemble still trains on 13,000 rows); the README's
// figures are the full 5-fold runs. With class weights off by default (no class under 20%), this
// is also the "weights off" calibration check of calibrationLarge.quality.ts: the bad share of the
// cleaned rows is 7,089 of 32,416 = 21.9% for credit_risk (its 2-fold training halves are stratified,
// 16,208 rows at 21.9%), 300 of 1,000 = 30% for german_credit and 192 of 614 = 31.3% for
// loan_prediction, all at least 20%, so "auto" leaves class weights off on every fold.
// Identifiers: loan_prediction's Loan_ID is a unique text code; the other two files have none.
describe.skipIf(!HAVE_DATA).each<[string, string, string, number, number, number, number, string[]]>([
  ['credit_risk_dataset.csv', 'loan_status', '1', 0.91, 32581, 32416, 2, []],
  ['german_credit.csv', 'class', '2', 0.76, 1000, 1000, 5, []],
  ['loan_prediction_train.csv', 'Loan_Status', 'N', 0.75, 614, 614, 5, ['Loan_ID']],
])('npm run evaluate --model mlp on %s (target %s)', (file, target, bad, floor, before, after, folds, identifiers) => {
  it(`reaches a ${folds}-fold mean AUC of at least ${floor} with the network's default settings, with calibrated probabilities of bad (${bad}) better than the base rate's`, async () => {
    const { code, stdout, stderr } = await evaluate(['--csv', path.join(DATA, file), '--target', target, '--model', 'mlp', '--seed', '42', '--folds', String(folds)]);
    expect(code, stderr).toBe(0);
    // The command also reports the cleaned rows' class counts, which the shared output type leaves out.
    const out = JSON.parse(stdout) as EvaluateOutput & { rows: { positives: number; negatives: number } };
    expect(out.rows).toMatchObject({ before, after });
    expect(out.bad).toBe(bad);
    expect(out.folds).toHaveLength(folds);
    for (const name of ['auc', 'ks', 'accuracy', 'precision', 'recall', 'f1', 'brier', 'ece'] as const) {
      expect(out.mean[name]).toBeGreaterThanOrEqual(0);
      expect(out.mean[name]).toBeLessThanOrEqual(1);
    }
    console.log(
      `${file}: ${folds}-fold AUC ${out.mean.auc} ± ${out.sd.auc}, KS ${out.mean.ks}, log loss ${out.mean.logloss} (base rate ${out.baseline.logloss}), ` +
        `Brier ${out.mean.brier} (${out.baseline.brier}), ECE ${out.mean.ece}, epochs ${out.epochsRun.min}–${out.epochsRun.max}`,
    );
    expect(out.mean.auc).toBeGreaterThanOrEqual(floor);
    expect(out.mean.logloss).toBeLessThan(out.baseline.logloss);
    expect(out.mean.brier).toBeLessThan(out.baseline.brier);
    expect(Math.abs(out.mean.meanPredicted - out.mean.observedBadRate) / out.mean.observedBadRate).toBeLessThan(0.15);
    // The default run really had class weights off: the JSON's model settings (the last fold's; each
    // fold's training rows have the same bad share, see above) say so, and the bad share is ≥ 20%.
    expect(out.model.classWeights).toBe(false);
    expect(Math.min(out.rows.positives, out.rows.negatives) / out.rows.after).toBeGreaterThanOrEqual(0.2);
    // Identifiers are recognised (an empty list where the data has one fails here) and are not features.
    expect(out.identifiers).toEqual(identifiers);
    for (const identifier of identifiers) expect(out.features).not.toContain(identifier);
    expect(out.features.some((f) => out.identifiers.includes(f))).toBe(false);
  }, 600_000);
});

// The binning issue's goals for the default model, against scikit-learn 1.2 in the same protocol
// (5 stratified folds, random_state 42; ../shared/data/README.md, "5-fold means"): the best of its
// models in AUC and, separately, in log loss on each set. AUC / log loss of each:
//   credit_risk: HistGradientBoosting 0.9446 / 0.1896 (best in both);
//   german_credit: LogisticRegression +ind 0.7861 / 0.5026 (best in both);
//   loan_prediction: MLP(32) +ind 0.7561 AUC, LogisticRegression +ind 0.4957 log loss.
// The boosted trees have no random part (the folds are seeded), so these runs give the same figures every time.
describe.skipIf(!HAVE_DATA).each<[string, string, number, number]>([
  ['credit_risk_dataset.csv', 'loan_status', 0.9446, 0.1896],
  ['german_credit.csv', 'class', 0.7861, 0.5026],
  ['loan_prediction_train.csv', 'Loan_Status', 0.7561, 0.4957],
])('npm run evaluate (the default model) on %s', (file, target, bestAuc, bestLogLoss) => {
  it(`is level with scikit-learn's best model: 5-fold AUC ≥ ${bestAuc}, log loss ≤ ${bestLogLoss}`, async () => {
    const { code, stdout, stderr } = await evaluate(['--csv', path.join(DATA, file), '--target', target, '--seed', '42', '--folds', '5']);
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout) as EvaluateOutput;
    expect(out.model.kind).toBe('boosted');
    expect(out.folds).toHaveLength(5);
    console.log(
      `${file}: default (boosted) 5-fold AUC ${out.mean.auc} ± ${out.sd.auc}, log loss ${out.mean.logloss}, Brier ${out.mean.brier}, ECE ${out.mean.ece}, trees ${out.epochsRun.min}–${out.epochsRun.max}`,
    );
    expect(out.mean.auc).toBeGreaterThanOrEqual(bestAuc);
    expect(out.mean.logloss).toBeLessThanOrEqual(bestLogLoss);
    expect(Math.abs(out.mean.meanPredicted - out.mean.observedBadRate) / out.mean.observedBadRate).toBeLessThan(0.15);
  }, 600_000);
});

describe.skipIf(!HAVE_DATA)('npm run evaluate errors', () => {
  it.each([
    [['--csv', 'no/such/file.csv', '--target', 'x'], /file not found: no\/such\/file\.csv/, 1],
    [['--csv', path.join(DATA, 'german_credit.csv'), '--target', 'nope'], /column "nope" is not in/, 1],
    [['--csv', path.join(DATA, 'german_credit.csv'), '--target', 'class', '--positive', '3'], /--positive "3" is not a value of "class"/, 1],
    [['--csv', path.join(DATA, 'german_credit.csv')], /--target is required/, 2],
    [['--csv', path.join(DATA, 'german_credit.csv'), '--target', 'class', '--model', 'tree'], /--model must be boosted, mlp, logistic or scorecard/, 2],
    [['--csv', path.join(DATA, 'german_credit.csv'), '--target', 'class', '--encoding', 'log'], /--encoding must be auto, standard or ple/, 2],
    [['--csv', path.join(DATA, 'german_credit.csv'), '--target', 'class', '--learning-rate', '0'], /--learning-rate must be a number in \(0, 1\]/, 2],
    [['--csv', path.join(DATA, 'german_credit.csv'), '--target', 'class', '--hidden-units', '32,x'], /--hidden-units must be a whole number ≥ 1 \(got "x"\)/, 2],
    [['--csv', path.join(DATA, 'german_credit.csv'), '--target', 'class', '--class-weights', 'maybe'], /--class-weights must be auto, on or off/, 2],
    [['--csv', path.join(DATA, 'german_credit.csv'), '--target', 'class', '--validation', 'kfold'], /--validation must be auto, holdout or cross-fit/, 2],
  ])(
    '%j exits with a clear message (%s) and status %i (1 bad input, 2 a usage mistake)',
    async (args, message, status) => {
      const { code, stdout, stderr } = await evaluate(args);
      expect(code).toBe(status);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
    },
    60_000,
  );
});

describe.skipIf(!HAVE_DATA)('npm run evaluate settings', () => {
  it('uses the network and training settings given on the command line, and reports them with the epochs of each member', async () => {
    const args = ['--csv', path.join(DATA, 'german_credit.csv'), '--target', 'class', '--model', 'mlp', '--folds', '2', '--epochs', '2'];
    const { code, stdout, stderr } = await evaluate([
      ...args,
      '--hidden-units',
      '8,4',
      '--batch-size',
      '16',
      '--learning-rate',
      '0.01',
      '--seed',
      '7',
      '--validation',
      'cross-fit:3',
    ]);
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout) as EvaluateOutput;
    expect(out.model).toMatchObject({ kind: 'mlp', hiddenUnits: [8, 4], batchSize: 16, learningRate: 0.01, epochs: 2, seed: 7 });
    expect(out.folds).toHaveLength(2);
    // Three members per fold, each allowed 2 epochs (the minimum-epoch rule cannot exceed the cap).
    for (const fold of out.folds) expect(fold).toMatchObject({ members: 3, epochsRun: [2, 2, 2] });
    expect(out.epochsRun).toEqual({ min: 2, max: 2, mean: 2 });
  }, 120_000);
});
