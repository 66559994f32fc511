import { nameWords } from './names';
import { countMissing, type Column, type Table } from '../table';

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

const ID_WORDS = new Set(['id', 'uuid', 'guid', 'key', 'number', 'no']);
const SMALL_VALUE_SET = 20;

/** Infers each column's role, missing count and distinct values. */
export function profileColumns(table: Table): ColumnInfo[] {
  return table.columns.map((column) => profileColumn(column, table.rowCount));
}

function profileColumn(column: Column, rowCount: number): ColumnInfo {
  const missing = countMissing(column);
  const present = rowCount - missing;
  const distinctValues = distinctTexts(column);
  const distinct = distinctValues.size;
  const values = distinct <= SMALL_VALUE_SET ? [...distinctValues].sort(compareTexts) : null;
  return { name: column.name, role: inferRole(column, distinct, present), missing, distinct, values };
}

/** Near-unique text, or a unique column named like an id, identifies rows rather than describing them. */
function inferRole(column: Column, distinct: number, present: number): ColumnRole {
  const nearUnique = present > 0 && distinct >= 0.95 * present;
  if (column.kind === 'categorical') return nearUnique && present > SMALL_VALUE_SET ? 'identifier' : 'categorical';
  return nearUnique && ID_WORDS.has(nameWords(column.name).at(-1) ?? '') && present > SMALL_VALUE_SET ? 'identifier' : 'numeric';
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

/** Numeric-aware ordering so "2" sorts before "10". */
function compareTexts(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  return a.localeCompare(b);
}
