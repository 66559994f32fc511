import { memo, useState } from 'react';
import type { CleaningStepKind, MissingSummary } from '../../core/clean/cleanTable';
import type { FeatureSpec, NumericFeature } from '../../core/features/preprocessor';
import type { PreparedSummary } from '../../worker/protocol';
import { localPercent, localPercentPoints, useT } from '../i18n';
import { formatCount, formatDuration } from '../shared/format';
import { badValue, goodValue } from '../shared/outcome';
import { dataMarks } from '../shared/messageParts';
import { boundsText, excludedText, fillValueText, filledByText, stepRuleText } from './ruleText';

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
  const features = new Map(preprocessor.features.map((f) => [f.name, f]));
  const missing = report.missing.filter((m) => m.missing > 0);
  // The fitted outlier rule of each column whose rows it drops, and of each clipped column: worded here, not the core's English.
  const dropRules = new Map(
    report.steps.flatMap((s) => (s.step === 'outlier' && s.column !== null && s.because?.code === 'outlier.bounds' ? [[s.column, s.because] as const] : [])),
  );
  const clipRules = new Map(report.clipped.flatMap((c) => (c.outliers ? [[c.column, c.outliers] as const] : [])));
  const bad = dataMarks();
  const good = dataMarks();

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
            <th scope="row">{t('clean.report.rowsLoaded')}</th>
            <td />
            <td data-testid="clean-rows-before">{formatCount(report.rowsBefore)}</td>
          </tr>
          {report.steps.map((step, i) => (
            <tr key={i} data-step={step.step} data-column={step.column ?? ''}>
              <th scope="row">
                − {t(`clean.report.step.${STEP_KEYS[step.step]}`)}
                {step.column ? (
                  <>
                    {t('clean.report.columnSeparator')}
                    <span translate="no">{step.column}</span>
                  </>
                ) : (
                  ''
                )}
              </th>
              <td className="rule" data-rule={step.because?.code}>
                {stepRuleText(step)}
              </td>
              <td>{formatCount(step.rows)}</td>
            </tr>
          ))}
          <tr className="total">
            <th scope="row">{t('clean.report.rowsKept')}</th>
            <td data-testid="kept-outcomes" data-bads={bads} data-goods={goods}>
              <span className="outcome-bad">{bad.render(t('outcome.badName', { value: bad.mark(badValue(outcome)) }))}</span>: {formatCount(bads)} (
              {localPercentPoints((100 * bads) / Math.max(1, report.rowsAfter), 1)}) ·{' '}
              <span className="outcome-good">{good.render(t('outcome.goodName', { value: good.mark(goodValue(outcome)) }))}</span>: {formatCount(goods)}
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
              <li key={m.column} data-column={m.column} data-strategy={m.strategy}>
                <MissingItem summary={m} />
                <FillValue feature={features.get(m.column)} />
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
                <IndicatorItem column={f.name} flagged={f.missingInTraining} rows={prepared.trainRows} />
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
                  <span translate="no">{name}</span>
                  {t('clean.report.columnSeparator')}
                  {dropRules.has(name) ? boundsText(dropRules.get(name)!, range.lower, range.upper) : range.rule}
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
              <li key={f.name} data-column={f.name} data-cells={f.clip.trainingCellsClipped}>
                <ClippedItem
                  column={f.name}
                  rule={clipRules.has(f.name) ? boundsText(clipRules.get(f.name)!, f.clip.lower, f.clip.upper) : f.clip.rule}
                  cells={f.clip.trainingCellsClipped}
                />
              </li>
            ) : null,
          )}
        </ul>
      )}
      {report.excludedFeatures.length > 0 && (
        <ul className="missing-list excluded">
          {report.excludedFeatures.map((e) => (
            <li key={e.column} data-column={e.column} data-reason={e.reason}>
              {excludedText(e)}
            </li>
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

/** "age: 12 training cells, the median of the training rows": the column as data, the fill worded from its code. */
function MissingItem({ summary: m }: { readonly summary: MissingSummary }) {
  const { t } = useT();
  const { mark, render } = dataMarks();
  const [before, after] = t('clean.report.missingItem', { column: mark(m.column), cells: formatCount(m.missing), filledBy: FILLED_BY }).split(FILLED_BY);
  return (
    <>
      {render(before)}
      {filledByText(m)}
      {render(after ?? '')}
    </>
  );
}

// Where the fill's words go in the missing item (they are a React node of their own).
const FILLED_BY = '\uE003';

/** " (fill value 2)" after a missing item, when the feature has a fitted fill. */
function FillValue({ feature }: { readonly feature: FeatureSpec | undefined }) {
  const { t } = useT();
  if (!feature) return null;
  const [before, after] = t('clean.report.fillValue', { value: FILLED_BY }).split(FILLED_BY);
  return (
    <>
      {before}
      {fillValueText(feature)}
      {after ?? ''}
    </>
  );
}

/** "age was missing: flags 12 of the 800 training rows", the column as data. */
function IndicatorItem({ column, flagged, rows }: { readonly column: string; readonly flagged: number; readonly rows: number }) {
  const { t } = useT();
  const { mark, render } = dataMarks();
  return render(t('clean.report.indicatorItem', { column: mark(column), flagged: formatCount(flagged), rows: formatCount(rows) }));
}

/** "income: clipped to IQR, k = 1.5, bounds 0 to 9 (3 training cells)", the column as data. */
function ClippedItem({ column, rule, cells }: { readonly column: string; readonly rule: string; readonly cells: number }) {
  const { t } = useT();
  const { mark, render } = dataMarks();
  return render(t('clean.report.clipped', { column: mark(column), rule, cells: formatCount(cells) }));
}
