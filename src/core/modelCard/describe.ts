// Words for bundle values that several sections use: what kind of model it is, which outcome is bad.

import type { ModelBundle } from '../bundle/types';
import type { CalibrationMethod } from '../calibration/calibrator';
import type { MissingStrategy } from '../clean/plan';
import type { ValidationPlan } from '../pipeline';
import { percent } from './format';

/** "MLP ensemble of 5 members, hidden layers 32 → 16", "logistic regression", "points scorecard of 6 characteristics". */
export function modelKindText(bundle: ModelBundle): string {
  const model = bundle.model;
  if (model.kind === 'scorecard') {
    const m = model.scorecard.characteristics.length;
    return `points scorecard of ${m} characteristic${m === 1 ? '' : 's'} (logistic regression on weight of evidence)`;
  }
  if (model.kind === 'boosted') {
    const f = model.forests.length;
    const trees = model.forests.map((forest) => forest.trees.length);
    return `gradient-boosted trees, ${f === 1 ? 'one forest' : `${f} forests averaged`} of ${Math.min(...trees)}–${Math.max(...trees)} trees (up to ${model.settings.maxLeaves} leaves each), started from ${model.start === 'linear' ? 'a logistic regression' : 'the base rate'}`;
  }
  const n = model.members.length;
  const members = n === 1 ? 'a single network' : `an ensemble of ${n} members`;
  if (model.network.kind === 'logistic') return n === 1 ? 'logistic regression' : `logistic regression, ${members}`;
  const layers = model.network.hiddenUnits.length === 0 ? 'no hidden layers' : `hidden layers ${model.network.hiddenUnits.join(' → ')} units`;
  return n === 1 ? `MLP (multi-layer perceptron), ${layers}` : `MLP ensemble of ${n} members, ${layers}`;
}

/** "bad (loan_status = 1)". */
export function badText(bundle: ModelBundle): string {
  const o = bundle.schema.outcome;
  return `bad (${o.target} = ${o.bad})`;
}

/** "good (loan_status = 0)". */
export function goodText(bundle: ModelBundle): string {
  const o = bundle.schema.outcome;
  return `good (${o.target} = ${o.good})`;
}

/** A calibration method in words. */
export function calibrationMethodText(method: CalibrationMethod): string {
  if (method === 'platt') return 'Platt scaling (a logistic map of the logit)';
  if (method === 'isotonic') return 'isotonic regression (a monotone step map of the logit)';
  return 'none (the model output as it is)';
}

/** A validation plan in words: "hold-out of 10% of the training rows", "cross-fit over 5 folds". */
export function validationPlanText(plan: ValidationPlan): string {
  return plan.kind === 'holdout'
    ? `hold-out: ${percent(plan.fraction)} of the training rows validate (early stopping and calibration)`
    : `cross-fit over ${plan.folds} folds: each member validates on one fold, so every training row is validated once (out-of-fold)`;
}

const STRATEGY_WORDS: Readonly<Record<MissingStrategy, string>> = {
  median: 'median',
  mean: 'mean',
  mode: 'most frequent value',
  constant: 'a constant',
  indicator: 'a fill and a "was missing" input',
  'forward-fill': 'the previous row’s value',
  'drop-row': 'row dropped',
};

/** How a missing cell is handled, in words: "median", "most frequent value". */
export function missingStrategyText(strategy: MissingStrategy): string {
  return STRATEGY_WORDS[strategy];
}
