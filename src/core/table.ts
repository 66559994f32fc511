/** Columnar, serialisable data table: the shape every core stage reads and writes. */

/**
 * A numeric column's cells. Float32 when every value of the column is exactly a float32 (integers up
 * to 2^24, halves, quarters...), which halves the memory of typical loan data; Float64 otherwise.
 * Reading either gives the very number the file held.
 */
export type NumericValues = Float64Array | Float32Array;

/** A numeric column: one float per row, NaN marks a missing cell. */
export interface NumericColumn {
  readonly kind: 'numeric';
  readonly name: string;
  readonly values: NumericValues;
}

/** A dictionary-encoded text column: codes index into `levels`, -1 marks a missing cell. */
export interface CategoricalColumn {
  readonly kind: 'categorical';
  readonly name: string;
  readonly codes: Int32Array;
  readonly levels: readonly string[];
}

/** Any column of a table. */
export type Column = NumericColumn | CategoricalColumn;

/** A table held column by column, so memory stays proportional to the data. */
export interface Table {
  readonly rowCount: number;
  readonly columns: readonly Column[];
}

/** Marker for a missing categorical cell in `CategoricalColumn.codes`. */
export const MISSING_CODE = -1;

/** Returns the column called `name`, or throws a message naming it. */
export function getColumn(table: Table, name: string): Column {
  const column = table.columns.find((c) => c.name === name);
  if (!column) throw new Error(`Column "${name}" is not in the data.`);
  return column;
}

/** True when the cell at `row` is missing. */
export function isMissing(column: Column, row: number): boolean {
  return column.kind === 'numeric' ? Number.isNaN(column.values[row]) : column.codes[row] === MISSING_CODE;
}

/** The cell at `row` as display text; '' when missing. */
export function cellText(column: Column, row: number): string {
  if (column.kind === 'numeric') {
    const v = column.values[row];
    return Number.isNaN(v) ? '' : String(v);
  }
  const code = column.codes[row];
  return code === MISSING_CODE ? '' : column.levels[code];
}

/** A new table holding only `rows` (in that order) of `table`. */
export function selectRows(table: Table, rows: Int32Array): Table {
  const columns = table.columns.map((column): Column => {
    if (column.kind === 'numeric') {
      const values = column.values instanceof Float32Array ? new Float32Array(rows.length) : new Float64Array(rows.length);
      for (let i = 0; i < rows.length; i++) values[i] = column.values[rows[i]];
      return { kind: 'numeric', name: column.name, values };
    }
    const codes = new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i++) codes[i] = column.codes[rows[i]];
    return { kind: 'categorical', name: column.name, codes, levels: column.levels };
  });
  return { rowCount: rows.length, columns };
}

/**
 * `values` as a new Float32Array when every value (NaN included) survives the narrowing exactly,
 * else null. Stops at the first value that does not, so a Float64 column costs little to check.
 */
export function narrowToFloat32(values: Float64Array): Float32Array | null {
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Math.fround(v) !== v && v === v) return null;
  }
  return Float32Array.from(values);
}

/** Number of missing cells in a column. */
export function countMissing(column: Column): number {
  let missing = 0;
  const n = column.kind === 'numeric' ? column.values.length : column.codes.length;
  for (let i = 0; i < n; i++) if (isMissing(column, i)) missing++;
  return missing;
}
