// The points table as a CSV file for spreadsheets. Labels and names come from the user's data, so a
// text cell starting with a formula character is defused (OWASP "CSV injection"); numbers are written
// by us from finite values and are left as numbers, or a negative WoE would turn into text.

import type { PointsTable } from './scorecardPoints';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell: prefixed with ' when it starts with = + - @ tab or CR, quoted per RFC 4180 when it holds " , CR or LF. */
export function csvTextCell(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The table as CSV (CRLF line ends, header characteristic,bin,woe,points; WoE to 6 decimals, points whole). */
export function pointsTableCsv(table: PointsTable): string {
  const lines = ['characteristic,bin,woe,points'];
  for (const row of table.rows) {
    // + 0 turns a −0 from rounding into 0
    const woe = String(Number(row.woe.toFixed(6)) + 0);
    lines.push([csvTextCell(row.characteristic), csvTextCell(row.label), woe, String(row.points)].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
