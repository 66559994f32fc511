// Settings: everything chosen before training that a validator needs to reproduce the run.

import type { ModelBundle } from '../../bundle/types';
import type { ScorecardCalibrationReason } from '../../scorecard/types';
import { validationPlanText } from '../describe';
import { count, duration, fixed, percent, plain, yesNo } from '../format';
import { html, type Html } from '../html';
import { section, subheading } from '../section';
import { factTable } from '../tables';

const SCORECARD_CALIBRATION_REASONS: Readonly<Record<ScorecardCalibrationReason, string>> = {
  compared: 'out-of-fold log losses of none and Platt compared',
  'no-folds': 'no validation folds: used as fitted',
  'too-few-rows': 'too few out-of-fold rows to compare: used as fitted',
};

function networkSettings(bundle: ModelBundle): Html {
  const s = bundle.provenance.settings;
  const net = s.network;
  const train = s.train;
  const network =
    net === null
      ? factTable('Network', [['Network', 'not recorded']])
      : factTable('Network', [
          ['Kind', net.kind === 'mlp' ? 'multi-layer perceptron' : 'logistic regression'],
          ['Hidden layers', net.kind === 'logistic' || net.hiddenUnits.length === 0 ? 'none' : `${net.hiddenUnits.join(' → ')} units`],
          ['Dropout after each hidden layer', fixed(net.dropout, 2)],
          ['Weight seed', plain(net.seed)],
        ]);
  const loop =
    train === null
      ? factTable('Training', [['Training', 'not recorded']])
      : factTable('Training', [
          ['Epochs (at most)', count(train.epochs)],
          ['Batch size', count(train.batchSize)],
          ['Optimiser', train.optimizer === 'adam' ? 'Adam' : 'SGD'],
          ['Learning rate', plain(train.learningRate)],
          ['L2 penalty', plain(train.l2)],
          ['Class weights', train.classWeights ? 'yes: n / (2 · n_class), so each class counts alike' : 'no'],
          ['Early stopping', train.patience === null ? 'never' : `after ${train.patience} epochs without a lower validation loss, not before epoch ${train.minEpochs}`],
          ['Restore the best epoch’s weights', yesNo(train.restoreBest)],
          ['Batch-order seed', plain(train.seed)],
        ]);
  return html`${subheading('Network')}${network}${subheading('Training')}${loop}`;
}

function scorecardSettings(bundle: ModelBundle): Html {
  if (bundle.model.kind !== 'scorecard') return html``;
  const sc = bundle.model.scorecard;
  const r = sc.regression;
  const cal = sc.calibration;
  const oof = cal.outOfFoldLogLoss === null ? 'not compared' : `none ${fixed(cal.outOfFoldLogLoss.none, 4)}; Platt ${fixed(cal.outOfFoldLogLoss.platt, 4)}`;
  return html`${subheading('Scorecard')}${factTable('Scorecard fit', [
    [
      'Regression',
      `logistic regression on WoE, ridge L2 ${plain(r.l2)} on the mean log loss; ${r.iterations} Newton iterations, ${r.converged ? 'converged' : 'did not converge'}`,
    ],
    ['Calibration', `${cal.method === 'platt' ? `Platt: logit′ = ${fixed(cal.a, 4)} · logit + ${fixed(cal.b, 4)}` : 'none'} (${SCORECARD_CALIBRATION_REASONS[cal.reason]})`],
    ['Calibration folds and rows', `${cal.folds} folds, ${count(cal.rows)} out-of-fold rows`],
    ['Out-of-fold log loss', oof],
    ['Selection', `IV at least ${fixed(sc.selection.minIv, 4)}; |correlation of WoE| at most ${fixed(sc.selection.maxCorrelation, 2)}`],
  ])}`;
}

function boostedSettings(bundle: ModelBundle): Html {
  if (bundle.model.kind !== 'boosted') return html``;
  const b = bundle.model.settings;
  const start = bundle.model.start === 'linear' ? 'a ridge logistic regression on the inputs (C = 1)' : 'the base rate’s logit';
  return html`${subheading('Boosted trees')}${factTable('Boosting', [
    ['Loss', 'log loss; second-order (gradient and hessian) leaf values'],
    ['Learning rate', plain(b.learningRate)],
    ['Trees (at most)', count(b.maxIterations)],
    ['Leaves per tree (at most), grown best-first', count(b.maxLeaves)],
    ['Fewest rows per leaf', count(b.minRowsPerLeaf)],
    ['L2 penalty on leaf values', plain(b.l2)],
    ['Bins per input (at most)', count(b.maxBins)],
    ['Early stopping', `after ${b.patience} trees without a lower validation log loss (by more than ${plain(b.tolerance)}); the forest is cut back to its best tree count`],
    ['Start', b.start === 'auto' ? `${start}, chosen on the validation rows` : start],
  ])}`;
}

/** Network, training loop, validation plan, encoding and backend (or the scorecard's fit). */
export function settingsSection(bundle: ModelBundle): Html {
  const p = bundle.provenance;
  const s = p.settings;
  const general = factTable('Run', [
    ['Test fraction', percent(s.testFraction)],
    ['Validation plan', validationPlanText(s.validation)],
    [
      'Numeric encoding',
      bundle.model.kind === 'scorecard'
        ? 'not used: the scorecard bins the answers'
        : s.numericEncoding === 'ple'
          ? 'piecewise-linear (PLE) over quantile bins'
          : bundle.model.kind === 'boosted'
            ? 'standardised (the trees split on the values; scaling does not change them)'
            : 'standardised',
    ],
    ['Backend', s.backend],
    ['Seed', plain(p.seed)],
    ['Training time', duration(p.trainingMs)],
  ]);
  const model = bundle.model.kind === 'scorecard' ? scorecardSettings(bundle) : bundle.model.kind === 'boosted' ? boostedSettings(bundle) : networkSettings(bundle);
  return section('settings', html`${general}${model}`);
}
