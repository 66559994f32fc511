import { describe, expect, it } from 'vitest';
import { tryParseCsv } from '../csv/parseCsv';
import { prepareData, type PreparedData } from '../pipeline';
import { stratifiedSplit } from '../split/stratifiedSplit';
import type { Table } from '../table';
import type { CleaningPlan } from './plan';
import { removalReasonText, removedRowsCsv, type RemovedRows } from './removedRows';

function parseTable(text: string): Table {
  const parsed = tryParseCsv(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.data.table;
}

// One row removed by each step; names hold a comma, a quote and a line break.
const TABLE = parseTable(
  [
    'name,age,income,y',
    '"Smith, J",30,100,1', //   r0 row 1
    '"Smith, J",30,100,1', //   r1 duplicate of row 1
    '"O""Brien",200,300,0', //  r2 age outside 0–150
    '"Lee\nJr",40,,', //        r3 no label
    'Kim,41,,0', //             r4 income missing, dropped
    'Ng,42,1000,1', //          r5 income outlier, when a training row
    'Ama,43,110,1',
    'Bo,44,120,0',
    'Cy,45,130,0',
    'Di,46,140,1',
    'Ed,47,150,0',
  ].join('\n'),
);

const PLAN: CleaningPlan = {
  target: 'y',
  positive: '1',
  negative: '0',
  features: ['age', 'income'],
  duplicates: { kind: 'exact' },
  columns: [
    { column: 'age', missing: 'median', constant: '', range: { min: 0, max: 150 }, outliers: null, indicator: false },
    { column: 'income', missing: 'drop-row', constant: '', range: null, outliers: { method: 'iqr', threshold: 1.5, action: 'drop' }, indicator: false },
  ],
};

// The row rules keep r0, r5, r6, r7, r8, r9, r10 (positions 0–6), labelled 1, 1, 1, 0, 0, 1, 0;
// a 20% stratified split sends one row of each class to test. The outlier bounds are fitted on the
// other five.
const KEPT_LABELS = [1, 1, 1, 0, 0, 1, 0];

function prepared(plan: CleaningPlan, seed: number): PreparedData {
  const result = prepareData(TABLE, { ...plan, testFraction: 0.2, validation: { kind: 'holdout', fraction: 0 }, seed });
  if (!result.ok) throw new Error(result.reason);
  return result.data;
}

function removedBy(plan: CleaningPlan, seed = 9): RemovedRows {
  return prepared(plan, seed).removed;
}

describe('removedRowsCsv', () => {
  // Seed 9 tests r9 and r10 (positions 5, 6). Training income: r0 100, r5 1000, r6 110, r7 120, r8 130
  //   sorted 100, 110, 120, 130, 1000; q1 at 4·0.25 = 1 → 110, q3 at 3 → 130; IQR 20
  //   bounds 110 − 30 = 80 and 130 + 30 = 160 → r5 (1000) is dropped
  it('the split is the one the hand computations assume', () => {
    expect(Array.from(stratifiedSplit(KEPT_LABELS, 0.2, 9).test)).toEqual([5, 6]);
    expect(Array.from(stratifiedSplit(KEPT_LABELS, 0.2, 4).test)).toEqual([1, 4]);
  });

  const removed = removedBy(PLAN);

  it('writes every removed row with its 1-based row number and reason, quoting as RFC 4180', () => {
    expect(removedRowsCsv(TABLE, removed)).toBe(
      [
        'name,age,income,y,row_number,removal_reason',
        '"Smith, J",30,100,1,2,duplicate of row 1',
        '"O""Brien",200,300,0,3,age = 200 is outside 0–150',
        '"Lee\nJr",40,,,4,no label in y',
        'Kim,41,,0,5,missing value in income',
        'Ng,42,1000,1,6,"income = 1000 is an outlier (IQR, k = 1.5, bounds 80 to 160)"',
        '',
      ].join('\r\n'),
    );
  });

  it('leaves out a test row outside the bounds: it is kept, scored and counted', () => {
    // Seed 4 tests r5 (Ng) and r8. Training income: r0 100, r6 110, r7 120, r9 140, r10 150
    //   q1 110, q3 140; IQR 30 → bounds 65 to 185: no training row is outside; Ng's 1000 is
    const data = prepared(PLAN, 4);
    expect(Array.from(data.removed.rows)).toEqual([1, 2, 3, 4]);
    expect(data.report.steps.at(-1)).toEqual({
      step: 'outlier',
      column: 'income',
      rows: 0,
      rule: 'IQR, k = 1.5, bounds 65 to 185',
      because: { code: 'outlier.bounds', method: 'iqr', threshold: 1.5, lower: 65, upper: 185 },
      testRowsOutside: 1,
    });
    expect(data.test.rows).toBe(2);
  });

  it('defuses a cell the file carried as a formula (OWASP CSV injection): the removed-rows download must not run it', () => {
    const hostile = parseTable(
      [
        'name,age,y',
        '"=HYPERLINK(""http://evil.example"",""x"")",30,1',
        '"=HYPERLINK(""http://evil.example"",""x"")",30,1',
        '@cmd,-4,0',
        'ok,31,0',
        'a,32,1',
        'b,33,0',
        'c,34,1',
        'd,35,0',
      ].join('\n'),
    );
    const plan: CleaningPlan = {
      target: 'y',
      positive: '1',
      negative: '0',
      features: ['age'],
      duplicates: { kind: 'exact' },
      columns: [{ column: 'age', missing: 'median', constant: '', range: { min: 0, max: 150 }, outliers: null, indicator: false }],
    };
    const result = prepareData(hostile, { ...plan, testFraction: 0.2, validation: { kind: 'holdout', fraction: 0 }, seed: 1 });
    if (!result.ok) throw new Error(result.reason);
    // Row 2 duplicates row 1 (its formula text quoted and prefixed), row 3's "@cmd" is out of range by its age of −4, which stays a number.
    expect(removedRowsCsv(hostile, result.data.removed)).toBe(
      ['name,age,y,row_number,removal_reason', `"'=HYPERLINK(""http://evil.example"",""x"")",30,1,2,duplicate of row 1`, `"'@cmd",-4,0,3,age = -4 is outside 0–150`, ''].join(
        '\r\n',
      ),
    );
  });

  it('stops after `limit` rows', () => {
    expect(removedRowsCsv(TABLE, removed, 1)).toBe('name,age,income,y,row_number,removal_reason\r\n"Smith, J",30,100,1,2,duplicate of row 1\r\n');
  });

  it('names the ID column of a by-column duplicate', () => {
    const byName = removedBy({ ...PLAN, duplicates: { kind: 'by-column', column: 'name' } });
    expect(removalReasonText(TABLE, byName, 0)).toBe('duplicate of row 1 (same name)');
  });

  it('writes only the header when nothing was removed', () => {
    const none: RemovedRows = { rows: new Int32Array(0), reasons: new Uint8Array(0), columns: new Int32Array(0), duplicateOf: new Int32Array(0), rules: [] };
    expect(removedRowsCsv(TABLE, none)).toBe('name,age,income,y,row_number,removal_reason\r\n');
  });
});
