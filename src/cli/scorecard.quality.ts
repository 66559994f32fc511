import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, evaluate, haveSharedData, type EvaluateOutput } from '../../test/evaluateCommand';

const HAVE_DATA = haveSharedData('scorecard quality checks');

interface ScorecardOutput extends EvaluateOutput {
  model: { kind: string };
  folds: (EvaluateOutput['folds'][number] & { trainRows: number; features: string[] })[];
  characteristics: { column: string; iv: number; reading: string; bins: { bin: string; count: number; bads: number; woe: number }[] }[];
}

// Floors: scikit-learn 1.2 LogisticRegression (+ "was missing" indicators) in the same protocol,
// 5-fold means from ../shared/data/README.md, an independent implementation. The scorecard has no
// random initialisation, so the figures are the same on every run.
describe.skipIf(!HAVE_DATA).each([
  ['credit_risk_dataset.csv', 'loan_status', 0.8701],
  ['german_credit.csv', 'class', 0.7861],
  ['loan_prediction_train.csv', 'Loan_Status', 0.7444],
])('npm run evaluate --model scorecard on %s', (file, target, logisticAuc) => {
  it(`reaches at least scikit-learn LogisticRegression's 5-fold AUC (${logisticAuc}), with calibrated probabilities, and prints each characteristic's IV and bins`, async () => {
    const { code, stdout, stderr } = await evaluate(['--csv', path.join(DATA, file), '--target', target, '--model', 'scorecard', '--folds', '5']);
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout) as ScorecardOutput;
    console.log(
      `${file} scorecard: 5-fold AUC ${out.mean.auc} ± ${out.sd.auc}, log loss ${out.mean.logloss} (base rate ${out.baseline.logloss}), ECE ${out.mean.ece}; ${out.characteristics.map((c) => `${c.column} ${c.iv}`).join(', ')}`,
    );
    expect(out.model.kind).toBe('scorecard');
    expect(out.mean.auc).toBeGreaterThanOrEqual(logisticAuc);
    expect(out.mean.logloss).toBeLessThan(out.baseline.logloss);
    expect(Math.abs(out.mean.meanPredicted - out.mean.observedBadRate) / out.mean.observedBadRate).toBeLessThan(0.15);
    // The first fold's characteristics: every bin of each holds part of that fold's training rows,
    // together all of them; IV readings follow the usual thresholds.
    expect(out.characteristics.map((c) => c.column)).toEqual(out.folds[0].features);
    for (const c of out.characteristics) {
      expect(
        c.bins.reduce((n, b) => n + b.count, 0),
        c.column,
      ).toBe(out.folds[0].trainRows);
      for (const b of c.bins) expect(Number.isFinite(b.woe), `${c.column} ${b.bin}`).toBe(true);
      const reading = c.iv < 0.02 ? 'not predictive' : c.iv < 0.1 ? 'weak' : c.iv < 0.3 ? 'medium' : c.iv < 0.5 ? 'strong' : 'suspicious';
      expect(c.reading, c.column).toBe(reading);
    }
  }, 300_000);
});
