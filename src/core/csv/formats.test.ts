/**
 * Every file format the reader must recognise on its own (delimiter, header, line endings,
 * quoting, number formats, missing markers, odd columns, ragged and blank rows), end to end
 * through tryParseCsv / CsvTableReader. Cases already pinned in parseCsv.test.ts are not repeated.
 */
import { describe, expect, it } from 'vitest';
import { profileColumns } from '../columns/profile';
import { detectTarget, guessPositiveValue } from '../columns/target';
import { CsvTableReader } from './csvReader';
import { englishNote, englishRenamed } from './notes';
import { columnCells, germanDataLines, parse, parsePieces, seededRandom, snapshot, splitBy, type Cell } from '../../../test/support/csvFixtures';

interface FormatCase {
  /** Why the case matters (the test's name). */
  readonly why: string;
  readonly text: string;
  readonly delimiter?: string;
  readonly hasHeader?: boolean;
  readonly decimal?: '.' | ',';
  /** Column names, in order. */
  readonly names?: readonly string[];
  /** Expected cells of some columns; numbers mean a numeric column, strings a categorical one. */
  readonly columns: Readonly<Record<string, readonly Cell[]>>;
  readonly raggedRows?: number;
  readonly renamedColumns?: readonly string[];
  /** One pattern per expected type note, in column order; [] means no notes. */
  readonly typeNotes?: readonly RegExp[];
}

const GERMAN_HEAD = germanDataLines(12);
/** german.data's cells, column by column, read by splitting on spaces (codes stay text). */
const germanColumn = (index: number): Cell[] => GERMAN_HEAD.map((line) => line.split(' ')[index]).map((cell, _i, all) => (all.every((c) => /^\d+$/.test(c)) ? Number(cell) : cell));

const THIRTY_WITH_JUNK = Array.from({ length: 30 }, (_, i) => (i === 7 ? 'unknown' : String(i * 10)));

const CASES: FormatCase[] = [
  // ── delimiters ─────────────────────────────────────────────────────────────────────────────
  {
    why: 'comma: a quoted comma stays inside the cell',
    text: 'name,income\n"Smith, J",100\n"Lee, K",200\n',
    delimiter: ',',
    columns: { name: ['Smith, J', 'Lee, K'], income: [100, 200] },
  },
  {
    why: 'semicolon with decimal commas: "1200,50" → 1200.5, "0,5" → 0.5',
    text: 'name;income;rate\nAnn;1200,50;0,5\nBo;980;1,25\n',
    delimiter: ';',
    decimal: ',',
    columns: { name: ['Ann', 'Bo'], income: [1200.5, 980], rate: [0.5, 1.25] },
  },
  {
    why: 'tab: cells with commas and spaces are not split',
    text: 'city\tnote\tn\nNew York, NY\ta b\t1\nRome\tc, d\t2\n',
    delimiter: '\t',
    columns: { city: ['New York, NY', 'Rome'], note: ['a b', 'c, d'], n: [1, 2] },
  },
  {
    why: 'pipe: commas and semicolons inside cells are plain text',
    text: 'id|label|n\n1|a,b|3.5\n2|c;d|4\n',
    delimiter: '|',
    columns: { label: ['a,b', 'c;d'], n: [3.5, 4] },
  },
  {
    why: "space: UCI's german.data, no header — 21 columns col1…col21, codes as categories, amounts as numbers",
    text: `${GERMAN_HEAD.join('\n')}\n`,
    delimiter: ' ',
    hasHeader: false,
    names: Array.from({ length: 21 }, (_, i) => `col${i + 1}`),
    columns: { col1: germanColumn(0), col2: germanColumn(1), col5: germanColumn(4), col20: germanColumn(19), col21: germanColumn(20) },
    raggedRows: 0,
  },
  // ── header or none ─────────────────────────────────────────────────────────────────────────
  {
    why: 'a first row of decimal-comma numbers is data (names col1…col3)',
    text: '1,5;2;x\n4,25;5;y\n',
    delimiter: ';',
    hasHeader: false,
    decimal: ',',
    names: ['col1', 'col2', 'col3'],
    columns: { col1: [1.5, 4.25], col2: [2, 5], col3: ['x', 'y'] },
  },
  // ── line endings ───────────────────────────────────────────────────────────────────────────
  {
    why: 'CRLF endings: no stray \\r glued to the last column',
    text: 'a,b\r\n1,x\r\n2,y\r\n',
    columns: { a: [1, 2], b: ['x', 'y'] },
  },
  {
    why: 'CR-only endings (old Mac Excel), with a CR inside a quoted cell',
    text: 'a,b\r1,"p\rq"\r2,z\r',
    columns: { a: [1, 2], b: ['p\rq', 'z'] },
  },
  {
    why: 'LF endings and no newline after the last row',
    text: 'a,b\n1,2\n3,4',
    columns: { a: [1, 3], b: [2, 4] },
  },
  // ── numbers ────────────────────────────────────────────────────────────────────────────────
  {
    why: 'decimal comma with a sign and a missing cell',
    text: 'x;y\n1,5;a\n-0,25;b\n;c\n',
    decimal: ',',
    columns: { x: [1.5, -0.25, null] },
  },
  {
    why: 'comma file: quoted "1,234,567.89" and "12,000" use thousands commas; 5e+05 and -3.5E-2 are scientific',
    text: 'amount,k\n"1,234,567.89",a\n"12,000",b\n5e+05,c\n-3.5E-2,d\n',
    decimal: '.',
    columns: { amount: [1234567.89, 12000, 500000, -0.035] },
  },
  {
    why: 'semicolon file: "1.234.567,89" (thousands points, decimal comma) beside a plain "950,10"',
    text: 'amount;rate\n1.234.567,89;0,5\n950,10;1,5\n',
    decimal: ',',
    columns: { amount: [1234567.89, 950.1], rate: [0.5, 1.5] },
  },
  {
    // BUG (dialect.ts hasDecimalCommas): only "d,d" cells count as evidence of a decimal comma, so a
    // column of amounts that all have thousands points is read with a decimal point and becomes text.
    why: 'semicolon file whose amounts are all grouped ("1.234.567,89", "2.500,00") is still numeric',
    text: 'amount;k\n1.234.567,89;x\n2.500,00;y\n12.000,10;z\n',
    decimal: ',',
    columns: { amount: [1234567.89, 2500, 12000.1] },
  },
  {
    // BUG (scanner.ts fast path ignores the decimal mark): in a decimal-comma file "1.234" is
    // one thousand two hundred thirty-four (readNumber('1.234', ',') = 1234), but the scanner
    // reads it as 1.234 before the column builder's rules can see it.
    why: 'decimal-comma file: "1.234" is a thousands group, the same number as "1.234,0"',
    text: 'amount;rate\n1.234,5;0,5\n1.234;0,7\n',
    decimal: ',',
    columns: { amount: [1234.5, 1234], rate: [0.5, 0.7] },
  },
  // ── missing markers ────────────────────────────────────────────────────────────────────────
  {
    why: 'every missing marker and non-finite number in one column: it stays numeric',
    text: 'v,k\n1,r1\n,r2\nNA,r3\nN/A,r4\nnull,r5\n?,r6\nNaN,r7\nInfinity,r8\n-Infinity,r9\n1e999,r10\n-1e999,r11\n2,r12\n',
    columns: { v: [1, null, null, null, null, null, null, null, null, null, null, 2] },
    typeNotes: [],
  },
  {
    why: 'missing markers in a decimal-comma file',
    text: 'v;k\n1,5;a\nNA;b\n?;c\n;d\n2,5;e\n',
    decimal: ',',
    columns: { v: [1.5, null, null, null, 2.5] },
  },
  // ── odd columns ────────────────────────────────────────────────────────────────────────────
  {
    why: '"3+" in a 0/1/2/3+ column keeps it a category, and a note says why',
    text: 'dependents,income\n0,1\n1,2\n2,3\n3+,4\n0,5\n',
    columns: { dependents: ['0', '1', '2', '3+', '0'], income: [1, 2, 3, 4, 5] },
    typeNotes: [/^dependents: .*"3\+"/],
  },
  {
    why: 'over 20 numeric levels and one "unknown": numeric, the junk missing, a note naming it',
    text: `n,k\n${THIRTY_WITH_JUNK.map((v, i) => `${v},${i % 3}`).join('\n')}\n`,
    columns: { n: THIRTY_WITH_JUNK.map((v) => (v === 'unknown' ? null : Number(v))) },
    typeNotes: [/^n: 1 cell .*"unknown".*missing/],
  },
  {
    why: 'header names are trimmed before they are made unique: " x " and "x" → x, x_2',
    text: ' x ,x\n1,2\n',
    names: ['x', 'x_2'],
    columns: { x: [1], x_2: [2] },
    renamedColumns: ['x → x_2'],
  },
  // ── ragged, blank ──────────────────────────────────────────────────────────────────────────
  {
    why: 'a longer row is cut, a shorter one padded with missing; both counted',
    text: 'a,b,c\n1,2,3\n4,5,6,7\n8\n9,10,11\n',
    columns: { a: [1, 4, 8, 9], b: [2, 5, null, 10], c: [3, 6, null, 11] },
    raggedRows: 2,
  },
  {
    why: 'blank lines, whitespace lines and lines of only delimiters are skipped (not rows, not ragged)',
    text: '\na,b\n\n1,2\n,\n  \n,,,\r\n\r\n3,4\n\n\n',
    names: ['a', 'b'],
    columns: { a: [1, 3], b: [2, 4] },
    raggedRows: 0,
  },
  {
    why: 'lines of only semicolons in a semicolon file',
    text: 'a;b;c\n1;x;2\n;;\n;;;\n3;y;4\n',
    columns: { a: [1, 3], b: ['x', 'y'], c: [2, 4] },
    raggedRows: 0,
  },
];

describe('format cases, detected without help', () => {
  it.each(CASES.map((c) => [c.why, c] as const))('%s', (_why, c) => {
    const { table, notes } = parse(c.text);
    if (c.delimiter !== undefined) expect(notes.delimiter).toBe(c.delimiter);
    if (c.hasHeader !== undefined) expect(notes.hasHeader).toBe(c.hasHeader);
    if (c.decimal !== undefined) expect(notes.decimal).toBe(c.decimal);
    if (c.names) expect(table.columns.map((col) => col.name)).toEqual(c.names);
    for (const [name, expected] of Object.entries(c.columns)) {
      const kind = expected.some((v) => typeof v === 'string') ? 'categorical' : 'numeric';
      expect(table.columns.find((col) => col.name === name)?.kind, `kind of ${name}`).toBe(kind);
      expect(columnCells(table, name), `cells of ${name}`).toEqual(expected);
      expect(table.rowCount).toBe(expected.length);
    }
    if (c.raggedRows !== undefined) expect(notes.raggedRows).toBe(c.raggedRows);
    expect(notes.renamedColumns.map(englishRenamed)).toEqual(c.renamedColumns ?? []);
    if (c.typeNotes) {
      expect(notes.typeNotes).toHaveLength(c.typeNotes.length);
      c.typeNotes.forEach((pattern, i) => expect(englishNote(notes.typeNotes[i])).toMatch(pattern));
    }
  });
});

describe('target columns: detectTarget + guessPositiveValue on a parsed file', () => {
  it.each([
    // [written as, sensible positive, first value, second value]
    ['1/0', '1', '1', '0'],
    ['1.0/0.0 (pandas floats)', '1', '1.0', '0.0'],
    ['Yes/No', 'Yes', 'No', 'Yes'],
    ['Y/N (Loan_Status style)', 'Y', 'Y', 'N'],
    ['true/false', 'true', 'false', 'true'],
    ['TRUE/FALSE (Excel booleans)', 'TRUE', 'FALSE', 'TRUE'],
    ['good/bad: the risk event is positive', 'bad', 'good', 'bad'],
    ['1/2 (german.data class: 2 = bad)', '2', '1', '2'],
  ])('%s → positive %j', (_written, positive, a, b) => {
    // "default" is found by name although a later two-valued column (sex) exists.
    const rows = Array.from({ length: 12 }, (_, i) => `${i % 3 === 0 ? b : a},${20 + i},${i % 2 ? 'M' : 'F'}`);
    const { table } = parse(`default,age,sex\n${rows.join('\n')}\n`);
    const info = profileColumns(table);
    const target = detectTarget(info);
    expect(target).toBe('default');
    const values = info.find((c) => c.name === target)?.values;
    expect(values).toHaveLength(2);
    expect(guessPositiveValue(values!)).toBe(positive);
  });

  it('the whole german.data: 1000 rows × 21 columns, target col21 (the last two-valued column), positive 2', () => {
    const { table, notes } = parse(`${germanDataLines(1000).join('\n')}\n`);
    expect(notes).toMatchObject({ delimiter: ' ', hasHeader: false, raggedRows: 0 });
    expect(table.rowCount).toBe(1000);
    expect(table.columns).toHaveLength(21);
    const info = profileColumns(table);
    expect(detectTarget(info)).toBe('col21');
    expect(info[20].values).toEqual(['1', '2']);
    expect(guessPositiveValue(info[20].values!)).toBe('2');
    // 700 good (1) and 300 bad (2) in the UCI documentation
    expect(columnCells(table, 'col21').filter((v) => v === 2)).toHaveLength(300);
  });
});

describe('CsvTableReader.push: the table does not depend on where chunks are cut', () => {
  // The reader buffers the first 64 KiB to sniff the dialect; the pad pushes the tricky rows past
  // that, so the splits below really go through the incremental scanner.
  const PAD_ROWS = 330; // long rows: few of them to rebuild per split, yet over 64 KiB
  const PAD = `id,note,amount\n${Array.from({ length: PAD_ROWS }, (_, i) => `${i},${'p'.repeat(200)},${i % 7}\n`).join('')}`;
  const TAIL =
    '9001,"He said ""go, now""\r\nthen left",1.5\r\n' + // doubled quotes, a quoted delimiter and a quoted CRLF
    '9002,"",2\r\n' + // an empty quoted field
    '9003,"""",3\n' + // a field of one escaped quote
    '9004,"x,y",NA\r' + // a CR-only ending after a quoted field
    '9005,plain,5e+05\n' +
    '\n' + // a blank line
    ',,\n' + // a line of only delimiters
    '9006,"multi\nline\nnote",\n' + // quoted LFs, then a missing last cell
    '9007,"ends with a quote""",7'; // no newline at the end, closing right after a doubled quote
  const TEXT = PAD + TAIL;
  const TAIL_ROWS = [
    [9001, 'He said "go, now"\r\nthen left', 1.5],
    [9002, null, 2],
    [9003, '"', 3],
    [9004, 'x,y', null],
    [9005, 'plain', 500000],
    [9006, 'multi\nline\nnote', null],
    [9007, 'ends with a quote"', 7],
  ];

  const oneShot = parsePieces([TEXT]);
  const expected = oneShot.ok ? JSON.stringify({ ...snapshot(oneShot.data.table), notes: oneShot.data.notes }) : '';

  it('the one-shot parse itself is right', () => {
    expect(PAD.length).toBeGreaterThan(64 * 1024);
    expect(oneShot.ok).toBe(true);
    if (!oneShot.ok) return;
    const { table } = oneShot.data;
    expect(table.rowCount).toBe(PAD_ROWS + TAIL_ROWS.length);
    const tail = Array.from({ length: TAIL_ROWS.length }, (_, r) => table.columns.map((c) => columnCells(table, c.name)[PAD_ROWS + r]));
    expect(tail).toEqual(TAIL_ROWS);
    expect(oneShot.data.notes.raggedRows).toBe(0);
  });

  it('the pad really starts streaming: rows are read before the text ends', () => {
    const reader = new CsvTableReader();
    reader.push(PAD);
    expect(reader.rowsRead).toBeGreaterThan(PAD_ROWS - 2);
  });

  const result = (pieces: string[]): string => {
    const r = parsePieces(pieces);
    return r.ok ? JSON.stringify({ ...snapshot(r.data.table), notes: r.data.notes }) : `failed: ${r.reason}`;
  };

  it('every 2-way split inside the tricky rows (after an opening quote, between doubled quotes, after a closing quote, between CR and LF…) equals the one-shot parse', () => {
    const wrong: string[] = [];
    for (let at = PAD.length - 3; at <= TEXT.length; at++) {
      if (result([TEXT.slice(0, at), TEXT.slice(at)]) !== expected)
        wrong.push(`split at ${at}: …${JSON.stringify(TEXT.slice(at - 8, at))} | ${JSON.stringify(TEXT.slice(at, at + 8))}…`);
    }
    expect(wrong).toEqual([]);
  });

  it('100 random 3-way splits equal the one-shot parse', () => {
    const random = seededRandom(7);
    const wrong: string[] = [];
    for (let k = 0; k < 100; k++) {
      const [a, b] = [0, 1].map(() => PAD.length - 50 + Math.floor(random() * (TAIL.length + 50))).sort((x, y) => x - y);
      if (result([TEXT.slice(0, a), TEXT.slice(a, b), TEXT.slice(b)]) !== expected) wrong.push(`splits at ${a}, ${b}`);
    }
    expect(wrong).toEqual([]);
  });

  it('1-char pieces, and odd-sized pieces, equal the one-shot parse', () => {
    expect(result([...TEXT.split(''), ''])).toBe(expected);
    expect(result(splitBy(TEXT, [3, 1, 4, 1, 5, 9, 2, 6]))).toBe(expected);
    expect(result(splitBy(TEXT, [4093]))).toBe(expected);
  });
});
