import { describe, expect, it } from 'vitest';
import { tryParseCsv } from '../csv/parseCsv';
import type { Table } from '../table';
import { cleanTable } from './cleanTable';
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
    'Ng,42,1000,1', //          r5 income outlier
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
    { column: 'age', missing: 'median', constant: '', range: { min: 0, max: 150 }, outliers: null },
    // income before the outlier step (r0, r5–r10): 100, 1000, 110, 120, 130, 140, 150
    //   sorted 100, 110, 120, 130, 140, 150, 1000; q1 at 1.5 → 115, q3 at 4.5 → 145; IQR 30
    //   bounds 115 − 45 = 70 and 145 + 45 = 190
    { column: 'income', missing: 'drop-row', constant: '', range: null, outliers: { method: 'iqr', threshold: 1.5, action: 'drop' } },
  ],
};

function removedBy(plan: CleaningPlan): RemovedRows {
  const result = cleanTable(TABLE, plan);
  if (!result.ok) throw new Error(result.reason);
  return result.data.removed;
}

describe('removedRowsCsv', () => {
  const removed = removedBy(PLAN);

  it('writes every removed row with its 1-based row number and reason, quoting as RFC 4180', () => {
    expect(removedRowsCsv(TABLE, removed)).toBe(
      [
        'name,age,income,y,row_number,removal_reason',
        '"Smith, J",30,100,1,2,duplicate of row 1',
        '"O""Brien",200,300,0,3,age = 200 is outside 0–150',
        '"Lee\nJr",40,,,4,no label in y',
        'Kim,41,,0,5,missing value in income',
        'Ng,42,1000,1,6,"income = 1000 is an outlier (IQR, k = 1.5, bounds 70 to 190)"',
        '',
      ].join('\r\n'),
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
