import { countMissing, type Column, type Table } from '../table';
import { compareTexts, inferRole, MAX_LISTED_VALUES } from '../profile/roles';

/** How a column is used: a number, a category, or an identifier that must not be a feature. */
export type ColumnRole = 'numeric' | 'categorical' | 'identifier';

/** What the app knows about one column after loading. */
export interface ColumnInfo {
  readonly name: string;
  readonly role: ColumnRole;
  readonly missing: number;
  readonly distinct: number;
  /** The distinct values as text, when there are at most 20 (for target and form choices). */
  readonly values: readonly string[] | null;
}

/** Infers each column's role, missing count and distinct values. */
export function profileColumns(table: Table): ColumnInfo[] {
  return table.columns.map((column) => profileColumn(column, table.rowCount));
}

function profileColumn(column: Column, rowCount: number): ColumnInfo {
  const missing = countMissing(column);
  const present = rowCount - missing;
  const distinctValues = distinctTexts(column);
  const distinct = distinctValues.size;
  const values = distinct <= MAX_LISTED_VALUES ? [...distinctValues].sort(compareTexts) : null;
  return { name: column.name, role: inferRole(column, distinct, present), missing, distinct, values };
}

function distinctTexts(column: Column): Set<string> {
  const out = new Set<string>();
  if (column.kind === 'categorical') {
    const used = new Uint8Array(column.levels.length);
    for (const code of column.codes) if (code >= 0) used[code] = 1;
    column.levels.forEach((level, i) => used[i] && out.add(level));
    return out;
  }
  for (const v of column.values) if (!Number.isNaN(v)) out.add(String(v));
  return out;
}
