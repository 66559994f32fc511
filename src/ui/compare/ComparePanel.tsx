import { memo } from 'react';
import { Alert } from '../shared/Alert';
import { formatDuration, formatRatio } from '../shared/format';
import type { ComparedModel, ComparisonState } from './useComparison';

interface Props {
  readonly state: ComparisonState;
  readonly models: readonly ComparedModel[];
  /** The model training now. */
  readonly current: string | null;
  readonly inUse: string | null;
  readonly error: string | null;
  readonly canCompare: boolean;
  readonly busy: boolean;
  readonly onCompare: () => void;
  readonly onUse: (key: string) => void;
}

/**
 * Several models trained on the same split and graded on the same test rows, side by side (AUC, KS,
 * log loss, Brier, ECE, training time); "Use this model" makes one of them the model the cut-off
 * planner and the scoring form use.
 */
export const ComparePanel = memo(function ComparePanel({ state, models, current, inUse, error, canCompare, busy, onCompare, onUse }: Props) {
  const running = state === 'running';
  const position = models.findIndex((m) => m.key === current);
  return (
    <section className="card" aria-labelledby="compare-heading">
      <h2 id="compare-heading">Compare models</h2>
      <p className="hint">
        Logistic regression, the MLP with standardised numbers, the MLP with piecewise-linear encoding (PLE) of numbers, and the scorecard, each trained with the settings above on
        the same training rows and graded on the same test rows.
      </p>
      <div className="field-row">
        <button type="button" data-testid="compare-button" disabled={!canCompare || running || busy} onClick={onCompare}>
          Compare models
        </button>
        <span data-testid="compare-status" data-state={state} className={`status status-${state}`} aria-live="polite">
          {running && position >= 0
            ? `Training ${models[position].name} (${position + 1} of ${models.length})…`
            : state === 'done'
              ? inUse
                ? `In use: ${models.find((m) => m.key === inUse)?.name ?? inUse}.`
                : 'Done. Choose the model to use.'
              : ''}
        </span>
      </div>
      <Alert message={error} />
      {models.length > 0 && (
        <table className="report-table compare-table" data-testid="compare-table">
          <caption>On the test rows; every probability is a calibrated probability of bad</caption>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">AUC</th>
              <th scope="col">KS</th>
              <th scope="col">Log loss</th>
              <th scope="col">Brier</th>
              <th scope="col">ECE</th>
              <th scope="col">Training time</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {models.map((m) => {
              const outcome = m.outcome;
              if (!outcome?.ok) {
                return (
                  <tr key={m.key} data-model={m.key} data-state={outcome ? 'failed' : m.key === current ? 'training' : 'waiting'}>
                    <th scope="row">{m.name}</th>
                    <td colSpan={7} className="hint">
                      {outcome ? outcome.reason : m.key === current ? 'training…' : running ? 'waiting' : 'not trained'}
                    </td>
                  </tr>
                );
              }
              const { metrics, ece } = outcome.summary.evaluation;
              return (
                <tr
                  key={m.key}
                  data-model={m.key}
                  data-state="done"
                  data-auc={metrics.auc}
                  data-ks={metrics.ks}
                  data-logloss={metrics.logLoss}
                  data-brier={metrics.brier}
                  data-ece={ece}
                  data-elapsed-ms={Math.round(outcome.summary.elapsedMs)}
                  data-test-rows={metrics.rows}
                  data-in-use={m.key === inUse}
                >
                  <th scope="row">{m.name}</th>
                  <td>{formatRatio(metrics.auc)}</td>
                  <td>{formatRatio(metrics.ks)}</td>
                  <td>{formatRatio(metrics.logLoss)}</td>
                  <td>{formatRatio(metrics.brier)}</td>
                  <td>{formatRatio(ece)}</td>
                  <td>{formatDuration(outcome.summary.elapsedMs)}</td>
                  <td>
                    {m.key === inUse ? (
                      <strong>in use</strong>
                    ) : (
                      <button type="button" data-testid={`use-model-${m.key}`} disabled={running || busy} onClick={() => onUse(m.key)}>
                        Use this model
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
});
