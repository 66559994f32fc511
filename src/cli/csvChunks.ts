// A CSV file read as a sequence of small tables, so that `creditlab score` holds a few thousand rows
// at a time, never the file. The pieces are the app's own reader's (dialect sniffing, the scanner,
// the column builders, encoding detection), so every chunk reads its cells as the app reads them;
// what differs is only that a chunk's columns are typed from its own rows (see the README: a
// mostly-numeric column with a few text cells can be typed differently from a whole-file read).
import type { Table } from '../core/table';
import { ColumnBuilder } from '../core/csv/columnBuilder';
import { sepLine, sniffDialect, type CsvDialect } from '../core/csv/dialect';
import { byteOrderMark, guessLegacyEncoding, type TextEncodingCode } from '../core/csv/encoding';
import { CellKind, CsvScanner, type RowSink } from '../core/csv/scanner';
import { InputError } from './command';

/** One chunk of the file: its rows as a table (the file's header names), and the 0-based index of its first data row in the file. */
export interface CsvChunk {
  readonly table: Table;
  readonly firstRow: number;
}

/** How the file was read, known once its first chunk is out. */
export interface CsvReading {
  readonly encoding: TextEncodingCode;
  readonly dialect: CsvDialect;
  /** The header's names, made unique as the app makes them (x, x_2). */
  readonly names: readonly string[];
}

// The app's reader sniffs the dialect from this much text; so does this one.
const SNIFF_CHARS = 64 * 1024;
const HEAD_BYTES = 64 * 1024;

/**
 * Reads `bytes` (a file's chunks) as tables of about `chunkRows` rows each (a piece of input text
 * may carry a few more), in file order. The first row is the header. Throws InputError for a file
 * that is empty, binary, has no data rows, or stops being valid UTF-8 after its first 64 KB.
 */
export async function* readCsvChunks(bytes: AsyncIterable<Uint8Array>, chunkRows: number, onReading?: (reading: CsvReading) => void): AsyncGenerator<CsvChunk> {
  const text = decodeText(bytes);
  let pending = '';
  let sink: ChunkSink | null = null;
  let scanner: CsvScanner | null = null;
  let final = false;
  const iterator = text[Symbol.asyncIterator]();
  let encoding: TextEncodingCode = 'utf-8';
  while (!final) {
    const next = await iterator.next();
    if (next.done) final = true;
    else {
      encoding = next.value.encoding;
      pending += next.value.text;
    }
    if (!sink) {
      if (pending.length < SNIFF_CHARS && !final) continue;
      if (pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1);
      if (pending.slice(0, 4096).includes('\u0000')) throw new InputError('this is not a CSV text file (it holds binary data)');
      const sep = sepLine(pending);
      if (sep) pending = pending.slice(sep.length);
      const dialect = sniffDialect(pending.slice(0, SNIFF_CHARS), sep?.delimiter);
      scanner = new CsvScanner(dialect.delimiter.charCodeAt(0), dialect.decimal === '.');
      sink = new ChunkSink(dialect, chunkRows, (names) => onReading?.({ encoding, dialect, names }));
    }
    const consumed = scanner!.scan(pending, final, sink);
    pending = consumed === pending.length ? '' : pending.slice(consumed);
    yield* sink.takeFull(final);
  }
  if (!sink?.names) throw new InputError('the file is empty');
  if (sink.names.length < 2) throw new InputError('the file has fewer than two columns; is it a CSV?');
  if (sink.rowsRead === 0) throw new InputError('the file has a header but no data rows');
}

/** Receives the scanner's rows: the first is the header, the rest fill column builders that are handed out as tables every `chunkRows` rows. */
class ChunkSink implements RowSink {
  names: string[] | null = null;
  rowsRead = 0;
  private builders: ColumnBuilder[] = [];
  private inChunk = 0;
  private readonly ready: CsvChunk[] = [];

  constructor(
    private readonly dialect: CsvDialect,
    private readonly chunkRows: number,
    private readonly onHeader: (names: readonly string[]) => void,
  ) {}

  row(kinds: Uint8Array, numbers: Float64Array, texts: string[], count: number): void {
    // Blank lines, and lines of only delimiters, are not rows (the app's reader's rule).
    let blank = true;
    for (let c = 0; c < count && blank; c++) blank = kinds[c] === CellKind.Missing || (kinds[c] === CellKind.Text && texts[c].trim() === '');
    if (blank) return;
    if (!this.names) {
      const cells = Array.from({ length: count }, (_, c) => (kinds[c] === CellKind.Number ? String(numbers[c]) : kinds[c] === CellKind.Text ? texts[c].trim() : ''));
      this.names = uniqueNames(cells);
      this.onHeader(this.names);
      this.builders = this.newBuilders();
      return;
    }
    const builders = this.builders;
    // A ragged row is padded with missing cells or cut to the header's width, as the app reads it.
    for (let c = 0; c < builders.length; c++) {
      const kind = c < count ? kinds[c] : CellKind.Missing;
      if (kind === CellKind.Number) builders[c].pushNumber(numbers[c]);
      else if (kind === CellKind.Text) builders[c].push(texts[c]);
      else builders[c].pushMissing();
    }
    this.rowsRead++;
    if (++this.inChunk === this.chunkRows) this.cut();
  }

  /** The chunks completed so far (and, at the end of the file, the last partial one). */
  takeFull(final: boolean): CsvChunk[] {
    if (final && this.inChunk > 0) this.cut();
    return this.ready.splice(0);
  }

  private cut(): void {
    const columns = this.builders.map((b) => b.finish().column);
    this.ready.push({ table: { rowCount: this.inChunk, columns }, firstRow: this.rowsRead - this.inChunk });
    this.builders = this.newBuilders();
    this.inChunk = 0;
  }

  private newBuilders(): ColumnBuilder[] {
    return this.names!.map((name) => new ColumnBuilder(name, this.dialect.decimal));
  }
}

/** Blank and repeated header names made unique as the app's reader makes them: col<i> for a blank, x_2, x_3 for repeats. */
function uniqueNames(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  return raw.map((original, i) => {
    const base = original === '' ? `col${i + 1}` : original;
    let name = base;
    for (let k = 2; seen.has(name); k++) name = `${base}_${k}`;
    seen.add(name);
    return name;
  });
}

/**
 * The file's text, piece by piece, with the encoding it was read in: a byte-order mark's, else
 * UTF-8, else (when the first 64 KB are not UTF-8) the legacy code page the app would guess.
 */
async function* decodeText(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<{ text: string; encoding: TextEncodingCode }> {
  let head: Uint8Array[] = [];
  let headSize = 0;
  let decoder: TextDecoder | null = null;
  let encoding: TextEncodingCode = 'utf-8';
  let offset = 0;
  const start = (all: Uint8Array): Uint8Array => {
    const bom = byteOrderMark(all);
    if (bom) {
      encoding = bom.encoding;
      decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
      // TextDecoder drops a UTF-16 mark itself; the UTF-8 one is dropped here as the app's reader drops it.
      return bom.encoding === 'utf-8' ? all.subarray(bom.length) : all;
    }
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(all, { stream: true });
      decoder = new TextDecoder('utf-8', { fatal: true });
    } catch {
      const firstHigh = all.findIndex((b) => b >= 0x80);
      encoding = guessLegacyEncoding(all.subarray(firstHigh));
      decoder = new TextDecoder(encoding);
    }
    return all;
  };
  const decode = (chunk: Uint8Array, final: boolean): string => {
    try {
      return decoder!.decode(chunk, { stream: !final });
    } catch {
      throw new InputError(`the file is not valid UTF-8 (after byte ${offset}); save it as UTF-8 and score it again`);
    }
  };
  for await (const chunk of bytes) {
    if (!decoder) {
      head.push(chunk);
      headSize += chunk.length;
      if (headSize < HEAD_BYTES) continue;
      const all = start(concat(head));
      head = [];
      yield { text: decode(all, false), encoding };
      offset += headSize;
      continue;
    }
    yield { text: decode(chunk, false), encoding };
    offset += chunk.length;
  }
  if (!decoder) {
    const all = start(concat(head));
    yield { text: decode(all, true), encoding };
    return;
  }
  yield { text: decode(new Uint8Array(0), true), encoding };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
