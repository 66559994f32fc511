import { failWith, ok, type Result } from '../result';
import { isPandasUnnamed } from '../profile/roles';
import type { Column, Table } from '../table';
import { ColumnBuilder } from './columnBuilder';
import type { RenamedColumn, TypeNote } from './notes';
import { sepLine, sniffDialect, type CsvDialect } from './dialect';
import type { TextEncodingCode } from './encoding';
import { CellKind, CsvScanner, type RowSink } from './scanner';

/** What the reader noticed while reading a file (shown to the user, never fatal). */
export interface ParseNotes {
  readonly delimiter: string;
  readonly hasHeader: boolean;
  readonly decimal: '.' | ',';
  /** How the bytes were decoded (a code the UI words). */
  readonly encoding: TextEncodingCode;
  /** Header names changed to make them unique or fill a blank one (`original` '' for a blank). */
  readonly renamedColumns: readonly RenamedColumn[];
  /**
   * Columns whose header cell was blank (named `col<i>` here) or pandas' `Unnamed: <n>`, in file
   * order: the row index pandas writes; profiling treats them as identifiers. Empty without a header.
   */
  readonly unnamedColumns: readonly string[];
  /** Rows with more or fewer fields than the header (padded with missing cells or cut). */
  readonly raggedRows: number;
  /** Judgement calls about column types, as codes with values (the UI words them; `englishNote` for the command line). */
  readonly typeNotes: readonly TypeNote[];
}

/** A parsed file: the columnar table and what was noticed on the way. */
export interface ParsedCsv {
  readonly table: Table;
  readonly notes: ParseNotes;
}

// Enough text to see the delimiter, header and number format before committing to them.
const SNIFF_CHARS = 64 * 1024;

/**
 * Incremental CSV reader: push decoded text in pieces of any size (a quoted field may span
 * pieces), then `finish`. Rows go straight into per-column typed arrays, never row objects.
 */
export class CsvTableReader implements RowSink {
  private pending = '';
  private dialect: CsvDialect | null = null;
  private scanner: CsvScanner | null = null;
  private builders: ColumnBuilder[] | null = null;
  private renamed: RenamedColumn[] = [];
  private unnamed: string[] = [];
  private raggedRows = 0;
  private binary = false;
  /** Data rows read so far. */
  rowsRead = 0;

  constructor(private readonly encoding: TextEncodingCode = 'utf-8') {}

  /** Adds the next piece of text; `final` marks the end of the file. */
  push(text: string, final = false): void {
    if (this.binary) return;
    this.pending += text;
    if (!this.dialect) {
      if (this.pending.length < SNIFF_CHARS && !final) return;
      if (this.rowsRead === 0 && this.pending.charCodeAt(0) === 0xfeff) this.pending = this.pending.slice(1);
      if (looksBinary(this.pending)) {
        this.binary = true;
        return;
      }
      const sep = sepLine(this.pending);
      if (sep) this.pending = this.pending.slice(sep.length);
      this.dialect = sniffDialect(this.pending.slice(0, SNIFF_CHARS), sep?.delimiter);
      this.scanner = new CsvScanner(this.dialect.delimiter.charCodeAt(0), this.dialect.decimal === '.');
    }
    const consumed = this.scanner!.scan(this.pending, final, this);
    this.pending = consumed === this.pending.length ? '' : this.pending.slice(consumed);
  }

  /** Sizes every column for about `rows` rows (an estimate from the file size; more rows still fit). */
  reserveRows(rows: number): void {
    for (const builder of this.builders ?? []) builder.reserve(Math.ceil(rows));
  }

  /** True once the header (or first row) has set up the columns. */
  get started(): boolean {
    return this.builders !== null;
  }

  /** The table read so far, or the problem (a code, and its English reason) why the file cannot be used. */
  finish(): Result<ParsedCsv> {
    if (this.binary) return failWith('csv.binaryText', {});
    if (!this.dialect) {
      if (this.pending.trim() === '') return failWith('csv.empty', {});
      this.push('', true);
      if (this.binary) return this.finish();
    }
    if (!this.builders) return failWith('csv.empty', {});
    if (this.builders.length < 2) return failWith('csv.oneColumn', {});
    if (this.rowsRead === 0) return failWith('csv.noRows', {});
    const built = this.builders.map((b) => b.finish());
    const columns: Column[] = built.map((b) => b.column);
    return ok({
      table: { rowCount: this.rowsRead, columns },
      notes: {
        delimiter: this.dialect!.delimiter,
        hasHeader: this.dialect!.hasHeader,
        decimal: this.dialect!.decimal,
        encoding: this.encoding,
        renamedColumns: this.renamed,
        unnamedColumns: this.unnamed,
        raggedRows: this.raggedRows,
        typeNotes: built.map((b) => b.note).filter((n): n is TypeNote => n !== null),
      },
    });
  }

  /** Called by the scanner for each complete row. */
  row(kinds: Uint8Array, numbers: Float64Array, texts: string[], count: number): void {
    // Blank lines, and lines of only delimiters, are not rows.
    let blank = true;
    for (let c = 0; c < count && blank; c++) blank = kinds[c] === CellKind.Missing || (kinds[c] === CellKind.Text && texts[c].trim() === '');
    if (blank) return;
    if (!this.builders) {
      this.startColumns(kinds, numbers, texts, count);
      if (this.dialect!.hasHeader) return;
    }
    const builders = this.builders!;
    const width = builders.length;
    if (count !== width) this.raggedRows++;
    for (let c = 0; c < width; c++) {
      const builder = builders[c];
      const kind = c < count ? kinds[c] : CellKind.Missing;
      if (kind === CellKind.Number) builder.pushNumber(numbers[c]);
      else if (kind === CellKind.Text) builder.push(texts[c]);
      else builder.pushMissing();
    }
    this.rowsRead++;
  }

  private startColumns(kinds: Uint8Array, numbers: Float64Array, texts: string[], count: number): void {
    const cells = Array.from({ length: count }, (_, c) => (kinds[c] === CellKind.Number ? String(numbers[c]) : kinds[c] === CellKind.Text ? texts[c].trim() : ''));
    const names = this.dialect!.hasHeader ? cells : cells.map((_, i) => `col${i + 1}`);
    const unique = makeUniqueNames(names);
    this.renamed = unique.renamed;
    // Positional names of a headerless file are not blank headers: those columns have no header at all.
    if (this.dialect!.hasHeader) this.unnamed = unique.names.filter((_name, i) => names[i] === '' || isPandasUnnamed(names[i]));
    this.builders = unique.names.map((name) => new ColumnBuilder(name, this.dialect!.decimal));
  }
}

/** Reads a whole CSV text at once; fails with a problem code (and English reason) for unusable input. */
export function tryParseCsv(text: string): Result<ParsedCsv> {
  const reader = new CsvTableReader();
  reader.push(text, true);
  return reader.finish();
}

/** Blank and repeated header names get unique ones (x, x_2, ...); returns which were changed. */
function makeUniqueNames(raw: readonly string[]): { names: string[]; renamed: RenamedColumn[] } {
  const seen = new Set<string>();
  const renamed: RenamedColumn[] = [];
  const names = raw.map((original, i) => {
    const base = original === '' ? `col${i + 1}` : original;
    let name = base;
    for (let k = 2; seen.has(name); k++) name = `${base}_${k}`;
    seen.add(name);
    if (name !== original) renamed.push({ original, name });
    return name;
  });
  return { names, renamed };
}

/** True when the text holds NUL or many control/replacement characters: a binary file renamed .csv. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  let suspicious = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    if (code === 0xfffd || (code < 32 && code !== 9 && code !== 10 && code !== 13)) suspicious++;
  }
  return suspicious > sample.length * 0.05;
}
