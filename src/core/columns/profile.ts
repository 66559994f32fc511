import { countMissing, type Column, type Table } from '../table';
import { compareTexts, inferRole, MAX_LISTED_VALUES } from '../profile/roles';

/** How a column is used: a number, a category, or an identifier that must not be a feature. */
export type ColumnRole = 'numeric' | 'categorical' | 'identifier';

/**
 * Why a column was taken for an identifier (see `inferRole`): its header cell was blank or pandas'
 * `Unnamed: <n>`; its name says id and its values are unique; its values are unique whole numbers
 * forming a sequence (row numbers); or its values are unique texts (codes).
 */
export type IdentifierReason = 'unnamed' | 'id-name' | 'sequence' | 'unique-text';

/** What the app knows about one column after loading. */
export interface ColumnInfo {
  readonly name: string;
  readonly role: ColumnRole;
  /** Why the column is an identifier; present only when `role` is 'identifier'. */
  readonly identifierReason?: IdentifierReason;
  readonly missing: number;
  readonly distinct: number;
  /** The distinct values as text, when there are at most 20 (for target and form choices). */
  readonly values: readonly string[] | null;
}

/** What profiling needs to know beyond the table itself. */
export interface ColumnHints {
  /** Columns whose header cell was blank (or pandas' `Unnamed: <n>`), as `ParseNotes.unnamedColumns` lists them. */
  readonly unnamedColumns?: readonly string[];
}

/** Infers each column's role (and why it is an identifier), missing count and distinct values. */
export function profileColumns(table: Table, hints: ColumnHints = {}): ColumnInfo[] {
  const unnamed = new Set(hints.unnamedColumns ?? []);
  return table.columns.map((column) => profileColumn(column, table.rowCount, unnamed.has(column.name)));
}

function profileColumn(column: Column, rowCount: number, unnamed: boolean): ColumnInfo {
  const missing = countMissing(column);
  const present = rowCount - missing;
  const distinctValues = distinctTexts(column);
  const distinct = distinctValues.size;
  const values = distinct <= MAX_LISTED_VALUES ? [...distinctValues].sort(compareTexts) : null;
  const { role, identifierReason } = inferRole(column, { distinct, present, unnamed });
  return { name: column.name, role, ...(identifierReason ? { identifierReason } : {}), missing, distinct, values };
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
