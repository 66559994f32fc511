import { describe, expect, it } from 'vitest';
import { CellKind, CsvScanner, type RowSink } from './scanner';
import { parse, seededRandom, splitBy } from '../../../test/support/csvFixtures';

/** A scanned cell: a number the fast path read, the raw text of any other cell, or null when missing. */
type Scanned = number | string | null;

/**
 * Scans `pieces` the way CsvTableReader does: the unconsumed rest (a partial row) is kept and
 * passed again with the next piece; the last piece is final. A tiny maxFields makes the scanner
 * grow its buffers on the way.
 */
function scanPieces(delimiter: string, pieces: readonly string[], maxFields = 2): Scanned[][] {
  const scanner = new CsvScanner(delimiter.charCodeAt(0), true, maxFields);
  const rows: Scanned[][] = [];
  const sink: RowSink = {
    row(kinds, numbers, texts, count) {
      rows.push(Array.from({ length: count }, (_, c) => (kinds[c] === CellKind.Number ? numbers[c] : kinds[c] === CellKind.Text ? texts[c] : null)));
    },
  };
  let pending = '';
  pieces.forEach((piece, i) => {
    pending += piece;
    const consumed = scanner.scan(pending, i === pieces.length - 1, sink);
    expect(consumed).toBeGreaterThanOrEqual(0);
    expect(consumed).toBeLessThanOrEqual(pending.length);
    pending = pending.slice(consumed);
  });
  expect(pending).toBe('');
  return rows;
}

const scanAll = (delimiter: string, text: string): Scanned[][] => scanPieces(delimiter, [text]);

// [why it matters, delimiter, text, rows the scanner must emit]
const TOKENIZER_CASES: [string, string, string, Scanned[][]][] = [
  ['a delimiter inside quotes is text, not a split', ',', 'a,"b,c",d\n', [['a', 'b,c', 'd']]],
  ['doubled quotes unescape to one quote', ',', '"say ""hi""",1\n', [['say "hi"', 1]]],
  ['a field of only doubled quotes', ',', '"""",""""""\n', [['"', '""']]],
  [
    'an LF inside quotes stays in the cell; the row continues',
    ',',
    '"line1\nline2",2\n3,4\n',
    [
      ['line1\nline2', 2],
      [3, 4],
    ],
  ],
  [
    'a CRLF inside quotes is kept verbatim; CRLF row endings count once',
    ',',
    '"x\r\ny",1\r\n2,3\r\n',
    [
      ['x\r\ny', 1],
      [2, 3],
    ],
  ],
  [
    'old Mac CR-only endings',
    ',',
    'a,b\rc,d\r',
    [
      ['a', 'b'],
      ['c', 'd'],
    ],
  ],
  [
    'a CR inside quotes in a CR-only file',
    ',',
    '"p\rq",1\r2,3\r',
    [
      ['p\rq', 1],
      [2, 3],
    ],
  ],
  ['CR right after a closing quote ends the row', ',', '"a"\r\n"b"\r\n', [['a'], ['b']]],
  ['a blank line is a row of one missing cell (the reader drops it)', ',', 'a,b\r\n\r\nc,d', [['a', 'b'], [null], ['c', 'd']]],
  ['"" and a trailing delimiter are missing cells', ',', '"",1,\n', [[null, 1, null]]],
  ['text after a closing quote is kept, not lost', ',', '"ab"cd,1\n', [['abcd', 1]]],
  [
    'no line ending after the last row',
    ',',
    '1,2\n3,4',
    [
      [1, 2],
      [3, 4],
    ],
  ],
  ['an unterminated quote runs to the end of the file', ',', 'a,"open\nstill open', [['a', 'open\nstill open']]],
  ['decimal comma, padded and signed cells go out as raw text for the full rules', ';', '1,5;-2;" 3 ";+4;5e3\n', [['1,5', -2, ' 3 ', '+4', '5e3']]],
  ['tab delimiter with spaces and a quoted tab', '\t', 'x y\t"q\tr"\t7\n', [['x y', 'q\tr', 7]]],
  ['more fields than the initial buffer', ',', '1,2,3,4,5,6,7,8,9\n', [[1, 2, 3, 4, 5, 6, 7, 8, 9]]],
];

describe('CsvScanner: tokenizing', () => {
  it.each(TOKENIZER_CASES)('%s', (_why, delimiter, text, expected) => {
    expect(scanAll(delimiter, text)).toEqual(expected);
  });

  // The property that matters most for streaming: wherever the chunk boundaries fall, the rows are the same.
  it.each(TOKENIZER_CASES)('every 2-way split gives the same rows: %s', (_why, delimiter, text, expected) => {
    for (let at = 0; at <= text.length; at++) {
      const rows = scanPieces(delimiter, [text.slice(0, at), text.slice(at)]);
      expect(rows, `split at ${at}: ${JSON.stringify(text.slice(0, at))} | ${JSON.stringify(text.slice(at))}`).toEqual(expected);
    }
  });

  it.each(TOKENIZER_CASES)('1-char pieces and odd-sized pieces give the same rows: %s', (_why, delimiter, text, expected) => {
    expect(scanPieces(delimiter, [...text, ''])).toEqual(expected);
    for (const sizes of [[2], [3], [3, 1, 4, 1, 5, 9, 2, 6], [7, 5]]) expect(scanPieces(delimiter, splitBy(text, sizes)), `sizes ${sizes}`).toEqual(expected);
  });

  // A row that has every hard place for a boundary; each split is named so a failure says which one broke.
  const HARD = 'id,note\r\n1,"He said ""go, now""\r\nthen left"\r\n2,x\r\n';
  const HARD_ROWS: Scanned[][] = [
    ['id', 'note'],
    [1, 'He said "go, now"\r\nthen left'],
    [2, 'x'],
  ];
  it.each([
    ['right after an opening quote', HARD.indexOf('"') + 1],
    ['inside the quoted field', HARD.indexOf('said') + 2],
    ['between the two quotes of a doubled quote', HARD.indexOf('""') + 1],
    ['right after a doubled quote', HARD.indexOf('""') + 2],
    ['between the CR and LF of a quoted CRLF', HARD.indexOf('\r\nthen') + 1],
    ['right after the closing quote', HARD.indexOf('left"') + 5],
    ['between the CR and LF of a row ending', HARD.indexOf('left"') + 6],
    ['right after a delimiter', HARD.indexOf('2,') + 2],
  ])('a boundary %s', (_where, at) => {
    expect(scanPieces(',', [HARD.slice(0, at), HARD.slice(at)])).toEqual(HARD_ROWS);
  });
});

describe('CsvScanner: the plain-number fast path equals Number()', () => {
  it.each([
    // [raw, read by the fast path?, why]
    ['0', true, 'zero'],
    ['-0', true, 'negative zero keeps its sign, as Number("-0") does'],
    ['007', true, 'leading zeros'],
    ['5.', true, 'trailing point'],
    ['-5.', true, 'negative with trailing point'],
    ['.5', true, 'no integer part'],
    ['-.5', true, 'negative, no integer part'],
    ['0.1', true, 'not exact in binary: must round like Number()'],
    ['123456789012345', true, '15 digits: the largest fast mantissa'],
    ['0.00000000000001', true, '15 digits, 14 of them fraction'],
    ['1234567890123456', false, '16 digits: beyond the exact mantissa, falls back'],
    ['9007199254740993', false, '2^53 + 1: a fast path would round it wrongly'],
    ['12345678901234567890', false, '20 digits'],
    ['0.30000000000000004', false, '17 significant digits'],
    ['0.0000000000000000000001', false, '22 fraction digits, 23 digits in all'],
  ])('%j (fast path: %s) — %s', (raw, fast) => {
    const [[cell]] = scanAll(',', `${raw}\n`);
    if (fast) {
      expect(typeof cell).toBe('number');
      expect(Object.is(cell, Number(raw)), `${String(cell)} vs ${Number(raw)}`).toBe(true);
    } else expect(cell).toBe(raw);
    // Whatever path it took, the reader ends with exactly Number(raw).
    const value = parse(`v,k\n${raw},a\n1,b\n`).table.columns[0];
    expect(value.kind).toBe('numeric');
    if (value.kind === 'numeric') expect(Object.is(value.values[0], Number(raw))).toBe(true);
  });

  it.each([['-'], ['.'], ['-.'], ['1.2.3'], ['12abc'], ['0x1A'], ['1-2'], ['+5'], [' 5']])('%j is not a plain number: raw text', (raw) => {
    expect(scanAll(',', `${raw},1\n`)).toEqual([[raw, 1]]);
  });

  /** A random decimal: up to 15 significant digits, up to 22 fraction digits, maybe negative, leading zeros or a trailing point. */
  function randomDecimal(random: () => number): string {
    const int = (n: number) => Math.floor(random() * n);
    const significant = 1 + int(15);
    let digits = String(1 + int(9));
    for (let k = 1; k < significant; k++) digits += String(int(10));
    const fraction = int(23);
    let body: string;
    if (fraction === 0) body = random() < 0.3 ? `${digits}.` : digits;
    else if (fraction >= significant) body = `${random() < 0.2 ? '' : '0'}.${'0'.repeat(fraction - significant)}${digits}`;
    else body = `${digits.slice(0, significant - fraction)}.${digits.slice(significant - fraction)}`;
    if (random() < 0.15) body = '0'.repeat(1 + int(3)) + body;
    return random() < 0.3 ? `-${body}` : body;
  }

  const random = seededRandom(20240607);
  const SAMPLES = Array.from({ length: 10_000 }, () => randomDecimal(random));

  it('10 000 random decimals: every fast-path value is bit-identical to Number(); the rest fall back as text', () => {
    const rows = scanAll(',', SAMPLES.map((s, i) => `${s},${i}\n`).join(''));
    expect(rows).toHaveLength(SAMPLES.length);
    let fast = 0;
    const wrong: string[] = [];
    rows.forEach(([cell], i) => {
      const raw = SAMPLES[i];
      if (typeof cell === 'number') {
        fast++;
        if (!Object.is(cell, Number(raw))) wrong.push(`${raw}: ${cell} ≠ ${Number(raw)}`);
      } else if (cell !== raw) wrong.push(`${raw}: scanned as ${JSON.stringify(cell)}`);
    });
    expect(wrong.slice(0, 10)).toEqual([]);
    // The generator must actually exercise the fast path (most samples have ≤ 15 digits in all).
    expect(fast).toBeGreaterThan(SAMPLES.length / 2);
    expect(fast).toBeLessThan(SAMPLES.length);
  });

  it('the same decimals read through the whole reader equal Number() bit for bit', () => {
    const { table } = parse(`v,i\n${SAMPLES.map((s, i) => `${s},${i}`).join('\n')}\n`);
    const v = table.columns[0];
    expect(v.kind).toBe('numeric');
    if (v.kind !== 'numeric') return;
    const wrong = SAMPLES.filter((raw, i) => !Object.is(v.values[i], Number(raw)));
    expect(wrong.slice(0, 10)).toEqual([]);
  });
});
