import { useState, type ReactNode } from 'react';
import { useT } from '../i18n';

/** One column of a chart's numbers: its heading (with the unit; a node when it names the user's data) and how a row shows it. */
export interface ChartColumn<Row> {
  readonly heading: ReactNode;
  readonly cell: (row: Row) => ReactNode;
}

interface Props<Row> {
  /** What the table holds, read out as its caption ("Loss per epoch"). */
  readonly caption: string;
  readonly columns: readonly ChartColumn<Row>[];
  readonly rows: readonly Row[];
  /** A stable key per row. */
  readonly rowKey: (row: Row, index: number) => string | number;
  readonly testId?: string;
}

/**
 * A chart's text alternative: its numbers in a table behind "Show the numbers". The rows render only
 * while it is open, so a chart that redraws every epoch costs nothing more while the table is shut.
 */
export function ChartTable<Row>({ caption, columns, rows, rowKey, testId }: Props<Row>) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  return (
    <details className="chart-table" data-testid={testId} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('chartTable.show')}</summary>
      {open && (
        <div className="table-scroll">
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                {columns.map((column, index) => (
                  <th key={index} scope="col">
                    {column.heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={rowKey(row, index)}>
                  {columns.map((column, index) => (
                    <td key={index}>{column.cell(row)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}

/** At most `limit` rows spread evenly over `rows`, the first and the last kept: a long curve's table stays readable. */
export function evenlySpaced<Row>(rows: readonly Row[], limit: number): Row[] {
  if (rows.length <= limit) return [...rows];
  const picked: Row[] = [];
  for (let i = 0; i < limit; i++) picked.push(rows[Math.round((i * (rows.length - 1)) / (limit - 1))]);
  return picked;
}
