import Papa from 'papaparse';
import { fail, ok, type Result } from '../result';
import type { Column, Table } from '../table';
import { isMissingMarker, parseNumberCell } from './cells';

/** What the parser noticed while reading a file (shown to the user, never fatal). */
export interface ParseNotes {
  readonly delimiter: string;
  readonly hasHeader: boolean;
  readonly renamedColumns: readonly string[];
  readonly raggedRows: number;
}

/** A parsed file: the columnar table and what was noticed on the way. */
export interface ParsedCsv {
  readonly table: Table;
  readonly notes: ParseNotes;
}

/** Parses CSV text into a typed, columnar table; fails with a human reason for unusable input. */
export function tryParseCsv(text: string): Result<ParsedCsv> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail('The file is empty.');
  if (looksBinary(body)) return fail('This file is not a CSV text file (it contains binary data).');

  const parsed = Papa.parse<string[]>(body, {
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  const rows = parsed.data;
  if (rows.length === 0) return fail('The file is empty.');

  const first = rows[0];
  const hasHeader = !first.every((cell) => !isMissingMarker(cell) && !Number.isNaN(parseNumberCell(cell)));
  const dataRows = hasHeader ? rows.slice(1) : rows;
  if (dataRows.length === 0) return fail('The file has a header but no data rows.');
  const width = first.length;
  if (width < 2) return fail('The file has fewer than two columns; is it a CSV?');

  const rawNames = hasHeader ? first.map((n) => n.trim()) : first.map((_, i) => `col${i + 1}`);
  const { names, renamed } = makeUniqueNames(rawNames);

  let raggedRows = 0;
  for (const row of dataRows) if (row.length !== width) raggedRows++;

  const columns = names.map((name, c) => buildColumn(name, dataRows, c));
  return ok({
    table: { rowCount: dataRows.length, columns },
    notes: { delimiter: parsed.meta.delimiter, hasHeader, renamedColumns: renamed, raggedRows },
  });
}

/** A column typed numeric when every present cell is a number, else dictionary-encoded text. */
function buildColumn(name: string, rows: readonly string[][], index: number): Column {
  const n = rows.length;
  const values = new Float64Array(n);
  let numeric = true;
  for (let r = 0; r < n; r++) {
    const raw = rows[r][index] ?? '';
    if (isMissingMarker(raw)) {
      values[r] = Number.NaN;
      continue;
    }
    const value = parseNumberCell(raw);
    if (Number.isNaN(value)) {
      numeric = false;
      break;
    }
    values[r] = value;
  }
  if (numeric) return { kind: 'numeric', name, values };

  const codes = new Int32Array(n);
  const levels: string[] = [];
  const codeOf = new Map<string, number>();
  for (let r = 0; r < n; r++) {
    const raw = rows[r][index] ?? '';
    if (isMissingMarker(raw)) {
      codes[r] = -1;
      continue;
    }
    const level = raw.trim();
    let code = codeOf.get(level);
    if (code === undefined) {
      code = levels.length;
      levels.push(level);
      codeOf.set(level, code);
    }
    codes[r] = code;
  }
  return { kind: 'categorical', name, codes, levels };
}

/** Blank and repeated header names get unique ones (x, x_2, ...); returns which were changed. */
function makeUniqueNames(raw: readonly string[]): { names: string[]; renamed: string[] } {
  const seen = new Set<string>();
  const renamed: string[] = [];
  const names = raw.map((original, i) => {
    const base = original === '' ? `col${i + 1}` : original;
    let name = base;
    for (let k = 2; seen.has(name); k++) name = `${base}_${k}`;
    seen.add(name);
    if (name !== original) renamed.push(original === '' ? `(blank) → ${name}` : `${original} → ${name}`);
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
