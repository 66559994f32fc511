import { memo, useMemo, useState } from 'react';
import { pointsTableCsv } from '../../core/scorecard/pointsCsv';
import { scorecardPoints } from '../../core/scorecard/scorecardPoints';
import { pointsFormula, type PointsScale } from '../../core/scoring/points';
import type { ScorecardRun } from '../../worker/protocol';
import { binAttributes } from '../shared/binAttributes';
import { useProgressiveCount } from '../shared/useProgressiveCount';
import { selectionNoteText } from './selectionNotes';

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
      <h3>Scorecard points</h3>
      <p className="hint" data-testid="points-table-scale" data-base-score={scale.baseScore} data-base-odds={scale.baseOdds} data-pdo={scale.pointsToDoubleOdds}>
        On the points scale in force ({pointsFormula(scale)}): an applicant's score is the sum of the points of the bins they fall into, one bin per characteristic; each bin's
        points are rounded to a whole number, so the score is too, and the probability of bad follows from it by the formula above.
        {run.editedCharacteristics.length > 0 ? ` Bins you edited: ${run.editedCharacteristics.join(', ')}.` : ''}
        {sameScale(scale, run.scale) ? '' : ` The test figures above were computed in whole points on the scale in force when it was trained (${pointsFormula(run.scale)}).`}
      </p>
      <div className="field-row">
        <button type="button" data-testid="points-table-download" onClick={download}>
          Download points table (CSV)
        </button>
        {downloaded && <span className="hint">scorecard-points.csv: one row per bin.</span>}
      </div>
      <div className="table-scroll">
        <table className="report-table points-table" data-testid="points-table" data-rows={table.rows.length}>
          <thead>
            <tr>
              <th scope="col">Characteristic</th>
              <th scope="col">Bin</th>
              <th scope="col">WoE</th>
              <th scope="col">Points</th>
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
                <th scope="row">{row.characteristic}</th>
                <td className="left">{row.label}</td>
                <td>{row.woe.toFixed(4)}</td>
                <td>{row.points}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Characteristics left out</h3>
      {notes.length === 0 ? (
        <p className="hint" data-testid="scorecard-notes" data-notes={0}>
          None: every feature reached an information value of {run.scorecard.selection.minIv} and none moved with a stronger one.
        </p>
      ) : (
        <ul data-testid="scorecard-notes" data-notes={notes.length}>
          {notes.map((note) => (
            <li key={`${note.code}-${note.column}`} data-column={note.column} data-code={note.code}>
              {selectionNoteText(note)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
