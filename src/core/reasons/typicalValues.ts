// What a typical applicant answers, fitted on the training rows and stored with the model: the
// median or mode of each input column over all training rows (the reference applicant that
// attributions start from) and over the good ones (what a reason compares an applicant with:
// "Debt-to-income of 0.48 is high; approved applicants' median is 0.21").

import type { Preprocessor } from '../features/preprocessor';
import { getColumn, MISSING_CODE, type Table } from '../table';

/** One column's typical answers: medians for a number, modes for a category (null when training had no value). */
export type TypicalValue =
  | { readonly kind: 'numeric'; readonly median: number | null; readonly goodMedian: number | null }
  | { readonly kind: 'categorical'; readonly mode: string | null; readonly goodMode: string | null };

/** The typical answers per input column, with the rows they were counted on. */
export interface TypicalValues {
  readonly rows: number;
  readonly goodRows: number;
  readonly columns: Readonly<Record<string, TypicalValue>>;
}

/** The median of the present (non-NaN) values: the mean of the two middle ones for an even count, as numpy's median. */
function median(values: number[]): number | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

/** The most frequent present level; ties go to the level seen first in `rows`. */
function mode(codes: ArrayLike<number>, levels: readonly string[], rows: ArrayLike<number>): string | null {
  // Map keeps insertion order: levels in the order first seen, so the first of a tie wins below.
  const counts = new Map<number, number>();
  for (let i = 0; i < rows.length; i++) {
    const code = codes[rows[i]];
    if (code !== MISSING_CODE) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let best = -1;
  let bestCount = 0;
  for (const [code, n] of counts) {
    if (n > bestCount) {
      best = code;
      bestCount = n;
    }
  }
  return best < 0 ? null : levels[best];
}

/**
 * The typical answers of each of `pre`'s input columns over `trainRows` of `table` (raw cells, as
 * applicants answer them), overall and over the rows where `isGood[i]` (i indexes trainRows) is 1.
 */
export function fitTypicalValues(table: Table, trainRows: Int32Array, isGood: ArrayLike<number>, pre: Preprocessor): TypicalValues {
  const goodRows: number[] = [];
  for (let i = 0; i < trainRows.length; i++) if (isGood[i] === 1) goodRows.push(trainRows[i]);
  const columns: Record<string, TypicalValue> = {};
  for (const feature of pre.features) {
    const column = getColumn(table, feature.name);
    if (column.kind === 'numeric') {
      const all: number[] = [];
      const good: number[] = [];
      for (const r of trainRows) if (!Number.isNaN(column.values[r])) all.push(column.values[r]);
      for (const r of goodRows) if (!Number.isNaN(column.values[r])) good.push(column.values[r]);
      columns[feature.name] = { kind: 'numeric', median: median(all), goodMedian: median(good) };
    } else {
      columns[feature.name] = { kind: 'categorical', mode: mode(column.codes, column.levels, trainRows), goodMode: mode(column.codes, column.levels, goodRows) };
    }
  }
  return { rows: trainRows.length, goodRows: goodRows.length, columns };
}
