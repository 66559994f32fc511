import { describe, expect, it } from 'vitest';
import { tryParseCsv } from '../csv/parseCsv';
import { getColumn, type Table } from '../table';
import { cleanRows, type CleanedRows } from './cleanTable';
import { fitCleaning, type FittedCleaning } from './fitCleaning';
import type { CleaningPlan, ColumnPlan, DuplicatePolicy } from './plan';

function parseTable(text: string): Table {
  const parsed = tryParseCsv(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.data.table;
}

/** A column plan with the usual defaults and no "was missing" input, changed by `over`. */
function columnPlan(column: string, over: Partial<ColumnPlan> = {}): ColumnPlan {
  return { column, missing: 'median', constant: '', range: null, outliers: null, indicator: false, ...over };
}

function makePlan(features: string[], over: Record<string, Partial<ColumnPlan>> = {}, duplicates: DuplicatePolicy = { kind: 'exact' }): CleaningPlan {
  return { target: 'y', positive: '1', negative: '0', features, duplicates, columns: features.map((f) => columnPlan(f, over[f])) };
}

function cleanOk(t: Table, plan: CleaningPlan): CleanedRows {
  const result = cleanRows(t, plan);
  if (!result.ok) throw new Error(result.reason);
  return result.data;
}

const positions = (...p: number[]) => Int32Array.from(p);
const allPositions = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

/** Row-cleans `t`, then fits the cleaning on `train` and applies it to `test` (positions into the kept rows). */
function fit(t: Table, plan: CleaningPlan, train?: Int32Array, test: Int32Array = new Int32Array(0)): { cleaned: CleanedRows; fitted: FittedCleaning } {
  const cleaned = cleanOk(t, plan);
  const plans = plan.features.map((name) => plan.columns.find((c) => c.column === name)!);
  return { cleaned, fitted: fitCleaning(cleaned, plans, train ?? allPositions(cleaned.rows.length), test, '.') };
}

/** The numeric column's values at table rows `rows`. */
function numbersAt(t: Table, name: string, rows: ArrayLike<number>): number[] {
  const column = getColumn(t, name);
  if (column.kind !== 'numeric') throw new Error(`${name} should be numeric`);
  return Array.from(rows, (r) => column.values[r]);
}

/** The text column's cells at table rows `rows` (null = missing). */
function textAt(t: Table, name: string, rows: ArrayLike<number>): (string | null)[] {
  const column = getColumn(t, name);
  if (column.kind !== 'categorical') throw new Error(`${name} should be text`);
  return Array.from(rows, (r) => (column.codes[r] < 0 ? null : column.levels[column.codes[r]]));
}

describe('missing cells, counted on the training rows only', () => {
  // The cleanTable fixture: after the row rules, r0, r1, r5, r7, r8 are kept (positions 0–4).
  const t = parseTable(
    [
      'id,age,income,home,y',
      '1,25,1000,RENT,1', //  r0 kept
      '2,30,,OWN,0', //       r1 kept (income missing)
      '2,30,,OWN,0', //       r2 duplicate of r1
      '3,200,3000,RENT,1', // r3 age out of range
      '4,-1,4000,,0', //      r4 age out of range
      '5,,5000,OWN,1', //     r5 kept (age missing)
      '6,40,6000,RENT,', //   r6 no label
      '7,45,7000,,0', //      r7 kept (home missing)
      '8,50,,OWN,1', //       r8 kept (income missing)
    ].join('\n'),
  );
  const plan = makePlan(['age', 'income', 'home'], { age: { range: { min: 0, max: 150 } }, home: { missing: 'mode' } });

  it('with every kept row training, counts the gaps of all of them', () => {
    const { fitted } = fit(t, plan);
    expect(fitted.missing).toMatchObject([
      { column: 'age', missing: 1, strategy: 'median', filledBy: 'the median of the training rows' }, //               r5
      { column: 'income', missing: 2, strategy: 'median', filledBy: 'the median of the training rows' }, //            r1, r8 (r2 was a duplicate)
      { column: 'home', missing: 1, strategy: 'mode', filledBy: 'the most frequent value in the training rows' }, // r7 (r4 was out of range)
    ]);
    expect(fitted.features).toEqual(['age', 'income', 'home']);
    expect(fitted.excludedFeatures).toMatchObject([]);
  });

  it("a test row's gap is not counted: r8 (position 4) tests", () => {
    const { fitted } = fit(t, plan, positions(0, 1, 2, 3), positions(4));
    // income is missing in r1 (training) and r8 (test) → 1
    expect(fitted.missing.map((m) => [m.column, m.missing])).toMatchObject([
      ['age', 1],
      ['income', 1],
      ['home', 1],
    ]);
  });

  it('lists features without gaps too, and names the "was missing" input only where training has gaps', () => {
    const { fitted } = fit(t, makePlan(['id', 'income'], { id: { indicator: true }, income: { indicator: true } }));
    expect(fitted.missing).toMatchObject([
      { column: 'id', missing: 0, strategy: 'median', filledBy: 'the median of the training rows' },
      { column: 'income', missing: 2, strategy: 'median', filledBy: 'the median of the training rows, plus a "income was missing" input' },
    ]);
  });
});

describe("outlier 'drop' bounds, fitted on the training rows", () => {
  // The cleanTable run-order fixture: after the row rules r0, r6, r7, r8, r9, r10, r11 are kept
  // (positions 0–6) and b holds 1, 100, 5, 6, 7, 8, 9 there.
  const t = parseTable(
    [
      'a,b,c,y',
      '1,1,x,1', //   r0
      '1,1,x,1', //   r1 duplicate of r0
      '2,,x,0', //    r2 b missing → drop-row b
      '3,2,,1', //    r3 c missing → drop-row c
      '4,3,x,', //    r4 no label
      '-1,4,x,0', //  r5 a below 0
      '5,100,x,1', // r6 b = 100
      '6,5,y,0', //   r7
      '7,6,y,1', //   r8
      '8,7,y,0', //   r9
      '9,8,y,1', //   r10
      '10,9,y,0', //  r11
    ].join('\n'),
  );
  const plan = makePlan(['a', 'b', 'c'], {
    a: { range: { min: 0, max: null } },
    b: { range: { min: 0, max: 1000 }, missing: 'drop-row', outliers: { method: 'iqr', threshold: 1.5, action: 'drop' } },
    c: { missing: 'drop-row' },
  });

  it('with every kept row training: 100 is dropped from training', () => {
    const { fitted, cleaned } = fit(t, plan);
    // b sorted 1, 5, 6, 7, 8, 9, 100; q1 at (7 − 1)·0.25 = 1.5 → 5.5; q3 at 4.5 → 8.5; IQR 3
    //   bounds 5.5 − 4.5 = 1 and 8.5 + 4.5 = 13 → only 100 is outside (1 is on the bound)
    expect(fitted.outlierSteps).toMatchObject([{ step: 'outlier', column: 'b', rows: 1, rule: 'IQR, k = 1.5, bounds 1 to 13', testRowsOutside: 0 }]);
    expect(fitted.outlierRules).toEqual([{ reason: 'outlier', column: 1, text: 'IQR, k = 1.5, bounds 1 to 13' }]);
    expect(Array.from(fitted.droppedPositions)).toEqual([1]); // r6
    expect(Array.from(fitted.droppedCauses)).toEqual([1]); //   column b
    expect(Array.from(fitted.trainPositions)).toEqual([0, 2, 3, 4, 5, 6]);
    expect(Array.from(fitted.trainPositions, (p) => cleaned.rows[p])).toEqual([0, 7, 8, 9, 10, 11]);
    expect(fitted.trainedRanges.get('b')).toEqual({ lower: 1, upper: 13, rule: 'IQR, k = 1.5, bounds 1 to 13' });
    expect(fitted.missing.map((m) => [m.column, m.missing, m.filledBy])).toMatchObject([
      ['a', 0, 'the median of the training rows'],
      ['b', 0, 'rows with a missing value are dropped; the median of the training rows when scoring'],
      ['c', 0, 'rows with a missing value are dropped; the most frequent value in the training rows when scoring'],
    ]);
  });

  it('with 100 a test row: the bounds come from the rest, 100 is only counted, and a training row outside is dropped', () => {
    const { fitted } = fit(t, plan, positions(0, 2, 3, 4, 5, 6), positions(1));
    // training b sorted 1, 5, 6, 7, 8, 9 (n = 6): q1 at 5·0.25 = 1.25 → 5 + 0.25·1 = 5.25;
    //   q3 at 3.75 → 7 + 0.75·1 = 7.75; IQR 2.5; 1.5·2.5 = 3.75 → bounds 1.5 to 11.5
    //   training r0 (b = 1) is below 1.5 → dropped; test r6 (100) is above → counted, kept
    expect(fitted.outlierSteps).toMatchObject([{ step: 'outlier', column: 'b', rows: 1, rule: 'IQR, k = 1.5, bounds 1.5 to 11.5', testRowsOutside: 1 }]);
    expect(Array.from(fitted.droppedPositions)).toEqual([0]);
    expect(Array.from(fitted.trainPositions)).toEqual([2, 3, 4, 5, 6]);
  });
});

describe('outlier rules on x = 1..9, 100', () => {
  // labels alternate so every class keeps ≥ 2 rows whichever row goes
  const t = parseTable(['x,w,y', ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 100].map((x, i) => `${x},${i === 9 ? 50 : ''},${i % 2}`)].join('\n'));
  const dropPlan = (method: 'iqr' | 'zscore', threshold: number) => makePlan(['x'], { x: { outliers: { method, threshold, action: 'drop' } } });

  it.each([
    // IQR: sorted 1..9, 100; q1 at 9·0.25 = 2.25 → 3 + 0.25·(4 − 3) = 3.25; q3 at 6.75 → 7.75; IQR 4.5
    //   k = 1.5: 3.25 − 6.75 = −3.5, 7.75 + 6.75 = 14.5 → 100 dropped
    ['iqr', 1.5, 1, 'IQR, k = 1.5, bounds -3.5 to 14.5'],
    //   k = 3: 3.25 − 13.5 = −10.25, 7.75 + 13.5 = 21.25 → 100 dropped
    ['iqr', 3, 1, 'IQR, k = 3, bounds -10.25 to 21.25'],
    // z-score: mean (45 + 100) / 10 = 14.5; Σ(x − 14.5)² = 872.25 + 85.5² (7310.25) = 8182.5
    //   population std √818.25 = 28.60507; |z| of 100 = 85.5 / 28.60507 = 2.989 → kept at 3
    ['zscore', 3, 0, 'z-score, |z| > 3, bounds -71.3152 to 100.315'],
    //   at 2: 14.5 ± 57.2101 → [−42.7101, 71.7101] → 100 dropped
    ['zscore', 2, 1, 'z-score, |z| > 2, bounds -42.7101 to 71.7101'],
  ] as const)('%s with threshold %d, every row training, drops %d rows', (method, threshold, rows, rule) => {
    const { fitted } = fit(t, dropPlan(method, threshold));
    expect(fitted.outlierSteps).toMatchObject([{ step: 'outlier', column: 'x', rows, rule, testRowsOutside: 0 }]);
    expect(Array.from(fitted.droppedPositions)).toEqual(rows ? [9] : []);
  });

  it('a test row outside the bounds stays a test row, counted in testRowsOutside', () => {
    const { fitted } = fit(t, dropPlan('iqr', 1.5), allPositions(9), positions(9));
    // training 1..9 (n = 9): q1 at 2 → 3; q3 at 6 → 7; IQR 4; 1.5·4 = 6 → bounds −3 to 13
    expect(fitted.outlierSteps).toMatchObject([{ step: 'outlier', column: 'x', rows: 0, rule: 'IQR, k = 1.5, bounds -3 to 13', testRowsOutside: 1 }]);
    expect(fitted.droppedPositions).toHaveLength(0);
    expect(Array.from(fitted.trainPositions)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(fitted.trainedRanges.get('x')).toEqual({ lower: -3, upper: 13, rule: 'IQR, k = 1.5, bounds -3 to 13' });
  });

  it('a drop rule on a column without training values fits no bounds and drops nothing', () => {
    // w is present only in r9, the test row
    const plan = makePlan(['x', 'w'], { w: { outliers: { method: 'iqr', threshold: 1.5, action: 'drop' } } });
    const { fitted } = fit(t, plan, allPositions(9), positions(9));
    expect(fitted.outlierSteps).toMatchObject([{ step: 'outlier', column: 'w', rows: 0, rule: 'IQR, k = 1.5, no values', testRowsOutside: 0 }]);
    expect(fitted.trainedRanges.has('w')).toBe(false);
    expect(fitted.excludedFeatures.map((e) => [e.column, e.reason])).toMatchObject([['w', 'all-missing']]);
  });

  it("'clip' removes no row and names the rule in clipped", () => {
    const { fitted } = fit(t, makePlan(['x'], { x: { outliers: { method: 'iqr', threshold: 1.5, action: 'clip' } } }));
    expect(fitted.outlierSteps).toMatchObject([]);
    expect(fitted.trainPositions).toHaveLength(10);
    expect(fitted.trainedRanges.size).toBe(0);
    expect(fitted.clipped).toMatchObject([{ column: 'x', rule: 'IQR, k = 1.5, bounds fitted on the training rows' }]);
  });
});

describe('forward fill, along each part separately', () => {
  it('a test gap takes the previous test row’s value, a training gap the previous training row’s', () => {
    const t = parseTable(
      [
        'id,x,c,y',
        '0,1,a,1', // r0 train
        '1,,,0', //   r1 test: the first test row, so it stays missing (not r0's 1, a: r0 trains)
        '2,2,b,1', // r2 test
        '3,,,0', //   r3 train: previous training row r0 → 1, a (not r2's 2, b: r2 tests)
        '4,3,c,1', // r4 train
        '5,,,0', //   r5 test: previous test row r2 → 2, b (not r4's 3, c: r4 trains)
      ].join('\n'),
    );
    const { fitted } = fit(t, makePlan(['x', 'c'], { x: { missing: 'forward-fill' }, c: { missing: 'forward-fill' } }), positions(0, 3, 4), positions(1, 2, 5));
    expect(numbersAt(fitted.source, 'x', [0, 1, 2, 3, 4, 5])).toEqual([1, Number.NaN, 2, 1, 3, 2]);
    expect(textAt(fitted.source, 'c', [0, 1, 2, 3, 4, 5])).toEqual(['a', null, 'b', 'a', 'c', 'b']);
    // training rows after the fill: x 1, 1, 3 and c a, a, c → no gaps left
    expect(fitted.missing.map((m) => [m.column, m.missing])).toMatchObject([
      ['x', 0],
      ['c', 0],
    ]);
  });

  // Rows removed by the row rules carry nothing forward.
  const t = parseTable(
    [
      'x,c,y',
      ',a,1', //  r0 x: leading gap → stays missing (the preprocessor's median fills it)
      '5,b,0', // r1
      ',,1', //   r2 x → 5, c → b
      '9,z,', //  r3 no label → removed: its 9 and z must not carry forward
      ',,0', //   r4 x → 5, c → b (from r1, not r3)
      '7,a,1', // r5
      ',,0', //   r6 x → 7, c → a (identical to r4, so duplicates are kept here)
    ].join('\n'),
  );
  const keep: DuplicatePolicy = { kind: 'keep' };

  it('fills from the previous kept training row in file order; a leading gap stays', () => {
    const plan = makePlan(['x', 'c'], { x: { missing: 'forward-fill' }, c: { missing: 'forward-fill' } }, keep);
    const { cleaned, fitted } = fit(t, plan);
    expect(Array.from(cleaned.rows)).toEqual([0, 1, 2, 4, 5, 6]);
    expect(numbersAt(fitted.source, 'x', cleaned.rows)).toEqual([Number.NaN, 5, 5, 5, 7, 7]);
    expect(textAt(fitted.source, 'c', cleaned.rows)).toEqual(['a', 'b', 'b', 'b', 'a', 'a']);
    expect(fitted.missing).toMatchObject([
      { column: 'x', missing: 1, strategy: 'forward-fill', filledBy: "the previous row's value; the median of the training rows where there is none" },
      { column: 'c', missing: 0, strategy: 'forward-fill', filledBy: "the previous row's value; the most frequent value in the training rows where there is none" },
    ]);
  });

  it('a training row dropped as an outlier carries nothing forward', () => {
    // x: r0 1, r1 2, r2 3, r3 1000, r4 missing, r5 4; y alternates.
    const u = parseTable('x,y\n1,1\n2,0\n3,1\n1000,0\n,1\n4,0\n');
    const plan = makePlan(['x'], { x: { missing: 'forward-fill', outliers: { method: 'iqr', threshold: 1.5, action: 'drop' } } });
    const { fitted } = fit(u, plan);
    // present 1, 2, 3, 4, 1000 (n = 5): q1 at 1 → 2; q3 at 3 → 4; IQR 2 → bounds −1 to 7 → r3 dropped;
    //   r4 then takes r2's 3, not r3's 1000
    expect(Array.from(fitted.droppedPositions)).toEqual([3]);
    expect(numbersAt(fitted.source, 'x', [4])).toEqual([3]);
  });

  it('does not change the input table', () => {
    fit(t, makePlan(['x'], { x: { missing: 'forward-fill' } }, keep));
    expect(numbersAt(t, 'x', [0, 1, 2, 3, 4, 5, 6])).toEqual([Number.NaN, 5, Number.NaN, 9, Number.NaN, 7, Number.NaN]);
  });
});

describe('feature screening, on the training rows', () => {
  // n: all missing; k: always 7; h: "Y" or missing; v: varies. 4 rows, 2 per class, all training.
  const t = parseTable(['n,k,h,v,y', ',7,Y,1,1', ',7,,2,0', ',7,Y,3,1', ',7,,4,0'].join('\n'));

  it.each([
    // [h's missing strategy, constant, is h excluded as constant?]
    ['mode', '', true], //              fill Y → Y everywhere
    ['forward-fill', '', true], //      Y, Y, Y, Y
    ['indicator', '', false], //        Y, (missing), Y, (missing): two values
    ['constant', 'N', false], //        Y, N, Y, N
    ['constant', 'Y', true], //         Y everywhere
  ] as const)("h with '%s' %j: excluded %s", (missing, constant, excluded) => {
    const { fitted } = fit(t, makePlan(['n', 'k', 'h', 'v'], { h: { missing, constant } }));
    expect(fitted.excludedFeatures).toMatchObject([
      { column: 'n', reason: 'all-missing', note: 'n has no values in the training rows, so it is left out of the features.' },
      { column: 'k', reason: 'constant', note: 'k is "7" in every training row, so it cannot tell outcomes apart and is left out of the features.' },
      ...(excluded ? [{ column: 'h', reason: 'constant', note: 'h is "Y" in every training row, so it cannot tell outcomes apart and is left out of the features.' }] : []),
    ]);
    expect(fitted.features).toEqual(excluded ? ['v'] : ['h', 'v']);
    expect(fitted.missing.map((m) => m.column)).toMatchObject(fitted.features);
  });

  // r0–r3 train, r4 and r5 test. tc is 7 in training and varies only in test rows; tm has values only in test rows.
  const u = parseTable(['tc,tm,v,y', '7,,1,1', '7,,2,0', '7,,3,1', '7,,4,0', '1,3,5,1', '2,4,6,0'].join('\n'));
  const plan = makePlan(['tc', 'tm', 'v']);

  it('a column constant or empty in the training rows is excluded, whatever the test rows hold', () => {
    const { fitted } = fit(u, plan, positions(0, 1, 2, 3), positions(4, 5));
    expect(fitted.excludedFeatures.map((e) => [e.column, e.reason])).toMatchObject([
      ['tc', 'constant'],
      ['tm', 'all-missing'],
    ]);
    expect(fitted.features).toEqual(['v']);
  });

  it('with r4 training too, tc varies; tm has one value, constant once filled unless a "was missing" input varies', () => {
    const { fitted } = fit(u, plan, positions(0, 1, 2, 3, 4), positions(5));
    // tm training: missing, missing, missing, missing, 3 → the median fill 3 makes it 3 everywhere
    expect(fitted.excludedFeatures).toMatchObject([
      { column: 'tm', reason: 'constant', note: 'tm is "3" in every training row, so it cannot tell outcomes apart and is left out of the features.' },
    ]);
    expect(fitted.features).toEqual(['tc', 'v']);
    const flagged = fit(u, makePlan(['tc', 'tm', 'v'], { tm: { indicator: true } }), positions(0, 1, 2, 3, 4), positions(5)).fitted;
    // the indicator is 1, 1, 1, 1, 0: it varies, so tm stays
    expect(flagged.excludedFeatures).toMatchObject([]);
    expect(flagged.missing.find((m) => m.column === 'tm')).toMatchObject({
      column: 'tm',
      missing: 4,
      strategy: 'median',
      filledBy: 'the median of the training rows, plus a "tm was missing" input',
    });
  });
});
