import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FORMULA_CELL, writeCsv } from './writeCsv';

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
});
