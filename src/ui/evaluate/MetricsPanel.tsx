import { memo } from 'react';
import type { BinaryMetrics } from '../../core/metrics/binary';
import type { TrainSummary } from '../../worker/protocol';
import { formatCount, formatDuration, formatRatio } from '../shared/format';

const ROWS: readonly { key: keyof Pick<BinaryMetrics, 'accuracy' | 'precision' | 'recall' | 'f1' | 'auc' | 'logLoss'>; label: string; testId: string; hint: string }[] = [
  { key: 'auc', label: 'ROC AUC', testId: 'metric-auc', hint: 'chance a random positive is scored above a random negative' },
  { key: 'accuracy', label: 'Accuracy', testId: 'metric-accuracy', hint: 'share of test rows classified correctly at 0.5' },
  { key: 'precision', label: 'Precision', testId: 'metric-precision', hint: 'of rows predicted positive, the share that are' },
  { key: 'recall', label: 'Recall', testId: 'metric-recall', hint: 'of positive rows, the share found' },
  { key: 'f1', label: 'F1', testId: 'metric-f1', hint: 'harmonic mean of precision and recall' },
  { key: 'logLoss', label: 'Log loss', testId: 'metric-logloss', hint: 'lower is better' },
];

/** Step 5: held-out metrics next to the naive base-rate baseline, and the confusion matrix at 0.5. */
export const MetricsPanel = memo(function MetricsPanel({ summary }: { summary: TrainSummary }) {
  const { metrics, baseline } = summary;
  const { tp, fp, tn, fn } = metrics.confusion;
  return (
    <section className="card" aria-labelledby="evaluate-heading">
      <h2 id="evaluate-heading">5. How good is the model?</h2>
      <p className="hint">
        On {formatCount(metrics.rows)} held-out test rows the model never saw ({summary.target} = {summary.positive} is positive,{' '}
        {(100 * metrics.positiveRate).toFixed(1)}% of them). Trained {summary.epochsRun} epochs in {formatDuration(summary.elapsedMs)} on{' '}
        {summary.backend.name}
        {summary.stopped ? ', stopped early by you' : ''}.
      </p>
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
      <h3>Confusion matrix (threshold 0.5)</h3>
      <table className="confusion" data-testid="confusion-matrix">
        <thead>
          <tr>
            <td />
            <th scope="col">Predicted {summary.positive}</th>
            <th scope="col">Predicted {summary.negative}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Actual {summary.positive}</th>
            <td data-cell="tp">{formatCount(tp)}</td>
            <td data-cell="fn">{formatCount(fn)}</td>
          </tr>
          <tr>
            <th scope="row">Actual {summary.negative}</th>
            <td data-cell="fp">{formatCount(fp)}</td>
            <td data-cell="tn">{formatCount(tn)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
});
