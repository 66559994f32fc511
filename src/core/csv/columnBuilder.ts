import { MISSING_CODE, narrowToFloat32, type Column, type NumericValues } from '../table';
import { isMissingMarker, parseNumberCell, readNumber, type DecimalMark } from './cells';
import type { TypeNote } from './notes';

// A column with more levels than this that is nearly all numbers is numeric with a few typos,
// not a category ("3+" in a 0/1/2/3+ column stays a category).
const MAX_NUMERIC_LIKE_LEVELS = 20;
const NUMERIC_SHARE = 0.95;
// Identifier-like columns would fill the raw-cell cache with one entry per row; stop caching there.
const MAX_CACHED_RAW = 10_000;

/**
 * The first `n` entries. A view when the array is nearly full (copying would briefly double the
 * memory of a large column), else a compact copy.
 */
function fit<T extends NumericValues | Int32Array>(array: T, n: number): T {
  return (n >= 0.9 * array.length ? array.subarray(0, n) : array.slice(0, n)) as T;
}

/** A finished column and, when its type needed a judgement call, a note (a code with values) saying what was done. */
export interface BuiltColumn {
  readonly column: Column;
  readonly note: TypeNote | null;
}

/**
 * Accumulates one column's cells into growable typed arrays. It starts numeric and switches to
 * dictionary-encoded categories at the first cell that is not a number. Numbers are held as
 * Float32 while every one is exactly a float32 (half the memory for typical loan data), and
 * widened to Float64 at the first that is not.
 */
export class ColumnBuilder {
  private values: NumericValues | null = new Float32Array(1024);
  private narrow = true;
  private codes: Int32Array | null = null;
  private levels: string[] = [];
  private codeOf = new Map<string, number>();
  private rawCodes = new Map<string, number>();
  private length = 0;
  private present = 0;
  private numericCells = 0;

  constructor(
    readonly name: string,
    private readonly decimal: DecimalMark,
  ) {}

  /**
   * Makes room for `rows` cells at once. Growing by doubling briefly holds the old and the new
   * array; sizing once from an estimate of the row count keeps the peak near the data's own size.
   */
  reserve(rows: number): void {
    const current = this.values ?? this.codes!;
    if (rows <= current.length) return;
    if (this.values) {
      const grown = this.narrow ? new Float32Array(rows) : new Float64Array(rows);
      grown.set(this.values.subarray(0, this.length));
      this.values = grown;
    } else {
      const grown = new Int32Array(rows);
      grown.set(this.codes!.subarray(0, this.length));
      this.codes = grown;
    }
  }

  /** Appends a cell the scanner already read as a plain number. */
  pushNumber(value: number): void {
    const row = this.length++;
    this.present++;
    this.numericCells++;
    if (this.values) this.store(row, value);
    else this.storeCode(row, this.codeFor(String(value)));
  }

  /** Appends a missing cell. */
  pushMissing(): void {
    const row = this.length++;
    if (this.values) this.store(row, Number.NaN);
    else this.storeCode(row, MISSING_CODE);
  }

  /** Appends one raw cell, applying every reading rule (markers, separators, decimal commas). */
  push(raw: string): void {
    // In a text column most cells repeat a few raw strings: remember what each one became.
    if (this.codes) {
      const cached = this.rawCodes.get(raw);
      if (cached !== undefined) {
        const row = this.length++;
        if (cached < 0) this.storeCode(row, MISSING_CODE);
        else {
          this.present++;
          this.numericCells += cached & 1;
          this.storeCode(row, cached >> 1);
        }
        return;
      }
    }
    const row = this.length++;
    const missing = isMissingMarker(raw);
    const value = missing ? Number.NaN : readNumber(raw, this.decimal);
    // An overflowing number (1e999) is a number we cannot hold: missing, not text.
    if (missing || value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY) {
      if (this.values) this.store(row, Number.NaN);
      else {
        this.storeCode(row, MISSING_CODE);
        this.remember(raw, -1);
      }
      return;
    }
    this.present++;
    if (!Number.isNaN(value)) this.numericCells++;
    if (this.values) {
      if (!Number.isNaN(value)) {
        this.store(row, value);
        return;
      }
      this.switchToCategories(row);
    }
    // Number-like cells of a text column use the number's shortest text, the same as the cells
    // re-encoded at the switch, so "01" read before and after the switch share one level.
    const code = this.codeFor(Number.isNaN(value) ? raw.trim() : String(value));
    this.storeCode(row, code);
    this.remember(raw, code * 2 + (Number.isNaN(value) ? 0 : 1));
  }

  /** Caches a raw cell's outcome (code × 2 + is-number, or -1 for missing) while the cache is small. */
  private remember(raw: string, outcome: number): void {
    if (this.rawCodes.size < MAX_CACHED_RAW) this.rawCodes.set(raw, outcome);
  }

  /** The finished column; a mostly numeric text column with many levels becomes numeric with its odd cells missing. */
  finish(): BuiltColumn {
    const n = this.length;
    if (this.values) return { column: { kind: 'numeric', name: this.name, values: fit(this.values, n) }, note: null };
    const codes = fit(this.codes!, n);
    const oddCells = this.present - this.numericCells;
    if (this.levels.length > MAX_NUMERIC_LIKE_LEVELS && this.numericCells >= NUMERIC_SHARE * this.present) {
      const levelValues = this.levels.map((level) => parseNumberCell(level, this.decimal));
      const wide = new Float64Array(n);
      for (let i = 0; i < n; i++) wide[i] = codes[i] === MISSING_CODE ? Number.NaN : levelValues[codes[i]];
      const values: NumericValues = narrowToFloat32(wide) ?? wide;
      const examples = this.levels.filter((_, i) => Number.isNaN(levelValues[i])).slice(0, 3);
      return {
        column: { kind: 'numeric', name: this.name, values },
        note: { code: 'csv.notNumbers', params: { column: this.name, cells: oddCells, examples } },
      };
    }
    const note: TypeNote | null =
      this.numericCells > 0 && this.numericCells >= 0.5 * this.present
        ? {
            code: 'csv.keptAsCategories',
            params: { column: this.name, examples: this.levels.filter((l) => Number.isNaN(parseNumberCell(l, this.decimal))).slice(0, 3) },
          }
        : null;
    return { column: { kind: 'categorical', name: this.name, codes, levels: this.levels }, note };
  }

  private codeFor(level: string): number {
    let code = this.codeOf.get(level);
    if (code === undefined) {
      code = this.levels.length;
      this.levels.push(level);
      this.codeOf.set(level, code);
    }
    return code;
  }

  private store(row: number, value: number): void {
    if (row >= this.values!.length) {
      const grown = this.narrow ? new Float32Array(this.values!.length * 2) : new Float64Array(this.values!.length * 2);
      grown.set(this.values!);
      this.values = grown;
    }
    // NaN (missing) fits either type.
    if (this.narrow && Math.fround(value) !== value && value === value) this.widen();
    this.values![row] = value;
  }

  /** Moves the numbers to a Float64Array of the same capacity: a value needs more than float32. */
  private widen(): void {
    this.values = Float64Array.from(this.values!);
    this.narrow = false;
  }

  private storeCode(row: number, code: number): void {
    if (row >= this.codes!.length) {
      const grown = new Int32Array(this.codes!.length * 2);
      grown.set(this.codes!);
      this.codes = grown;
    }
    this.codes![row] = code;
  }

  /** Re-encodes the numbers read so far as category levels (their shortest decimal text). */
  private switchToCategories(upToRow: number): void {
    const values = this.values!;
    this.codes = new Int32Array(values.length);
    for (let i = 0; i < upToRow; i++) this.codes[i] = Number.isNaN(values[i]) ? MISSING_CODE : this.codeFor(String(values[i]));
    this.values = null;
  }
}
