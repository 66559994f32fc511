import { memo, useState } from 'react';
import type { CleaningStepKind } from '../../core/clean/cleanTable';
import { describeFill } from '../../core/features/preprocessor';
import type { PreparedSummary } from '../../worker/protocol';
import { formatCount, formatDuration } from '../shared/format';

const STEP_LABELS: Record<CleaningStepKind, string> = {
  duplicates: 'Duplicate rows',
  'no-label': 'Rows without a label',
  'out-of-range': 'Impossible values',
  'missing-value': 'Missing value (drop the row)',
  outlier: 'Outliers (drop the row)',
};

interface Props {
  readonly prepared: PreparedSummary;
  readonly target: string;
  readonly positive: string;
  readonly onDownloadRemoved: () => Promise<string>;
}

/** Every count the cleaning produced, what fills the gaps, what was left out, and the removed rows to download. */
export const CleaningReportView = memo(function CleaningReportView({ prepared, target, positive, onDownloadRemoved }: Props) {
  const { report, preprocessor, timings } = prepared;
  const [busy, setBusy] = useState(false);
  const fills = new Map(preprocessor.features.map((f) => [f.name, describeFill(f)]));
  const missing = report.missing.filter((m) => m.missing > 0);

  const download = async () => {
    setBusy(true);
    try {
      const csv = await onDownloadRemoved();
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = 'removed-rows.csv';
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="cleaning-report" className="cleaning-report">
      <table className="report-table">
        <tbody>
          <tr>
            <th scope="row">Rows loaded</th>
            <td />
            <td data-testid="clean-rows-before">{formatCount(report.rowsBefore)}</td>
          </tr>
          {report.steps.map((step, i) => (
            <tr key={i} data-step={step.step} data-column={step.column ?? ''}>
              <th scope="row">
                − {STEP_LABELS[step.step]}
                {step.column ? `: ${step.column}` : ''}
              </th>
              <td className="rule">{step.rule}</td>
              <td>{formatCount(step.rows)}</td>
            </tr>
          ))}
          <tr className="total">
            <th scope="row">Rows kept</th>
            <td>
              {target} = {positive}: {formatCount(report.positives)} ({((100 * report.positives) / Math.max(1, report.rowsAfter)).toFixed(1)}%)
            </td>
            <td data-testid="clean-rows-after">{formatCount(report.rowsAfter)}</td>
          </tr>
        </tbody>
      </table>
      <p className="hint">
        Split (stratified, seeded): {formatCount(prepared.trainRows)} training, {formatCount(prepared.validationRows)} validation, {formatCount(prepared.testRows)} test rows ·{' '}
        {prepared.width} model inputs.
      </p>
      {missing.length > 0 && (
        <>
          <h3>Missing values</h3>
          <ul className="missing-list">
            {missing.map((m) => (
              <li key={m.column}>
                {m.column}: {formatCount(m.missing)} cells, {m.filledBy}
                {fills.has(m.column) ? `: ${fills.get(m.column)}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.clipped.length > 0 && (
        <ul className="missing-list">
          {preprocessor.features.map((f) =>
            f.kind === 'numeric' && f.clip ? (
              <li key={f.name}>
                {f.name}: clipped to {f.clip.rule} ({formatCount(f.clip.trainingCellsClipped)} training cells)
              </li>
            ) : null,
          )}
        </ul>
      )}
      {report.excludedFeatures.length > 0 && (
        <ul className="missing-list excluded">
          {report.excludedFeatures.map((e) => (
            <li key={e.column}>{e.note}</li>
          ))}
        </ul>
      )}
      <div className="field-row">
        <button type="button" data-testid="removed-rows-download" disabled={busy || prepared.removedRows === 0} onClick={download}>
          Download the {formatCount(prepared.removedRows)} removed rows (CSV, with reasons)
        </button>
        <span className="hint">
          Cleaned in {formatDuration(timings.cleanMs)}, prepared in {formatDuration(timings.fitMs + timings.encodeMs)}
        </span>
      </div>
    </div>
  );
});
