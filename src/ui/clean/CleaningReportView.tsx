import { memo } from 'react';
import type { CleaningReport } from '../../core/clean/cleanTable';
import { formatCount } from '../shared/format';

/** Step 3: every count the cleaning produced, so no row disappears silently. */
export const CleaningReportView = memo(function CleaningReportView({ report, positive, target }: { report: CleaningReport; positive: string; target: string }) {
  return (
    <section className="card" aria-labelledby="clean-heading" data-testid="cleaning-report">
      <h2 id="clean-heading">3. Cleaning</h2>
      <table className="report-table">
        <tbody>
          <tr>
            <th scope="row">Rows loaded</th>
            <td data-testid="clean-rows-before">{formatCount(report.rowsBefore)}</td>
          </tr>
          <tr>
            <th scope="row">Exact duplicate rows dropped</th>
            <td data-testid="clean-duplicates">{formatCount(report.duplicateRows)}</td>
          </tr>
          <tr>
            <th scope="row">Rows without a label left out</th>
            <td data-testid="clean-unlabeled">{formatCount(report.unlabeledRows)}</td>
          </tr>
          {report.outOfRange.map(({ rule, rows }) => (
            <tr key={rule.column}>
              <th scope="row">
                Impossible {rule.column} (outside {rule.min}–{rule.max}) dropped
              </th>
              <td data-testid={`clean-range-${rule.column}`}>{formatCount(rows)}</td>
            </tr>
          ))}
          <tr className="total">
            <th scope="row">Rows kept</th>
            <td data-testid="clean-rows-after">{formatCount(report.rowsAfter)}</td>
          </tr>
          <tr>
            <th scope="row">
              Of which {target} = {positive}
            </th>
            <td>
              {formatCount(report.positives)} ({((100 * report.positives) / report.rowsAfter).toFixed(1)}%)
            </td>
          </tr>
        </tbody>
      </table>
      {report.missingByColumn.length > 0 ? (
        <>
          <h3>Missing values filled</h3>
          <p className="hint">Fill values are computed from the training rows only and stored with the model.</p>
          <ul className="missing-list">
            {report.missingByColumn.map((m) => (
              <li key={m.column}>
                {m.column}: {formatCount(m.missing)} cells, filled with the {m.fill}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="hint">No missing values in the feature columns.</p>
      )}
    </section>
  );
});
