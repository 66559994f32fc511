import { memo, useState } from 'react';
import type { CleaningStepKind } from '../../core/clean/cleanTable';
import { describeFill, type NumericFeature } from '../../core/features/preprocessor';
import type { PreparedSummary } from '../../worker/protocol';
import { formatCount, formatDuration } from '../shared/format';
import { badName, goodName } from '../shared/outcome';

const STEP_LABELS: Record<CleaningStepKind, string> = {
  duplicates: 'Duplicate rows',
  'no-label': 'Rows without a label',
  'out-of-range': 'Impossible values',
  'missing-value': 'Missing value (drop the row)',
  outlier: 'Outliers (drop the row)',
};

interface Props {
  readonly prepared: PreparedSummary;
  readonly positive: string;
  readonly onDownloadRemoved: () => Promise<string>;
}

/** Every count the cleaning produced, what fills the gaps, what was left out, and the removed rows to download. */
export const CleaningReportView = memo(function CleaningReportView({ prepared, positive, onDownloadRemoved }: Props) {
  const { report, preprocessor, timings, outcome, validation } = prepared;
  const bads = outcome.bad === positive ? report.positives : report.negatives;
  const goods = report.rowsAfter - bads;
  const indicators = preprocessor.features.filter((f): f is NumericFeature => f.kind === 'numeric' && f.indicator);
  const dropsOutliers = report.steps.some((step) => step.step === 'outlier');
  const trainedRanges = preprocessor.features.flatMap((f) => (f.kind === 'numeric' && f.trainedRange ? [{ name: f.name, range: f.trainedRange }] : []));
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
            <td data-testid="kept-outcomes" data-bads={bads} data-goods={goods}>
              <span className="outcome-bad">{badName(outcome)}</span>: {formatCount(bads)} ({((100 * bads) / Math.max(1, report.rowsAfter)).toFixed(1)}%) ·{' '}
              <span className="outcome-good">{goodName(outcome)}</span>: {formatCount(goods)}
            </td>
            <td data-testid="clean-rows-after">{formatCount(report.rowsAfter)}</td>
          </tr>
        </tbody>
      </table>
      <p
        className="hint"
        data-testid="split-summary"
        data-validation={validation.kind}
        data-train-rows={prepared.trainRows}
        data-validation-rows={prepared.validationRows}
        data-test-rows={prepared.testRows}
      >
        Split (stratified, seeded): {formatCount(prepared.trainRows)} training rows ({formatCount(prepared.trainBadRows)} of them bad)
        {validation.kind === 'cross-fit'
          ? ` in ${validation.folds} folds: the model is an ensemble of ${validation.folds} members, each validated on its own fold, so every training row is validated once (out-of-fold)`
          : `, of which ${formatCount(prepared.validationRows)} (${Math.round(100 * validation.fraction)}%) are held back for validation`}
        ; {formatCount(prepared.testRows)} test rows, only for grading · <span data-testid="model-inputs">{prepared.width}</span> model inputs.
      </p>
      {missing.length > 0 && (
        <>
          <h3>Missing values in the training rows</h3>
          <ul className="missing-list">
            {missing.map((m) => (
              <li key={m.column}>
                {m.column}: {formatCount(m.missing)} training cells, {m.filledBy}
                {fills.has(m.column) ? ` (fill value ${fills.get(m.column)})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {indicators.length > 0 && (
        <>
          <h3>"Was missing" inputs</h3>
          <ul className="missing-list" data-testid="indicator-summary">
            {indicators.map((f) => (
              <li key={f.name} data-column={f.name} data-training-rows={f.missingInTraining}>
                {f.name} was missing: flags {formatCount(f.missingInTraining)} of the {formatCount(prepared.trainRows)} training rows
              </li>
            ))}
          </ul>
        </>
      )}
      {(dropsOutliers || trainedRanges.length > 0) && (
        <div data-testid="outlier-drop-note">
          <p className="hint">
            Outlier bounds that drop rows are fitted on the training rows only. Training rows outside them are dropped; test rows and applicants outside them are kept (the model is
            graded on the rows as they come) and flagged when scored.
          </p>
          {trainedRanges.length > 0 && (
            <ul className="missing-list">
              {trainedRanges.map(({ name, range }) => (
                <li key={name} data-column={name}>
                  {name}: {range.rule}
                </li>
              ))}
            </ul>
          )}
        </div>
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
