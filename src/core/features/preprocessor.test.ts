import { describe, expect, it } from 'vitest';
import type { ColumnPlan, MissingStrategy, OutlierRule } from '../clean/plan';
import type { TrainedRange } from '../clean/fitCleaning';
import { tryParseCsv } from '../csv/parseCsv';
import { cellText, type Table } from '../table';
import { cat, num, table } from '../../../test/support/tables';
import {
  applyPreprocessor,
  computeMedian,
  describeFill,
  encodeApplicant,
  featureSlots,
  findInvalidInput,
  findOutsideTrainedRange,
  fitPreprocessor,
  pleBinCount,
  pleEdges,
  writePle,
  type ApplicantRecord,
  type Preprocessor,
} from './preprocessor';

function parseTable(text: string): Table {
  const parsed = tryParseCsv(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.data.table;
}

/** A column plan without a "was missing" input unless `over` asks for one. */
function plan(column: string, missing: MissingStrategy = 'median', over: Partial<ColumnPlan> = {}): ColumnPlan {
  return { column, missing, constant: '', range: null, outliers: null, indicator: false, ...over };
}

function cells(x: Float32Array): number[] {
  return Array.from(x);
}

/** Row `row` of `table` as the answers a person would type. */
function recordOf(table: Table, row: number): ApplicantRecord {
  return Object.fromEntries(table.columns.map((c) => [c.name, cellText(c, row)]));
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
const PLANS = [plan('income'), plan('flat'), plan('home', 'mode')];
const TRAIN = Int32Array.from([1, 2, 3, 4]);
const TEST = Int32Array.from([0, 5]);

// income, training rows: present 1, 2, 5 → median 2; imputed column 1, 2, 2, 5
//   mean = 10 / 4 = 2.5; deviations −1.5, −0.5, −0.5, 2.5 → squares 2.25 + 0.25 + 0.25 + 6.25 = 9
//   population std = √(9 / 4) = 1.5
// flat, training rows: 10, 10, 10, 10 → median 10, mean 10, std 0 → replaced by 1
// home, training rows: a, b, b, (missing) → levels [a, b] (z unseen), mode b (2 of 3)
const pre = fitPreprocessor(TABLE, PLANS, TRAIN);

describe('fitPreprocessor', () => {
  it('uses only the training rows for the numeric statistics', () => {
    // missingInTraining: r3 (r5's gap is a test row's)
    expect(pre.features[0]).toEqual({
      kind: 'numeric',
      name: 'income',
      missing: 'median',
      fill: 2,
      indicator: false,
      missingInTraining: 1,
      clip: null,
      range: null,
      trainedRange: null,
      mean: 2.5,
      std: 1.5,
      ple: null,
    });
  });

  it('uses std 1 for a constant training column (no division by zero)', () => {
    expect(pre.features[1]).toMatchObject({ fill: 10, mean: 10, std: 1 });
  });

  it('keeps only training levels and the training mode', () => {
    expect(pre.features[2]).toEqual({ kind: 'categorical', name: 'home', missing: 'mode', levels: ['a', 'b'], fill: 'b' });
  });

  it('width = numeric count + total levels; fittedOnRows = training rows', () => {
    // 2 numeric + 2 levels = 4
    expect(pre.width).toBe(4);
    expect(pre.fittedOnRows).toBe(4);
    expect(pre.version).toBe(4);
    expect(pre.decimal).toBe('.');
  });

  it('width counts every level of every categorical feature', () => {
    const t = parseTable('n,c1,c2\n1,a,p\n2,b,q\n3,c,r\n4,a,s\n');
    const p = fitPreprocessor(t, [plan('n'), plan('c1', 'mode'), plan('c2', 'mode')], Int32Array.from([0, 1, 2, 3]));
    // 1 numeric + 3 levels (a, b, c) + 4 levels (p, q, r, s) = 8
    expect(p.width).toBe(8);
  });

  it('is different when fitted on all rows (so the train-only assertions can fail)', () => {
    const all = fitPreprocessor(TABLE, PLANS, Int32Array.from([0, 1, 2, 3, 4, 5]));
    // present 1000, 1, 2, 5 → median (2 + 5) / 2 = 3.5
    expect(all.features[0]).toMatchObject({ fill: 3.5 });
    expect(all.features[2]).toMatchObject({ levels: ['z', 'a', 'b'] });
  });

  it('gives the same result whatever the order of the training rows', () => {
    expect(fitPreprocessor(TABLE, PLANS, Int32Array.from([4, 2, 3, 1]))).toEqual(pre);
  });

  it("orders levels and breaks the mode's ties by the training rows alone, not by a test row seen first", () => {
    // r0 tests; training r1–r4 hold a, b, a, b: a tie, and a is the first training level.
    // The table lists levels by first appearance in the whole file, so r0 decides its order: [b, a] or [z, a, b].
    const train = Int32Array.from([1, 2, 3, 4]);
    const c = plan('c', 'mode');
    const withB = fitPreprocessor(table(cat('c', ['b', 'a', 'b', 'a', 'b'])), [c], train);
    const withZ = fitPreprocessor(table(cat('c', ['z', 'a', 'b', 'a', 'b'])), [c], train);
    expect(withB.features[0]).toEqual({ kind: 'categorical', name: 'c', missing: 'mode', levels: ['a', 'b'], fill: 'a' });
    expect(withZ).toEqual(withB);
  });
});

// Numeric strategies. v over rows: r0 1000 (test), r1 1, r2 1, r3 missing, r4 4, r5 missing (test), r6 6.
// Training rows r1, r2, r3, r4, r6: present 1, 1, 4, 6 → median (1 + 4) / 2 = 2.5, mean 12 / 4 = 3, mode 1.
// With all rows the median would be 4, the mean 202.4: the test rows are extreme on purpose.
// (Built by hand: the CSV reader skips the all-empty line r5 would be.)
const STRATEGY_TABLE: Table = {
  rowCount: 7,
  columns: [
    { kind: 'numeric', name: 'v', values: Float64Array.from([1000, 1, 1, Number.NaN, 4, Number.NaN, 6]) },
    { kind: 'categorical', name: 'c', codes: Int32Array.from([0, 1, 2, 2, -1, -1, 3]), levels: ['z', 'a', 'b', 'c'] },
  ],
};
const STRATEGY_TRAIN = Int32Array.from([1, 2, 3, 4, 6]);
const STRATEGY_TEST = Int32Array.from([0, 5]);

describe('numeric missing strategies, fitted on training rows only', () => {
  it.each([
    // [strategy, constant, fill, mean of the filled training column, its population variance]
    // fill 2.5 → 1, 1, 2.5, 4, 6: mean 14.5 / 5 = 2.9; squares 3.61 + 3.61 + 0.16 + 1.21 + 9.61 = 18.2 → 3.64
    ['median', '', 2.5, 2.9, 3.64],
    // fill 3 → 1, 1, 3, 4, 6: mean 3; squares 4 + 4 + 0 + 1 + 9 = 18 → 3.6
    ['mean', '', 3, 3, 3.6],
    // fill 1 → 1, 1, 1, 4, 6: mean 2.6; squares 3 × 2.56 + 1.96 + 11.56 = 21.2 → 4.24
    ['mode', '', 1, 2.6, 4.24],
    // fill 10 → 1, 1, 10, 4, 6: mean 4.4; squares 11.56 + 11.56 + 31.36 + 0.16 + 2.56 = 57.2 → 11.44
    ['constant', '10', 10, 4.4, 11.44],
    // the median, plus an indicator input (see below)
    ['indicator', '', 2.5, 2.9, 3.64],
    // forward fill and drop-row leave no gaps in cleaned training rows; the median is the fallback
    ['forward-fill', '', 2.5, 2.9, 3.64],
    ['drop-row', '', 2.5, 2.9, 3.64],
  ] as const)("'%s' %j fills with %d (mean %d, variance %d)", (missing, constant, fill, mean, variance) => {
    const p = fitPreprocessor(STRATEGY_TABLE, [plan('v', missing, { constant })], STRATEGY_TRAIN);
    const feature = p.features[0];
    if (feature.kind !== 'numeric') throw new Error('v should be numeric');
    expect(feature.fill).toBeCloseTo(fill, 12);
    expect(feature.mean).toBeCloseTo(mean, 12);
    expect(feature.std).toBeCloseTo(Math.sqrt(variance), 12);
    // Test rows: 1000 and a missing cell, encoded with the training statistics.
    const std = Math.sqrt(variance);
    const x = applyPreprocessor(p, STRATEGY_TABLE, STRATEGY_TEST);
    const indicator = missing === 'indicator';
    const expected = indicator ? [(1000 - mean) / std, 0, (fill - mean) / std, 1] : [(1000 - mean) / std, (fill - mean) / std];
    cells(x).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 4));
  });

  it('\'indicator\' adds a 0/1 input named "<column> was missing"', () => {
    const p = fitPreprocessor(STRATEGY_TABLE, [plan('v', 'indicator')], STRATEGY_TRAIN);
    expect(p.width).toBe(2);
    expect(featureSlots(p)).toEqual([
      { feature: 'v', label: 'v' },
      { feature: 'v', label: 'v was missing' },
    ]);
    // training rows r1, r2, r3, r4, r6 → the indicator is 1 only for r3
    const x = applyPreprocessor(p, STRATEGY_TABLE, STRATEGY_TRAIN);
    expect([1, 3, 5, 7, 9].map((i) => x[i])).toEqual([0, 0, 1, 0, 0]);
  });

  it("a constant in decimal-comma notation is read with the data set's mark", () => {
    const p = fitPreprocessor(STRATEGY_TABLE, [plan('v', 'constant', { constant: '2,5' })], STRATEGY_TRAIN, ',');
    expect(p.features[0]).toMatchObject({ fill: 2.5 });
  });

  it.each([
    ['a constant that is not a number', plan('v', 'constant', { constant: 'lots' }), STRATEGY_TRAIN],
    ['no present training value', plan('v'), Int32Array.from([3])],
  ])('%s → fill null, and a missing cell encodes as NaN for the gate to stop', (_label, p, train) => {
    const fitted = fitPreprocessor(STRATEGY_TABLE, [p], train);
    expect(fitted.features[0]).toMatchObject({ fill: null });
    const x = applyPreprocessor(fitted, STRATEGY_TABLE, Int32Array.from([5]));
    expect(x[0]).toBeNaN();
    expect(findInvalidInput(x, fitted)).toBe('v');
    // and it survives JSON (NaN would not: JSON.stringify(NaN) is "null")
    expect(JSON.parse(JSON.stringify(fitted))).toEqual(fitted);
  });
});

describe('categorical missing strategies', () => {
  // c over rows: r0 z (test, unseen), r1 a, r2 b, r3 b, r4 missing, r5 missing (test), r6 c.
  // Training r1, r2, r3, r4, r6: a 1, b 2, c 1 → levels [a, b, c], mode b.
  it.each([
    // [strategy, constant, fitted levels, fill, encoding of the missing test row r5]
    ['mode', '', ['a', 'b', 'c'], 'b', [0, 1, 0]],
    ['forward-fill', '', ['a', 'b', 'c'], 'b', [0, 1, 0]],
    ['drop-row', '', ['a', 'b', 'c'], 'b', [0, 1, 0]],
    ['constant', 'a', ['a', 'b', 'c'], 'a', [1, 0, 0]],
    // a constant training never saw becomes a level of its own (trimmed)
    ['constant', ' other ', ['a', 'b', 'c', 'other'], 'other', [0, 0, 0, 1]],
    ['indicator', '', ['a', 'b', 'c', '(missing)'], '(missing)', [0, 0, 0, 1]],
  ] as const)("'%s' %j → levels %j, fill %s", (missing, constant, levels, fill, encoded) => {
    const p = fitPreprocessor(STRATEGY_TABLE, [plan('c', missing, { constant })], STRATEGY_TRAIN);
    expect(p.features[0]).toEqual({ kind: 'categorical', name: 'c', missing, levels, fill });
    const x = applyPreprocessor(p, STRATEGY_TABLE, STRATEGY_TEST);
    // r0 "z" is unseen: all zeros
    expect(cells(x)).toEqual([...levels.map(() => 0), ...encoded]);
  });

  it('names the \'(missing)\' input of an indicator "<column> was missing"', () => {
    const p = fitPreprocessor(STRATEGY_TABLE, [plan('c', 'indicator')], STRATEGY_TRAIN);
    expect(featureSlots(p).map((s) => s.label)).toEqual(['c = a', 'c = b', 'c = c', 'c was missing']);
  });

  it('throws, naming the column, for a median of text (cleanRows refuses such a plan first)', () => {
    expect(() => fitPreprocessor(STRATEGY_TABLE, [plan('c', 'median')], STRATEGY_TRAIN)).toThrow(/"c"/);
  });
});

describe('"was missing" inputs', () => {
  it('a numeric column with training gaps gets one when asked: width + 1, named, 1 where the cell is missing', () => {
    const flagged = fitPreprocessor(TABLE, [plan('income', 'median', { indicator: true }), plan('flat'), plan('home', 'mode')], TRAIN);
    expect(flagged.width).toBe(pre.width + 1);
    expect(flagged.features[0]).toMatchObject({ indicator: true, missingInTraining: 1, fill: 2, mean: 2.5, std: 1.5 });
    expect(featureSlots(flagged).slice(0, 2)).toEqual([
      { feature: 'income', label: 'income' },
      { feature: 'income', label: 'income was missing' },
    ]);
    // rows r1 (1), r3 (missing, training), r5 (missing, test): slot 1 is 0, 1, 1
    const x = applyPreprocessor(flagged, TABLE, Int32Array.from([1, 3, 5]));
    expect([x[1], x[flagged.width + 1], x[2 * flagged.width + 1]]).toEqual([0, 1, 1]);
    expect(cells(encodeApplicant(flagged, { income: '', flat: '10', home: 'b' }))).toEqual(cells(applyPreprocessor(flagged, TABLE, Int32Array.from([5]))));
    expect(encodeApplicant(flagged, { income: '1', flat: '10', home: 'a' })[1]).toBe(0);
  });

  it('turning it off removes exactly that input', () => {
    const on = fitPreprocessor(STRATEGY_TABLE, [plan('v', 'median', { indicator: true })], STRATEGY_TRAIN);
    const off = fitPreprocessor(STRATEGY_TABLE, [plan('v', 'median', { indicator: false })], STRATEGY_TRAIN);
    expect(on.width).toBe(2);
    expect(off.width).toBe(1);
    expect(off.features[0]).toMatchObject({ indicator: false, missingInTraining: 1 });
  });

  it.each([
    // flat has no gaps at all; v's only gap outside r3 is the test row r5
    ['a column without gaps', TABLE, plan('flat', 'median', { indicator: true }), TRAIN],
    ['gaps only in test rows', STRATEGY_TABLE, plan('v', 'median', { indicator: true }), Int32Array.from([1, 2, 4, 6])],
    ["gaps only in test rows, strategy 'indicator'", STRATEGY_TABLE, plan('v', 'indicator'), Int32Array.from([1, 2, 4, 6])],
  ])('none for %s: its input would be 0 in every training row', (_label, t, p, train) => {
    const fitted = fitPreprocessor(t, [p], train);
    expect(fitted.features[0]).toMatchObject({ indicator: false, missingInTraining: 0 });
    expect(fitted.width).toBe(1);
  });

  it('missingInTraining counts the training rows with a gap, not the test rows', () => {
    // v missing where i % 3 = 0 (i = 0, 3, …, 18); training rows are the even i: 0, 6, 12, 18 → 4
    // (the odd gaps 3, 9, 15 are test rows)
    const t = table(
      num(
        'v',
        Array.from({ length: 20 }, (_, i) => (i % 3 === 0 ? Number.NaN : i)),
      ),
    );
    const train = Int32Array.from({ length: 10 }, (_, i) => 2 * i);
    const fitted = fitPreprocessor(t, [plan('v', 'median', { indicator: true })], train);
    expect(fitted.features[0]).toMatchObject({ indicator: true, missingInTraining: 4 });
    const x = applyPreprocessor(fitted, t, train);
    expect(Array.from({ length: 10 }, (_, r) => x[2 * r + 1]).reduce((a, b) => a + b, 0)).toBe(4);
  });

  it("a text column's 'indicator' strategy adds \"(missing)\" only when training had gaps; else the mode fills", () => {
    // training r1, r2, r3, r6 (not r4): a, b, b, c → no gaps; the test row r5's gap takes the mode b
    const fitted = fitPreprocessor(STRATEGY_TABLE, [plan('c', 'indicator')], Int32Array.from([1, 2, 3, 6]));
    expect(fitted.features[0]).toEqual({ kind: 'categorical', name: 'c', missing: 'indicator', levels: ['a', 'b', 'c'], fill: 'b' });
    expect(cells(applyPreprocessor(fitted, STRATEGY_TABLE, Int32Array.from([5])))).toEqual([0, 1, 0]);
  });
});

describe('findOutsideTrainedRange', () => {
  // The bounds an outlier 'drop' rule fitted on x = 1..9 (fitCleaning.test.ts): IQR k = 1.5 → −3 to 13.
  const t = table(num('x', [1, 2, 3, 4, 5, 6, 7, 8, 9]), num('z', [1, 2, 3, 4, 5, 6, 7, 8, 9]));
  const range: TrainedRange = { lower: -3, upper: 13, rule: 'IQR, k = 1.5, bounds -3 to 13' };
  const fitted = fitPreprocessor(
    t,
    [plan('x'), plan('z')],
    Int32Array.from({ length: 9 }, (_, i) => i),
    '.',
    new Map([['x', range]]),
  );

  it('carries the fitted bounds with the feature, through JSON', () => {
    expect(fitted.features.map((f) => (f.kind === 'numeric' ? f.trainedRange : 'text'))).toEqual([range, null]);
    expect(JSON.parse(JSON.stringify(fitted))).toEqual(fitted);
  });

  it.each([
    ['14', [{ column: 'x', value: 14, lower: -3, upper: 13 }]],
    ['-3.5', [{ column: 'x', value: -3.5, lower: -3, upper: 13 }]],
    ['13', []], //   on the bound: inside, as the drop rule keeps it
    ['-3', []],
    ['5', []],
    ['', []], //     blank: the fill is used, nothing to flag
    ['NA', []],
  ])('x = %j → %j', (answer, flags) => {
    // z has no drop rule, so even 1e9 is not flagged
    expect(findOutsideTrainedRange(fitted, { x: answer, z: '1e9' })).toEqual(flags);
    // and the applicant is still scored
    expect(encodeApplicant(fitted, { x: answer, z: '1' })).toHaveLength(2);
  });
});

describe('outlier clipping, fitted on training rows and applied before standardising', () => {
  // x: training rows r0–r9 hold 1..9 and 100; test rows r10 = 1000 and r11 = −50.
  const t: Table = { rowCount: 12, columns: [{ kind: 'numeric', name: 'x', values: Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 100, 1000, -50]) }] };
  const train = Int32Array.from({ length: 10 }, (_, i) => i);
  const clipPlan = (outliers: OutlierRule) => plan('x', 'median', { outliers });

  it('IQR: bounds from interpolated quartiles; 100 clipped to 14.5', () => {
    const p = fitPreprocessor(t, [clipPlan({ method: 'iqr', threshold: 1.5, action: 'clip' })], train);
    // q1 3.25, q3 7.75, IQR 4.5 → −3.5 and 14.5
    // clipped column 1..9, 14.5: mean 59.5 / 10 = 5.95;
    //   Σ(x − 5.95)² = (285 − 2·5.95·45 + 9·5.95²) + 8.55² = 68.1225 + 73.1025 = 141.225 → variance 14.1225
    expect(p.features[0]).toMatchObject({ clip: { lower: -3.5, upper: 14.5, rule: 'IQR, k = 1.5, bounds -3.5 to 14.5', trainingCellsClipped: 1 } });
    const feature = p.features[0];
    if (feature.kind !== 'numeric') throw new Error('x should be numeric');
    expect(feature.mean).toBeCloseTo(5.95, 12);
    expect(feature.std).toBeCloseTo(Math.sqrt(14.1225), 12);
    // test: 1000 → 14.5, −50 → −3.5
    const x = applyPreprocessor(p, t, Int32Array.from([10, 11]));
    expect(x[0]).toBeCloseTo((14.5 - 5.95) / Math.sqrt(14.1225), 5);
    expect(x[1]).toBeCloseTo((-3.5 - 5.95) / Math.sqrt(14.1225), 5);
  });

  it('z-score: mean ± t·std of the present training values', () => {
    const p = fitPreprocessor(t, [clipPlan({ method: 'zscore', threshold: 2, action: 'clip' })], train);
    // mean 14.5, population std √818.25 → 14.5 ± 2√818.25 = −42.7101…, 71.7101…; only 100 is beyond
    const upper = 14.5 + 2 * Math.sqrt(818.25);
    const feature = p.features[0];
    if (feature.kind !== 'numeric' || feature.clip === null) throw new Error('x should be clipped');
    expect(feature.clip.lower).toBeCloseTo(14.5 - 2 * Math.sqrt(818.25), 10);
    expect(feature.clip.upper).toBeCloseTo(upper, 10);
    expect(feature.clip.trainingCellsClipped).toBe(1);
    expect(feature.mean).toBeCloseTo((45 + upper) / 10, 10);
  });

  it("'drop' outliers are the cleaning step's job: no clip here", () => {
    const p = fitPreprocessor(t, [clipPlan({ method: 'iqr', threshold: 1.5, action: 'drop' })], train);
    expect(p.features[0]).toMatchObject({ clip: null, mean: 14.5 });
  });
});

describe('applyPreprocessor', () => {
  it('encodes training rows with training statistics', () => {
    const x = applyPreprocessor(pre, TABLE, TRAIN);
    expect(x).toHaveLength(4 * 4);
    const expected = [
      // income            flat  home a, b
      (1 - 2.5) / 1.5,
      0,
      1,
      0, //   r1: −1, a
      (2 - 2.5) / 1.5,
      0,
      0,
      1, //   r2: −1/3, b
      (2 - 2.5) / 1.5,
      0,
      0,
      1, //   r3: missing → median 2 → −1/3, b
      (5 - 2.5) / 1.5,
      0,
      0,
      1, //   r4: 5/3, missing home → mode b
    ];
    cells(x).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
  });

  it('encodes test rows as (x − trainMean) / trainStd, unseen level → zeros, missing → median / mode', () => {
    const x = applyPreprocessor(pre, TABLE, TEST);
    const expected = [
      // r0: (1000 − 2.5) / 1.5 = 665; (1000 − 10) / 1 = 990; "z" unseen → 0, 0
      665,
      990,
      0,
      0,
      // r5: income missing → 2 → (2 − 2.5) / 1.5 = −1/3; flat 0; home missing → mode b
      -1 / 3,
      0,
      0,
      1,
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

  it('reads a batch file whose numeric column came out as text, and refuses text that is no number', () => {
    const batch = (levels: string[]): Table => ({
      rowCount: 3,
      columns: [
        { kind: 'categorical', name: 'income', codes: Int32Array.from([0, 1, 2]), levels },
        { kind: 'numeric', name: 'flat', values: Float64Array.from([10, 10, 10]) },
        { kind: 'categorical', name: 'home', codes: Int32Array.from([0, 1, 0]), levels: ['a', 'b'] },
      ],
    });
    // "1" → (1 − 2.5) / 1.5 = −1; "5" → 5/3; "NA" is a missing marker → median 2 → −1/3
    const x = applyPreprocessor(pre, batch(['1', '5', 'NA']), Int32Array.from([0, 1, 2]));
    [x[0], x[4], x[8]].forEach((v, i) => expect(v).toBeCloseTo([-1, 5 / 3, -1 / 3][i], 6));
    expect(() => applyPreprocessor(pre, batch(['1', '5', 'lots']), Int32Array.from([0]))).toThrow('Column "income" should hold numbers, but holds "lots".');
  });

  it("encodes a text feature that a batch file read as numbers by the numbers' text", () => {
    const t = parseTable('dependents,y\n0,1\n1,0\n3+,1\n');
    const p = fitPreprocessor(t, [plan('dependents', 'mode')], Int32Array.from([0, 1, 2]));
    const batch = parseTable('dependents,y\n1,1\n0,1\n');
    expect(cells(applyPreprocessor(p, batch, Int32Array.from([0, 1])))).toEqual([0, 1, 0, 1, 0, 0]);
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

  // Every strategy, clip and indicator at once: the form and the table encoder must agree on every row.
  const rich = fitPreprocessor(
    STRATEGY_TABLE,
    [plan('v', 'indicator', { outliers: { method: 'iqr', threshold: 1.5, action: 'clip' } }), plan('c', 'constant', { constant: 'other' })],
    STRATEGY_TRAIN,
  );
  it.each([0, 1, 2, 3, 4, 5, 6])('matches applyPreprocessor with indicator, clip and a new constant level: row %d', (row) => {
    expect(cells(encodeApplicant(rich, recordOf(STRATEGY_TABLE, row)))).toEqual(cells(applyPreprocessor(rich, STRATEGY_TABLE, Int32Array.from([row]))));
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

  it('reads "1,5" as 1.5 in a decimal-comma data set, as the table did', () => {
    const t = parseTable('x;y\n1,5;a\n2,5;b\n4,0;a\n');
    const p = fitPreprocessor(t, [plan('x'), plan('y', 'mode')], Int32Array.from([0, 1, 2]), ',');
    expect(p.decimal).toBe(',');
    expect(p.features[0]).toMatchObject({ fill: 2.5 }); // median of 1.5, 2.5, 4
    expect(cells(encodeApplicant(p, { x: '1,5', y: 'a' }))).toEqual(cells(applyPreprocessor(p, t, Int32Array.from([0]))));
    expect(JSON.parse(JSON.stringify(p)).decimal).toBe(',');
  });

  it("refuses a value outside the column's possible range, naming the field", () => {
    const t = parseTable('age,y\n30,1\n40,0\n50,1\n');
    const p = fitPreprocessor(t, [plan('age', 'median', { range: { min: 0, max: 150 } })], Int32Array.from([0, 1, 2]));
    expect(() => encodeApplicant(p, { age: '200' })).toThrow('"age" must be within 0–150.');
    expect(() => encodeApplicant(p, { age: '-1' })).toThrow(/age/);
    expect(cells(encodeApplicant(p, { age: '40' }))).toEqual([0]);
  });

  it('an unseen category encodes as all zeros', () => {
    const x = encodeApplicant(pre, { income: '2.5', flat: '10', home: 'castle' });
    // (2.5 − 2.5) / 1.5 = 0
    expect(cells(x)).toEqual([0, 0, 0, 0]);
  });

  it('matches a number-like category by its shortest text, as the reader stores it ("01" → "1")', () => {
    const t = parseTable('dependents,y\n0,1\n1,0\n3+,1\n');
    const p = fitPreprocessor(t, [plan('dependents', 'mode')], Int32Array.from([0, 1, 2]));
    expect(cells(encodeApplicant(p, { dependents: '01' }))).toEqual([0, 1, 0]);
    expect(cells(encodeApplicant(p, { dependents: '3+' }))).toEqual([0, 0, 1]);
  });
});

describe('featureSlots', () => {
  it('names every input in encoding order', () => {
    expect(featureSlots(pre)).toEqual([
      { feature: 'income', label: 'income' },
      { feature: 'flat', label: 'flat' },
      { feature: 'home', label: 'home = a' },
      { feature: 'home', label: 'home = b' },
    ]);
    expect(featureSlots(pre)).toHaveLength(pre.width);
  });
});

describe('findInvalidInput: the data-quality gate', () => {
  // home (3 slots: a, b, (missing)) first, then income with an indicator (2 slots): width 5
  const p = fitPreprocessor(TABLE, [plan('home', 'indicator'), plan('income', 'indicator')], TRAIN);

  it.each([
    // [slot of the bad value in a 2-row matrix (row-major), value, feature]
    [3, Number.NaN, 'income'], //                 row 0, slot 3 = income
    [4 + 5, Number.POSITIVE_INFINITY, 'income'], // row 1, slot 4 = income was missing
    [1 + 5, Number.NEGATIVE_INFINITY, 'home'], //  row 1, slot 1 = home = b
  ])('a bad value at %d (%d) names %s', (index, value, feature) => {
    expect(p.width).toBe(5);
    const x = new Float32Array(2 * 5);
    x[index] = value;
    expect(findInvalidInput(x, p)).toBe(feature);
  });

  it('names the first feature in encoding order when several are bad', () => {
    const x = new Float32Array(2 * 5);
    x[3] = Number.NaN; //   row 0, income
    x[5] = Number.NaN; //   row 1, home
    expect(findInvalidInput(x, p)).toBe('home');
  });

  it('is null for finite values, including huge and tiny ones', () => {
    expect(findInvalidInput(Float32Array.from([3.4e38, -3.4e38, 1e-45, 0, -0, 1, 2, 3, 4, 5]), p)).toBeNull();
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

  it('round-trips with clip bounds, indicators and extra levels', () => {
    const p = fitPreprocessor(
      STRATEGY_TABLE,
      [plan('v', 'indicator', { outliers: { method: 'zscore', threshold: 1, action: 'clip' }, range: { min: 0, max: null } }), plan('c', 'indicator')],
      STRATEGY_TRAIN,
    );
    const copy = JSON.parse(JSON.stringify(p)) as Preprocessor;
    expect(copy).toEqual(p);
    const all = Int32Array.from([0, 1, 2, 3, 4, 5, 6]);
    expect(cells(applyPreprocessor(copy, STRATEGY_TABLE, all))).toEqual(cells(applyPreprocessor(p, STRATEGY_TABLE, all)));
  });
});

describe('describeFill', () => {
  it('gives the fitted fill for a report', () => {
    expect(pre.features.map(describeFill)).toEqual(['2', '10', '"b"']);
  });
});

describe('computeMedian (re-exported)', () => {
  it('is the median of the values', () => {
    // sorted 1, 2, 3, 4 → (2 + 3) / 2
    expect(computeMedian([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('piecewise-linear encoding (PLE)', () => {
  it('edges are the distinct quantiles t/bins of the training values (numpy linear rule)', () => {
    // np.quantile([1,2,2,3,5,8,13,21,34,55], [0, .25, .5, .75, 1]) = [1, 2.25, 6.5, 19, 55]
    expect(pleEdges([1, 2, 2, 3, 5, 8, 13, 21, 34, 55], 4)).toEqual([1, 2.25, 6.5, 19, 55]);
    // np.quantile([0,0,0,0,1,1], [0,.25,.5,.75,1]) = [0, 0, 0, 0.75, 1]: repeated edges collapse
    expect(pleEdges([0, 0, 0, 0, 1, 1], 4)).toEqual([0, 0.75, 1]);
    expect(pleEdges([7, 7, 7], 4), 'a constant has no bins').toBeNull();
  });

  it('writes 1 for bins below the value, the covered fraction of its bin, 0 above; saturates outside', () => {
    const out = new Float32Array(4);
    writePle([0, 10, 20, 40, 80], 25, out, 0);
    // 25 covers bins [0,10) and [10,20) fully, a quarter of [20,40), none of [40,80)
    expect(Array.from(out)).toEqual([1, 1, 0.25, 0]);
    writePle([0, 10, 20, 40, 80], -5, out, 0);
    expect(Array.from(out)).toEqual([0, 0, 0, 0]);
    writePle([0, 10, 20, 40, 80], 1e9, out, 0);
    expect(Array.from(out)).toEqual([1, 1, 1, 1]);
  });

  it('bins grow with the cube root of the training rows, 4 to 32', () => {
    expect(pleBinCount(27)).toBe(4);
    expect(pleBinCount(1000)).toBe(10);
    expect(pleBinCount(26_000)).toBe(30);
    expect(pleBinCount(10_000_000)).toBe(32);
  });

  it('encodes a table and an applicant the same way, with the indicator after the bins', () => {
    // income training values 1, 2, (missing → median 2), 5 → seen values 1, 2, 2, 5; 4 bins:
    // np.quantile([1,2,2,5], [0,.25,.5,.75,1]) = [1, 1.75, 2, 2.75, 5]
    const ple = fitPreprocessor(TABLE, [plan('income', 'median', { indicator: true }), plan('home', 'mode')], TRAIN, '.', new Map(), 'ple');
    const income = ple.features[0];
    expect(income.kind === 'numeric' && income.ple?.edges).toEqual([1, 1.75, 2, 2.75, 5]);
    // 4 PLE inputs + 1 indicator + 2 levels
    expect(ple.width).toBe(7);
    const x = applyPreprocessor(ple, TABLE, Int32Array.from([3, 4]));
    // r3: income missing → 2: bins [1,1.75) full, [1.75,2) full, rest 0; indicator 1; home b
    expect(cells(x.subarray(0, 7))).toEqual([1, 1, 0, 0, 1, 0, 1]);
    // r4: income 5 → all bins full; no indicator; home missing → mode b
    expect(cells(x.subarray(7, 14))).toEqual([1, 1, 1, 1, 0, 0, 1]);
    for (const row of [0, 1, 2, 3, 4, 5]) expect(cells(encodeApplicant(ple, recordOf(TABLE, row)))).toEqual(cells(applyPreprocessor(ple, TABLE, Int32Array.from([row]))));
    expect(featureSlots(ple).map((s) => s.label)).toEqual([
      'income in 1–1.75',
      'income in 1.75–2',
      'income in 2–2.75',
      'income in 2.75–5',
      'income was missing',
      'home = a',
      'home = b',
    ]);
  });
});
