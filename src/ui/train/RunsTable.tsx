import { memo } from 'react';
import type { TrainSummary } from '../../worker/protocol';
import { localCount, localNumber, localPercent, useT } from '../i18n';
import { formatCount, formatDuration, formatRatio } from '../shared/format';
import { epochsText } from './members';

/** The run's model in a few words, in the active language: "MLP 32, dropout 0.1", "logistic", "scorecard", "boosted trees". */
function modelName(run: TrainSummary, t: ReturnType<typeof useT>['t']): string {
  if (run.scorecard) return t('train.runs.scorecard');
  if (run.model === 'boosted') return t('train.runs.boosted');
  if (run.network.kind !== 'mlp') return t('train.runs.logistic');
  const dropout = run.network.dropout > 0 ? t('train.runs.dropout', { dropout: localNumber(run.network.dropout) }) : '';
  return t('train.runs.mlp', { units: run.network.hiddenUnits.join('-') }) + dropout;
}

/** Earlier runs of this session side by side, to compare settings. */
export const RunsTable = memo(function RunsTable({ runs }: { runs: readonly TrainSummary[] }) {
  const { t } = useT();
  if (runs.length === 0) return null;
  return (
    <table className="runs-table" data-testid="runs-table">
      <caption>{t('train.runs.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('train.runs.number')}</th>
          <th scope="col">{t('train.runs.model')}</th>
          <th scope="col">{t('train.runs.settings')}</th>
          <th scope="col">{t('train.runs.validation')}</th>
          <th scope="col">{t('train.runs.epochs')}</th>
          <th scope="col">{t('train.runs.backend')}</th>
          <th scope="col">{t('train.runs.speed')}</th>
          <th scope="col">{t('train.runs.time')}</th>
          <th scope="col">{t('train.runs.testAuc')}</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run, i) => (
          <tr
            key={i}
            data-run={i + 1}
            data-backend={run.backend.name}
            data-samples-per-second={Math.round(run.samplesPerSecond)}
            data-elapsed-ms={Math.round(run.elapsedMs)}
            data-epochs={run.epochsRun}
            data-members={run.members.length}
            data-member-epochs={run.members.map((m) => m.epochsRun).join(',')}
            data-best-epoch={run.bestEpoch}
            data-stopped={run.stopped}
            data-model={run.model === 'network' ? run.network.kind : run.model}
            data-test-auc={run.evaluation.metrics.auc}
          >
            <td>{localCount(i + 1)}</td>
            <td>{modelName(run, t)}</td>
            {run.model === 'boosted' ? (
              <td>{t('train.runs.forests', { count: run.members.length, seed: run.settings.seed })}</td>
            ) : run.scorecard ? (
              <td>
                {t('train.runs.characteristics', { number: localCount(run.scorecard.scorecard.characteristics.length), seed: run.settings.seed })}
                {run.scorecard.editedCharacteristics.length > 0 && (
                  <>
                    {t('train.runs.editedBins')}
                    <span translate="no">{run.scorecard.editedCharacteristics.join(', ')}</span>
                  </>
                )}
              </td>
            ) : (
              <td>
                <span translate="no">{run.settings.optimizer}</span>
                {t('train.runs.network', { learningRate: localNumber(run.settings.learningRate), batchSize: localCount(run.settings.batchSize), seed: run.settings.seed })}
                {run.settings.l2 > 0 ? t('train.runs.l2', { l2: localNumber(run.settings.l2) }) : ''}
                {run.settings.classWeights ? t('train.runs.classWeights') : ''}
              </td>
            )}
            <td>
              {run.scorecard
                ? t('train.runs.calibration', { folds: run.scorecard.scorecard.calibration.folds })
                : run.validation.kind === 'cross-fit'
                  ? t('train.runs.crossFit', { folds: run.validation.folds })
                  : t('train.runs.heldOut', { share: localPercent(run.validation.fraction, 0) })}
            </td>
            <td>
              {run.scorecard
                ? t('dash')
                : run.model === 'boosted'
                  ? t('train.runs.treesKept', { trees: run.members.map((m) => m.bestEpoch).join('/') })
                  : run.members.length > 1
                    ? epochsText(run.members)
                    : t('train.runs.epochsBest', { epochs: localCount(run.epochsRun), best: localCount(run.bestEpoch) })}
              {run.stopped ? t('train.runs.stopped') : run.members.some((m) => m.stoppedEarly) ? t('train.runs.earlyStop') : ''}
            </td>
            <td>{run.model === 'network' ? <span translate="no">{run.backend.name}</span> : t('train.runs.noBackend')}</td>
            <td>{run.model === 'network' ? formatCount(Math.round(run.samplesPerSecond)) : t('dash')}</td>
            <td>{formatDuration(run.elapsedMs)}</td>
            <td>{formatRatio(run.evaluation.metrics.auc)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
