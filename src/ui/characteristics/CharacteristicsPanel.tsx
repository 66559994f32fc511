import { memo, useState } from 'react';
import type { IvStrength } from '../../core/binning/types';
import type { BinEdit, CharacteristicReport, CharacteristicsReport } from '../../worker/protocol';
import { BinChartView } from './BinChart';
import { Alert } from '../shared/Alert';
import { binAttributes } from '../shared/binAttributes';
import { localCount, localFixed, useT } from '../i18n';
import { formatCount } from '../shared/format';
import { formatPercent } from '../shared/outcome';
import { useProgressiveCount } from '../shared/useProgressiveCount';
import { BinLabel } from './binLabel';
import { type CharacteristicsError, characteristicsErrorCode, characteristicsErrorText, type CharacteristicsState } from './useCharacteristics';

// Rows mounted per frame: each commit stays a few milliseconds however many features there are.
const ROWS_PER_FRAME = 8;

const STRENGTH_CLASS: Record<IvStrength, string> = {
  'not predictive': 'iv-none',
  weak: 'iv-weak',
  medium: 'iv-medium',
  strong: 'iv-strong',
  suspicious: 'iv-suspicious',
};

const fixed4 = (v: number) => localFixed(v, 4);

interface Props {
  readonly state: CharacteristicsState;
  readonly report: CharacteristicsReport | null;
  readonly selected: string | null;
  readonly error: CharacteristicsError | null;
  readonly busy: boolean;
  readonly canCompute: boolean;
  readonly onCompute: () => void;
  readonly onSelect: (column: string) => void;
  readonly onEdit: (feature: CharacteristicReport, edit: BinEdit) => void;
  readonly onReset: () => void;
}

/**
 * Between cleaning and training: every feature binned on the training rows (never the test rows),
 * ranked by information value; the selected feature's bins with their counts, bad rates and weights
 * of evidence, a chart of both, and buttons to merge neighbouring bins or split one at a value. A
 * scorecard trained afterwards uses the edited bins.
 */
export const CharacteristicsPanel = memo(function CharacteristicsPanel({ state, report, selected, error, busy, canCompute, onCompute, onSelect, onEdit, onReset }: Props) {
  const { t } = useT();
  const feature = report?.features.find((f) => f.column === selected) ?? null;
  const edited = report?.features.filter((f) => f.edited).map((f) => f.column) ?? [];
  return (
    <section className="card" aria-labelledby="characteristics-heading" data-testid="characteristics-report" data-state={state} data-train-rows={report?.trainRows}>
      <h2 id="characteristics-heading">{t('characteristics.title')}</h2>
      <p className="hint">{t('characteristics.hint')}</p>
      <div className="field-row">
        <button type="button" data-testid="characteristics-button" disabled={!canCompute || state === 'computing' || busy} onClick={onCompute}>
          {report ? t('characteristics.computeAgain') : t('characteristics.compute')}
        </button>
        {state === 'computing' && <span className="hint">{t('characteristics.computing')}</span>}
        {report && (
          <span className="hint" data-testid="characteristics-summary">
            {t('characteristics.summary', {
              features: localCount(report.features.length),
              rows: formatCount(report.trainRows),
              bads: formatCount(report.bads),
              goods: formatCount(report.goods),
              ms: localCount(Math.round(report.elapsedMs)),
            })}
          </span>
        )}
      </div>
      <Alert message={error && characteristicsErrorText(error)} code={error ? characteristicsErrorCode(error) : undefined} />
      {report && <IvTable features={report.features} selected={selected} onSelect={onSelect} />}
      {edited.length > 0 && (
        <p className="notice" data-testid="edited-characteristics" data-columns={edited.join(',')}>
          {t('characteristics.edited')}
          <span translate="no">{edited.join(', ')}</span>
          {t('characteristics.editedEnd')}{' '}
          <button type="button" data-testid="bins-reset-button" disabled={busy} onClick={onReset}>
            {t('characteristics.undo')}
          </button>
        </p>
      )}
      {feature && <BinDetail key={feature.column} feature={feature} busy={busy} onEdit={onEdit} />}
    </section>
  );
});

/** The features ranked by IV, highest first, with the usual reading of each IV; a row selects its feature. */
const IvTable = memo(function IvTable({
  features,
  selected,
  onSelect,
}: {
  features: readonly CharacteristicReport[];
  selected: string | null;
  onSelect: (column: string) => void;
}) {
  const { t } = useT();
  const shown = useProgressiveCount(features.length, ROWS_PER_FRAME);
  return (
    <table className="report-table iv-table" data-testid="iv-table" data-rows={features.length}>
      <caption>{t('characteristics.ivTable.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('characteristics.ivTable.feature')}</th>
          <th scope="col">{t('characteristics.ivTable.bins')}</th>
          <th scope="col">{t('characteristics.ivTable.iv')}</th>
          <th scope="col">{t('characteristics.ivTable.reading')}</th>
        </tr>
      </thead>
      <tbody>
        {features.slice(0, shown).map((f) => (
          <tr key={f.column} data-feature={f.column} data-iv={f.iv} data-strength={f.strength} data-bins={f.bins.length} aria-selected={f.column === selected}>
            <th scope="row">
              <button
                type="button"
                className={f.column === selected ? 'link-button selected' : 'link-button'}
                data-testid={`characteristic-${f.column}`}
                translate="no"
                onClick={() => onSelect(f.column)}
              >
                {f.column}
              </button>
              {f.edited ? t('characteristics.ivTable.edited') : ''}
            </th>
            <td>{localCount(f.bins.length)}</td>
            <td>{fixed4(f.iv)}</td>
            <td className={STRENGTH_CLASS[f.strength]}>{t(`characteristics.strength.${f.strength}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});

/** One feature's bins: counts and evidence per bin, merge buttons between neighbours, a split at a typed value, and the chart. */
function BinDetail({ feature, busy, onEdit }: { feature: CharacteristicReport; busy: boolean; onEdit: (feature: CharacteristicReport, edit: BinEdit) => void }) {
  const { t } = useT();
  const [splitText, setSplitText] = useState('');
  const valueBins = feature.bins.filter((b) => b.index >= 0).length;
  const shown = useProgressiveCount(feature.bins.length, ROWS_PER_FRAME);
  const splitAt = Number(splitText);
  const canSplit = feature.kind === 'numeric' && splitText.trim() !== '' && Number.isFinite(splitAt);
  return (
    <div className="bin-detail">
      <h3>
        <span translate="no">{feature.column}</span>
        {t('characteristics.detail.iv')}
        <span data-testid="bin-iv-total" data-iv={feature.iv}>
          {fixed4(feature.iv)}
        </span>
        {t('characteristics.detail.summary', { strength: t(`characteristics.strength.${feature.strength}`), count: valueBins })}
        {feature.bins.some((b) => b.index < 0) ? t('characteristics.detail.missingBin') : ''}
      </h3>
      <div className="table-scroll">
        <table className="report-table bin-table" data-testid="bin-table" data-feature={feature.column} data-kind={feature.kind} data-iv={feature.iv}>
          <thead>
            <tr>
              <th scope="col">{feature.kind === 'numeric' ? t('characteristics.detail.range') : t('characteristics.detail.levels')}</th>
              <th scope="col">{t('characteristics.detail.rows')}</th>
              <th scope="col">{t('characteristics.detail.share')}</th>
              <th scope="col">{t('characteristics.detail.goods')}</th>
              <th scope="col">{t('characteristics.detail.bads')}</th>
              <th scope="col">{t('characteristics.detail.badRate')}</th>
              <th scope="col">{t('characteristics.detail.woe')}</th>
              <th scope="col">{t('characteristics.detail.ivPart')}</th>
              <th scope="col">{t('characteristics.detail.edit')}</th>
            </tr>
          </thead>
          <tbody>
            {feature.bins.slice(0, shown).map((bin) => (
              <tr
                key={bin.index}
                data-bin-index={bin.index}
                data-count={bin.count}
                data-goods={bin.goods}
                data-bads={bin.bads}
                data-share={bin.share}
                data-bad-rate={bin.badRate}
                data-woe={bin.woe}
                data-iv-part={bin.iv}
                {...binAttributes(feature.binning, bin.index)}
              >
                <th scope="row">
                  <BinLabel binning={feature.binning} index={bin.index} />
                </th>
                <td>{formatCount(bin.count)}</td>
                <td>{formatPercent(bin.share)}</td>
                <td>{formatCount(bin.goods)}</td>
                <td>{formatCount(bin.bads)}</td>
                <td>{formatPercent(bin.badRate)}</td>
                <td>{fixed4(bin.woe)}</td>
                <td>{fixed4(bin.iv)}</td>
                <td>
                  {bin.index >= 0 && bin.index + 1 < valueBins && (
                    <button
                      type="button"
                      data-testid={`merge-bins-${bin.index}`}
                      disabled={busy}
                      onClick={() => onEdit(feature, { type: 'merge', index: bin.index, other: bin.index + 1 })}
                    >
                      {t('characteristics.detail.merge')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {feature.kind === 'numeric' && (
        <form
          className="field-row"
          onSubmit={(e) => {
            e.preventDefault();
            if (canSplit) onEdit(feature, { type: 'split', at: splitAt });
          }}
        >
          <label>
            {t('characteristics.detail.splitLabel')}{' '}
            <input
              data-testid="split-value-input"
              className="narrow"
              inputMode="decimal"
              value={splitText}
              disabled={busy}
              onChange={(e) => setSplitText(e.target.value)}
              aria-invalid={splitText.trim() !== '' && !canSplit}
            />
          </label>
          <button type="submit" data-testid="split-bin-button" disabled={busy || !canSplit}>
            {t('characteristics.detail.split')}
          </button>
          <span className="hint">{t('characteristics.detail.splitHint')}</span>
        </form>
      )}
      <figure>
        <figcaption>{t('characteristics.detail.chartCaption')}</figcaption>
        <BinChartView bins={feature.bins} binning={feature.binning} />
      </figure>
    </div>
  );
}
