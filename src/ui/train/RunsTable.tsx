import { memo } from 'react';
import type { TrainSummary } from '../../worker/protocol';
import { formatCount, formatDuration, formatRatio } from '../shared/format';
import { epochsText } from './members';

/** The run's model in a few words: "MLP 32, dropout 0.1", "logistic", "scorecard", "boosted trees". */
function modelName(run: TrainSummary): string {
  if (run.scorecard) return 'scorecard';
  if (run.model === 'boosted') return 'boosted trees';
  return run.network.kind === 'mlp' ? `MLP ${run.network.hiddenUnits.join('-')}${run.network.dropout > 0 ? `, dropout ${run.network.dropout}` : ''}` : 'logistic';
}

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
            data-model={run.model === 'network' ? run.network.kind : run.model}
            data-test-auc={run.evaluation.metrics.auc}
          >
            <td>{i + 1}</td>
            <td>{modelName(run)}</td>
            {run.model === 'boosted' ? (
              <td>
                {run.members.length} forest{run.members.length === 1 ? '' : 's'} of up to 31 leaves a tree, learning rate 0.1, seed {run.settings.seed}
              </td>
            ) : run.scorecard ? (
              <td>
                {run.scorecard.scorecard.characteristics.length} characteristics, seed {run.settings.seed}
                {run.scorecard.editedCharacteristics.length > 0 ? `, edited bins: ${run.scorecard.editedCharacteristics.join(', ')}` : ''}
              </td>
            ) : (
              <td>
                {run.settings.optimizer} {run.settings.learningRate}, batch {run.settings.batchSize}, seed {run.settings.seed}
                {run.settings.l2 > 0 ? `, L2 ${run.settings.l2}` : ''}
                {run.settings.classWeights ? ', class weights' : ''}
              </td>
            )}
            <td>
              {run.scorecard
                ? `${run.scorecard.scorecard.calibration.folds}-fold out-of-fold calibration`
                : run.validation.kind === 'cross-fit'
                  ? `${run.validation.folds}-fold cross-fit ensemble`
                  : `${Math.round(100 * run.validation.fraction)}% held out`}
            </td>
            <td>
              {run.scorecard
                ? '–'
                : run.model === 'boosted'
                  ? `${run.members.map((m) => m.bestEpoch).join('/')} trees kept`
                  : run.members.length > 1
                    ? epochsText(run.members)
                    : `${run.epochsRun} (best ${run.bestEpoch})`}
              {run.stopped ? ', stopped' : run.members.some((m) => m.stoppedEarly) ? ', early stop' : ''}
            </td>
            <td>{run.model === 'network' ? run.backend.name : 'none (plain JavaScript)'}</td>
            <td>{run.model === 'network' ? formatCount(Math.round(run.samplesPerSecond)) : '–'}</td>
            <td>{formatDuration(run.elapsedMs)}</td>
            <td>{formatRatio(run.evaluation.metrics.auc)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
