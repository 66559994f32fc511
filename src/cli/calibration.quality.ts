import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../core/split/random';
import { DATA, evaluate, haveSharedData, type EvaluateOutput } from '../../test/evaluateCommand';

const HAVE_DATA = haveSharedData('calibration quality checks');

/**
 * credit_risk_dataset.csv with the defaults (loan_status = 1) subsampled so they are 5% of the
 * rows: every good row kept, each bad row kept with a seeded draw, as a rare-default book would be.
 */
function rareDefaultBook(): string {
  const lines = readFileSync(path.join(DATA, 'credit_risk_dataset.csv'), 'utf8').split('\n').filter((line) => line.length > 0);
  const header = lines[0].split(',');
  const status = header.indexOf('loan_status');
  const rows = lines.slice(1).map((line) => ({ line, bad: line.split(',')[status] === '1' }));
  const goods = rows.filter((r) => !r.bad).length;
  const bads = rows.length - goods;
  // Keep bads with probability q so that kept bads / (goods + kept bads) = 5%.
  const q = ((0.05 / 0.95) * goods) / bads;
  const random = createRandom(42);
  const kept = rows.filter((r) => !r.bad || random() < q).map((r) => r.line);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'creditlab-')), 'credit_risk_5pct_bad.csv');
  writeFileSync(file, `${lines[0]}\n${kept.join('\n')}\n`);
  return file;
}

// Calibrated probabilities whatever the training does to balance classes: with class weights on
// and off, on every shared data set and on a rare-default copy of credit_risk, the 5-fold test log
// loss and Brier beat the base rate's, and the mean predicted probability of bad is within 15%
// (relative) of the observed bad rate. Without undoing the weights' prior shift, the weighted runs
// predict about 50% bad on average (the 5% book: 10 times the real rate).
describe.skipIf(!HAVE_DATA)('calibrated probabilities of bad', () => {
  const sets: [string, () => string, string[]][] = [
    ['credit_risk_dataset.csv', () => path.join(DATA, 'credit_risk_dataset.csv'), ['--target', 'loan_status']],
    ['credit_risk with 5% defaults', rareDefaultBook, ['--target', 'loan_status']],
    ['german_credit.csv', () => path.join(DATA, 'german_credit.csv'), ['--target', 'class']],
    ['german.data (no header)', () => path.join(DATA, 'german.data'), ['--target', 'col21']],
    ['loan_prediction_train.csv', () => path.join(DATA, 'loan_prediction_train.csv'), ['--target', 'Loan_Status']],
  ];
  for (const [name, file, args] of sets) {
    for (const weights of ['on', 'off'] as const) {
      it(`${name}, class weights ${weights}`, async () => {
        const { code, stdout, stderr } = await evaluate(['--csv', file(), ...args, '--folds', '5', '--seed', '42', '--class-weights', weights]);
        expect(code, stderr).toBe(0);
        const out = JSON.parse(stdout) as EvaluateOutput;
        expect(out.model.classWeights).toBe(weights === 'on');
        const drift = Math.abs(out.mean.meanPredicted - out.mean.observedBadRate) / out.mean.observedBadRate;
        console.log(
          `${name}, weights ${weights}: AUC ${out.mean.auc}, log loss ${out.mean.logloss} (base rate ${out.baseline.logloss}), Brier ${out.mean.brier} (${out.baseline.brier}), ` +
            `ECE ${out.mean.ece}, mean p(bad) ${out.mean.meanPredicted} vs ${out.mean.observedBadRate} observed (${(100 * drift).toFixed(1)}% off), epochs ${out.epochsRun.min}–${out.epochsRun.max}`,
        );
        expect(out.mean.logloss).toBeLessThan(out.baseline.logloss);
        expect(out.mean.brier).toBeLessThan(out.baseline.brier);
        expect(drift).toBeLessThan(0.15);
      }, 900_000);
    }
  }
});
