import { describe, expect, it } from 'vitest';
import type { CategoricalColumn } from '../table';
import { cat, num, table } from '../../../test/support/tables';
import { binWoe, categoricalBinIndex, numericBinIndex, woeOfRows, woeOfValue } from './apply';
import { fitColumnBinning } from './fitColumn';
import { rebinNumeric } from './edit';
import { fitCategoricalBinning } from './fitCategorical';
import { fitNumericBinning } from './fitNumeric';
import type { CategoricalBinning, NumericBinning } from './types';

const AGES = [21, 25, 30, 40, 55, Number.NaN, 33, 25, 61, 19, 40, Number.NaN];
const AGE_BAD = [1, 1, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0];
const ALL = Int32Array.from(AGES, (_, i) => i);
// Edges 25 and 40: < 25 {21, 19}: 0 goods 2 bads; [25, 40) {25, 30, 33, 25}: 2 goods 2 bads;
// ≥ 40 {40, 55, 61, 40}: 4 goods 0 bads; missing: 1 good 1 bad. Totals 7 goods, 5 bads.
const AGE: NumericBinning = rebinNumeric(fitNumericBinning('age', AGES, ALL, AGE_BAD), [25, 40], AGES, ALL, AGE_BAD);

const HOMES = ['RENT', 'OWN', 'RENT', 'MORTGAGE', 'OWN', null, 'RENT', 'MORTGAGE', 'OTHER', 'RENT'];
const HOME_BAD = [1, 0, 1, 0, 0, 1, 0, 0, 1, 0];
const homeColumn = cat('home', HOMES) as CategoricalColumn;
const HOME = fitCategoricalBinning(
  'home',
  homeColumn.codes,
  homeColumn.levels,
  Int32Array.from(HOMES, (_, i) => i),
  HOME_BAD,
  { minBinShare: 0.15, minGoods: 0, minBads: 0 },
);

describe('numericBinIndex', () => {
  it('puts a value equal to an edge in the bin above, NaN in the missing bin', () => {
    expect([-1e9, 24.999, 25, 39, 40, 1e9].map((v) => numericBinIndex(AGE, v))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(numericBinIndex(AGE, Number.NaN)).toBe(-1);
  });
});

describe('binWoe', () => {
  it('reads the bin, or the missing bin for −1, and refuses other indices', () => {
    expect(AGE.bins.map((s) => [s.goods, s.bads])).toEqual([
      [0, 2],
      [2, 2],
      [4, 0],
    ]);
    expect(binWoe(AGE, 1)).toBeCloseTo(Math.log(2 / 7 / (2 / 5)), 12);
    expect(binWoe(AGE, -1)).toBeCloseTo(Math.log(1 / 7 / (1 / 5)), 12);
    expect(() => binWoe(AGE, 3)).toThrow(RangeError);
    expect(() => binWoe(HOME, -2)).toThrow(RangeError);
  });
});

describe('woeOfRows', () => {
  it('equals binWoe of each row for a numeric column', () => {
    const t = table(num('age', AGES));
    const rows = Int32Array.from([11, 0, 4, 3, 5]);
    expect(Array.from(woeOfRows(AGE, t, rows))).toEqual(Array.from(rows, (r) => binWoe(AGE, numericBinIndex(AGE, AGES[r]))));
  });

  it('equals binWoe of each row for a categorical column, unseen and missing included', () => {
    const t = table(cat('home', ['OWN', 'BOAT', null, 'RENT', 'OTHER']));
    const expected = ['OWN', 'BOAT', null, 'RENT', 'OTHER'].map((level) => binWoe(HOME, categoricalBinIndex(HOME, level)));
    expect(Array.from(woeOfRows(HOME, t, Int32Array.from([0, 1, 2, 3, 4])))).toEqual(expected);
    expect(expected[1]).toBe(HOME.groups[HOME.unseenGroup].stats.woe);
    expect(expected[2]).toBe(HOME.missing.woe);
  });

  it('reads a categorical column the table holds as numbers through String(v)', () => {
    // grades fitted as text "1", "2", "3"; a batch file where every grade parses as a number
    const grades = cat('grade', ['1', '2', '3', '1', '2', '3', '1', '1']);
    const b = fitColumnBinning(table(grades), 'grade', Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7]), [0, 1, 1, 0, 0, 1, 0, 0], { minBinShare: 0, minGoods: 0, minBads: 0 });
    expect(b.kind).toBe('categorical');
    const batch = table(num('grade', [3, 1, Number.NaN, 7]));
    expect(Array.from(woeOfRows(b, batch, Int32Array.from([0, 1, 2, 3])))).toEqual([
      binWoe(b, categoricalBinIndex(b as CategoricalBinning, '3')),
      binWoe(b, categoricalBinIndex(b as CategoricalBinning, '1')),
      b.missing.woe,
      binWoe(b, (b as CategoricalBinning).unseenGroup),
    ]);
  });

  it('parses a numeric column the table holds as text, and refuses text that is no number', () => {
    const t = table(cat('age', ['39', '40', 'NA', '1,5']));
    expect(Array.from(woeOfRows(AGE, t, Int32Array.from([0, 1, 2])))).toEqual([binWoe(AGE, 1), binWoe(AGE, 2), binWoe(AGE, -1)]);
    expect(woeOfRows(AGE, t, Int32Array.from([3]), ',')[0]).toBe(binWoe(AGE, 0)); // 1,5 = 1.5 with a decimal comma
    expect(() => woeOfRows(AGE, table(cat('age', ['old'])), Int32Array.from([0]))).toThrow(/should hold numbers/);
  });
});

describe('woeOfValue', () => {
  it("bins a typed number, with '.' or ',' decimals", () => {
    expect(woeOfValue(AGE, '40')).toBe(binWoe(AGE, 2));
    expect(woeOfValue(AGE, ' 24.5 ')).toBe(binWoe(AGE, 0));
    expect(woeOfValue(AGE, '39,9', ',')).toBe(binWoe(AGE, 1));
    expect(woeOfValue(AGE, '1,000')).toBe(binWoe(AGE, 2)); // thousands separator
  });

  it('treats blank and NA as missing, and refuses other text for a number', () => {
    for (const raw of ['', '  ', 'NA', '?', 'null']) expect(woeOfValue(AGE, raw)).toBe(AGE.missing.woe);
    expect(() => woeOfValue(AGE, 'forty')).toThrow(/age/);
  });

  it('matches a typed level (trimmed), sends an unknown one to the unseen group and blank to missing', () => {
    expect(woeOfValue(HOME, 'OWN')).toBe(binWoe(HOME, categoricalBinIndex(HOME, 'OWN')));
    expect(woeOfValue(HOME, ' OWN ')).toBe(binWoe(HOME, categoricalBinIndex(HOME, 'OWN')));
    expect(woeOfValue(HOME, 'BOAT')).toBe(HOME.groups[HOME.unseenGroup].stats.woe);
    expect(woeOfValue(HOME, '')).toBe(HOME.missing.woe);
    expect(woeOfValue(HOME, 'N/A')).toBe(HOME.missing.woe);
  });
});

describe('fitColumnBinning', () => {
  it('dispatches on the column kind and fits the given rows only', () => {
    const t = table(num('age', AGES), cat('home', [...HOMES, 'RENT', 'OWN']));
    const rows = Int32Array.from([0, 1, 2, 3, 4, 6, 7, 8, 9, 10]);
    const bad = Array.from(rows, (r) => AGE_BAD[r]);
    expect(fitColumnBinning(t, 'age', rows, bad)).toEqual(fitNumericBinning('age', AGES, rows, bad));
    expect(fitColumnBinning(t, 'home', rows, bad).kind).toBe('categorical');
    expect(() => fitColumnBinning(t, 'income', rows, bad)).toThrow(/income/);
  });
});
