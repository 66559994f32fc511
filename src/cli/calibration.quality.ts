import path from 'node:path';
import { describe, it } from 'vitest';
import { checkCalibrated, DATA, haveSharedData } from '../../test/evaluateCommand';

const HAVE_DATA = haveSharedData('calibration quality checks');

// Calibrated probabilities whatever the training does to balance classes: with class weights on
// and off, on every shared data set and on a rare-default copy of credit_risk, the k-fold test log
// loss and Brier beat the base rate's, and the mean predicted probability of bad is within 15%
// (relative) of the observed bad rate. Without undoing the weights' prior shift, the weighted runs
// predict about 50% bad on average (the 5% book: 10 times the real rate).
describe.skipIf(!HAVE_DATA)('calibrated probabilities of bad: the small books', () => {
  // Two folds on german.data (german_credit's rows again, read without a header) keep the suite's time in bounds.
  const sets: [string, string, string[], number][] = [
    ['german_credit.csv', path.join(DATA, 'german_credit.csv'), ['--target', 'class'], 5],
    ['german.data (no header)', path.join(DATA, 'german.data'), ['--target', 'col21'], 2],
    ['loan_prediction_train.csv', path.join(DATA, 'loan_prediction_train.csv'), ['--target', 'Loan_Status'], 5],
  ];
  for (const [name, file, args, folds] of sets) {
    for (const weights of ['on', 'off'] as const) it(`${name}, class weights ${weights}, ${folds} folds`, () => checkCalibrated(name, file, args, folds, weights), 900_000);
  }
});
