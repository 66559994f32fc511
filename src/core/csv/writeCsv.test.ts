import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FORMULA_CELL, type CsvCell, writeCsv, writeCsvChunks } from './writeCsv';

describe('writeCsv', () => {
  it.each([
    ['=HYPERLINK("http://x.example","click")', `"'=HYPERLINK(""http://x.example"",""click"")"`],
    ['=1+2', `"'=1+2"`],
    ['+1+cmd|/C calc!A0', `"'+1+cmd|/C calc!A0"`],
    ['-2+3', `"'-2+3"`],
    ['-5 or less', `"'-5 or less"`],
    ['@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ['\n=1', `"'\n=1"`],
    ['-', `"'-"`],
  ])('defuses %j by a leading quote mark, quoted: %s', (cell, written) => {
    expect(writeCsv(['a'], [[cell]])).toBe(`a\r\n${written}\r\n`);
  });

  it('defuses a formula that arrives already quoted in the file ("=1+2" with its quotes kept as text)', () => {
    expect(writeCsv(['a'], [['"=1+2"']])).toBe(`a\r\n"""=1+2"""\r\n`);
    // The quotes are part of the text, so the cell does not start with "=": a spreadsheet shows it as text.
    expect(FORMULA_CELL.test('"=1+2"')).toBe(false);
  });

  it('leaves plain numbers as numbers, written as text or as numbers, negative ones included', () => {
    expect(writeCsv(['x', 'y', 'z', 'w'], [['-12.5', -3, '+4', '1e-5']])).toBe('x,y,z,w\r\n-12.5,-3,+4,1e-5\r\n');
    expect(writeCsv(['x'], [['-.5'], ['-0'], ['12']])).toBe('x\r\n-.5\r\n-0\r\n12\r\n');
  });

  it('quotes commas, quotes and line breaks per RFC 4180, writes empty cells for null and non-finite numbers', () => {
    expect(
      writeCsv(
        ['name', 'note'],
        [
          ['Smith, J', 'said "no"'],
          ['two\r\nlines', null],
          ['x', Number.NaN],
        ],
      ),
    ).toBe('name,note\r\n"Smith, J","said ""no"""\r\n"two\r\nlines",\r\nx,\r\n');
  });

  it('defuses the header too (column names come from the file)', () => {
    expect(writeCsv(['=cmd', 'ok'], [])).toBe(`"'=cmd",ok\r\n`);
  });

  it('reads back, with papaparse, to the same cells (defused ones with their quote mark)', () => {
    const rows = [
      ['=HYPERLINK("a")', '-7', 'multi\nline, with comma'],
      ['@x', '3.25', ''],
    ];
    const parsed = Papa.parse<string[]>(writeCsv(['a', 'b', 'c'], rows), { skipEmptyLines: true }).data;
    expect(parsed).toEqual([
      ['a', 'b', 'c'],
      [`'=HYPERLINK("a")`, '-7', 'multi\nline, with comma'],
      ["'@x", '3.25', ''],
    ]);
  });

  // papaparse's unparse, configured as the issue asks, is the reference this writer is held to.
  const papaparse = (header: string[], rows: CsvCell[][]) =>
    `${Papa.unparse({ fields: header, data: rows }, { escapeFormulae: FORMULA_CELL, newline: '\r\n', quotes: false, header: true })}\r\n`;

  it('writes what papaparse unparse (escapeFormulae) writes, cell for cell, on 20,000 random hostile cells', () => {
    // A seeded generator over the characters that matter: formula starts, quotes, commas, line breaks, spaces, a BOM, digits, signs, letters, CJK.
    const alphabet = ['=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ' ', '\ufeff', '0', '7', '.', 'e', 'E', 'a', 'Z', '是', "'", ';'];
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const cell = (): CsvCell => {
      const kind = next();
      if (kind < 0.05) return null;
      if (kind < 0.15) return Math.round((next() - 0.5) * 1e6) / 100;
      let text = '';
      const length = Math.floor(next() * 6);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      return text;
    };
    const header = ['a', 'b', 'c', 'd'];
    const rows: CsvCell[][] = [];
    for (let r = 0; r < 5000; r++) rows.push([cell(), cell(), cell(), cell()]);
    expect(writeCsv(header, rows)).toBe(papaparse(header, rows));
  });

  it('writes the same text as UTF-8 chunks as in one string, every chunk ending with a whole record', () => {
    // Non-ASCII text (是, é, an emoji) and cells longer than a chunk: the encoder's path and the buffer's growth.
    const rows: CsvCell[][] = Array.from({ length: 3000 }, (_, i) => [`=r${i}`, i - 5, i % 3 === 0 ? null : 'x, y', i % 7 === 0 ? `是否 é 😀 ${i}` : 'plain']);
    rows[1500][2] = 'long '.repeat(3000);
    rows[1600][3] = '是'.repeat(9000);
    const chunks = writeCsvChunks(['h1', 'h2', 'h3', '名'], rows.length, (i) => rows[i], 8192);
    expect(chunks.length).toBeGreaterThan(5);
    const joined = new TextDecoder().decode(new Uint8Array(chunks.flatMap((c) => [...c])));
    expect(joined).toBe(writeCsv(['h1', 'h2', 'h3', '名'], rows));
    expect(chunks.map((c) => new TextDecoder().decode(c).endsWith('\r\n'))).not.toContain(false);
    expect(writeCsvChunks(['only'], 0, () => []).map((c) => new TextDecoder().decode(c))).toEqual(['only\r\n']);
  });
});
