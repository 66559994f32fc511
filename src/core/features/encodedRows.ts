import type { Table } from '../table';
import { createRowEncoder, findInvalidInput, type Preprocessor } from './preprocessor';

/**
 * A set of rows a model reads (training, validation or held-out), with its 0/1 labels. The inputs
 * are encoded on demand (in chunks, or whole for as long as a training run needs them): kept from
 * preparation on, the encoded matrices of a million-row file would hold as much memory again as
 * the columns they are computed from.
 */
export interface EncodedRows {
  readonly rows: number;
  /** Inputs per row (the preprocessor's width). */
  readonly width: number;
  readonly y: Float32Array;
  /** The whole set as a row-major matrix, when it is held that way already (denseRows). */
  readonly matrix?: Float32Array;
  /**
   * Writes the inputs of the rows at `positions` (0-based within this set) into `out`, row-major,
   * overwriting out[0 .. positions.length × width).
   */
  encodeInto(positions: Int32Array, out: Float32Array): void;
}

/** Rows `tableRows` of `table` (in that order), encoded with the fitted `pre` whenever asked. */
export function tableRows(pre: Preprocessor, table: Table, tableRows: Int32Array, y: Float32Array): EncodedRows {
  const encode = createRowEncoder(pre, table);
  let picked = new Int32Array(0);
  return {
    rows: tableRows.length,
    width: pre.width,
    y,
    encodeInto(positions, out) {
      if (picked.length < positions.length) picked = new Int32Array(positions.length);
      const rows = picked.length === positions.length ? picked : picked.subarray(0, positions.length);
      for (let i = 0; i < positions.length; i++) rows[i] = tableRows[positions[i]];
      encode(rows, out);
    },
  };
}

/** Rows already encoded as a row-major matrix `x` (rows × width): synthetic data and tests. */
export function denseRows(x: Float32Array, y: Float32Array, width: number): EncodedRows {
  return {
    rows: y.length,
    width,
    y,
    matrix: x,
    encodeInto(positions, out) {
      for (let i = 0; i < positions.length; i++) {
        for (let k = 0, from = positions[i] * width, to = i * width; k < width; k++) out[to + k] = x[from + k];
      }
    },
  };
}

/** The rows of `rows` at `positions` (0-based within it), in that order: an ensemble member's fit or validation part. */
export function selectEncodedRows(rows: EncodedRows, positions: Int32Array): EncodedRows {
  const y = Float32Array.from(positions, (p) => rows.y[p]);
  let mapped = new Int32Array(0);
  return {
    rows: positions.length,
    width: rows.width,
    y,
    encodeInto(at, out) {
      if (mapped.length < at.length) mapped = new Int32Array(at.length);
      const inner = mapped.length === at.length ? mapped : mapped.subarray(0, at.length);
      for (let i = 0; i < at.length; i++) inner[i] = positions[at[i]];
      rows.encodeInto(inner, out);
    },
  };
}

/** Positions 0 … n − 1 not in `excluded` (ascending, each below n), ascending. */
export function complementPositions(n: number, excluded: Int32Array): Int32Array {
  const marked = new Uint8Array(n);
  for (const p of excluded) marked[p] = 1;
  const out = new Int32Array(n - excluded.length);
  for (let i = 0, j = 0; i < n; i++) if (!marked[i]) out[j++] = i;
  return out;
}

/** The first `count` rows of `rows` (a warm-up sample). */
export function firstRows(rows: EncodedRows, count: number): EncodedRows {
  const n = Math.min(count, rows.rows);
  return { rows: n, width: rows.width, y: rows.y.subarray(0, n), encodeInto: (positions, out) => rows.encodeInto(positions, out) };
}

// Rows encoded per step when a whole set is walked: a few MB of scratch, whatever the set's size.
const CHUNK_ROWS = 8192;

/** Calls `visit` with consecutive chunks of the set's encoded rows (the chunk's matrix and its first position). */
function forEachChunk(rows: EncodedRows, visit: (x: Float32Array, first: number) => void, into?: Float32Array): void {
  const positions = new Int32Array(Math.min(CHUNK_ROWS, rows.rows));
  const scratch = into ? null : new Float32Array(positions.length * rows.width);
  for (let first = 0; first < rows.rows; first += CHUNK_ROWS) {
    const count = Math.min(CHUNK_ROWS, rows.rows - first);
    for (let i = 0; i < count; i++) positions[i] = first + i;
    const x = into ? into.subarray(first * rows.width, (first + count) * rows.width) : scratch!.subarray(0, count * rows.width);
    rows.encodeInto(count === positions.length ? positions : positions.subarray(0, count), x);
    visit(x, first);
  }
}

/**
 * Every row of the set as one row-major matrix (rows × width), e.g. to predict on held-out rows or
 * to cut training batches from; a set held as a matrix already returns it without copying.
 */
export function materialise(rows: EncodedRows): Float32Array {
  if (rows.matrix) return rows.matrix;
  const out = new Float32Array(rows.rows * rows.width);
  forEachChunk(rows, () => undefined, out);
  return out;
}

/**
 * The data-quality gate over a whole set, a chunk at a time: the first feature (in encoding order)
 * with a NaN or infinite input in any row, or null when every input is finite.
 */
export function findInvalidRows(rows: EncodedRows, pre: Preprocessor): string | null {
  const found = new Set<string>();
  forEachChunk(rows, (x) => {
    const name = findInvalidInput(x, pre);
    if (name !== null) found.add(name);
  });
  return pre.features.find((feature) => found.has(feature.name))?.name ?? null;
}
