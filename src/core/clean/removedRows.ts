import { writeCsv, type CsvCell } from '../csv/writeCsv';
import { cellText, type Table } from '../table';
import type { RemovalReason } from './plan';

/** Every removal reason, in step order; `RemovedRows.reasons` holds indices into this list. */
export const REMOVAL_REASONS: readonly RemovalReason[] = ['duplicate', 'no-label', 'out-of-range', 'missing-value', 'outlier'];

/** The text of the rule a column's removals broke, for the removed-rows download ("0–150", "IQR, k = 1.5, bounds 2 to 9"). */
export interface RemovalRule {
  readonly reason: RemovalReason;
  /** Index of the column in the original table. */
  readonly column: number;
  readonly text: string;
}

/** The rows cleaning removed, one entry per row, ascending by original row index. */
export interface RemovedRows {
  /** Original row indices (0-based data rows), ascending. */
  readonly rows: Int32Array;
  /** Index into REMOVAL_REASONS per removed row. */
  readonly reasons: Uint8Array;
  /** Index of the column that caused the removal, -1 if none (an exact duplicate). */
  readonly columns: Int32Array;
  /** Original index of the kept first occurrence for duplicates, -1 otherwise. */
  readonly duplicateOf: Int32Array;
  /** Rule texts per (reason, column) for range and outlier removals. */
  readonly rules: readonly RemovalRule[];
}

/**
 * The removed rows as CSV text (writeCsv: RFC 4180 quoting, CRLF line ends, formula-like cells defused): the original columns plus
 * `row_number` (1-based data row in the file) and `removal_reason`; missing cells are empty.
 * At most `limit` rows are written.
 */
export function removedRowsCsv(original: Table, removed: RemovedRows, limit = Number.POSITIVE_INFINITY): string {
  const ruleText = new Map(removed.rules.map((rule) => [`${rule.reason}:${rule.column}`, rule.text]));
  const rows: CsvCell[][] = [];
  const count = Math.min(removed.rows.length, limit);
  for (let i = 0; i < count; i++) {
    const row = removed.rows[i];
    const fields: CsvCell[] = original.columns.map((column) => cellText(column, row));
    fields.push(row + 1, reasonText(original, removed, i, ruleText));
    rows.push(fields);
  }
  return writeCsv([...original.columns.map((c) => c.name), 'row_number', 'removal_reason'], rows);
}

/** Why removed row `i` was removed, in words: "duplicate of row 12", "person_age = 200 is outside 0–150". */
export function removalReasonText(original: Table, removed: RemovedRows, i: number): string {
  return reasonText(original, removed, i, new Map(removed.rules.map((rule) => [`${rule.reason}:${rule.column}`, rule.text])));
}

function reasonText(original: Table, removed: RemovedRows, i: number, ruleText: ReadonlyMap<string, string>): string {
  const reason = REMOVAL_REASONS[removed.reasons[i]];
  const columnIndex = removed.columns[i];
  const column = columnIndex >= 0 ? original.columns[columnIndex] : null;
  const name = column?.name ?? '';
  const value = column ? cellText(column, removed.rows[i]) : '';
  const rule = ruleText.get(`${reason}:${columnIndex}`) ?? '';
  switch (reason) {
    case 'duplicate':
      return `duplicate of row ${removed.duplicateOf[i] + 1}${column ? ` (same ${name})` : ''}`;
    case 'no-label':
      return `no label in ${name}`;
    case 'out-of-range':
      return `${name} = ${value} is outside ${rule}`;
    case 'missing-value':
      return `missing value in ${name}`;
    case 'outlier':
      return `${name} = ${value} is an outlier (${rule})`;
  }
}
