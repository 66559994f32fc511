// The one CSV writer: every file the app and its commands write goes through it. Cells come from
// the user's data (column names, category labels, reasons quoting values), so a cell a spreadsheet
// would run as a formula is defused (OWASP "CSV Injection"): it is prefixed with a quote mark (')
// and quoted. The rules are papaparse's `unparse` with `escapeFormulae` set to FORMULA_CELL (its own
// pattern misses a leading line feed and also catches plain negative numbers written as text), and
// the tests hold this writer to papaparse's output cell for cell. It is written here because
// papaparse took 0.67 s for a 100,000-row scored batch (23 MB) and this takes about a fifth of that
// (README, "Measured"): unparse builds one string by appending per cell and runs several regular
// expressions over every cell, where this writer scans each text cell once.

/**
 * A text cell a spreadsheet would treat as a formula: it starts with = + - @ tab, carriage return
 * or line feed, unless the whole cell is a plain number ("-12.5", "+3", "1e-5" stay numbers).
 */
export const FORMULA_CELL = /^(?![-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$)[=+\-@\t\r\n]/;

/** A cell: text (defused when it starts like a formula), a number (written as is), or empty. */
export type CsvCell = string | number | null;

// First characters after which FORMULA_CELL is tried: = + - @ tab CR LF.
const FORMULA_START = new Uint8Array(128);
for (const c of '=+-@\t\r\n') FORMULA_START[c.charCodeAt(0)] = 1;

/** One cell as written: numbers as JavaScript prints them (non-finite ones empty), text defused and quoted where RFC 4180 needs it. */
export function csvCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (cell.length === 0) return cell;
  const first = cell.charCodeAt(0);
  if (first < 128 && FORMULA_START[first] === 1 && FORMULA_CELL.test(cell)) return `"'${cell.replaceAll('"', '""')}"`;
  // Quoted when it holds a comma, a quote, a line break or a byte-order mark, or starts or ends with a space (papaparse's rule).
  let quote = first === 32 || cell.charCodeAt(cell.length - 1) === 32;
  let hasQuote = false;
  for (let i = 0; i < cell.length && !hasQuote; i++) {
    const c = cell.charCodeAt(i);
    if (c === 34) hasQuote = quote = true;
    else if (c === 44 || c === 10 || c === 13 || c === 0xfeff) quote = true;
  }
  if (!quote) return cell;
  return `"${hasQuote ? cell.replaceAll('"', '""') : cell}"`;
}

/** One record as written, without its line end. */
export function csvRecord(cells: readonly CsvCell[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += i === 0 ? csvCell(cells[i]) : `,${csvCell(cells[i])}`;
  return line;
}

/** The header and rows as CSV text: RFC 4180 quoting, CRLF line ends and a final CRLF, formula-like text defused. */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [csvRecord(header)];
  for (const row of rows) lines.push(csvRecord(row));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * A large file as UTF-8 chunks of about 1 MB, the header first, each record ended by CRLF:
 * `recordAt(i)` gives row i's cells (the same array may be reused). The bytes are written straight
 * into the chunks, cell by cell, with no string of a record or of the file built on the way.
 */
export function writeCsvChunks(header: readonly string[], rowCount: number, recordAt: (row: number) => readonly CsvCell[], chunkBytes = 1 << 20): Uint8Array[] {
  const out = new ChunkWriter(chunkBytes);
  out.record(header);
  for (let r = 0; r < rowCount; r++) out.record(recordAt(r));
  return out.finish();
}

const encoder = new TextEncoder();

/** Appends records as UTF-8 bytes to a chunk, starting a new one when it is full. */
class ChunkWriter {
  private readonly chunks: Uint8Array[] = [];
  private buffer: Uint8Array;
  private at = 0;

  constructor(private readonly chunkBytes: number) {
    this.buffer = new Uint8Array(chunkBytes);
  }

  record(cells: readonly CsvCell[]): void {
    for (let i = 0; i < cells.length; i++) {
      if (i > 0) this.byte(44);
      this.text(csvCell(cells[i]));
    }
    this.byte(13);
    this.byte(10);
    if (this.at >= this.chunkBytes - 4096) this.flush();
  }

  finish(): Uint8Array[] {
    if (this.at > 0 || this.chunks.length === 0) this.flush();
    return this.chunks;
  }

  private byte(b: number): void {
    if (this.at === this.buffer.length) this.grow(1);
    this.buffer[this.at++] = b;
  }

  private text(s: string): void {
    // ASCII byte by byte; the first other character hands the rest to the encoder (at most 3 bytes per UTF-16 unit).
    if (this.at + s.length > this.buffer.length) this.grow(s.length);
    const buffer = this.buffer;
    let at = this.at;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128) {
        this.at = at;
        const rest = s.slice(i);
        if (this.at + 3 * rest.length > this.buffer.length) this.grow(3 * rest.length);
        this.at += encoder.encodeInto(rest, this.buffer.subarray(this.at)).written;
        return;
      }
      buffer[at++] = c;
    }
    this.at = at;
  }

  private grow(needed: number): void {
    const bigger = new Uint8Array(Math.max(2 * this.buffer.length, this.at + needed + 4096));
    bigger.set(this.buffer.subarray(0, this.at));
    this.buffer = bigger;
  }

  private flush(): void {
    this.chunks.push(this.buffer.slice(0, this.at));
    this.buffer = new Uint8Array(this.chunkBytes);
    this.at = 0;
  }
}
