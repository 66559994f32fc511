// Metrics and quantitative analyses: the held-out figures beside the base-rate baseline, how the
// probabilities were calibrated and validated, and the charts of the test rows.

import type { ModelBundle } from '../../bundle/types';
import type { CalibrationMethod } from '../../calibration/calibrator';
import type { HeldOutEvaluation } from '../../evaluation/types';
import { calibrationMethodText } from '../describe';
import { count, fixed, percent, yesNo } from '../format';
import { html, type Html } from '../html';
import { paragraph, section, subheading } from '../section';
import { calibrationChart, distributionChart, ksChart, rocChart } from '../svgCharts';
import { dataTable, factTable } from '../tables';

/** What the card says where test figures would be, for a model trained on every row. */
export function noTestRowsText(bundle: ModelBundle): string {
  const cv = bundle.metrics.crossValidation === null ? '' : ' The cross-validation below is the only estimate of performance on unseen rows.';
  return `No held-out test rows: this model was trained on every row of the file, so there are no test figures.${cv}`;
}

/** An AUC with its 95% DeLong interval: "0.9123 (95% CI 0.9001 to 0.9245)". */
export function aucWithInterval(m: HeldOutEvaluation['metrics']): string {
  const interval = Number.isFinite(m.aucLower) && Number.isFinite(m.aucUpper) ? ` (95% CI ${fixed(m.aucLower, 4)} to ${fixed(m.aucUpper, 4)})` : '';
  return `${fixed(m.auc, 4)}${interval}`;
}

function testMetrics(test: HeldOutEvaluation): Html {
  const m = test.metrics;
  const b = test.baseline;
  const rows = [
    ['AUC', aucWithInterval(m), fixed(b.auc, 4), 'ranking: chance a random bad is scored riskier than a random good (higher is better; 95% DeLong interval)'],
    ['Gini', fixed(m.gini, 4), fixed(b.gini, 4), '2 · AUC − 1 (higher is better)'],
    ['KS', fixed(m.ks, 4), fixed(b.ks, 4), 'largest gap between the cumulative shares of bads and goods (higher is better)'],
    ['Log loss', fixed(m.logLoss, 4), fixed(b.logLoss, 4), 'mean negative log-likelihood of the probabilities, nats (lower is better)'],
    ['Brier score', fixed(m.brier, 4), fixed(b.brier, 4), 'mean squared error of the probabilities (lower is better)'],
    ['ECE', fixed(test.ece, 4), fixed(test.baselineEce, 4), 'expected calibration error over 10 equal-width bins (lower is better)'],
  ];
  return html`${paragraph(
    `On ${count(m.rows)} held-out test rows, never used to fit, validate or calibrate the model. The baseline gives every row the training bad rate.`,
  )}${dataTable(
    'Held-out test metrics',
    [{ label: 'Metric' }, { label: 'Model', align: 'number' }, { label: 'Base-rate baseline', align: 'number' }, { label: 'What it measures' }],
    rows,
  )}${factTable('Bad rate on the test rows', [
    ['Mean predicted probability of bad', percent(test.meanProbabilityOfBad)],
    ['Observed bad rate', percent(test.observedBadRate)],
  ])}`;
}

function calibrationFacts(bundle: ModelBundle): Html {
  const cal = bundle.metrics.calibration;
  const losses = (Object.entries(cal.crossValidatedLogLoss) as [CalibrationMethod, number][]).filter(([, v]) => Number.isFinite(v));
  const lossText = losses.length === 0 ? 'not compared (too few rows)' : losses.map(([method, v]) => `${method} ${fixed(v, 4)}`).join('; ');
  return factTable('Calibration', [
    ['Method', calibrationMethodText(cal.method)],
    ['Fitted on', `${count(cal.rows)} ${cal.fittedOn === 'validation' ? 'validation rows' : 'out-of-fold rows of the training rows'} (never test rows)`],
    ['Cross-validated log loss of each method considered', lossText],
    ['Class-weight prior shift removed from the logit', fixed(cal.classWeightShift, 4)],
  ]);
}

function crossValidation(bundle: ModelBundle): Html {
  const cv = bundle.metrics.crossValidation;
  if (cv === null) return paragraph('No cross-validation was run.');
  const pm = (mean: number, sd: number) => `${fixed(mean, 4)} ± ${fixed(sd, 4)}`;
  return html`${paragraph(`Mean ± standard deviation over ${cv.folds.length} stratified folds.`)}${factTable('Cross-validation', [
    ['AUC', pm(cv.meanAuc, cv.sdAuc)],
    ['KS', pm(cv.meanKs, cv.sdKs)],
    ['Log loss', pm(cv.meanLogLoss, cv.sdLogLoss)],
  ])}${dataTable(
    'Cross-validation folds',
    [
      { label: 'Fold', align: 'number' },
      { label: 'AUC', align: 'number' },
      { label: 'KS', align: 'number' },
      { label: 'Log loss', align: 'number' },
    ],
    cv.folds.map((f) => [String(f.fold), fixed(f.auc, 4), fixed(f.ks, 4), fixed(f.logLoss, 4)]),
  )}`;
}

function members(bundle: ModelBundle): Html {
  const runs = bundle.metrics.members;
  if (runs.length === 0) return paragraph(bundle.model.kind === 'scorecard' ? 'A scorecard is fitted in one pass: it has no training epochs.' : 'No member runs are recorded.');
  // A boosted member's "epochs" are its trees: grown, and kept at the best validation loss.
  const unit = bundle.model.kind === 'boosted' ? 'Trees' : 'Epochs';
  return dataTable(
    bundle.model.kind === 'boosted' ? 'Trees of each forest' : 'Training epochs of each ensemble member',
    [
      { label: 'Member', align: 'number' },
      { label: `${unit} run`, align: 'number' },
      { label: bundle.model.kind === 'boosted' ? 'Trees kept' : 'Best epoch', align: 'number' },
      { label: 'Stopped early' },
    ],
    runs.map((r) => [String(r.member), count(r.epochsRun), count(r.bestEpoch), yesNo(r.stoppedEarly)]),
  );
}

/** Held-out metrics against the baseline, calibration, cross-validation and the members' epochs. */
export function metricsSection(bundle: ModelBundle): Html {
  const test = bundle.metrics.test;
  return section(
    'metrics',
    html`${subheading('Held-out test rows')}${test === null ? paragraph(noTestRowsText(bundle)) : testMetrics(test)}${subheading('Calibration')}${calibrationFacts(bundle)}${subheading(
      'Cross-validation',
    )}${crossValidation(bundle)}${subheading('Training epochs')}${members(bundle)}`,
  );
}

/** The ROC, calibration, distribution and KS charts of the test rows (or why there are none). */
export function quantitativeAnalysesSection(bundle: ModelBundle): Html {
  const test = bundle.metrics.test;
  if (test === null) return section('quantitative-analyses', paragraph(`${noTestRowsText(bundle)} Without them there are no charts.`));
  const o = bundle.schema.outcome;
  return section(
    'quantitative-analyses',
    html`${paragraph(`All four charts are of the ${count(test.metrics.rows)} held-out test rows. Bad is drawn dashed or hatched as well as in its colour.`)}<div class="charts">
${rocChart(test.charts.roc, test.metrics.auc)}${calibrationChart(test.charts.calibration, test.ece)}${distributionChart(test.charts.distribution, o)}${ksChart(test.charts.ks, o)}</div>\n`,
  );
}
