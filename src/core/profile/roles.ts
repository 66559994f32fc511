import { nameWords } from '../columns/names';
import type { ColumnRole, IdentifierReason } from '../columns/profile';
import type { Column, NumericValues } from '../table';

/** A column lists its distinct values (`ColumnInfo.values`) when it has at most this many. */
export const MAX_LISTED_VALUES = 20;

// With this few present cells, unique values prove little (20 unique incomes are likely), so only
// the header can make such a column an identifier.
const SMALL_COLUMN_CELLS = 20;
// At least this share of distinct values counts as unique: a few duplicated records (the same
// application exported twice) must not turn an id column into a feature.
const NEAR_UNIQUE_SHARE = 0.95;
// Row numbers may have gaps (rows filtered out before export): their range may exceed their count
// by this factor. Unique whole numbers spread wider than that (incomes, amounts) are measurements.
const SEQUENCE_SPAN_FACTOR = 1.1;
// Row numbers are written for every row: allow a stray missing cell (1% of rows), not more.
const SEQUENCE_MAX_MISSING_SHARE = 0.01;
// Name words that say id anywhere in the name (id, loan_id, LoanID, id_customer, uuid)...
const ID_WORDS = new Set(['id', 'uuid', 'guid']);
// ...and words that say it as the last word only ("customer_no", but "no_of_loans" is a count).
const ID_LAST_WORDS = new Set(['key', 'number', 'no']);
// pandas names a blank header cell "Unnamed: 0" when it reads a file, and writes that name back.
const PANDAS_UNNAMED = /^unnamed:\s*\d+$/i;

/** What a column's role depends on besides its name and cells. */
export interface RoleFacts {
  /** Distinct values among the present cells (a lower bound is enough when it settles the role). */
  readonly distinct: number;
  /** Non-missing cells. */
  readonly present: number;
  /** True when the header cell for the column was blank or `Unnamed: <n>` (`ParseNotes.unnamedColumns`). */
  readonly unnamed?: boolean;
}

/** A column's role and, for an identifier, why (null otherwise). */
export interface RoleGuess {
  readonly role: ColumnRole;
  readonly identifierReason: IdentifierReason | null;
}

/**
 * The role of a column. An identifier names rows rather than describing them, so it is never a
 * default feature (a model would learn the row order or memorise ids). It is one when, first match:
 *  - 'unnamed': the header cell was blank, or is pandas' `Unnamed: <n>`, whatever the values: that
 *    is the row index `DataFrame.to_csv` writes, and a real variable has a name;
 *  - 'id-name': a name word says id (id, ID, loan_id, LoanID, uuid; customer_no, key as the last
 *    word) and at least 95% of more than 20 present values are distinct;
 *  - 'sequence': numbers, all whole, all distinct, more than 20 of them with at most 1% missing,
 *    spanning at most 1.1 × their count (max − min + 1): row numbers 0..n−1 or 1..n in any order,
 *    with a few gaps where rows were filtered out. Unique but spread-out numbers (incomes) are not;
 *  - 'unique-text': text with at least 95% distinct values among more than 20 present (codes).
 * A column with two distinct values or fewer is never an identifier (a flag or a target, whatever
 * its header). Otherwise a numeric column is 'numeric', a text column 'categorical'.
 * Every rule only gains matches as `distinct` grows, which lets a capped count settle the role.
 */
export function inferRole(column: Column, facts: RoleFacts): RoleGuess {
  const reason = identifierReason(column, facts);
  if (reason !== null) return { role: 'identifier', identifierReason: reason };
  return { role: column.kind === 'categorical' ? 'categorical' : 'numeric', identifierReason: null };
}

/** True for a header pandas gives a blank header cell: "Unnamed: 0", "Unnamed: 12". */
export function isPandasUnnamed(name: string): boolean {
  return PANDAS_UNNAMED.test(name.trim());
}

function identifierReason(column: Column, { distinct, present, unnamed = false }: RoleFacts): IdentifierReason | null {
  if (distinct <= 2) return null;
  if (unnamed || isPandasUnnamed(column.name)) return 'unnamed';
  if (present <= SMALL_COLUMN_CELLS) return null;
  const nearUnique = distinct >= NEAR_UNIQUE_SHARE * present;
  if (nearUnique && namedLikeId(column.name)) return 'id-name';
  if (column.kind === 'categorical') return nearUnique ? 'unique-text' : null;
  return distinct >= present && isRowNumbers(column.values, present) ? 'sequence' : null;
}

function namedLikeId(name: string): boolean {
  const words = nameWords(name);
  return words.some((word) => ID_WORDS.has(word)) || ID_LAST_WORDS.has(words.at(-1) ?? '');
}

/** True when the `present` (all distinct) values are whole numbers over a range at most 1.1 × their count, with at most 1% of cells missing. */
function isRowNumbers(values: NumericValues, present: number): boolean {
  if (present < (1 - SEQUENCE_MAX_MISSING_SHARE) * values.length) return false;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x !== x) continue; // NaN: missing
    if (Math.floor(x) !== x) return false;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return max - min + 1 <= SEQUENCE_SPAN_FACTOR * present;
}

/** Numeric-aware ordering of value texts, so "2" sorts before "10"; other texts by locale. */
export function compareTexts(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  return a.localeCompare(b);
}
