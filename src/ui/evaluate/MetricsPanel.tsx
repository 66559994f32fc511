import { lazy, memo, Suspense, useMemo } from 'react';
import type { CalibrationMethod } from '../../core/calibration/calibrator';
import { ratiosFromConfusion, type Confusion } from '../../core/metrics/binary';
import type { CutoffEvaluation } from '../../core/scoring/cutoff';
import type { CalibrationSummary, OutcomeNames, TrainSummary } from '../../worker/protocol';
import { formatCount, formatDuration, formatRatio } from '../shared/format';
import { badName, badValue, formatPercent, goodValue } from '../shared/outcome';
import { loadEvaluationCharts } from '../charts';
import { epochsText } from '../train/members';
import { confusionAtCutoff } from './cutoffAt';
import { chanceEce, checkSmallSample, directionText, type GuidedMetric, METRIC_GUIDES, reductionFromBaseline, SMALL_SAMPLE_MIN_ROWS, type SmallSample } from './metricGuide';

const EvaluationChartsView = lazy(loadEvaluationCharts);

interface MetricRow {
  readonly label: string;
  readonly testId: string;
  readonly model: number | null;
  readonly baseline: number | null;
  /** Set for the metrics a newcomer gets explained (METRIC_GUIDES); the others show `hint`. */
  readonly guide?: GuidedMetric;
  /** This run's own figure for the typical reach, e.g. "Here: 14.2% below it." */
  readonly here?: string;
  readonly hint?: string;
}

const METHOD_NAMES: Record<CalibrationMethod, string> = { none: 'no calibration map', platt: 'Platt scaling', isotonic: 'isotonic regression' };

/** "Platt scaling, fitted on 1,234 out-of-fold rows; class-weight shift of 1.27 removed." */
function calibrationText(calibration: CalibrationSummary): string {
  const rows = `${formatCount(calibration.rows)} ${calibration.fittedOn} rows`;
  const method =
    calibration.method === 'none'
      ? `No calibration map: the model's own probabilities did best on ${rows}`
      : `${METHOD_NAMES[calibration.method][0].toUpperCase()}${METHOD_NAMES[calibration.method].slice(1)}, fitted on ${rows}`;
  const shift = calibration.classWeightShift !== 0 ? `; class-weight shift of ${calibration.classWeightShift.toFixed(2)} removed` : '';
  const losses = (Object.entries(calibration.crossValidatedLogLoss) as [CalibrationMethod, number][])
    .map(([name, loss]) => `${METHOD_NAMES[name]} ${formatRatio(loss)}`)
    .join(', ');
  if (losses === '') return `No calibration map: too few ${calibration.fittedOn} rows to compare one with the model's own probabilities. The test rows played no part.`;
  return `${method}${shift}. Chosen by cross-validated log loss on those rows (lower is better): ${losses}. The test rows played no part.`;
}

/** "A scorecard of 9 characteristics (logistic regression on their WoE, 6 Newton steps), fitted in 120 ms on 3,600 training rows, probabilities from its integer points." */
function scorecardText(summary: TrainSummary): string {
  const card = summary.scorecard!.scorecard;
  const n = card.characteristics.length;
  return (
    `A scorecard of ${n} characteristic${n === 1 ? '' : 's'} (logistic regression on their weights of evidence, ${card.regression.iterations} Newton steps), ` +
    `fitted in ${formatDuration(summary.elapsedMs)} on ${formatCount(card.rows)} training rows in plain JavaScript; each probability comes from the applicant's whole points, seed ${summary.settings.seed}.`
  );
}

/** "This one: 14.2% below." (or above, when the model does worse than quoting everyone the base rate). */
function belowBaselineText(model: number, baseline: number): string | undefined {
  const reduction = reductionFromBaseline(model, baseline);
  if (reduction === null) return undefined;
  return `This one: ${formatPercent(Math.abs(reduction))} ${reduction >= 0 ? 'below' : 'above'}.`;
}

/** "Chance level: 0.0252." — the ECE a perfectly calibrated model would show on these test rows by chance alone. */
function chanceEceText(bins: Parameters<typeof chanceEce>[0]): string | undefined {
  const chance = chanceEce(bins);
  return Number.isFinite(chance) ? `Chance level: ${formatRatio(chance)}.` : undefined;
}

/** A metric's explanation as plain text (not a tooltip, so touch and keyboard users see it too): its meaning, the better direction and the typical reach. */
function MetricHelp({ guide: id, here }: { guide: GuidedMetric; here: string | undefined }) {
  const guide = METRIC_GUIDES[id];
  const band = guide.typical.kind === 'range' ? guide.typical : null;
  return (
    <span className="metric-help" data-testid={`metric-help-${id}`} data-direction={guide.direction} data-typical-low={band?.low} data-typical-high={band?.high}>
      <span className="metric-meaning">{guide.meaning}</span>{' '}
      <span className="metric-typical">
        {directionText(guide.direction)} {guide.typicalText}
        {here && ` ${here}`}
      </span>
    </span>
  );
}

/** Shown when the test rows hold fewer than about 100 bads or goods: the figures above are then a rough reading. */
function SmallSampleWarning({ sample, crossValidated }: { sample: SmallSample; crossValidated: boolean }) {
  const which = sample.short.length === 2 ? 'bad and good loans' : `${sample.short[0]} loans`;
  return (
    <p className="notice small-sample-warning" role="status" data-testid="small-sample-warning" data-bad={sample.bads} data-good={sample.goods}>
      Small test set: {formatCount(sample.bads)} bad and {formatCount(sample.goods)} good test rows. With fewer than about {formatCount(SMALL_SAMPLE_MIN_ROWS)} {which}, these
      figures may move a lot with another split of the same data;{' '}
      {crossValidated ? 'the cross-validation below shows how much.' : 'cross-validation (in the Train step) shows how much.'}
    </p>
  );
}

/** The confusion matrix of the decision at the chosen cut-off: bad is the positive class, declining its prediction. */
function ConfusionMatrix({ confusion, outcome, cutoff }: { confusion: Confusion; outcome: OutcomeNames; cutoff: number }) {
  const { tp, fp, tn, fn } = confusion;
  return (
    <table className="confusion" data-testid="confusion-matrix" data-cutoff={cutoff}>
      <caption>Decisions on the test rows at cut-off {formatPercent(cutoff)}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col">Declined</th>
          <th scope="col">Approved</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row" className="outcome-bad">
            Actual bad ({badValue(outcome)})
          </th>
          <td data-cell="tp" title="bad loans declined">
            {formatCount(tp)}
          </td>
          <td data-cell="fn" title="bad loans approved">
            {formatCount(fn)}
          </td>
        </tr>
        <tr>
          <th scope="row" className="outcome-good">
            Actual good ({goodValue(outcome)})
          </th>
          <td data-cell="fp" title="good loans declined">
            {formatCount(fp)}
          </td>
          <td data-cell="tn" title="good loans approved">
            {formatCount(tn)}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

interface Props {
  readonly summary: TrainSummary;
  /** The cut-off in force and the test rows' figures there (null while the planner computes them). */
  readonly cutoff: number;
  readonly atCutoff: CutoffEvaluation | null;
}

/** Step 5: held-out metrics lenders use, next to the naive baseline; calibration; the decisions at the chosen cut-off; charts; cross-validation. */
export const MetricsPanel = memo(function MetricsPanel({ summary, cutoff, atCutoff }: Props) {
  const { metrics, baseline, charts, ece, baselineEce, meanProbabilityOfBad, observedBadRate } = summary.evaluation;
  const { outcome, calibration } = summary;
  const cv = summary.crossValidation;
  // Labels are 1 for bad: the bads among the test rows are the label-1 rows at any threshold.
  const testBads = metrics.confusion.tp + metrics.confusion.fn;
  const smallSample = checkSmallSample(testBads, metrics.confusion.fp + metrics.confusion.tn);
  // O(test rows): computed once per model, not on every move of the cut-off slider.
  const chanceText = useMemo(() => chanceEceText(charts.calibration), [charts.calibration]);
  const confusion = atCutoff ? confusionAtCutoff(atCutoff, testBads) : null;
  const ratios = confusion ? ratiosFromConfusion(confusion) : null;
  const at = `at cut-off ${formatPercent(cutoff)}`;
  const bad = badName(outcome);
  const rows: readonly MetricRow[] = [
    { label: 'ROC AUC', testId: 'metric-auc', model: metrics.auc, baseline: baseline.auc, guide: 'auc' },
    { label: 'Gini', testId: 'metric-gini', model: metrics.gini, baseline: baseline.gini, guide: 'gini' },
    { label: 'KS', testId: 'metric-ks', model: metrics.ks, baseline: baseline.ks, guide: 'ks' },
    {
      label: 'Log loss',
      testId: 'metric-logloss',
      model: metrics.logLoss,
      baseline: baseline.logLoss,
      guide: 'logloss',
      here: belowBaselineText(metrics.logLoss, baseline.logLoss),
    },
    { label: 'Brier score', testId: 'metric-brier', model: metrics.brier, baseline: baseline.brier, guide: 'brier', here: belowBaselineText(metrics.brier, baseline.brier) },
    { label: 'ECE (10 bins)', testId: 'metric-ece', model: ece, baseline: baselineEce, guide: 'calibration', here: chanceText },
    {
      label: `Accuracy (${at})`,
      testId: 'metric-accuracy',
      model: ratios?.accuracy ?? null,
      baseline: null,
      hint: 'share of test rows decided right: bad loans declined, good loans approved',
    },
    { label: `Precision (${at})`, testId: 'metric-precision', model: ratios?.precision ?? null, baseline: null, hint: 'declines that were bad loans, of all declines' },
    { label: `Recall (${at})`, testId: 'metric-recall', model: ratios?.recall ?? null, baseline: null, hint: 'bad loans declined, of all bad loans' },
    { label: `F1 (${at})`, testId: 'metric-f1', model: ratios?.f1 ?? null, baseline: null, hint: 'harmonic mean of precision and recall' },
  ];
  const members = summary.members;
  return (
    <section className="card" aria-labelledby="evaluate-heading">
      <h2 id="evaluate-heading" tabIndex={-1}>
        5. How good is the model?
      </h2>
      <p className="hint">
        On {formatCount(metrics.rows)} held-out test rows the model never saw; <span className="outcome-bad">{bad}</span> is {formatPercent(observedBadRate)} of them. Every
        probability here is a calibrated probability of {bad}.{' '}
        {summary.scorecard ? (
          <>{scorecardText(summary)}</>
        ) : (
          <>
            {members.length > 1
              ? `An ensemble of ${members.length} members (${summary.validation.kind === 'cross-fit' ? `${summary.validation.folds}-fold cross-fit, each validated on its own fold` : 'one validation split'}), ${epochsText(members)}`
              : `Trained ${summary.epochsRun} epochs (kept epoch ${summary.bestEpoch})`}{' '}
            in {formatDuration(summary.elapsedMs)} on {summary.backend.name}
            {summary.stopped ? ', stopped by you' : summary.stoppedEarly ? ', stopped early' : ''}, seed {summary.settings.seed}.
          </>
        )}
      </p>
      {smallSample && <SmallSampleWarning sample={smallSample} crossValidated={cv !== null} />}
      <div className="metrics-row">
        <table className="metrics-table">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Model</th>
              <th scope="col">Baseline (base rate)</th>
              <th scope="col">What it says</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.testId}>
                <th scope="row">{row.label}</th>
                <td data-testid={row.testId}>{formatRatio(row.model)}</td>
                <td title={row.baseline === null ? 'The base rate ranks no one above anyone: at any cut-off it approves everyone or no one.' : undefined}>
                  {formatRatio(row.baseline)}
                </td>
                <td className="hint metric-hint">{row.guide ? <MetricHelp guide={row.guide} here={row.here} /> : row.hint}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="metrics-side">
          <p data-testid="metric-auc-ci">
            AUC 95% interval (DeLong): {formatRatio(metrics.aucLower)} – {formatRatio(metrics.aucUpper)}
          </p>
          <p data-testid="calibration-summary" data-method={calibration.method} data-fitted-on={calibration.fittedOn} data-rows={calibration.rows}>
            {calibrationText(calibration)}
          </p>
          <p data-testid="calibration-mean" data-mean-predicted={meanProbabilityOfBad} data-observed={observedBadRate}>
            Mean predicted probability of {bad}: {formatPercent(meanProbabilityOfBad)}; observed bad rate: {formatPercent(observedBadRate)}, on the test rows.
          </p>
          {cv && (
            <p data-testid="cv-result">
              {cv.folds.length}-fold cross-validation: AUC {cv.meanAuc.toFixed(4)} ± {cv.sdAuc.toFixed(4)}, KS {cv.meanKs.toFixed(4)} ± {cv.sdKs.toFixed(4)}, log loss{' '}
              {cv.meanLogLoss.toFixed(4)} ± {cv.sdLogLoss.toFixed(4)}
            </p>
          )}
          {confusion ? <ConfusionMatrix confusion={confusion} outcome={outcome} cutoff={cutoff} /> : <p className="hint">Computing the decisions at the cut-off…</p>}
        </div>
      </div>
      <Suspense fallback={<p className="hint">Loading the charts…</p>}>
        <EvaluationChartsView charts={charts} auc={metrics.auc} outcome={outcome} />
      </Suspense>
    </section>
  );
});
