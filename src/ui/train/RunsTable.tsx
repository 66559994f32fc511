import { memo } from 'react';
import type { TrainSummary } from '../../worker/protocol';
import { formatCount, formatDuration, formatRatio } from '../shared/format';
import { epochsText } from './members';

/** Earlier runs of this session side by side, to compare settings. */
export const RunsTable = memo(function RunsTable({ runs }: { runs: readonly TrainSummary[] }) {
  if (runs.length === 0) return null;
  return (
    <table className="runs-table" data-testid="runs-table">
      <caption>Runs this session</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Model</th>
          <th scope="col">Settings</th>
          <th scope="col">Validation</th>
          <th scope="col">Epochs</th>
          <th scope="col">Backend</th>
          <th scope="col">Samples/s</th>
          <th scope="col">Time</th>
          <th scope="col">Test AUC</th>
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
            data-test-auc={run.evaluation.metrics.auc}
          >
            <td>{i + 1}</td>
            <td>{run.network.kind === 'mlp' ? `MLP ${run.network.hiddenUnits.join('-')}${run.network.dropout > 0 ? `, dropout ${run.network.dropout}` : ''}` : 'logistic'}</td>
            <td>
              {run.settings.optimizer} {run.settings.learningRate}, batch {run.settings.batchSize}, seed {run.settings.seed}
              {run.settings.l2 > 0 ? `, L2 ${run.settings.l2}` : ''}
              {run.settings.classWeights ? ', class weights' : ''}
            </td>
            <td>{run.validation.kind === 'cross-fit' ? `${run.validation.folds}-fold cross-fit ensemble` : `${Math.round(100 * run.validation.fraction)}% held out`}</td>
            <td>
              {run.members.length > 1 ? epochsText(run.members) : `${run.epochsRun} (best ${run.bestEpoch})`}
              {run.stopped ? ', stopped' : run.members.some((m) => m.stoppedEarly) ? ', early stop' : ''}
            </td>
            <td>{run.backend.name}</td>
            <td>{formatCount(Math.round(run.samplesPerSecond))}</td>
            <td>{formatDuration(run.elapsedMs)}</td>
            <td>{formatRatio(run.evaluation.metrics.auc)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
