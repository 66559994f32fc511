import { memo } from 'react';
import { useT } from '../i18n';
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
  const { t } = useT();
  const running = state === 'running';
  const position = models.findIndex((m) => m.key === current);
  return (
    <section className="card" aria-labelledby="compare-heading">
      <h2 id="compare-heading">{t('compare.title')}</h2>
      <p className="hint">{t('compare.hint')}</p>
      <div className="field-row">
        <button type="button" data-testid="compare-button" disabled={!canCompare || running || busy} onClick={onCompare}>
          {t('compare.button')}
        </button>
        <span data-testid="compare-status" data-state={state} className={`status status-${state}`} aria-live="polite">
          {running && position >= 0
            ? t('compare.training', { name: models[position].name, position: position + 1, total: models.length })
            : state === 'done'
              ? inUse
                ? t('compare.inUse', { name: models.find((m) => m.key === inUse)?.name ?? inUse })
                : t('compare.done')
              : ''}
        </span>
      </div>
      <Alert message={error} />
      {models.length > 0 && (
        <table className="report-table compare-table" data-testid="compare-table">
          <caption>{t('compare.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('compare.model')}</th>
              <th scope="col">{t('compare.auc')}</th>
              <th scope="col">{t('compare.ks')}</th>
              <th scope="col">{t('compare.logLoss')}</th>
              <th scope="col">{t('compare.brier')}</th>
              <th scope="col">{t('compare.ece')}</th>
              <th scope="col">{t('compare.trainingTime')}</th>
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
                      {outcome ? outcome.reason : m.key === current ? t('compare.rowTraining') : running ? t('compare.rowWaiting') : t('compare.rowNotTrained')}
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
                      <strong>{t('compare.rowInUse')}</strong>
                    ) : (
                      <button type="button" data-testid={`use-model-${m.key}`} disabled={running || busy} onClick={() => onUse(m.key)}>
                        {t('compare.use')}
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
