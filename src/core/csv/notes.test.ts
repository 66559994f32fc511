import { describe, expect, it } from 'vitest';
import { tryParseCsv } from './csvReader';
import { englishNote, englishRenamed } from './notes';

// Eighty numbers and three words (two distinct) in one column: numeric, the words read as missing.
const MOSTLY_NUMBERS = `n,k\n${[...Array.from({ length: 80 }, (_, i) => String(i)), 'lots', 'n/k', 'lots'].map((v, i) => `${v},${i % 2}`).join('\n')}\n`;

describe('reading notes as codes', () => {
  it('carries the column, the cell count and the examples of a numeric column with stray words', () => {
    const parsed = tryParseCsv(MOSTLY_NUMBERS);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.data.notes.typeNotes).toEqual([{ code: 'csv.notNumbers', params: { column: 'n', cells: 3, examples: ['lots', 'n/k'] } }]);
    expect(englishNote(parsed.data.notes.typeNotes[0])).toBe('n: 3 cells that are not numbers ("lots", "n/k") read as missing.');
  });

  it('carries the column and examples of a mostly numeric column kept as categories', () => {
    const parsed = tryParseCsv('dependents,income\n0,1\n1,2\n2,3\n3+,4\n0,5\n');
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.data.notes.typeNotes).toEqual([{ code: 'csv.keptAsCategories', params: { column: 'dependents', examples: ['3+'] } }]);
    expect(englishNote(parsed.data.notes.typeNotes[0])).toBe('dependents: mostly numbers, kept as categories because of values such as "3+".');
  });

  it('words one odd cell in the singular, as the reader always has', () => {
    expect(englishNote({ code: 'csv.notNumbers', params: { column: 'age', cells: 1, examples: ['x'] } })).toBe('age: 1 cell that are not numbers ("x") read as missing.');
  });

  it('words renamed columns, a blank header as "(blank)"', () => {
    expect(englishRenamed({ original: 'x', name: 'x_2' })).toBe('x → x_2');
    expect(englishRenamed({ original: '', name: 'col2' })).toBe('(blank) → col2');
  });
});
