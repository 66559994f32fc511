import { describe, expect, it } from 'vitest';
import { tryParseCsv } from '../csv/parseCsv';
import { getColumn, type Table } from '../table';
import { cleanTable, type CleaningConfig } from './cleanTable';

function parseTable(text: string): Table {
  const parsed = tryParseCsv(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.data.table;
}

// r0..r9; comments say what cleaning should do with each row.
const CSV = [
  'id,age,income,home,status',
  '1,25,1000,RENT,Y', //   r0 kept
  '2,30,,OWN,N', //        r1 kept (income missing)
  '2,30,,OWN,N', //        r2 exact duplicate of r1 (missing cells compare equal) → duplicate
  '3,200,3000,RENT,Y', //  r3 age 200 → out of range
  '4,-1,4000,,N', //       r4 age -1 → out of range
  '5,,5000,OWN,Y', //      r5 age missing → kept (left for imputation)
  '6,40,6000,RENT,', //    r6 no label → unlabeled
  '7,45,7000,,N', //       r7 kept (home missing)
  '8,50,,OWN,Y', //        r8 kept (income missing)
  '3,200,3000,RENT,Y', //  r9 duplicate of r3; r3 itself is later dropped by the age rule
].join('\n');

const AGE_RULE = { column: 'age', min: 0, max: 150 };

const CONFIG: CleaningConfig = {
  target: 'status',
  positive: 'Y',
  negative: 'N',
  features: ['age', 'income', 'home'],
  dropDuplicates: true,
  rangeRules: [AGE_RULE],
};

function cleanOk(t: Table, config: CleaningConfig) {
  const result = cleanTable(t, config);
  if (!result.ok) throw new Error(result.reason);
  return result.data;
}

describe('cleanTable report', () => {
  const table = parseTable(CSV);

  it('counts every dropped row by reason', () => {
    const { report } = cleanOk(table, CONFIG);
    expect(report.rowsBefore).toBe(10);
    expect(report.duplicateRows).toBe(2); // r2, r9
    expect(report.unlabeledRows).toBe(1); // r6
    // r3 (200) and r4 (-1); r9 was already gone as a duplicate so is not counted again
    expect(report.outOfRange).toEqual([{ rule: AGE_RULE, rows: 2 }]);
    // 10 − 2 − 1 − 2 = 5 rows: r0, r1, r5, r7, r8
    expect(report.rowsAfter).toBe(5);
    // labels Y, N, Y, N, Y → 3 positives, 2 negatives
    expect(report.positives).toBe(3);
    expect(report.negatives).toBe(2);
  });

  it('reports missing cells per feature in the cleaned rows, with the fill that will be used', () => {
    const { report } = cleanOk(table, CONFIG);
    expect(report.missingByColumn).toEqual([
      { column: 'age', missing: 1, fill: 'median' }, //          r5
      { column: 'income', missing: 2, fill: 'median' }, //       r1, r8 (r2 was a duplicate)
      { column: 'home', missing: 1, fill: 'most frequent' }, //  r7 (r4 was out of range)
    ]);
  });

  it('leaves out features with no missing cells', () => {
    const { report } = cleanOk(table, { ...CONFIG, features: ['id', 'income'] });
    expect(report.missingByColumn).toEqual([{ column: 'income', missing: 2, fill: 'median' }]);
  });

  it('returns the kept rows in order with 0/1 labels', () => {
    const { table: clean, labels } = cleanOk(table, CONFIG);
    expect(clean.rowCount).toBe(5);
    const id = getColumn(clean, 'id');
    if (id.kind !== 'numeric') throw new Error('id should be numeric');
    expect(Array.from(id.values)).toEqual([1, 2, 5, 7, 8]);
    expect(Array.from(labels)).toEqual([1, 0, 1, 0, 1]);
  });

  it('keeps rows whose age is missing: a range rule only drops present values', () => {
    const { table: clean } = cleanOk(table, CONFIG);
    const age = getColumn(clean, 'age');
    if (age.kind !== 'numeric') throw new Error('age should be numeric');
    // r0 25, r1 30, r5 missing, r7 45, r8 50
    expect(Array.from(age.values)).toEqual([25, 30, Number.NaN, 45, 50]);
  });

  it('keeps duplicates when dropDuplicates is off, and the range rule then catches r9 too', () => {
    const { report } = cleanOk(table, { ...CONFIG, dropDuplicates: false });
    expect(report.duplicateRows).toBe(0);
    expect(report.unlabeledRows).toBe(1);
    expect(report.outOfRange[0].rows).toBe(3); // r3, r4, r9
    // 10 − 1 − 3 = 6: r0, r1, r2, r5, r7, r8 → Y N N Y N Y
    expect(report.rowsAfter).toBe(6);
    expect(report.positives).toBe(3);
    expect(report.negatives).toBe(3);
  });

  it('with no range rule, out-of-range ages stay', () => {
    const { report } = cleanOk(table, { ...CONFIG, rangeRules: [] });
    expect(report.outOfRange).toEqual([]);
    // 10 − 2 duplicates − 1 unlabeled = 7
    expect(report.rowsAfter).toBe(7);
  });
});

describe('cleanTable order: duplicates, then labels, then ranges', () => {
  it('counts each dropped row once, under the first reason that applies', () => {
    const t = parseTable(
      [
        'age,status',
        '20,', //   r0 unlabeled
        '20,', //   r1 duplicate of r0 → duplicate (not unlabeled), though r0 is dropped as unlabeled
        '999,', //  r2 unlabeled and out of range → unlabeled only
        '999,0', // r3 out of range
        '999,0', // r4 duplicate of r3 → duplicate only
        '30,1',
        '31,1',
        '32,0',
        '33,0',
      ].join('\n'),
    );
    const { report } = cleanOk(t, {
      target: 'status',
      positive: '1',
      negative: '0',
      features: ['age'],
      dropDuplicates: true,
      rangeRules: [{ column: 'age', min: 0, max: 150 }],
    });
    expect(report.duplicateRows).toBe(2); // r1, r4
    expect(report.unlabeledRows).toBe(2); // r0, r2
    expect(report.outOfRange[0].rows).toBe(1); // r3
    expect(report.rowsAfter).toBe(4); // 9 − 2 − 2 − 1
    expect(report.positives).toBe(2);
    expect(report.negatives).toBe(2);
  });

  it('a row breaking two rules counts only under the first rule', () => {
    const t = parseTable('a,b,y\n-5,-5,1\n1,-5,0\n1,1,1\n2,2,1\n3,3,0\n4,4,0\n');
    const ruleA = { column: 'a', min: 0, max: 10 };
    const ruleB = { column: 'b', min: 0, max: 10 };
    const { report } = cleanOk(t, {
      target: 'y',
      positive: '1',
      negative: '0',
      features: ['a', 'b'],
      dropDuplicates: true,
      rangeRules: [ruleA, ruleB],
    });
    // row 0 breaks both → ruleA; row 1 breaks only b → ruleB
    expect(report.outOfRange).toEqual([
      { rule: ruleA, rows: 1 },
      { rule: ruleB, rows: 1 },
    ]);
    expect(report.rowsAfter).toBe(4);
  });

  it('a third target value counts as unlabeled', () => {
    const t = parseTable('x,y\n1,good\n2,bad\n3,good\n4,bad\n5,unknown\n');
    const { report } = cleanOk(t, { target: 'y', positive: 'bad', negative: 'good', features: ['x'], dropDuplicates: true, rangeRules: [] });
    expect(report.unlabeledRows).toBe(1);
    expect(report.positives).toBe(2);
    expect(report.negatives).toBe(2);
  });
});

describe('cleanTable failure', () => {
  it.each([
    // loan_status 1 appears once: fewer than 2 positives
    ['one positive in the file', 'x,loan_status\n1,1\n2,0\n3,0\n4,0\n', [], '1'],
    // two positives, but one has x = 500 and is dropped by the rule → 1 left
    ['a positive removed by a range rule', 'x,loan_status\n1,1\n500,1\n3,0\n4,0\n', [{ column: 'x', min: 0, max: 150 }], '1'],
    // one negative, the other negative row is a duplicate of it
    ['negatives reduced to one by duplicates', 'x,loan_status\n1,1\n2,1\n3,0\n3,0\n', [], '0'],
  ])('%s → ok:false naming the target and the scarce value', (_label, csv, rules, scarce) => {
    const result = cleanTable(parseTable(csv), {
      target: 'loan_status',
      positive: '1',
      negative: '0',
      features: ['x'],
      dropDuplicates: true,
      rangeRules: rules,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain('loan_status');
      expect(result.reason).toContain(`"${scarce}"`);
    }
  });
});
