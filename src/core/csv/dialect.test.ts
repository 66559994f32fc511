import { describe, expect, it } from 'vitest';
import { sepLine, sniffDialect, type CsvDialect } from './dialect';
import { germanDataLines } from '../../../test/support/csvFixtures';

const GERMAN = `${germanDataLines(30).join('\n')}\n`;

describe('sniffDialect: delimiter', () => {
  it.each([
    // [why it matters, sample, delimiter]
    ['comma, with commas inside quoted text', 'name,city,income\n"Smith, J","Paris, FR",100\n"Lee, K","Rome, IT",200\n', ','],
    ['semicolon (European exports), with decimal commas that must not look like delimiters', 'age;income;rate\n30;1200,50;0,5\n41;980,00;1,25\n', ';'],
    ['tab, with commas and spaces in cells', 'city\tnote\tn\nNew York, NY\ta b c\t1\nLos Angeles, CA\td e\t2\n', '\t'],
    ['pipe, with commas in cells', 'id|label|n\n1|a,b|3\n2|c,d|4\n', '|'],
    ["space: UCI's german.data (21 fields, codes mixed with numbers)", GERMAN, ' '],
    ['comma beats space when cells contain spaces', 'full name,job title\nAnn Lee,data analyst\nBo Chan,chief risk officer\n', ','],
    ['a sample cut in the middle of its last row', 'a;b;c\n1;2;3\n4;5;6\n7;8', ';'],
  ])('%s', (_why, sample, delimiter) => {
    expect(sniffDialect(sample).delimiter).toBe(delimiter);
  });
});

describe('sniffDialect: line ending', () => {
  it.each([
    ['LF (Unix)', 'a,b\n1,2\n3,4\n', '\n'],
    ['CRLF (Windows, Excel)', 'a,b\r\n1,2\r\n3,4\r\n', '\r\n'],
    ['CR only (old Mac Excel)', 'a,b\r1,2\r3,4\r', '\r'],
    ['LF rows with a CRLF inside a quoted cell: quoted text does not vote', 'a,b\n"x\r\ny",1\n"p\r\nq",2\n3,4\n', '\n'],
    ['CRLF rows with LFs inside quoted cells', 'a,b\r\n"x\ny",1\r\n"p\nq",2\r\n', '\r\n'],
  ] as [string, string, CsvDialect['newline']][])('%s', (_why, sample, newline) => {
    expect(sniffDialect(sample).newline).toBe(newline);
  });
});

describe('sniffDialect: decimal mark', () => {
  it.each([
    ['semicolon file with "1,5": decimal comma', 'a;b\n1,5;x\n2,25;y\n', ','],
    ['tab file with decimal commas', 'a\tb\n1,5\tx\n-0,75\ty\n', ','],
    ['semicolon file with "1.5": decimal point', 'a;b\n1.5;x\n2.25;y\n', '.'],
    ['a comma file never has decimal commas ("1,234.5" is quoted there)', 'a,b\n"1,5",x\n"2,25",y\n', '.'],
    ['"1.234,5" beside "0,5": decimal comma with thousands points', 'a;b\n1.234,5;0,5\n2.000,25;0,7\n', ','],
    // A column of amounts over 1000, as a German or French bank export writes them: every cell has
    // thousands points, so "1.234.567,89" is the only evidence — and it is unambiguous.
    ['only grouped amounts such as "1.234.567,89": decimal comma', 'amount;k\n1.234.567,89;x\n2.500,00;y\n12.000,10;z\n', ','],
  ] as [string, string, CsvDialect['decimal']][])('%s', (_why, sample, decimal) => {
    expect(sniffDialect(sample).decimal).toBe(decimal);
  });
});

describe('sniffDialect: header row', () => {
  it.each([
    ['names over numbers', true, 'age,income\n30,100\n40,200\n'],
    ['names over text: first-row values never reappear below', true, 'city,grade\nParis,A\nRome,B\nParis,B\n'],
    ['a first row of numbers is data', false, '1,2.5,7\n4,5,6\n8,9,10\n'],
    ['a first row of decimal-comma numbers is data', false, '1,5;2;7\n4,25;5;6\n'],
    ['german.data: codes such as A11 reappear below, numbers sit over numbers', false, GERMAN],
    ['a single row: taken as a header (the reader then says "no data rows")', true, 'a,b,c\n'],
  ])('%s → hasHeader %s', (_why, hasHeader, sample) => {
    expect(sniffDialect(sample).hasHeader).toBe(hasHeader);
  });
});

describe("sepLine: Excel's first line naming the delimiter", () => {
  it.each([
    ['sep=;\r\na;b\n', { delimiter: ';', length: 7 }],
    ['sep=,\na,b\n', { delimiter: ',', length: 6 }],
    ['SEP=|\ra|b\r', { delimiter: '|', length: 6 }],
    ['sep=\t\na\tb\n', { delimiter: '\t', length: 6 }],
    ['sep=;', { delimiter: ';', length: 5 }],
    ['sep=x\na,b\n', null],
    ['sep=;;;\na;b;c\n', { delimiter: ';', length: 8 }],
    ['"sep=;";;\na;b;c\n', { delimiter: ';', length: 10 }],
    ['"sep=;\na;b\n', null],
    ['sep=;,\na;b\n', null],
    ['a,b\nsep=;\n', null],
  ])('%j → %j', (text, expected) => {
    expect(sepLine(text)).toEqual(expected);
  });

  it('the delimiter it names wins over sniffing', () => {
    expect(sniffDialect('a;b,c\n1;2,3\n').delimiter).toBe(';');
    expect(sniffDialect('a;b,c\n1;2,3\n', ',').delimiter).toBe(',');
  });
});
