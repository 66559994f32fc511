// The bundled sample loan book, read and cleaned here independently of the app, so e2e tests can
// compute the counts the app should show from the file itself.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsvText } from './csv.js';

/** public/sample-loan-book.csv, the file behind sample-data-button. */
export const SAMPLE_BOOK_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', 'sample-loan-book.csv');

/** The sample's header and data rows as text cells. */
export interface SampleBook {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** The text cell of `row` in column `name` (throws for an unknown column). */
  cell(row: readonly string[], name: string): string;
}

export function readSampleBook(): SampleBook {
  const [header, ...rows] = parseCsvText(readFileSync(SAMPLE_BOOK_PATH, 'utf8')).filter((row) => !(row.length === 1 && row[0] === ''));
  const index = new Map(header.map((name, i) => [name, i]));
  return {
    header,
    rows,
    cell(row, name) {
      const i = index.get(name);
      if (i === undefined) throw new Error(`the sample has no column "${name}"`);
      return row[i];
    },
  };
}

/** The row rules a cleaning plan applies, in the order the app runs them (README "Clean"). */
export interface RowRules {
  /** Binary target and its two values; rows with another (or no) value count as unlabeled. */
  readonly target: string;
  readonly labels: readonly [string, string];
  /** Numeric ranges: a present value outside [min, max] removes the row; a missing one stays. */
  readonly ranges?: Readonly<Record<string, { min?: number; max?: number }>>;
  /** Columns whose missing (empty) cells remove the row. */
  readonly dropMissing?: readonly string[];
}

/**
 * The rows the app should keep under `rules`, each removed row counted once under the first rule
 * that removes it: exact duplicates over all rows (first kept) → no label → ranges → missing values.
 * Returns the kept rows and the count each step removed.
 */
export function keptRows(book: SampleBook, rules: RowRules): { kept: (readonly string[])[]; removed: Record<string, number> } {
  const removed: Record<string, number> = { duplicates: 0, 'no-label': 0 };
  const seen = new Set<string>();
  let rows: (readonly string[])[] = [];
  for (const row of book.rows) {
    const key = JSON.stringify(row);
    if (seen.has(key)) removed.duplicates++;
    else {
      seen.add(key);
      rows.push(row);
    }
  }
  const labelled = rows.filter((row) => rules.labels.includes(book.cell(row, rules.target)));
  removed['no-label'] = rows.length - labelled.length;
  rows = labelled;
  for (const [column, { min = -Infinity, max = Infinity }] of Object.entries(rules.ranges ?? {})) {
    const inside = rows.filter((row) => {
      const text = book.cell(row, column).trim();
      if (text === '') return true;
      const value = Number(text);
      return value >= min && value <= max;
    });
    removed[`range:${column}`] = rows.length - inside.length;
    rows = inside;
  }
  for (const column of rules.dropMissing ?? []) {
    const present = rows.filter((row) => book.cell(row, column).trim() !== '');
    removed[`missing:${column}`] = rows.length - present.length;
    rows = present;
  }
  return { kept: rows, removed };
}
