import { nameWords } from '../columns/names';
import type { ColumnRole } from '../columns/profile';
import type { Column } from '../table';

/** A column lists its distinct values (`ColumnInfo.values`) when it has at most this many. */
export const MAX_LISTED_VALUES = 20;

const ID_WORDS = new Set(['id', 'uuid', 'guid', 'key', 'number', 'no']);

/**
 * The role of a column with `distinct` distinct values among `present` non-missing cells.
 * Near-unique text, or a unique column named like an id, identifies rows rather than describing them.
 */
export function inferRole(column: Column, distinct: number, present: number): ColumnRole {
  const nearUnique = present > 0 && distinct >= 0.95 * present;
  if (column.kind === 'categorical') return nearUnique && present > MAX_LISTED_VALUES ? 'identifier' : 'categorical';
  return nearUnique && ID_WORDS.has(nameWords(column.name).at(-1) ?? '') && present > MAX_LISTED_VALUES ? 'identifier' : 'numeric';
}

/** Numeric-aware ordering of value texts, so "2" sorts before "10"; other texts by locale. */
export function compareTexts(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  return a.localeCompare(b);
}
