import { memo, useState } from 'react';
import type { CleaningStepKind } from '../../core/clean/cleanTable';
import { describeFill, type NumericFeature } from '../../core/features/preprocessor';
import type { PreparedSummary } from '../../worker/protocol';
import { localPercent, localPercentPoints, useT } from '../i18n';
import { formatCount, formatDuration } from '../shared/format';
import { badName, goodName } from '../shared/outcome';

// Each cleaning step's label key under clean.report.step.
const STEP_KEYS = {
  duplicates: 'duplicates',
  'no-label': 'noLabel',
  'out-of-range': 'outOfRange',
  'missing-value': 'missingValue',
  outlier: 'outlier',
} as const satisfies Record<CleaningStepKind, string>;

interface Props {
  readonly prepared: PreparedSummary;
  readonly positive: string;
  readonly onDownloadRemoved: () => Promise<string>;
}

/** Every count the cleaning produced, what fills the gaps, what was left out, and the removed rows to download. */
export const CleaningReportView = memo(function CleaningReportView({ prepared, positive, onDownloadRemoved }: Props) {
  const { t } = useT();
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
    <div data-testid="cleaning-report" className="cleaning-report" data-i18n-scope>
      <table className="report-table">
        <tbody>
          <tr>
            <th scope="row">{t('clean.report.rowsLoaded')}</th>
            <td />
            <td data-testid="clean-rows-before">{formatCount(report.rowsBefore)}</td>
          </tr>
          {report.steps.map((step, i) => (
            <tr key={i} data-step={step.step} data-column={step.column ?? ''}>
              <th scope="row">
                − {t(`clean.report.step.${STEP_KEYS[step.step]}`)}
                {step.column ? `: ${step.column}` : ''}
              </th>
              <td className="rule">{step.rule}</td>
              <td>{formatCount(step.rows)}</td>
            </tr>
          ))}
          <tr className="total">
            <th scope="row">{t('clean.report.rowsKept')}</th>
            <td data-testid="kept-outcomes" data-bads={bads} data-goods={goods}>
              <span className="outcome-bad">{badName(outcome)}</span>: {formatCount(bads)} ({localPercentPoints((100 * bads) / Math.max(1, report.rowsAfter), 1)}) ·{' '}
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
        {t('clean.report.split', { train: formatCount(prepared.trainRows), bad: formatCount(prepared.trainBadRows) })}
        {validation.kind === 'cross-fit'
          ? t('clean.report.splitCrossFit', { folds: validation.folds })
          : t('clean.report.splitHoldout', { validation: formatCount(prepared.validationRows), share: localPercent(validation.fraction, 0) })}
        {t('clean.report.splitTest', { test: formatCount(prepared.testRows) })}
        <span data-testid="model-inputs">{prepared.width}</span>
        {t('clean.report.modelInputs')}
      </p>
      {missing.length > 0 && (
        <>
          <h3>{t('clean.report.missingTitle')}</h3>
          <ul className="missing-list">
            {missing.map((m) => (
              <li key={m.column}>
                {t('clean.report.missingItem', { column: m.column, cells: formatCount(m.missing), filledBy: m.filledBy })}
                {fills.has(m.column) ? t('clean.report.fillValue', { value: fills.get(m.column) ?? '' }) : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {indicators.length > 0 && (
        <>
          <h3>{t('clean.report.indicatorsTitle')}</h3>
          <ul className="missing-list" data-testid="indicator-summary">
            {indicators.map((f) => (
              <li key={f.name} data-column={f.name} data-training-rows={f.missingInTraining}>
                {t('clean.report.indicatorItem', { column: f.name, flagged: formatCount(f.missingInTraining), rows: formatCount(prepared.trainRows) })}
              </li>
            ))}
          </ul>
        </>
      )}
      {(dropsOutliers || trainedRanges.length > 0) && (
        <div data-testid="outlier-drop-note">
          <p className="hint">{t('clean.report.outlierNote')}</p>
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
              <li key={f.name}>{t('clean.report.clipped', { column: f.name, rule: f.clip.rule, cells: formatCount(f.clip.trainingCellsClipped) })}</li>
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
          {t('clean.report.download', { rows: formatCount(prepared.removedRows) })}
        </button>
        <span className="hint">{t('clean.report.timings', { cleaned: formatDuration(timings.cleanMs), prepared: formatDuration(timings.fitMs + timings.encodeMs) })}</span>
      </div>
    </div>
  );
});
