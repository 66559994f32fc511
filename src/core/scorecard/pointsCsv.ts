// The points table as a CSV file for spreadsheets, through the one CSV writer (labels and names
// come from the user's data, so formula-like cells are defused there); WoE and points are numbers
// we write from finite values, so a negative WoE stays a number.

import { writeCsv } from '../csv/writeCsv';
import type { PointsTable } from './scorecardPoints';

/** The table as CSV (CRLF line ends, header characteristic,bin,woe,points; WoE to 6 decimals, points whole). */
export function pointsTableCsv(table: PointsTable): string {
  return writeCsv(
    ['characteristic', 'bin', 'woe', 'points'],
    // + 0 turns a −0 from rounding into 0
    table.rows.map((row) => [row.characteristic, row.label, Number(row.woe.toFixed(6)) + 0, row.points]),
  );
}
