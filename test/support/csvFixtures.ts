/** Shared helpers for the CSV reader's tests (not shipped: only *.test.ts files import this). */
import { readFileSync } from 'node:fs';
import type { Column, Table } from '../../src/core/table';
import { CsvTableReader, tryParseCsv, type ParsedCsv } from '../../src/core/csv/csvReader';

/** Parses a whole text and throws the reader's reason when it fails. */
export function parse(text: string): ParsedCsv {
  const result = tryParseCsv(text);
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason}`);
  return result.data;
}

/** Feeds `pieces` to one CsvTableReader (the last with final = true) and returns the result. */
export function parsePieces(pieces: readonly string[]): ReturnType<CsvTableReader['finish']> {
  const reader = new CsvTableReader();
  pieces.forEach((piece, i) => reader.push(piece, i === pieces.length - 1));
  if (pieces.length === 0) reader.push('', true);
  return reader.finish();
}

/** A cell as plain data: a number, a category level, or null when missing. */
export type Cell = number | string | null;

/** The cells of a column as plain data (NaN and code -1 become null). */
export function cells(column: Column): Cell[] {
  if (column.kind === 'numeric') return Array.from(column.values, (v) => (Number.isNaN(v) ? null : v));
  return Array.from(column.codes, (code) => (code === -1 ? null : column.levels[code]));
}

/** A table as plain data: comparable with toEqual, printable in a failure message. */
export interface TableSnapshot {
  readonly rowCount: number;
  readonly columns: readonly { readonly name: string; readonly kind: Column['kind']; readonly cells: Cell[] }[];
}

export function snapshot(table: Table): TableSnapshot {
  return { rowCount: table.rowCount, columns: table.columns.map((c) => ({ name: c.name, kind: c.kind, cells: cells(c) })) };
}

/** The named column's cells; throws when the table has no such column. */
export function columnCells(table: Table, name: string): Cell[] {
  const column = table.columns.find((c) => c.name === name);
  if (!column) throw new Error(`no column "${name}" in [${table.columns.map((c) => c.name).join(', ')}]`);
  return cells(column);
}

/** The first lines of UCI's german.data (space separated, no header, codes such as A11 mixed with numbers). */
export function germanDataLines(count: number): string[] {
  const text = readFileSync('/work/shared/data/german.data', 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .slice(0, count);
}

const ENCODER = new TextEncoder();

/** Concatenates UTF-8 text and raw bytes into one byte array. */
export function bytesOf(...parts: readonly (string | readonly number[] | Uint8Array)[]): Uint8Array {
  const arrays = parts.map((p) => (typeof p === 'string' ? ENCODER.encode(p) : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let offset = 0;
  for (const a of arrays) {
    out.set(a, offset);
    offset += a.length;
  }
  return out;
}

/**
 * An `open` function for readCsvBytes yielding `bytes` in chunks: a fixed size, or sizes taken in
 * turn from a list (so chunk boundaries fall at odd places). Counts how often it was opened.
 */
export function chunkedOpen(bytes: Uint8Array, sizes: number | readonly number[], onChunk?: (index: number) => void): (() => AsyncIterable<Uint8Array>) & { opened: number } {
  const list = typeof sizes === 'number' ? [sizes] : sizes;
  const open = Object.assign(
    async function* (): AsyncGenerator<Uint8Array> {
      open.opened++;
      let index = 0;
      for (let offset = 0; offset < bytes.length; index++) {
        const size = list[index % list.length];
        onChunk?.(index);
        yield bytes.slice(offset, offset + size);
        offset += size;
      }
    },
    { opened: 0 },
  );
  return open;
}

/** Splits a string into pieces whose lengths cycle through `sizes`. */
export function splitBy(text: string, sizes: readonly number[]): string[] {
  const pieces: string[] = [];
  for (let i = 0, k = 0; i < text.length; k++) {
    const size = sizes[k % sizes.length];
    pieces.push(text.slice(i, i + size));
    i += size;
  }
  return pieces;
}

/** A small deterministic PRNG (mulberry32, the one the app splits with), so a failing random case can be replayed. */
export { createRandom as seededRandom } from '../../src/core/split/random';
