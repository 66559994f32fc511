import { describe, expect, it } from 'vitest';
import type { ColumnPlan, MissingStrategy } from '../clean/plan';
import { fitPreprocessor } from '../features/preprocessor';
import { cat, num, table } from '../../../test/support/tables';
import type { Table } from '../table';
import { assignReferenceBin, referenceProfile } from './reference';

function plan(column: string, missing: MissingStrategy = 'median'): ColumnPlan {
  return { column, missing, constant: '', range: null, outliers: null, indicator: false };
}

// Rows 0–3 are test rows, with extremes and a level ("z") training never sees, first in the file so
// the table's level order differs from the fitted one. Rows 4–27 train: 22 incomes and 2 gaps.
const TRAIN_INCOME = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4, 2.5, 0.5];
const TRAIN_HOME = [...Array<string>(10).fill('rent'), ...Array<string>(8).fill('own'), ...Array<string>(4).fill('mortgage')];

function makeTable(testIncome: number[], testHome: (string | null)[]): Table {
  return table(
    num('income', [...testIncome, ...TRAIN_INCOME.slice(0, 11), Number.NaN, ...TRAIN_INCOME.slice(11), Number.NaN]),
    cat('home', [...testHome, null, ...TRAIN_HOME, null]),
  );
}

const TABLE = makeTable([1e9, -1e9, Number.NaN, 1e6], ['z', 'z', null, 'rent']);
const TRAIN = Int32Array.from({ length: 24 }, (_, i) => i + 4);
const PRE = fitPreprocessor(TABLE, [plan('income'), plan('home', 'mode')], TRAIN);
const PROFILE = referenceProfile(TABLE, TRAIN, PRE);

// numpy 1.24: np.quantile(v, np.arange(1, 10) / 10) of the 22 present training incomes, then np.unique;
// counts by np.searchsorted(edges, v, side='right') (bins [lower, upper)).
const NUMPY_EDGES = [1.1, 2.1, 3.0, 4.0, 5.0, 5.699999999999999, 7.800000000000001, 8.900000000000002];
const NUMPY_COUNTS = [3, 2, 1, 4, 2, 3, 2, 2, 3];

describe('referenceProfile', () => {
  it('bins a numeric column at the distinct deciles of its present training values, with a missing bin', () => {
    const [income] = PROFILE.features;
    expect(PROFILE.rows).toBe(24);
    expect(income.column).toBe('income');
    expect(income.kind).toBe('numeric');
    // Two deciles are both 3: nine value bins, then the missing one.
    expect(income.bins).toHaveLength(10);
    const valueBins = income.bins.slice(0, 9);
    valueBins.slice(0, 8).forEach((bin, b) => expect(bin.upper).toBeCloseTo(NUMPY_EDGES[b], 12));
    valueBins.slice(1).forEach((bin, b) => expect(bin.lower).toBeCloseTo(NUMPY_EDGES[b], 12));
    expect(valueBins.map((bin) => bin.share * 24)).toEqual(NUMPY_COUNTS);
    // Open ends: no lower on the first bin, no upper on the last (JSON has no infinity).
    expect('lower' in valueBins[0]).toBe(false);
    expect('upper' in valueBins[8]).toBe(false);
    expect(income.bins[9]).toEqual({ label: 'missing', share: 2 / 24, missing: true });
    expect(valueBins.map((bin) => bin.label).slice(0, 3)).toEqual(['< 1.1', '1.1 to < 2.1', '2.1 to < 3']);
    expect(valueBins[8].label).toBe('≥ 8.9');
    expect(JSON.parse(JSON.stringify(PROFILE))).toEqual(PROFILE);
  });

  it('bins a categorical column by the preprocessor levels, in their order, with a missing bin', () => {
    const home = PROFILE.features[1];
    expect(home.kind).toBe('categorical');
    expect(home.bins).toEqual([
      { label: 'rent', share: 10 / 24, levels: ['rent'] },
      { label: 'own', share: 8 / 24, levels: ['own'] },
      { label: 'mortgage', share: 4 / 24, levels: ['mortgage'] },
      { label: 'missing', share: 2 / 24, missing: true },
    ]);
  });

  it('gives each feature shares that sum to 1', () => {
    for (const feature of PROFILE.features) expect(feature.bins.reduce((s, b) => s + b.share, 0)).toBeCloseTo(1, 12);
  });

  it('reads only the training rows: the test rows’ extremes and unseen level change nothing', () => {
    const tame = makeTable([4, 4, 4, 4], ['rent', 'rent', 'rent', 'rent']);
    expect(referenceProfile(tame, TRAIN, fitPreprocessor(tame, [plan('income'), plan('home', 'mode')], TRAIN))).toEqual(PROFILE);
    // And all rows would move the edges: the check above can fail.
    const all = Int32Array.from({ length: 28 }, (_, i) => i);
    expect(referenceProfile(TABLE, all, PRE).features[0].bins[0].upper).not.toBeCloseTo(NUMPY_EDGES[0], 6);
  });

  it('adds no missing bin when training had no gaps, and keeps a fill level training never saw (share 0)', () => {
    const t = table(num('x', [1, 2, 3, 4]), cat('c', ['a', null, 'b', 'a']));
    const rows = Int32Array.from([0, 2, 3]);
    const profile = referenceProfile(t, rows, fitPreprocessor(t, [plan('x'), plan('c', 'indicator')], rows));
    expect(profile.features[0].bins.some((b) => b.missing)).toBe(false);
    expect(profile.features[1].bins).toEqual([
      { label: 'a', share: 2 / 3, levels: ['a'] },
      { label: 'b', share: 1 / 3, levels: ['b'] },
    ]);
    const withGap = Int32Array.from([0, 1, 2]);
    expect(referenceProfile(t, withGap, fitPreprocessor(t, [plan('x'), plan('c', 'indicator')], withGap)).features[1].bins).toEqual([
      { label: 'a', share: 1 / 3, levels: ['a'] },
      { label: 'b', share: 1 / 3, levels: ['b'] },
      { label: '(missing)', share: 0, levels: ['(missing)'] },
      { label: 'missing', share: 1 / 3, missing: true },
    ]);
  });

  it('gives a constant column one edge, and a column without training values only the missing bin', () => {
    const t = table(num('k', [7, 7, 7]), num('none', [Number.NaN, Number.NaN, Number.NaN]));
    const rows = Int32Array.from([0, 1, 2]);
    const pre = fitPreprocessor(t, [plan('k'), { ...plan('none', 'constant'), constant: '0' }], rows);
    const [k, none] = referenceProfile(t, rows, pre).features;
    expect(k.bins).toEqual([
      { label: '< 7', share: 0, upper: 7 },
      { label: '≥ 7', share: 1, lower: 7 },
    ]);
    expect(none.bins).toEqual([{ label: 'missing', share: 1, missing: true }]);
  });

  it('refuses a column of another kind than the preprocessor’s', () => {
    const t = table(num('home', [1, 2]));
    expect(() => referenceProfile(t, Int32Array.from([0, 1]), PRE)).toThrow(/income/);
    const swapped = table(cat('income', ['a', 'b']), cat('home', ['a', 'b']));
    expect(() => referenceProfile(swapped, Int32Array.from([0, 1]), PRE)).toThrow(/"income" is categorical/);
  });
});

describe('assignReferenceBin', () => {
  const [income, home] = PROFILE.features;

  it('puts numbers in [lower, upper) bins, open at both ends', () => {
    expect(assignReferenceBin(income, -1e9)).toBe(0);
    expect(assignReferenceBin(income, 1.0999)).toBe(0);
    expect(assignReferenceBin(income, income.bins[1].lower as number)).toBe(1);
    expect(assignReferenceBin(income, 3)).toBe(3);
    expect(assignReferenceBin(income, 2.9999)).toBe(2);
    expect(assignReferenceBin(income, income.bins[8].lower as number)).toBe(8);
    expect(assignReferenceBin(income, 1e9)).toBe(8);
  });

  it('reads text answers as the form does: blank and NA missing, the decimal mark, not-a-number in no bin', () => {
    expect(assignReferenceBin(income, null)).toBe(9);
    expect(assignReferenceBin(income, Number.NaN)).toBe(9);
    expect(assignReferenceBin(income, '')).toBe(9);
    expect(assignReferenceBin(income, 'NA')).toBe(9);
    expect(assignReferenceBin(income, '3.5')).toBe(3);
    expect(assignReferenceBin(income, '3,5', ',')).toBe(3);
    expect(assignReferenceBin(income, 'lots')).toBe(-1);
  });

  it('finds levels (trimmed, "01" as "1"), the missing bin, and no bin for an unseen level', () => {
    expect(assignReferenceBin(home, 'own')).toBe(1);
    expect(assignReferenceBin(home, ' mortgage ')).toBe(2);
    expect(assignReferenceBin(home, '')).toBe(3);
    expect(assignReferenceBin(home, null)).toBe(3);
    expect(assignReferenceBin(home, 'z')).toBe(-1);
    const t = table(cat('n', ['1', '2', '1']));
    const rows = Int32Array.from([0, 1, 2]);
    const [n] = referenceProfile(t, rows, fitPreprocessor(t, [plan('n', 'mode')], rows)).features;
    expect(assignReferenceBin(n, '01')).toBe(0);
    expect(assignReferenceBin(n, 2)).toBe(1);
    expect(assignReferenceBin(n, 3)).toBe(-1);
  });

  it('gives a missing value no bin when training had none missing', () => {
    const t = table(num('x', [1, 2, 3]));
    const rows = Int32Array.from([0, 1, 2]);
    const [x] = referenceProfile(t, rows, fitPreprocessor(t, [plan('x')], rows)).features;
    expect(assignReferenceBin(x, null)).toBe(-1);
    expect(assignReferenceBin(x, 2)).toBeGreaterThanOrEqual(0);
  });
});
