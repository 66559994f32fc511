import { lazy, memo, Suspense, useMemo } from 'react';
import type { CalibrationMethod } from '../../core/calibration/calibrator';
import { ratiosFromConfusion, type Confusion } from '../../core/metrics/binary';
import type { CutoffEvaluation } from '../../core/scoring/cutoff';
import type { CalibrationSummary, OutcomeNames, TrainSummary } from '../../worker/protocol';
import { localCount, localFixed, translate, useT } from '../i18n';
import { formatCount, formatDuration, formatRatio } from '../shared/format';
import { badValue, formatPercent, goodValue } from '../shared/outcome';
import { loadEvaluationCharts } from '../charts';
import { epochsText } from '../train/members';
import { confusionAtCutoff } from './cutoffAt';
import { badNode } from './outcomeNodes';
import { data, rich, slot } from '../shared/messageParts';
import { sourceWord } from './sourceWord';
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

/** "Platt scaling, fitted on 1,234 out-of-fold rows; class-weight shift of 1.27 removed." */
function calibrationText(calibration: CalibrationSummary): string {
  const rows = translate('evaluate.calibration.rows', { rows: formatCount(calibration.rows), source: sourceWord(calibration.fittedOn) });
  const method = calibration.method === 'none' ? translate('evaluate.calibration.noneBest', { rows }) : translate(`evaluate.calibration.fitted.${calibration.method}`, { rows });
  const shift = calibration.classWeightShift !== 0 ? translate('evaluate.calibration.shift', { shift: localFixed(calibration.classWeightShift, 2) }) : '';
  const losses = (Object.entries(calibration.crossValidatedLogLoss) as [CalibrationMethod, number][])
    .map(([name, loss]) => translate('evaluate.calibration.loss', { method: translate(`evaluate.calibration.method.${name}`), loss: formatRatio(loss) }))
    .join(translate('evaluate.calibration.lossSeparator'));
  if (losses === '') return translate('evaluate.calibration.tooFew', { source: sourceWord(calibration.fittedOn) });
  return translate('evaluate.calibration.chosen', { method, shift, losses });
}

/** "A scorecard of 9 characteristics (logistic regression on their WoE, 6 Newton steps), fitted in 120 ms on 3,600 training rows, probabilities from its integer points." */
function scorecardText(summary: TrainSummary): string {
  const card = summary.scorecard!.scorecard;
  return translate('evaluate.metrics.scorecard', {
    count: card.characteristics.length,
    iterations: localCount(card.regression.iterations),
    duration: formatDuration(summary.elapsedMs),
    rows: formatCount(card.rows),
    seed: String(summary.settings.seed),
  });
}

/** "This one: 14.2% below." (or above, when the model does worse than quoting everyone the base rate). */
function belowBaselineText(model: number, baseline: number): string | undefined {
  const reduction = reductionFromBaseline(model, baseline);
  if (reduction === null) return undefined;
  return translate(reduction >= 0 ? 'evaluate.metrics.below' : 'evaluate.metrics.above', { share: formatPercent(Math.abs(reduction)) });
}

/** "Chance level: 0.0252." — the ECE a perfectly calibrated model would show on these test rows by chance alone. */
function chanceEceText(chance: number): string | undefined {
  return Number.isFinite(chance) ? translate('evaluate.metrics.chanceLevel', { value: formatRatio(chance) }) : undefined;
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
  const { t } = useT();
  const which = sample.short.length === 2 ? t('evaluate.smallSample.which.both') : t(`evaluate.smallSample.which.${sample.short[0]}`);
  const values = { bads: formatCount(sample.bads), goods: formatCount(sample.goods), minimum: formatCount(SMALL_SAMPLE_MIN_ROWS), which };
  return (
    <p
      className="notice small-sample-warning"
      role="status"
      data-testid="small-sample-warning"
      data-bad={sample.bads}
      data-good={sample.goods}
      data-short={sample.short.join(' ')}
      data-minimum={SMALL_SAMPLE_MIN_ROWS}
      data-cross-validated={crossValidated}
    >
      {t(crossValidated ? 'evaluate.smallSample.crossValidated' : 'evaluate.smallSample.notCrossValidated', values)}
    </p>
  );
}

/** The confusion matrix of the decision at the chosen cut-off: bad is the positive class, declining its prediction. */
function ConfusionMatrix({ confusion, outcome, cutoff }: { confusion: Confusion; outcome: OutcomeNames; cutoff: number }) {
  const { t } = useT();
  const { tp, fp, tn, fn } = confusion;
  return (
    <table className="confusion" data-testid="confusion-matrix" data-cutoff={cutoff}>
      <caption>{t('evaluate.confusion.caption', { cutoff: formatPercent(cutoff) })}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col" data-decision="decline">
            {t('evaluate.confusion.declined')}
          </th>
          <th scope="col" data-decision="approve">
            {t('evaluate.confusion.approved')}
          </th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row" className="outcome-bad" data-outcome="bad" data-target={outcome.target} data-value={outcome.bad}>
            {rich(t('evaluate.confusion.actualBad', { value: slot('value') }), { value: data(badValue(outcome)) })}
          </th>
          <td data-cell="tp" title={t('evaluate.confusion.tp')}>
            {formatCount(tp)}
          </td>
          <td data-cell="fn" title={t('evaluate.confusion.fn')}>
            {formatCount(fn)}
          </td>
        </tr>
        <tr>
          <th scope="row" className="outcome-good" data-outcome="good" data-target={outcome.target} data-value={outcome.good}>
            {rich(t('evaluate.confusion.actualGood', { value: slot('value') }), { value: data(goodValue(outcome)) })}
          </th>
          <td data-cell="fp" title={t('evaluate.confusion.fp')}>
            {formatCount(fp)}
          </td>
          <td data-cell="tn" title={t('evaluate.confusion.tn')}>
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
  const { t, language } = useT();
  const { metrics, baseline, charts, ece, baselineEce, meanProbabilityOfBad, observedBadRate } = summary.evaluation;
  const { outcome, calibration } = summary;
  const cv = summary.crossValidation;
  // Labels are 1 for bad: the bads among the test rows are the label-1 rows at any threshold.
  const testBads = metrics.confusion.tp + metrics.confusion.fn;
  const smallSample = checkSmallSample(testBads, metrics.confusion.fp + metrics.confusion.tn);
  // O(test rows): computed once per model, not on every move of the cut-off slider.
  const chance = useMemo(() => chanceEce(charts.calibration), [charts.calibration]);
  // `language`: the words are read again when it changes.
  const chanceText = useMemo(() => chanceEceText(chance), [chance, language]);
  const confusion = atCutoff ? confusionAtCutoff(atCutoff, testBads) : null;
  const ratios = confusion ? ratiosFromConfusion(confusion) : null;
  const at = t('evaluate.metrics.atCutoff', { cutoff: formatPercent(cutoff) });
  const rows: readonly MetricRow[] = [
    { label: t('evaluate.metrics.label.auc'), testId: 'metric-auc', model: metrics.auc, baseline: baseline.auc, guide: 'auc' },
    { label: t('evaluate.metrics.label.gini'), testId: 'metric-gini', model: metrics.gini, baseline: baseline.gini, guide: 'gini' },
    { label: t('evaluate.metrics.label.ks'), testId: 'metric-ks', model: metrics.ks, baseline: baseline.ks, guide: 'ks' },
    {
      label: t('evaluate.metrics.label.logloss'),
      testId: 'metric-logloss',
      model: metrics.logLoss,
      baseline: baseline.logLoss,
      guide: 'logloss',
      here: belowBaselineText(metrics.logLoss, baseline.logLoss),
    },
    {
      label: t('evaluate.metrics.label.brier'),
      testId: 'metric-brier',
      model: metrics.brier,
      baseline: baseline.brier,
      guide: 'brier',
      here: belowBaselineText(metrics.brier, baseline.brier),
    },
    { label: t('evaluate.metrics.label.ece'), testId: 'metric-ece', model: ece, baseline: baselineEce, guide: 'calibration', here: chanceText },
    {
      label: t('evaluate.metrics.label.accuracy', { at }),
      testId: 'metric-accuracy',
      model: ratios?.accuracy ?? null,
      baseline: null,
      hint: t('evaluate.metrics.hint.accuracy'),
    },
    {
      label: t('evaluate.metrics.label.precision', { at }),
      testId: 'metric-precision',
      model: ratios?.precision ?? null,
      baseline: null,
      hint: t('evaluate.metrics.hint.precision'),
    },
    { label: t('evaluate.metrics.label.recall', { at }), testId: 'metric-recall', model: ratios?.recall ?? null, baseline: null, hint: t('evaluate.metrics.hint.recall') },
    { label: t('evaluate.metrics.label.f1', { at }), testId: 'metric-f1', model: ratios?.f1 ?? null, baseline: null, hint: t('evaluate.metrics.hint.f1') },
  ];
  const members = summary.members;
  const stopped = summary.stopped ? t('evaluate.metrics.stoppedByYou') : summary.stoppedEarly ? t('evaluate.metrics.stoppedEarly') : '';
  const training =
    members.length > 1
      ? summary.validation.kind === 'cross-fit'
        ? t('evaluate.metrics.ensembleCrossFit', { members: localCount(members.length), folds: localCount(summary.validation.folds), epochs: epochsText(members) })
        : t('evaluate.metrics.ensembleSplit', { members: localCount(members.length), epochs: epochsText(members) })
      : t('evaluate.metrics.single', { epochs: localCount(summary.epochsRun), best: localCount(summary.bestEpoch) });
  return (
    <section className="card" aria-labelledby="evaluate-heading">
      <h2 id="evaluate-heading" tabIndex={-1}>
        {t('evaluate.metrics.title')}
      </h2>
      <p className="hint" data-testid="evaluation-intro" data-test-rows={metrics.rows} data-bad-rate={observedBadRate}>
        {rich(t('evaluate.metrics.intro', { rows: formatCount(metrics.rows), bad: slot('bad'), rate: formatPercent(observedBadRate), badAgain: slot('badAgain') }), {
          bad: <span className="outcome-bad">{badNode(outcome)}</span>,
          badAgain: badNode(outcome),
        })}
        {summary.scorecard ? (
          <>{scorecardText(summary)}</>
        ) : (
          <>
            {training}
            {rich(t('evaluate.metrics.ranOn', { duration: formatDuration(summary.elapsedMs), backend: slot('backend'), stopped, seed: String(summary.settings.seed) }), {
              backend: data(summary.backend.name),
            })}
          </>
        )}
      </p>
      {smallSample && <SmallSampleWarning sample={smallSample} crossValidated={cv !== null} />}
      <div className="metrics-row">
        <table className="metrics-table">
          <thead>
            <tr>
              <th scope="col">{t('evaluate.metrics.columns.metric')}</th>
              <th scope="col">{t('evaluate.metrics.columns.model')}</th>
              <th scope="col">{t('evaluate.metrics.columns.baseline')}</th>
              <th scope="col">{t('evaluate.metrics.columns.says')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.testId}>
                <th scope="row">{row.label}</th>
                <td data-testid={row.testId}>{formatRatio(row.model)}</td>
                <td title={row.baseline === null ? t('evaluate.metrics.noBaseline') : undefined}>{formatRatio(row.baseline)}</td>
                <td className="hint metric-hint">{row.guide ? <MetricHelp guide={row.guide} here={row.here} /> : row.hint}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="metrics-side">
          <p data-testid="metric-auc-ci" data-low={metrics.aucLower} data-high={metrics.aucUpper} data-method="delong">
            {rich(t('evaluate.metrics.aucInterval', { method: slot('method'), low: formatRatio(metrics.aucLower), high: formatRatio(metrics.aucUpper) }), {
              method: <span translate="no">DeLong</span>,
            })}
          </p>
          <p data-testid="calibration-summary" data-method={calibration.method} data-fitted-on={calibration.fittedOn} data-rows={calibration.rows}>
            {calibrationText(calibration)}
          </p>
          <p data-testid="calibration-mean" data-mean-predicted={meanProbabilityOfBad} data-observed={observedBadRate}>
            {rich(t('evaluate.metrics.meanPredicted', { bad: slot('bad'), mean: formatPercent(meanProbabilityOfBad), observed: formatPercent(observedBadRate) }), {
              bad: badNode(outcome),
            })}
          </p>
          {cv && (
            <p
              data-testid="cv-result"
              data-folds={cv.folds.length}
              data-mean-auc={cv.meanAuc}
              data-sd-auc={cv.sdAuc}
              data-mean-ks={cv.meanKs}
              data-sd-ks={cv.sdKs}
              data-mean-log-loss={cv.meanLogLoss}
              data-sd-log-loss={cv.sdLogLoss}
            >
              {t('evaluate.metrics.crossValidation', {
                folds: localCount(cv.folds.length),
                auc: localFixed(cv.meanAuc, 4),
                aucSd: localFixed(cv.sdAuc, 4),
                ks: localFixed(cv.meanKs, 4),
                ksSd: localFixed(cv.sdKs, 4),
                logLoss: localFixed(cv.meanLogLoss, 4),
                logLossSd: localFixed(cv.sdLogLoss, 4),
              })}
            </p>
          )}
          {confusion ? <ConfusionMatrix confusion={confusion} outcome={outcome} cutoff={cutoff} /> : <p className="hint">{t('evaluate.metrics.computingDecisions')}</p>}
        </div>
      </div>
      <Suspense fallback={<p className="hint">{t('evaluate.metrics.loadingCharts')}</p>}>
        <EvaluationChartsView charts={charts} auc={metrics.auc} outcome={outcome} />
      </Suspense>
    </section>
  );
});
