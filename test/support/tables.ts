/** Small hand-built tables for unit tests. */
import type { Column, Table } from '../../src/core/table';

/** A numeric column (NaN = missing). */
export function num(name: string, values: number[]): Column {
  return { kind: 'numeric', name, values: Float64Array.from(values) };
}

/** A categorical column; null cells are missing, levels in order of first appearance. */
export function cat(name: string, cells: (string | null)[]): Column {
  const levels: string[] = [];
  const codes = Int32Array.from(cells, (cell) => {
    if (cell === null) return -1;
    let code = levels.indexOf(cell);
    if (code < 0) code = levels.push(cell) - 1;
    return code;
  });
  return { kind: 'categorical', name, codes, levels };
}

/** A table of the given columns (all of the same length). */
export function table(...columns: Column[]): Table {
  const rowCount = columns[0].kind === 'numeric' ? columns[0].values.length : columns[0].codes.length;
  return { rowCount, columns };
}
