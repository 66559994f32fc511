import type { Column } from '../table';

/** Label of one row: 1 positive, 0 negative, -1 missing (or a third value, which is not a label). */
export type Label = 1 | 0 | -1;

/**
 * Encodes a target column as 1 (positive), 0 (negative) or -1 (missing or any other value).
 * Values compare as the cell's text (`cellText`), without building a string per row.
 */
export function extractLabels(column: Column, positive: string, negative: string): Int8Array {
  if (column.kind === 'categorical') {
    const byCode = Int8Array.from(column.levels, (level) => (level === positive ? 1 : level === negative ? 0 : -1));
    const labels = new Int8Array(column.codes.length);
    for (let i = 0; i < labels.length; i++) {
      const code = column.codes[i];
      labels[i] = code < 0 ? -1 : byCode[code];
    }
    return labels;
  }
  // String(v) is the one canonical text of a number, so String(v) === text exactly when v equals the
  // number that text canonically spells; a non-canonical text ("1.0", "01", "NaN") matches no cell.
  const p = canonicalNumber(positive);
  const q = canonicalNumber(negative);
  const values = column.values;
  const labels = new Int8Array(values.length);
  for (let i = 0; i < labels.length; i++) {
    const v = values[i];
    labels[i] = v === p ? 1 : v === q ? 0 : -1;
  }
  return labels;
}

/** The number whose String() is exactly `text`, or NaN (which equals nothing). */
function canonicalNumber(text: string): number {
  const n = Number(text);
  return text !== '' && String(n) === text ? n : Number.NaN;
}
