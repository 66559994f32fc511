import { memo, useMemo, useState } from 'react';
import { pointsTableCsv } from '../../core/scorecard/pointsCsv';
import { scorecardPoints } from '../../core/scorecard/scorecardPoints';
import type { PointsScale } from '../../core/scoring/points';
import type { ScorecardRun } from '../../worker/protocol';
import { localFixed, localNumber, useT } from '../i18n';
import { BinLabel } from '../characteristics/binLabel';
import { binAttributes } from '../shared/binAttributes';
import { slotsFor, withData } from '../shared/messageParts';
import { pointsFormulaText } from '../evaluate/pointsFormulaText';
import { useProgressiveCount } from '../shared/useProgressiveCount';
import { selectionNoteData, selectionNoteText } from './selectionNotes';

// Rows mounted per frame: a scorecard of a dozen characteristics has 60–100 bins.
const ROWS_PER_FRAME = 12;

function sameScale(a: PointsScale, b: PointsScale): boolean {
  return a.baseScore === b.baseScore && a.baseOdds === b.baseOdds && a.pointsToDoubleOdds === b.pointsToDoubleOdds;
}

/**
 * The scorecard itself: integer points per bin of each kept characteristic on the points scale in
 * force (an applicant's score is the sum of the points of their bins), the CSV to download, and why
 * the other characteristics were left out.
 */
export const ScorecardPointsTable = memo(function ScorecardPointsTable({ run, scale }: { run: ScorecardRun; scale: PointsScale }) {
  const { t } = useT();
  const table = useMemo(() => scorecardPoints(run.scorecard, scale), [run, scale]);
  const binnings = useMemo(() => new Map(run.scorecard.characteristics.map((c) => [c.column, c.binning])), [run]);
  const shown = useProgressiveCount(table.rows.length, ROWS_PER_FRAME);
  const [downloaded, setDownloaded] = useState(false);
  const notes = run.scorecard.selection.notes;
  const download = () => {
    const url = URL.createObjectURL(new Blob([pointsTableCsv(table)], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'scorecard-points.csv';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setDownloaded(true);
  };
  return (
    <div className="scorecard-points" data-testid="scorecard-view" data-characteristics={run.scorecard.characteristics.length}>
      <h3>{t('scorecard.title')}</h3>
      <p
        className="hint"
        data-testid="points-table-scale"
        data-edited={run.editedCharacteristics.join(',')}
        data-base-score={scale.baseScore}
        data-base-odds={scale.baseOdds}
        data-pdo={scale.pointsToDoubleOdds}
      >
        {t('scorecard.scale', { formula: pointsFormulaText(scale) })}
        {run.editedCharacteristics.length > 0 && <>{withData(t('scorecard.edited', slotsFor('columns')), { columns: run.editedCharacteristics.join(', ') })}</>}
        {sameScale(scale, run.scale) ? '' : t('scorecard.trainedScale', { formula: pointsFormulaText(run.scale) })}
      </p>
      <div className="field-row">
        <button type="button" data-testid="points-table-download" onClick={download}>
          {t('scorecard.download')}
        </button>
        {downloaded && <span className="hint">{t('scorecard.downloaded', { file: 'scorecard-points.csv' })}</span>}
      </div>
      <div className="table-scroll">
        <table className="report-table points-table" data-testid="points-table" data-rows={table.rows.length}>
          <thead>
            <tr>
              <th scope="col">{t('scorecard.characteristic')}</th>
              <th scope="col">{t('scorecard.bin')}</th>
              <th scope="col">{t('scorecard.woe')}</th>
              <th scope="col">{t('scorecard.points')}</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.slice(0, shown).map((row) => (
              <tr
                key={`${row.characteristic}\u0000${row.binIndex}`}
                data-characteristic={row.characteristic}
                data-bin-index={row.binIndex}
                data-woe={row.woe}
                data-points={row.points}
                {...binAttributes(binnings.get(row.characteristic)!, row.binIndex)}
              >
                <th scope="row" translate="no">
                  {row.characteristic}
                </th>
                <td className="left">
                  <BinLabel binning={binnings.get(row.characteristic)!} index={row.binIndex} />
                </td>
                <td>{localFixed(row.woe, 4)}</td>
                <td>{row.points}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('scorecard.leftOut')}</h3>
      {notes.length === 0 ? (
        <p className="hint" data-testid="scorecard-notes" data-notes={0}>
          {t('scorecard.noneLeftOut', { minIv: localNumber(run.scorecard.selection.minIv) })}
        </p>
      ) : (
        <ul data-testid="scorecard-notes" data-notes={notes.length}>
          {notes.map((note) => (
            <li key={`${note.code}-${note.column}`} data-column={note.column} data-code={note.code}>
              {withData(selectionNoteText(note, true), selectionNoteData(note))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
