import { describe, expect, it } from 'vitest';
import { tryParseCsv } from '../csv/parseCsv';
import { getColumn, type Table } from '../table';
import { cleanTable, type CleanedData } from './cleanTable';
import type { CleaningPlan, ColumnPlan, DuplicatePolicy } from './plan';
import { REMOVAL_REASONS } from './removedRows';

function parseTable(text: string): Table {
  const parsed = tryParseCsv(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.data.table;
}

/** A column plan with the usual defaults (median / mode decided by `missing`), changed by `over`. */
function columnPlan(column: string, over: Partial<ColumnPlan> = {}): ColumnPlan {
  return { column, missing: 'median', constant: '', range: null, outliers: null, indicator: false, ...over };
}

/** A plan over `features`; `over` changes single columns' choices. */
function makePlan(
  target: string,
  positive: string,
  negative: string,
  features: string[],
  over: Record<string, Partial<ColumnPlan>> = {},
  duplicates: DuplicatePolicy = { kind: 'exact' },
): CleaningPlan {
  return { target, positive, negative, features, duplicates, columns: features.map((f) => columnPlan(f, over[f])) };
}

function cleanOk(t: Table, plan: CleaningPlan): CleanedData {
  const result = cleanTable(t, plan);
  if (!result.ok) throw new Error(result.reason);
  return result.data;
}

function numbers(t: Table, name: string): number[] {
  const column = getColumn(t, name);
  if (column.kind !== 'numeric') throw new Error(`${name} should be numeric`);
  return Array.from(column.values);
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

const AGE = { min: 0, max: 150 };
const PLAN = makePlan('status', 'Y', 'N', ['age', 'income', 'home'], { age: { range: AGE }, home: { missing: 'mode' } });

describe('cleanTable report', () => {
  const table = parseTable(CSV);

  it('counts every dropped row by step and column', () => {
    const { report } = cleanOk(table, PLAN);
    expect(report.rowsBefore).toBe(10);
    expect(report.steps).toMatchObject([
      { step: 'duplicates', column: null, rows: 2, rule: 'identical in every column; the first is kept' }, // r2, r9
      { step: 'no-label', column: 'status', rows: 1, rule: 'status is missing or neither "Y" nor "N"' }, // r6
      // r3 (200) and r4 (-1); r9 was already gone as a duplicate so is not counted again
      { step: 'out-of-range', column: 'age', rows: 2, rule: 'allowed 0–150' },
    ]);
    // 10 − 2 − 1 − 2 = 5 rows: r0, r1, r5, r7, r8
    expect(report.rowsAfter).toBe(5);
    // labels Y, N, Y, N, Y → 3 positives, 2 negatives
    expect(report.positives).toBe(3);
    expect(report.negatives).toBe(2);
  });

  it('reports only the row rules: missing cells, screening and fills are fitted per split (fitCleaning)', () => {
    const { report } = cleanOk(table, PLAN);
    expect(Object.keys(report).sort()).toMatchObject(['negatives', 'positives', 'rowsAfter', 'rowsBefore', 'steps']);
  });

  it('returns the kept rows in order with 0/1 labels', () => {
    const { table: clean, labels } = cleanOk(table, PLAN);
    expect(clean.rowCount).toBe(5);
    expect(numbers(clean, 'id')).toEqual([1, 2, 5, 7, 8]);
    expect(Array.from(labels)).toEqual([1, 0, 1, 0, 1]);
  });

  it('keeps rows whose age is missing: a range rule only drops present values', () => {
    const { table: clean } = cleanOk(table, PLAN);
    // r0 25, r1 30, r5 missing, r7 45, r8 50
    expect(numbers(clean, 'age')).toEqual([25, 30, Number.NaN, 45, 50]);
  });

  it('lists each removed row once with its reason, column and the row it repeats', () => {
    const { removed } = cleanOk(table, PLAN);
    expect(Array.from(removed.rows)).toEqual([2, 3, 4, 6, 9]);
    expect(Array.from(removed.reasons, (i) => REMOVAL_REASONS[i])).toEqual(['duplicate', 'out-of-range', 'out-of-range', 'no-label', 'duplicate']);
    // columns: id 0, age 1, income 2, home 3, status 4; an exact duplicate has no column
    expect(Array.from(removed.columns)).toEqual([-1, 1, 1, 4, -1]);
    expect(Array.from(removed.duplicateOf)).toEqual([1, -1, -1, -1, 3]);
  });

  it("keeps duplicates with kind 'keep', and the range rule then catches r9 too", () => {
    const { report } = cleanOk(table, { ...PLAN, duplicates: { kind: 'keep' } });
    expect(report.steps).toMatchObject([
      { step: 'duplicates', column: null, rows: 0, rule: 'not checked: duplicate rows are kept' },
      { step: 'no-label', column: 'status', rows: 1, rule: 'status is missing or neither "Y" nor "N"' },
      { step: 'out-of-range', column: 'age', rows: 3, rule: 'allowed 0–150' }, // r3, r4, r9
    ]);
    // 10 − 1 − 3 = 6: r0, r1, r2, r5, r7, r8 → Y N N Y N Y
    expect(report.rowsAfter).toBe(6);
    expect(report.positives).toBe(3);
    expect(report.negatives).toBe(3);
  });

  it('with no range rule, out-of-range ages stay', () => {
    const { report } = cleanOk(table, { ...PLAN, columns: PLAN.columns.map((c) => ({ ...c, range: null })) });
    expect(report.steps.map((s) => s.step)).toMatchObject(['duplicates', 'no-label']);
    // 10 − 2 duplicates − 1 unlabeled = 7
    expect(report.rowsAfter).toBe(7);
  });

  it.each([
    // [range, rows dropped, rule text]: r3 = 200, r4 = −1 (r9 is a duplicate)
    [{ min: 0, max: null }, 1, 'allowed ≥ 0'], //    r4
    [{ min: null, max: 150 }, 1, 'allowed ≤ 150'], // r3
    [{ min: 30, max: 45 }, 3, 'allowed 30–45'], //   r0 (25), r3, r4
  ])('an open or closed range %j drops %d rows', (range, rows, rule) => {
    const t = parseTable(CSV.replace('8,50,,OWN,Y', '8,45,,OWN,Y')); // r8 age 45, so 30–45 keeps a positive besides r5
    const { report } = cleanOk(t, { ...PLAN, columns: PLAN.columns.map((c) => (c.column === 'age' ? { ...c, range } : c)) });
    expect(report.steps[2]).toMatchObject({ step: 'out-of-range', column: 'age', rows, rule });
  });
});

describe('duplicates: exact rows or an ID column', () => {
  // r1 repeats r0 exactly; r2 shares r0's loan_id with another amount; r4, r5 have no loan_id.
  const t = parseTable(
    [
      'loan_id,amount,y',
      'A1,100,1', // r0
      'A1,100,1', // r1 exact duplicate of r0 (and same id)
      'A1,999,1', // r2 same id as r0, other amount: a duplicate only by id
      'B2,200,0', // r3
      ',300,0', //   r4 no id
      ',300,0', //   r5 no id; an exact duplicate of r4, but a missing id matches nothing
      'C3,400,1', // r6
      'D4,500,0', // r7
    ].join('\n'),
  );
  const features = ['amount'];

  it.each([
    // [policy, removed rows, their duplicateOf, column index (-1 = whole row)]
    [{ kind: 'exact' } as DuplicatePolicy, [1, 5], [0, 4], [-1, -1]],
    [{ kind: 'by-column', column: 'loan_id' } as DuplicatePolicy, [1, 2], [0, 0], [0, 0]],
    [{ kind: 'keep' } as DuplicatePolicy, [], [], []],
  ])('%j removes rows %j', (policy, rows, duplicateOf, columns) => {
    const { removed, report } = cleanOk(t, makePlan('y', '1', '0', features, {}, policy));
    expect(Array.from(removed.rows)).toEqual(rows);
    expect(Array.from(removed.duplicateOf)).toEqual(duplicateOf);
    expect(Array.from(removed.columns)).toEqual(columns);
    expect(report.steps[0].rows).toBe(rows.length);
    expect(report.steps[0].column).toBe(policy.kind === 'by-column' ? 'loan_id' : null);
  });

  it('treats 0 and −0, and two missing numbers, as equal', () => {
    const z = parseTable('a,b,y\n0,,1\n-0,,1\n1,2,0\n2,3,0\n3,4,1\n');
    const { removed } = cleanOk(z, makePlan('y', '1', '0', ['a', 'b']));
    expect(Array.from(removed.rows)).toEqual([1]);
  });

  it('tells apart rows that differ only past float32 precision, in a Float64 column beside a Float32 one', () => {
    // a is exact in float32 (held narrow); b is not, and 0.1 and 0.10000000001 are one float32.
    const close = parseTable('a,b,y\n1,0.1,1\n1,0.10000000001,1\n1,0.1,1\n2,0.5,0\n3,0.7,0\n');
    const { removed } = cleanOk(close, makePlan('y', '1', '0', ['a', 'b']));
    expect(Array.from(removed.rows)).toEqual([2]);
    expect(Array.from(removed.duplicateOf)).toEqual([0]);
  });

  it('finds no duplicates among 5000 distinct rows and every repeat of them', () => {
    const lines = ['a,b,y'];
    for (let i = 0; i < 5000; i++) lines.push(`${i % 100},${Math.floor(i / 100)},${i % 2}`);
    for (let i = 0; i < 5000; i += 7) lines.push(lines[i + 1]); // 715 repeats (i = 0, 7, …, 4998)
    const { report, removed } = cleanOk(parseTable(lines.join('\n')), makePlan('y', '1', '0', ['a', 'b']));
    expect(report.steps[0].rows).toBe(715);
    expect(removed.duplicateOf[0]).toBe(0);
    expect(removed.duplicateOf[714]).toBe(4998);
    expect(report.rowsAfter).toBe(5000);
  });
});

describe('cleanTable order: duplicates, labels, ranges, missing rows', () => {
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
    const { report } = cleanOk(t, makePlan('status', '1', '0', ['age'], { age: { range: AGE } }));
    expect(report.steps.map((s) => s.rows)).toMatchObject([2, 2, 1]); // duplicates r1, r4; unlabeled r0, r2; range r3
    expect(report.rowsAfter).toBe(4); // 9 − 2 − 2 − 1
    expect(report.positives).toBe(2);
    expect(report.negatives).toBe(2);
  });

  it('a row breaking two rules counts only under the first rule', () => {
    const t = parseTable('a,b,y\n-5,-5,1\n1,-5,0\n1,1,1\n2,2,1\n3,3,0\n4,4,0\n');
    const rule = { min: 0, max: 10 };
    const { report } = cleanOk(t, makePlan('y', '1', '0', ['a', 'b'], { a: { range: rule }, b: { range: rule } }));
    // row 0 breaks both → a; row 1 breaks only b → b
    expect(report.steps.slice(2).map((s) => [s.column, s.rows])).toMatchObject([
      ['a', 1],
      ['b', 1],
    ]);
    expect(report.rowsAfter).toBe(4);
  });

  it('a third target value counts as unlabeled', () => {
    const t = parseTable('x,y\n1,good\n2,bad\n3,good\n4,bad\n5,unknown\n');
    const { report, removed } = cleanOk(t, makePlan('y', 'bad', 'good', ['x']));
    expect(report.steps[1]).toMatchObject({ step: 'no-label', rows: 1 });
    expect(Array.from(removed.rows)).toEqual([4]);
    expect(report.positives).toBe(2);
    expect(report.negatives).toBe(2);
  });

  it('matches a numeric target by its text: "1" and "0", never "1.0"', () => {
    const t = parseTable('x,y\n1,1\n2,0\n3,1.0\n4,0\n5,1\n6,2\n');
    // y parses as numbers 1, 0, 1, 0, 1, 2; the text of 1.0 is "1", so rows 0, 2, 4 are positive
    const { labels, report } = cleanOk(t, makePlan('y', '1', '0', ['x']));
    expect(Array.from(labels)).toEqual([1, 0, 1, 0, 1]);
    expect(report.steps[1].rows).toBe(1); // the 2
    expect(cleanTable(t, makePlan('y', '1.0', '0', ['x'])).ok).toBe(false); // no cell's text is "1.0"
  });

  // Every step with a rule on two columns, one of them removing nothing, so the report shows both.
  // b's outlier rule is fitted on training rows later (fitCleaning.test.ts), so r6 stays here.
  it('reports every configured row rule in run order, zero counts included; no outlier step', () => {
    const t = parseTable(
      [
        'a,b,c,y',
        '1,1,x,1', //   r0
        '1,1,x,1', //   r1 duplicate of r0
        '2,,x,0', //    r2 b missing → drop-row b
        '3,2,,1', //    r3 c missing → drop-row c
        '4,3,x,', //    r4 no label
        '-1,4,x,0', //  r5 a below 0 → out of range a
        '5,100,x,1', // r6 b = 100: an outlier of b, but kept by the row rules
        '6,5,y,0', //   r7
        '7,6,y,1', //   r8
        '8,7,y,0', //   r9
        '9,8,y,1', //   r10
        '10,9,y,0', //  r11
      ].join('\n'),
    );
    const plan = makePlan('y', '1', '0', ['a', 'b', 'c'], {
      a: { range: { min: 0, max: null } },
      b: { range: { min: 0, max: 1000 }, missing: 'drop-row', outliers: { method: 'iqr', threshold: 1.5, action: 'drop' } },
      c: { missing: 'drop-row' },
    });
    const { report, removed } = cleanOk(t, plan);
    expect(report.steps).toMatchObject([
      { step: 'duplicates', column: null, rows: 1, rule: 'identical in every column; the first is kept' },
      { step: 'no-label', column: 'y', rows: 1, rule: 'y is missing or neither "1" nor "0"' },
      { step: 'out-of-range', column: 'a', rows: 1, rule: 'allowed ≥ 0' },
      { step: 'out-of-range', column: 'b', rows: 0, rule: 'allowed 0–1000' },
      { step: 'missing-value', column: 'b', rows: 1, rule: 'rows with a missing value are dropped' },
      { step: 'missing-value', column: 'c', rows: 1, rule: 'rows with a missing value are dropped' },
    ]);
    expect(Array.from(removed.rows)).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(removed.reasons, (i) => REMOVAL_REASONS[i])).toEqual(['duplicate', 'missing-value', 'missing-value', 'no-label', 'out-of-range']);
    // only the range rules have rule texts; the outlier rule's come with its fitted bounds
    expect(removed.rules).toEqual([
      { reason: 'out-of-range', column: 0, text: '≥ 0' },
      { reason: 'out-of-range', column: 1, text: '0–1000' },
    ]);
    // 12 − 5 = 7 rows: r0, r6–r11 → 1, 1, 0, 1, 0, 1, 0
    expect(report.rowsAfter).toBe(7);
    expect(report.positives).toBe(4);
    expect(report.negatives).toBe(3);
  });
});

describe('rules fitted later are left alone (see fitCleaning.test.ts)', () => {
  // x = 1..9 and 100; labels alternate.
  const t = parseTable(['x,y', ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 100].map((x, i) => `${x},${i % 2}`)].join('\n'));

  it.each(['drop', 'clip'] as const)("an outlier rule with action '%s' removes no row", (action) => {
    const { report, removed } = cleanOk(t, makePlan('y', '1', '0', ['x'], { x: { outliers: { method: 'iqr', threshold: 1.5, action } } }));
    expect(report.rowsAfter).toBe(10);
    expect(report.steps.map((s) => s.step)).toMatchObject(['duplicates', 'no-label']);
    expect(removed.rows).toHaveLength(0);
  });

  it('forward fill leaves the gaps of the kept rows, and the input table, as they were', () => {
    const u = parseTable(['x,y', ',1', '5,0', ',1', '9,', ',0', '7,1'].join('\n'));
    const { table: clean } = cleanOk(u, makePlan('y', '1', '0', ['x'], { x: { missing: 'forward-fill' } }, { kind: 'keep' }));
    // r3 has no label; the kept rows r0, r1, r2, r4, r5 keep their gaps
    expect(numbers(clean, 'x')).toEqual([Number.NaN, 5, Number.NaN, Number.NaN, 7]);
    expect(numbers(u, 'x')).toEqual([Number.NaN, 5, Number.NaN, 9, Number.NaN, 7]);
  });

  it('all-missing and single-valued features pass the row rules (they are screened on training rows)', () => {
    const u = parseTable(['n,k,y', ',7,1', ',7,0', ',7,1', ',7,0'].join('\n'));
    const result = cleanTable(u, makePlan('y', '1', '0', ['n', 'k'], {}, { kind: 'keep' }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data.report.rowsAfter).toBe(4);
  });
});

describe('cleanTable failure', () => {
  it.each([
    // loan_status 1 appears once: fewer than 2 positives
    ['one positive in the file', 'x,loan_status\n1,1\n2,0\n3,0\n4,0\n', null, '1'],
    // two positives, but one has x = 500 and is dropped by the rule → 1 left
    ['a positive removed by a range rule', 'x,loan_status\n1,1\n500,1\n3,0\n4,0\n', { min: 0, max: 150 }, '1'],
    // one negative, the other negative row is a duplicate of it
    ['negatives reduced to one by duplicates', 'x,loan_status\n1,1\n2,1\n3,0\n3,0\n', null, '0'],
  ])('%s → ok:false naming the target and the scarce value', (_label, csv, range, scarce) => {
    const result = cleanTable(parseTable(csv), makePlan('loan_status', '1', '0', ['x'], { x: { range } }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain('loan_status');
      expect(result.reason).toContain(`"${scarce}"`);
    }
  });

  const table = parseTable(CSV);
  it.each([
    ['an unknown feature', { ...PLAN, features: ['age', 'salary'], columns: [...PLAN.columns, columnPlan('salary')] }, 'Column "salary" is not in the data.'],
    ['an unknown target', { ...PLAN, target: 'outcome' }, 'The target column "outcome" is not in the data.'],
    ['an unknown ID column', { ...PLAN, duplicates: { kind: 'by-column', column: 'loan_id' } }, 'The ID column "loan_id" for duplicates is not in the data.'],
    ['no features', { ...PLAN, features: [] }, 'Choose at least one feature column.'],
    ['the target as a feature', { ...PLAN, features: ['age', 'status'] }, 'The target "status" cannot also be a feature.'],
    ['a feature twice', { ...PLAN, features: ['age', 'age'] }, 'Column "age" is chosen twice as a feature.'],
    ['a feature without choices', { ...PLAN, features: ['age', 'id'] }, 'There are no cleaning choices for column "id".'],
    [
      'the median of text',
      makePlan('status', 'Y', 'N', ['home']),
      '"home" holds text, so its missing values cannot be filled with the median; choose the most frequent value instead.',
    ],
    ['a range on text', makePlan('status', 'Y', 'N', ['home'], { home: { missing: 'mode', range: AGE } }), '"home" holds text, so it cannot have a range of allowed values.'],
    [
      'an outlier rule on text',
      makePlan('status', 'Y', 'N', ['home'], { home: { missing: 'mode', outliers: { method: 'iqr', threshold: 1.5, action: 'clip' } } }),
      '"home" holds text, so it cannot have an outlier rule.',
    ],
    ['an empty text constant', makePlan('status', 'Y', 'N', ['home'], { home: { missing: 'constant', constant: ' ' } }), 'Enter the value that fills the missing "home" cells.'],
    ['an empty number constant', makePlan('status', 'Y', 'N', ['income'], { income: { missing: 'constant' } }), 'Enter the number that fills the missing "income" cells.'],
    [
      'a constant that is not a number',
      makePlan('status', 'Y', 'N', ['income'], { income: { missing: 'constant', constant: 'lots' } }),
      'The fill value "lots" for "income" is not a number.',
    ],
    ['min above max', makePlan('status', 'Y', 'N', ['age'], { age: { range: { min: 150, max: 0 } } }), 'The range for "age" has its minimum (150) above its maximum (0).'],
    [
      'a zero threshold',
      makePlan('status', 'Y', 'N', ['age'], { age: { outliers: { method: 'zscore', threshold: 0, action: 'drop' } } }),
      'The outlier threshold for "age" must be a positive number.',
    ],
  ] as [string, CleaningPlan, string][])('%s → ok:false, not a throw', (_label, plan, reason) => {
    expect(cleanTable(table, plan)).toMatchObject({ ok: false, reason });
  });

  it("reads a numeric constant with the data set's decimal mark", () => {
    const plan = makePlan('status', 'Y', 'N', ['income'], { income: { missing: 'constant', constant: '1,5' } });
    expect(cleanTable(table, plan, ',').ok).toBe(true);
    expect(cleanTable(table, plan, '.')).toMatchObject({ ok: false, reason: 'The fill value "1,5" for "income" is not a number.' });
  });

  it('ignores choices for columns that are not features (kept for when the user picks them again)', () => {
    const plan = { ...PLAN, features: ['income'], columns: [columnPlan('ghost', { range: AGE }), ...PLAN.columns] };
    expect(cleanOk(table, plan).report.steps.map((s) => s.step)).toMatchObject(['duplicates', 'no-label']);
  });
});
