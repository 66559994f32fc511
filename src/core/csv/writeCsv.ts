// The one CSV writer: every file the app and its commands write goes through it. Cells come from
// the user's data (column names, category labels, reasons quoting values), so a cell a spreadsheet
// would run as a formula is defused (OWASP "CSV Injection"): papaparse's `unparse` prefixes it with
// a quote mark (') and quotes it. Its own escapeFormulae pattern misses a leading line feed and also
// catches plain negative numbers written as text; ours adds the one and spares the other.

import Papa from 'papaparse';

/**
 * A text cell a spreadsheet would treat as a formula: it starts with = + - @ tab, carriage return
 * or line feed, unless the whole cell is a plain number ("-12.5", "+3", "1e-5" stay numbers).
 */
export const FORMULA_CELL = /^(?![-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$)[=+\-@\t\r\n]/;

/** A cell: text (defused when it starts like a formula), a number (written as is), or empty. */
export type CsvCell = string | number | null;

/** The header and rows as CSV text: RFC 4180 quoting, CRLF line ends and a final CRLF, formula-like text defused. */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const text = Papa.unparse(
    { fields: [...header], data: rows.map((row) => row.map((cell) => (typeof cell === 'number' && !Number.isFinite(cell) ? null : cell))) },
    { escapeFormulae: FORMULA_CELL, newline: '\r\n', quotes: false, header: true },
  );
  // unparse ends the header line itself when there are no rows, and the last row's line never.
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
