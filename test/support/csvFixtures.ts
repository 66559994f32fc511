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

/**
 * GBK (the two-byte part of GB18030) bytes of the Chinese characters the tests use, from Python's
 * `str.encode('gbk')`; encoding.test.ts checks each pair against TextDecoder('gb18030').
 */
export const GBK_BYTES: Readonly<Record<string, readonly [number, number]>> = {
  年: [0xc4, 0xea],
  龄: [0xc1, 0xe4],
  收: [0xca, 0xd5],
  入: [0xc8, 0xeb],
  负: [0xb8, 0xba],
  债: [0xd5, 0xae],
  率: [0xc2, 0xca],
  住: [0xd7, 0xa1],
  房: [0xb7, 0xbf],
  违: [0xce, 0xa5],
  约: [0xd4, 0xbc],
  是: [0xca, 0xc7],
  否: [0xb7, 0xf1],
  逾: [0xd3, 0xe2],
  期: [0xc6, 0xda],
  正: [0xd5, 0xfd],
  常: [0xb3, 0xa3],
  坏: [0xbb, 0xb5],
  好: [0xba, 0xc3],
  姓: [0xd0, 0xd5],
  名: [0xc3, 0xfb],
  张: [0xd5, 0xc5],
  伟: [0xce, 0xb0],
  王: [0xcd, 0xf5],
  芳: [0xb7, 0xbc],
  李: [0xc0, 0xee],
  娜: [0xc4, 0xc8],
  北: [0xb1, 0xb1],
  京: [0xbe, 0xa9],
  上: [0xc9, 0xcf],
  海: [0xba, 0xa3],
  城: [0xb3, 0xc7],
  市: [0xca, 0xd0],
  客: [0xbf, 0xcd],
  户: [0xbb, 0xa7],
  编: [0xb1, 0xe0],
  号: [0xba, 0xc5],
  // GBK/3, outside GB2312: a rare hanzi of personal names.
  喆: [0x86, 0xb4],
};

/** Text as GBK bytes: ASCII as itself, the characters of GBK_BYTES as their pairs; throws on anything else. */
export function gbkBytes(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else if (GBK_BYTES[ch]) out.push(...GBK_BYTES[ch]);
    else throw new Error(`no GBK bytes for ${ch} in GBK_BYTES`);
  }
  return Uint8Array.from(out);
}

/** Text as ISO-8859-1 bytes (each code point below 256 is its own byte; the same bytes in Windows-1252 from 0xA0 up); throws on others. */
export function latin1Bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => {
    const code = ch.charCodeAt(0);
    if (code > 0xff) throw new Error(`${ch} is not Latin-1`);
    return code;
  });
}

/** Text as UTF-16 bytes, each code unit written little- or big-endian, after a byte-order mark (FF FE or FE FF) unless `bom` is false. */
export function utf16Bytes(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const units = [...(bom ? [0xfeff] : []), ...Array.from({ length: text.length }, (_, i) => text.charCodeAt(i))];
  return Uint8Array.from(units.flatMap((u) => (order === 'le' ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff])));
}
