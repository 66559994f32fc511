import { describe, expect, it } from 'vitest';
import type { CategoricalColumn, Column, NumericColumn } from '../table';
import { getColumn } from '../table';
import { tryParseCsv, type ParsedCsv } from './parseCsv';

function parse(text: string): ParsedCsv {
  const result = tryParseCsv(text);
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason}`);
  return result.data;
}

function numeric(column: Column): NumericColumn {
  if (column.kind !== 'numeric') throw new Error(`${column.name} is ${column.kind}, expected numeric`);
  return column;
}

function categorical(column: Column): CategoricalColumn {
  if (column.kind !== 'categorical') throw new Error(`${column.name} is ${column.kind}, expected categorical`);
  return column;
}

/** The cells of a categorical column as text, null where missing. */
function texts(column: Column): (string | null)[] {
  const c = categorical(column);
  return Array.from(c.codes, (code) => (code === -1 ? null : c.levels[code]));
}

describe('tryParseCsv: quoting', () => {
  it('keeps commas, doubled quotes and LF newlines inside quoted fields', () => {
    const text = 'name,note,n\n"Smith, J","He said ""hi""",1\n"multi\nline","plain",2\n';
    const { table } = parse(text);
    expect(table.rowCount).toBe(2);
    expect(table.columns.map((c) => c.name)).toEqual(['name', 'note', 'n']);
    expect(texts(getColumn(table, 'name'))).toEqual(['Smith, J', 'multi\nline']);
    expect(texts(getColumn(table, 'note'))).toEqual(['He said "hi"', 'plain']);
    expect(Array.from(numeric(getColumn(table, 'n')).values)).toEqual([1, 2]);
  });

  it('handles CRLF line endings, with a CRLF inside a quoted field', () => {
    const text = 'a,b\r\n"x\r\ny",1\r\n"z, w",2\r\n';
    const { table } = parse(text);
    expect(table.rowCount).toBe(2);
    expect(texts(getColumn(table, 'a'))).toEqual(['x\r\ny', 'z, w']);
    // no stray \r glued onto the last column's numbers
    expect(Array.from(numeric(getColumn(table, 'b')).values)).toEqual([1, 2]);
  });
});

describe('tryParseCsv: missing cells', () => {
  it.each([[''], ['NA'], ['N/A'], ['null'], ['?'], ['NaN']])('numeric column: %j → NaN', (marker) => {
    const { table } = parse(`a,b\n1,x\n${marker},y\n3,z\n`);
    const a = numeric(getColumn(table, 'a'));
    expect(a.values[0]).toBe(1);
    expect(a.values[1]).toBeNaN();
    expect(a.values[2]).toBe(3);
  });

  it.each([[''], ['NA'], ['N/A'], ['null'], ['?'], ['NaN']])('categorical column: %j → code -1, not a level', (marker) => {
    const { table } = parse(`a,b\n1,x\n2,${marker}\n3,y\n`);
    const b = categorical(getColumn(table, 'b'));
    expect(Array.from(b.codes)).toEqual([0, -1, 1]);
    expect(b.levels).toEqual(['x', 'y']);
  });

  it('a padded marker ("NA" + 8 spaces) keeps a numeric column numeric', () => {
    const { table } = parse('a,b\n1,x\nNA        ,y\n3,z\n');
    const a = numeric(getColumn(table, 'a'));
    expect(a.values[1]).toBeNaN();
    expect(a.values[2]).toBe(3);
  });

  it('a row shorter than the header gets missing cells and is counted as ragged', () => {
    const { table, notes } = parse('a,b,c\n1,2,3\n4,5\n');
    expect(table.rowCount).toBe(2);
    expect(numeric(getColumn(table, 'c')).values[1]).toBeNaN();
    expect(notes.raggedRows).toBe(1);
  });
});

describe('tryParseCsv: type inference', () => {
  it('numbers → numeric; "3+" keeps its column categorical', () => {
    const { table } = parse('dependents,income\n0,100\n1,200\n3+,300\n2,400\n');
    const dependents = categorical(getColumn(table, 'dependents'));
    expect(dependents.levels).toEqual(['0', '1', '3+', '2']);
    expect(Array.from(dependents.codes)).toEqual([0, 1, 2, 3]);
    expect(Array.from(numeric(getColumn(table, 'income')).values)).toEqual([100, 200, 300, 400]);
  });

  it('identical cells share one level even when earlier cells looked like numbers', () => {
    // "01" and "1.50" are read (as numbers) before "A" shows the column is text. A streaming reader
    // does not keep every cell's text, so number-like cells in a text column are written in their
    // shortest form ("1", "1.5"), and the later "01" / "1.50" must get the same codes as the earlier ones.
    const { table } = parse('code,n\n01,1\n1.50,2\nA,3\n01,4\n1.50,5\n');
    const code = categorical(getColumn(table, 'code'));
    expect(code.levels).toEqual(['1', '1.5', 'A']);
    expect(Array.from(code.codes)).toEqual([0, 1, 2, 0, 1]);
  });

  it('a column of scientific notation is numeric with the right values', () => {
    // 1e3 = 1000, 2.5E-1 = 0.25, -4e+2 = -400
    const { table } = parse('v,k\n1e3,a\n2.5E-1,b\n-4e+2,c\n');
    expect(Array.from(numeric(getColumn(table, 'v')).values)).toEqual([1000, 0.25, -400]);
  });

  it('trims spaces around text levels', () => {
    const { table } = parse('k,v\n a ,1\na,2\n');
    expect(categorical(getColumn(table, 'k')).levels).toEqual(['a']);
  });

  it.each([['Infinity'], ['-Infinity'], ['1e999']])('%j in a numeric column is missing; the column stays numeric', (raw) => {
    const { table } = parse(`a,b\n1,x\n${raw},y\n3,z\n`);
    const a = getColumn(table, 'a');
    expect(a.kind).toBe('numeric');
    const values = numeric(a).values;
    expect(values[0]).toBe(1);
    expect(values[1]).toBeNaN();
    expect(values[2]).toBe(3);
  });
});

describe('tryParseCsv: header and delimiter', () => {
  it('strips a UTF-8 BOM from the first column name', () => {
    const { table } = parse('\uFEFFage,income\n30,100\n40,200\n');
    expect(table.columns.map((c) => c.name)).toEqual(['age', 'income']);
  });

  it.each([
    [';', 'a;b;c\n1;2;3\n4;5;6\n'],
    ['\t', 'a\tb\tc\n1\t2\t3\n4\t5\t6\n'],
    ['|', 'a|b|c\n1|2|3\n4|5|6\n'],
    [',', 'a,b,c\n1,2,3\n4,5,6\n'],
  ])('detects the %j delimiter', (delimiter, text) => {
    const { table, notes } = parse(text);
    expect(notes.delimiter).toBe(delimiter);
    expect(table.columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
    expect(Array.from(numeric(getColumn(table, 'c')).values)).toEqual([3, 6]);
  });

  it('a first row of numbers is data: names col1..colN, hasHeader false', () => {
    const { table, notes } = parse('1,2.5,7\n4,5,6\n');
    expect(notes.hasHeader).toBe(false);
    expect(table.rowCount).toBe(2);
    expect(table.columns.map((c) => c.name)).toEqual(['col1', 'col2', 'col3']);
    expect(Array.from(numeric(getColumn(table, 'col2')).values)).toEqual([2.5, 5]);
  });

  it('a first row of numbers with one empty cell is still data, not a header', () => {
    // A header never consists of numbers and a blank; the blank is a missing value in row 1.
    const { table, notes } = parse('1,,3\n4,5,6\n7,8,9\n');
    expect(notes.hasHeader).toBe(false);
    expect(table.rowCount).toBe(3);
    expect(table.columns.map((c) => c.name)).toEqual(['col1', 'col2', 'col3']);
    expect(numeric(getColumn(table, 'col2')).values[0]).toBeNaN();
  });

  it('a header row of names sets hasHeader true', () => {
    const { notes, table } = parse('x,y\n1,2\n');
    expect(notes.hasHeader).toBe(true);
    expect(table.rowCount).toBe(1);
  });

  it('makes duplicate header names unique and reports the change', () => {
    const { table, notes } = parse('x,x,y,x\n1,2,3,4\n');
    expect(table.columns.map((c) => c.name)).toEqual(['x', 'x_2', 'y', 'x_3']);
    expect(notes.renamedColumns).toEqual([
      { original: 'x', name: 'x_2' },
      { original: 'x', name: 'x_3' },
    ]);
    expect(numeric(getColumn(table, 'x_2')).values[0]).toBe(2);
    expect(numeric(getColumn(table, 'x_3')).values[0]).toBe(4);
  });

  it('names a blank header cell by position and reports it', () => {
    const { table, notes } = parse('a,,c\n1,2,3\n');
    expect(table.columns.map((c) => c.name)).toEqual(['a', 'col2', 'c']);
    expect(notes.renamedColumns).toEqual([{ original: '', name: 'col2' }]);
  });

  it('reports no renames when header names are unique', () => {
    expect(parse('a,b\n1,2\n').notes.renamedColumns).toEqual([]);
  });

  it('records blank header cells as unnamed columns, under their positional names', () => {
    // A blank first cell is the row index pandas writes with to_csv; a blank middle cell too.
    const { table, notes } = parse(',a,,c\n0,1,2,3\n1,4,5,6\n');
    expect(table.columns.map((c) => c.name)).toEqual(['col1', 'a', 'col3', 'c']);
    expect(notes.unnamedColumns).toEqual(['col1', 'col3']);
  });

  it("records pandas' 'Unnamed: <n>' headers as unnamed columns, keeping their names", () => {
    const { table, notes } = parse('Unnamed: 0,a,Unnamed: 12\n0,1,2\n1,3,4\n');
    expect(table.columns.map((c) => c.name)).toEqual(['Unnamed: 0', 'a', 'Unnamed: 12']);
    expect(notes.unnamedColumns).toEqual(['Unnamed: 0', 'Unnamed: 12']);
    expect(notes.renamedColumns).toEqual([]);
  });

  it('records a blank header cell under the name it ends up with beside a real col<i>', () => {
    // Names are made unique left to right: a blank cell after a real "col2" becomes col2_2 ...
    const clash = parse('col2,,b\n1,2,3\n4,5,6\n');
    expect(clash.table.columns.map((c) => c.name)).toEqual(['col2', 'col2_2', 'b']);
    expect(clash.notes.unnamedColumns).toEqual(['col2_2']);
    // ... and a blank first cell takes col1 before a later real "col1", which becomes col1_2.
    const first = parse(',col1,b\nx,2,3\ny,5,6\n');
    expect(first.table.columns.map((c) => c.name)).toEqual(['col1', 'col1_2', 'b']);
    expect(first.notes.unnamedColumns).toEqual(['col1']);
  });

  it('records no unnamed columns for named headers, or for a file without a header', () => {
    expect(parse('a,b\n1,2\n').notes.unnamedColumns).toEqual([]);
    expect(parse('unnamed,Unnamed: x\n1,2\n').notes.unnamedColumns).toEqual([]);
    const headerless = parse('1,2,3\n4,5,6\n');
    expect(headerless.notes.hasHeader).toBe(false);
    expect(headerless.notes.unnamedColumns).toEqual([]);
  });
});

describe('tryParseCsv: unusable input', () => {
  it.each([
    ['empty text', '', /empty/i, 'csv.empty'],
    ['whitespace only', '  \n\t\r\n  ', /empty/i, 'csv.empty'],
    ['only a BOM', '\uFEFF', /empty/i, 'csv.empty'],
    ['header with no rows', 'a,b,c\n', /no data rows/i, 'csv.noRows'],
    ['binary content', 'PK\u0003\u0004\u0000\u0000abc,def\n1,2\n', /binary/i, 'csv.binaryText'],
    ['single column', 'a\n1\n2\n', /two columns/i, 'csv.oneColumn'],
  ])('%s → ok:false with a reason and its code', (_label, text, reason, code) => {
    const result = tryParseCsv(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toEqual({ code, params: {} });
      expect(result.reason).toMatch(reason);
      expect(result.reason.length).toBeGreaterThan(10);
    }
  });
});

describe('tryParseCsv: numeric storage', () => {
  it('widens to Float64 at the first value float32 cannot hold, after thousands of narrow rows, keeping every earlier value', () => {
    const lines = ['a,b,y'];
    for (let i = 0; i < 5000; i++) lines.push(`${i},${i % 7},${i % 2}`);
    lines.push('0.1,3+,1'); // a needs Float64 from here; b turns into categories
    lines.push('16777217,4,0');
    const { table } = parse(lines.join('\n'));
    const a = numeric(getColumn(table, 'a')).values;
    expect(a).toBeInstanceOf(Float64Array);
    expect(a).toHaveLength(5002);
    expect(a[4999]).toBe(4999);
    expect(a[5000]).toBe(0.1);
    expect(a[5001]).toBe(16777217);
    const b = getColumn(table, 'b');
    expect(b.kind).toBe('categorical');
    expect(texts(b).slice(4998)).toEqual(['0', '1', '3+', '4']);
  });

  it("holds a column as Float32 only when every value is exact in float32, reading back the file's numbers", () => {
    const { table } = parse('int,half,dec,big,y\n1,0.5,0.1,16777217,1\n-20000,,2.75,3,0\n300000,1.25,1e-3,4,1\n');
    const column = (name: string) => numeric(getColumn(table, name)).values;
    expect(column('int')).toBeInstanceOf(Float32Array);
    expect(column('half')).toBeInstanceOf(Float32Array);
    expect(column('dec')).toBeInstanceOf(Float64Array);
    expect(column('big')).toBeInstanceOf(Float64Array);
    expect(Array.from(column('int'))).toEqual([1, -20000, 300000]);
    expect(Array.from(column('half'))).toEqual([0.5, Number.NaN, 1.25]);
    expect(Array.from(column('dec'))).toEqual([0.1, 2.75, 0.001]);
    expect(Array.from(column('big'))).toEqual([16777217, 3, 4]);
  });
});
