import { cellText, type Column } from '../table';

/** Label of one row: 1 positive, 0 negative, -1 missing (or a third value, which is not a label). */
export type Label = 1 | 0 | -1;

/** Encodes a target column as 1 (positive), 0 (the other value) or -1 (missing). */
export function extractLabels(column: Column, positive: string, negative: string): Int8Array {
  const n = column.kind === 'numeric' ? column.values.length : column.codes.length;
  const labels = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const text = cellText(column, i);
    labels[i] = text === positive ? 1 : text === negative ? 0 : -1;
  }
  return labels;
}
