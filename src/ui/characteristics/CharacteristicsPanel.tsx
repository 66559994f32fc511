import { memo, useState } from 'react';
import type { IvStrength } from '../../core/binning/types';
import type { BinEdit, CharacteristicReport, CharacteristicsReport } from '../../worker/protocol';
import { BinChartView } from './BinChart';
import { Alert } from '../shared/Alert';
import { binAttributes } from '../shared/binAttributes';
import { formatCount } from '../shared/format';
import { formatPercent } from '../shared/outcome';
import { useProgressiveCount } from '../shared/useProgressiveCount';
import type { CharacteristicsState } from './useCharacteristics';

// Rows mounted per frame: each commit stays a few milliseconds however many features there are.
const ROWS_PER_FRAME = 8;

const STRENGTH_CLASS: Record<IvStrength, string> = {
  'not predictive': 'iv-none',
  weak: 'iv-weak',
  medium: 'iv-medium',
  strong: 'iv-strong',
  suspicious: 'iv-suspicious',
};

const fixed4 = (v: number) => v.toFixed(4);

interface Props {
  readonly state: CharacteristicsState;
  readonly report: CharacteristicsReport | null;
  readonly selected: string | null;
  readonly error: string | null;
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
  const feature = report?.features.find((f) => f.column === selected) ?? null;
  const edited = report?.features.filter((f) => f.edited).map((f) => f.column) ?? [];
  return (
    <section className="card" aria-labelledby="characteristics-heading" data-testid="characteristics-report" data-state={state} data-train-rows={report?.trainRows}>
      <h2 id="characteristics-heading">Characteristics: bins, weight of evidence, information value</h2>
      <p className="hint">
        Each feature cut into bins on the training rows of this preparation only (the test rows play no part): per bin the goods, the bads, the bad rate and the weight of evidence,
        WoE = ln(share of goods ÷ share of bads); the information value (IV) adds up how far the bins separate goods from bads. A scorecard uses these bins.
      </p>
      <div className="field-row">
        <button type="button" data-testid="characteristics-button" disabled={!canCompute || state === 'computing' || busy} onClick={onCompute}>
          {report ? 'Bin the characteristics again (drops edits)' : 'Bin the characteristics'}
        </button>
        {state === 'computing' && <span className="hint">Binning every feature on the training rows…</span>}
        {report && (
          <span className="hint" data-testid="characteristics-summary">
            {report.features.length} features on {formatCount(report.trainRows)} training rows ({formatCount(report.bads)} bad, {formatCount(report.goods)} good), in{' '}
            {Math.round(report.elapsedMs)} ms.
          </span>
        )}
      </div>
      <Alert message={error} />
      {report && <IvTable features={report.features} selected={selected} onSelect={onSelect} />}
      {edited.length > 0 && (
        <p className="notice" data-testid="edited-characteristics" data-columns={edited.join(',')}>
          Edited bins: {edited.join(', ')}. A scorecard trained now uses them.{' '}
          <button type="button" data-testid="bins-reset-button" disabled={busy} onClick={onReset}>
            Undo all edits
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
  const shown = useProgressiveCount(features.length, ROWS_PER_FRAME);
  return (
    <table className="report-table iv-table" data-testid="iv-table" data-rows={features.length}>
      <caption>Features by information value (highest first)</caption>
      <thead>
        <tr>
          <th scope="col">Feature</th>
          <th scope="col">Bins</th>
          <th scope="col">IV</th>
          <th scope="col">Reading</th>
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
                onClick={() => onSelect(f.column)}
              >
                {f.column}
              </button>
              {f.edited ? ' (edited)' : ''}
            </th>
            <td>{f.bins.length}</td>
            <td>{fixed4(f.iv)}</td>
            <td className={STRENGTH_CLASS[f.strength]}>{f.strength}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});

/** One feature's bins: counts and evidence per bin, merge buttons between neighbours, a split at a typed value, and the chart. */
function BinDetail({ feature, busy, onEdit }: { feature: CharacteristicReport; busy: boolean; onEdit: (feature: CharacteristicReport, edit: BinEdit) => void }) {
  const [splitText, setSplitText] = useState('');
  const valueBins = feature.bins.filter((b) => b.index >= 0).length;
  const shown = useProgressiveCount(feature.bins.length, ROWS_PER_FRAME);
  const splitAt = Number(splitText);
  const canSplit = feature.kind === 'numeric' && splitText.trim() !== '' && Number.isFinite(splitAt);
  return (
    <div className="bin-detail">
      <h3>
        {feature.column}: IV{' '}
        <span data-testid="bin-iv-total" data-iv={feature.iv}>
          {fixed4(feature.iv)}
        </span>{' '}
        ({feature.strength}), {valueBins} bin{valueBins === 1 ? '' : 's'} of values{feature.bins.some((b) => b.index < 0) ? ' and one of missing cells' : ''}
      </h3>
      <div className="table-scroll">
        <table className="report-table bin-table" data-testid="bin-table" data-feature={feature.column} data-kind={feature.kind} data-iv={feature.iv}>
          <thead>
            <tr>
              <th scope="col">{feature.kind === 'numeric' ? 'Range' : 'Levels'}</th>
              <th scope="col">Rows</th>
              <th scope="col">Share</th>
              <th scope="col">Goods</th>
              <th scope="col">Bads</th>
              <th scope="col">Bad rate</th>
              <th scope="col">WoE</th>
              <th scope="col">IV part</th>
              <th scope="col">Edit</th>
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
                <th scope="row">{bin.label}</th>
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
                      Merge with next
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
            Split the bin holding{' '}
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
            Split here
          </button>
          <span className="hint">values below it stay in the lower bin, the value itself and above go to the new one</span>
        </form>
      )}
      <figure>
        <figcaption>Bad rate (bars) and WoE (line) per bin</figcaption>
        <BinChartView bins={feature.bins} />
      </figure>
    </div>
  );
}
