import { describe, expect, it } from 'vitest';
import { tryParseCsv } from '../csv/parseCsv';
import type { Table } from '../table';
import { applyPreprocessor, computeMedian, encodeApplicant, fitPreprocessor, type ApplicantRecord, type Preprocessor } from './preprocessor';

function parseTable(text: string): Table {
  const parsed = tryParseCsv(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.data.table;
}

// Rows 1–4 train, rows 0 and 5 test. The test rows hold extreme values and a level ("z")
// that training never sees; "z" is first in the file so the table's level order differs from the fitted one.
const TABLE = parseTable(
  [
    'income,flat,home',
    '1000,1000,z', // r0 test
    '1,10,a', //      r1 train
    '2,10,b', //      r2 train
    ',10,b', //       r3 train (income missing)
    '5,10,', //       r4 train (home missing)
    ',10,', //        r5 test  (income and home missing)
  ].join('\n'),
);
const FEATURES = ['income', 'flat', 'home'];
const TRAIN = Int32Array.from([1, 2, 3, 4]);
const TEST = Int32Array.from([0, 5]);

// income, training rows: present 1, 2, 5 → median 2; imputed column 1, 2, 2, 5
//   mean = 10 / 4 = 2.5; deviations −1.5, −0.5, −0.5, 2.5 → squares 2.25 + 0.25 + 0.25 + 6.25 = 9
//   population std = √(9 / 4) = 1.5
// flat, training rows: 10, 10, 10, 10 → median 10, mean 10, std 0 → replaced by 1
// home, training rows: a, b, b, (missing) → levels [a, b] (z unseen), mode b (2 of 3)
const pre = fitPreprocessor(TABLE, FEATURES, TRAIN);

function cells(x: Float32Array): number[] {
  return Array.from(x);
}

describe('fitPreprocessor', () => {
  it('uses only the training rows for the numeric statistics', () => {
    expect(pre.features[0]).toEqual({ kind: 'numeric', name: 'income', median: 2, mean: 2.5, std: 1.5 });
  });

  it('uses std 1 for a constant training column (no division by zero)', () => {
    expect(pre.features[1]).toEqual({ kind: 'numeric', name: 'flat', median: 10, mean: 10, std: 1 });
  });

  it('keeps only training levels and the training mode', () => {
    expect(pre.features[2]).toEqual({ kind: 'categorical', name: 'home', levels: ['a', 'b'], mode: 'b' });
  });

  it('width = numeric count + total levels; fittedOnRows = training rows', () => {
    // 2 numeric + 2 levels = 4
    expect(pre.width).toBe(4);
    expect(pre.fittedOnRows).toBe(4);
    expect(pre.version).toBe(1);
  });

  it('width counts every level of every categorical feature', () => {
    const t = parseTable('n,c1,c2\n1,a,p\n2,b,q\n3,c,r\n4,a,s\n');
    const p = fitPreprocessor(t, ['n', 'c1', 'c2'], Int32Array.from([0, 1, 2, 3]));
    // 1 numeric + 3 levels (a, b, c) + 4 levels (p, q, r, s) = 8
    expect(p.width).toBe(8);
  });

  it('is different when fitted on all rows (so the train-only assertions can fail)', () => {
    const all = fitPreprocessor(TABLE, FEATURES, Int32Array.from([0, 1, 2, 3, 4, 5]));
    // present 1000, 1, 2, 5 → median (2 + 5) / 2 = 3.5
    expect(all.features[0]).toMatchObject({ median: 3.5 });
    expect(all.features[2]).toMatchObject({ levels: ['z', 'a', 'b'] });
  });
});

describe('applyPreprocessor', () => {
  it('encodes training rows with training statistics', () => {
    const x = applyPreprocessor(pre, TABLE, TRAIN);
    expect(x).toHaveLength(4 * 4);
    const expected = [
      // income            flat  home a, b
      (1 - 2.5) / 1.5, 0, 1, 0, //   r1: −1, a
      (2 - 2.5) / 1.5, 0, 0, 1, //   r2: −1/3, b
      (2 - 2.5) / 1.5, 0, 0, 1, //   r3: missing → median 2 → −1/3, b
      (5 - 2.5) / 1.5, 0, 0, 1, //   r4: 5/3, missing home → mode b
    ];
    cells(x).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
  });

  it('encodes test rows as (x − trainMean) / trainStd, unseen level → zeros, missing → median / mode', () => {
    const x = applyPreprocessor(pre, TABLE, TEST);
    const expected = [
      // r0: (1000 − 2.5) / 1.5 = 665; (1000 − 10) / 1 = 990; "z" unseen → 0, 0
      665, 990, 0, 0,
      // r5: income missing → 2 → (2 − 2.5) / 1.5 = −1/3; flat 0; home missing → mode b
      -1 / 3, 0, 0, 1,
    ];
    cells(x).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 5));
  });

  it('encodes rows in the order given', () => {
    const x = applyPreprocessor(pre, TABLE, Int32Array.from([5, 0]));
    expect(x[0]).toBeCloseTo(-1 / 3, 6);
    expect(x[4]).toBeCloseTo(665, 4);
  });

  it('gives an empty matrix for no rows', () => {
    expect(applyPreprocessor(pre, TABLE, new Int32Array(0))).toHaveLength(0);
  });
});

describe('encodeApplicant', () => {
  it.each([
    ['r0', 0, { income: '1000', flat: '1000', home: 'z' }],
    ['r1', 1, { income: '1', flat: '10', home: 'a' }],
    ['r2', 2, { income: ' 2 ', flat: '10', home: ' b ' }],
    ['r5 (blank fields)', 5, { income: '', flat: '10', home: '' }],
  ])('matches applyPreprocessor for %s', (_label, row, record) => {
    const fromTable = applyPreprocessor(pre, TABLE, Int32Array.from([row]));
    expect(cells(encodeApplicant(pre, record))).toEqual(cells(fromTable));
  });

  it('blank, NA and absent fields take the training median / mode', () => {
    // income → median 2 → −1/3; flat → median 10 → 0; home → mode b → [0, 1]
    const expected = [(2 - 2.5) / 1.5, 0, 0, 1];
    const records: ApplicantRecord[] = [{ income: '', flat: '', home: '' }, { income: 'NA', flat: 'N/A', home: '?' }, {}];
    for (const record of records) {
      cells(encodeApplicant(pre, record)).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
    }
  });

  it.each([['abc'], ['3+'], ['1,5']])('a non-numeric answer %j in a numeric field throws naming the field', (answer) => {
    expect(() => encodeApplicant(pre, { income: answer, flat: '10', home: 'a' })).toThrow(/income/);
  });

  it('an unseen category encodes as all zeros', () => {
    const x = encodeApplicant(pre, { income: '2.5', flat: '10', home: 'castle' });
    // (2.5 − 2.5) / 1.5 = 0
    expect(cells(x)).toEqual([0, 0, 0, 0]);
  });
});

describe('preprocessor as plain JSON', () => {
  it('round-trips through JSON.stringify / parse and encodes identically', () => {
    const copy = JSON.parse(JSON.stringify(pre)) as Preprocessor;
    expect(copy).toEqual(pre);
    const all = Int32Array.from([0, 1, 2, 3, 4, 5]);
    expect(cells(applyPreprocessor(copy, TABLE, all))).toEqual(cells(applyPreprocessor(pre, TABLE, all)));
    const record = { income: '7', flat: '', home: 'a' };
    expect(cells(encodeApplicant(copy, record))).toEqual(cells(encodeApplicant(pre, record)));
  });
});

describe('computeMedian', () => {
  it.each([
    [[], 0],
    [[7], 7],
    [[3, 1, 2], 2],
    // sorted 1, 2, 3, 4 → (2 + 3) / 2
    [[4, 1, 3, 2], 2.5],
    // numeric order 9, 10, 100 → 10 (a text sort would give "10", "100", "9" → 100)
    [[100, 9, 10], 10],
    [[-5, -1, -10], -5],
  ])('median of %j is %d', (values, expected) => {
    expect(computeMedian(values)).toBe(expected);
  });
});
