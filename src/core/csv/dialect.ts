import Papa from 'papaparse';
import { isMissingMarker, parseNumberCell, type DecimalMark } from './cells';

/** How a delimited text file is written. */
export interface CsvDialect {
  readonly delimiter: string;
  readonly newline: '\n' | '\r\n' | '\r';
  readonly decimal: DecimalMark;
  readonly hasHeader: boolean;
}

// Tried in this order; the first that splits the sample consistently wins. Semicolon and tab come
// before comma because their files often hold decimal commas; space (UCI's german.data) comes last.
const DELIMITERS = ['\t', ';', '|', ',', ' '] as const;
const SAMPLE_ROWS = 100;

/** Detects the line ending, delimiter (unless a `sep=` line gave it), decimal mark and header row from the first part of a file. */
export function sniffDialect(sample: string, knownDelimiter?: string): CsvDialect {
  const newline = detectNewline(sample);
  const delimiter = knownDelimiter ?? detectDelimiter(sample, newline);
  const rows = sampleRows(sample, delimiter, newline);
  const decimal = delimiter !== ',' && hasDecimalCommas(rows) ? ',' : '.';
  return { delimiter, newline, decimal, hasHeader: detectHeader(rows, decimal) };
}

// Excel's "sep=;" first line names the delimiter (it is not the header): one of the delimiters the
// scanner reads, the line perhaps quoted or padded with more delimiters by a CSV writer ("sep=;";;).
const SEP_LINE = /^("?)sep=([,;\t| ])\1\2*[ \t]*(\r\n|\n|\r|$)/i;

/** The `sep=<delimiter>` line a file starts with (its delimiter and length with the line break), or null. */
export function sepLine(text: string): { delimiter: string; length: number } | null {
  const match = SEP_LINE.exec(text);
  return match ? { delimiter: match[2], length: match[0].length } : null;
}

/** The most common line ending outside quoted fields. */
function detectNewline(sample: string): CsvDialect['newline'] {
  const unquoted = sample.replace(/"[^"]*"/g, '');
  const crlf = unquoted.split('\r\n').length - 1;
  const cr = unquoted.split('\r').length - 1 - crlf;
  const lf = unquoted.split('\n').length - 1 - crlf;
  if (crlf >= cr && crlf >= lf && crlf > 0) return '\r\n';
  return cr > lf ? '\r' : '\n';
}

function sampleRows(sample: string, delimiter: string, newline: CsvDialect['newline']): string[][] {
  const parsed = Papa.parse<string[]>(sample, { delimiter, newline, preview: SAMPLE_ROWS + 1, skipEmptyLines: 'greedy' });
  // The last row of a sample may be cut off mid-way; leave it out when there are others.
  const rows = parsed.data;
  return rows.length > 2 && !sample.endsWith(newline) ? rows.slice(0, -1) : rows;
}

/** The first delimiter that gives every sampled row the same number (> 1) of fields. */
function detectDelimiter(sample: string, newline: CsvDialect['newline']): string {
  let best: { delimiter: string; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of DELIMITERS) {
    const rows = sampleRows(sample, delimiter, newline);
    if (rows.length === 0) continue;
    const counts = new Map<number, number>();
    for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    const [width, hits] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    if (width < 2) continue;
    const consistency = hits / rows.length;
    if (consistency === 1) return delimiter;
    if (consistency > best.score) best = { delimiter, score: consistency };
  }
  return best.delimiter;
}

/** True when cells such as "1,5" appear and no cell uses a decimal point. */
function hasDecimalCommas(rows: readonly string[][]): boolean {
  let commas = 0;
  for (const row of rows) {
    for (const cell of row) {
      const text = cell.trim();
      if (/^[-+]?\d+\.\d+$/.test(text) && !/^[-+]?\d{1,3}(\.\d{3})+$/.test(text)) return false;
      if (/^[-+]?\d*,\d+$/.test(text) || /^[-+]?\d{1,3}([. \u00a0]\d{3})+,\d+$/.test(text)) commas++;
    }
  }
  return commas > 0;
}

/**
 * A header row is likely when, in columns whose other values are numbers, the first row holds
 * text, or when first-row values never reappear below. Ties keep the header: most files have one.
 */
function detectHeader(rows: readonly string[][], decimal: DecimalMark): boolean {
  if (rows.length < 2) return true;
  const [first, ...rest] = rows;
  let votes = 0;
  for (let c = 0; c < first.length; c++) {
    const below = rest.map((row) => row[c] ?? '').filter((cell) => !isMissingMarker(cell));
    if (below.length === 0) continue;
    const numericBelow = below.filter((cell) => !Number.isNaN(parseNumberCell(cell, decimal))).length;
    const firstIsNumber = !Number.isNaN(parseNumberCell(first[c], decimal));
    if (numericBelow >= 0.9 * below.length) votes += firstIsNumber ? -1 : 1;
    else if (below.includes(first[c])) votes -= 1;
    else if (!firstIsNumber) votes += 0.5;
  }
  return votes >= 0;
}
