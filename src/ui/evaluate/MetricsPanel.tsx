import { lazy, memo, Suspense } from 'react';
import type { CreditMetrics } from '../../core/metrics/credit';
import type { TrainSummary } from '../../worker/protocol';
import { formatCount, formatDuration, formatRatio } from '../shared/format';
import { loadEvaluationCharts } from '../charts';

const EvaluationChartsView = lazy(loadEvaluationCharts);

type MetricKey = 'auc' | 'gini' | 'ks' | 'logLoss' | 'brier' | 'accuracy' | 'precision' | 'recall' | 'f1';

const ROWS: readonly { key: MetricKey; label: string; testId: string; hint: string }[] = [
  { key: 'auc', label: 'ROC AUC', testId: 'metric-auc', hint: 'chance a random positive is scored above a random negative; 0.5 is guessing' },
  { key: 'gini', label: 'Gini', testId: 'metric-gini', hint: '2 × AUC − 1' },
  { key: 'ks', label: 'KS', testId: 'metric-ks', hint: 'largest gap between the cumulative shares of positives and negatives by score' },
  { key: 'logLoss', label: 'Log loss', testId: 'metric-logloss', hint: 'lower is better; rewards honest probabilities' },
  { key: 'brier', label: 'Brier score', testId: 'metric-brier', hint: 'mean squared error of the probabilities; lower is better' },
  { key: 'accuracy', label: 'Accuracy (at 0.5)', testId: 'metric-accuracy', hint: 'share of test rows classified correctly at a 0.5 threshold' },
  { key: 'precision', label: 'Precision (at 0.5)', testId: 'metric-precision', hint: 'of rows predicted positive, the share that are' },
  { key: 'recall', label: 'Recall (at 0.5)', testId: 'metric-recall', hint: 'of positive rows, the share found' },
  { key: 'f1', label: 'F1 (at 0.5)', testId: 'metric-f1', hint: 'harmonic mean of precision and recall' },
];

function ConfusionMatrix({ metrics, positive, negative }: { metrics: CreditMetrics; positive: string; negative: string }) {
  const { tp, fp, tn, fn } = metrics.confusion;
  return (
    <table className="confusion" data-testid="confusion-matrix">
      <caption>Confusion matrix at 0.5</caption>
      <thead>
        <tr>
          <td />
          <th scope="col">Predicted {positive}</th>
          <th scope="col">Predicted {negative}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Actual {positive}</th>
          <td data-cell="tp">{formatCount(tp)}</td>
          <td data-cell="fn">{formatCount(fn)}</td>
        </tr>
        <tr>
          <th scope="row">Actual {negative}</th>
          <td data-cell="fp">{formatCount(fp)}</td>
          <td data-cell="tn">{formatCount(tn)}</td>
        </tr>
      </tbody>
    </table>
  );
}

/** Step 5: held-out metrics lenders use, next to the naive baseline; charts; cross-validation. */
export const MetricsPanel = memo(function MetricsPanel({ summary }: { summary: TrainSummary }) {
  const { metrics, baseline, charts } = summary.evaluation;
  const cv = summary.crossValidation;
  return (
    <section className="card" aria-labelledby="evaluate-heading">
      <h2 id="evaluate-heading">5. How good is the model?</h2>
      <p className="hint">
        On {formatCount(metrics.rows)} held-out test rows the model never saw ({summary.target} = {summary.positive} is positive, {(100 * metrics.positiveRate).toFixed(1)}% of them).
        Trained {summary.epochsRun} epochs (kept epoch {summary.bestEpoch}) in {formatDuration(summary.elapsedMs)} on {summary.backend.name}
        {summary.stopped ? ', stopped by you' : summary.stoppedEarly ? ', stopped early' : ''}, seed {summary.settings.seed}.
      </p>
      <div className="metrics-row">
        <table className="metrics-table">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Model</th>
              <th scope="col">Baseline (base rate)</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row.key} title={row.hint}>
                <th scope="row">{row.label}</th>
                <td data-testid={row.testId}>{formatRatio(metrics[row.key])}</td>
                <td>{formatRatio(baseline[row.key])}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div>
          <p data-testid="metric-auc-ci">
            AUC 95% interval (DeLong): {formatRatio(metrics.aucLower)} – {formatRatio(metrics.aucUpper)}
          </p>
          {cv && (
            <p data-testid="cv-result">
              {cv.folds.length}-fold cross-validation: AUC {cv.meanAuc.toFixed(4)} ± {cv.sdAuc.toFixed(4)}, KS {cv.meanKs.toFixed(4)} ± {cv.sdKs.toFixed(4)}
            </p>
          )}
          <ConfusionMatrix metrics={metrics} positive={summary.positive} negative={summary.negative} />
        </div>
      </div>
      <Suspense fallback={<p className="hint">Loading the charts…</p>}>
        <EvaluationChartsView charts={charts} auc={metrics.auc} ks={metrics.ks} positive={summary.positive} negative={summary.negative} />
      </Suspense>
    </section>
  );
});
