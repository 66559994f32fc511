import { describe, expect, it } from 'vitest';
import type { BundleSchema } from '../bundle/types';
import type { ColumnPlan, MissingStrategy, RangeRule } from '../clean/plan';
import { tryParseCsv } from '../csv/parseCsv';
import { createRowEncoder, encodeApplicant, findOutsideTrainedRange, fitPreprocessor, type ApplicantRecord } from '../features/preprocessor';
import { cellText, getColumn, type Table } from '../table';
import { cat, num, table } from '../../../test/support/tables';
import { BatchFlag, batchEncodingTable, batchFlagNames, checkBatchColumns, checkBatchRows, scorableRows, UNSCORABLE_FLAGS } from './batchCheck';

function plan(column: string, missing: MissingStrategy, range: RangeRule | null = null): ColumnPlan {
  return { column, missing, constant: '', range, outliers: null, indicator: false };
}

function parseTable(text: string): Table {
  const parsed = tryParseCsv(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.data.table;
}

function recordOf(t: Table, row: number): ApplicantRecord {
  return Object.fromEntries(t.columns.map((c) => [c.name, cellText(c, row)]));
}

// Training: income may not be negative (possible range ≥ 0) and was 100–1,000; debt was 20–70 and
// its outlier 'drop' rule was fitted to 0–100; home a/b; term 36/60 (text in training).
const TRAINING = table(
  num('income', [100, 300, 500, 700, 1000, Number.NaN]),
  num('debt', [20, 30, 40, 50, 60, 70]),
  cat('home', ['a', 'b', 'a', 'b', 'a', null]),
  cat('term', ['36', '60', '36', '60', '36', '36']),
);
const PRE = fitPreprocessor(
  TRAINING,
  [plan('income', 'median', { min: 0, max: null }), plan('debt', 'median'), plan('home', 'mode'), plan('term', 'mode')],
  Int32Array.from([0, 1, 2, 3, 4, 5]),
  '.',
  new Map([['debt', { lower: 0, upper: 100, rule: 'IQR, k = 1.5, bounds 0 to 100' }]]),
);
const SCHEMA: BundleSchema = {
  columns: [
    { name: 'income', kind: 'numeric', trainedMin: 100, trainedMax: 1000, missingInTraining: 1 },
    { name: 'debt', kind: 'numeric', trainedMin: 20, trainedMax: 70, missingInTraining: 0 },
    { name: 'home', kind: 'categorical', levels: ['a', 'b'], missingInTraining: 1 },
    { name: 'term', kind: 'categorical', levels: ['36', '60'], missingInTraining: 0 },
  ],
  outcome: { target: 'default', bad: '1', good: '0' },
  positive: '1',
  negative: '0',
  decimal: '.',
};

const { MISSING: M, UNSEEN_LEVEL: U, OUTSIDE_TRAINED: O, NOT_A_NUMBER: N, IMPOSSIBLE: I } = BatchFlag;
// One row per case. "lots" makes income a text column in this file; term holds only numbers, so it is numeric here.
const BATCH_LINES = [
  'income,debt,home,term,note',
  '500,50,a,36,x', //     r0 clean
  ',50,a,36,x', //        r1 income missing
  '500,50,zzz,36,x', //   r2 home level never seen
  '99999,50,a,36,x', //   r3 income above the trained 1,000
  '500,150,a,36,x', //    r4 debt beyond the drop rule's 100 (and the trained 70)
  'lots,50,a,36,x', //    r5 income is text
  '-5,50,a,36,x', //      r6 income impossible (< 0), and below the trained 100
  '500,50,a,48,x', //     r7 term 48 never seen
  'NA,,,,x', //           r8 everything missing
  '-5,150,,48,x', //      r9 all at once
  '500,80,b,60,x', //     r10 debt inside the drop rule, above the trained 70
];
const WITH_TEXT = parseTable(BATCH_LINES.join('\n'));
const ALL_NUMBERS = parseTable(BATCH_LINES.map((line) => line.replace('lots', '500')).join('\n'));
const EXPECTED = [0, M, U, O, O, N, I | O, U, M, I | O | M | U, O];
// Without the schema only the drop rule knows a trained range: r3 and r10 are not flagged, r6 is only impossible.
const EXPECTED_WITHOUT_SCHEMA = [0, M, U, 0, O, N, I, U, M, I | O | M | U, 0];

describe('checkBatchColumns', () => {
  it('passes a file holding every input column, listing the extra ones', () => {
    expect(checkBatchColumns(WITH_TEXT, SCHEMA)).toEqual({ ok: true, extra: ['note'], trimmedMatches: [] });
  });

  it('names the missing input columns in model order', () => {
    const t = table(num('income', [1]), cat('home', ['a']), num('id', [7]));
    expect(checkBatchColumns(t, SCHEMA)).toEqual({ ok: false, problem: { code: 'batch.missingColumns', columns: ['debt', 'term'] } });
  });

  it('accepts a header equal to a name once trimmed, and says so', () => {
    const t = table(num(' income ', [1]), num('debt', [1]), cat('home', ['a']), num('term', [36]));
    expect(checkBatchColumns(t, SCHEMA)).toEqual({ ok: true, extra: [], trimmedMatches: [{ column: 'income', header: ' income ' }] });
  });

  it('prefers the exact name to a trimmed one (which is then extra), and refuses two trimmed candidates', () => {
    const both = table(num(' income', [1]), num('income', [2]), num('debt', [1]), cat('home', ['a']), num('term', [36]));
    expect(checkBatchColumns(both, SCHEMA)).toEqual({ ok: true, extra: [' income'], trimmedMatches: [] });
    const ambiguous = table(num(' income', [1]), num('income ', [2]), num('debt', [1]), cat('home', ['a']), num('term', [36]));
    expect(checkBatchColumns(ambiguous, SCHEMA)).toEqual({ ok: false, problem: { code: 'batch.missingColumns', columns: ['income'] } });
  });
});

describe('checkBatchRows', () => {
  it('the test file reads as intended: income text, term numeric', () => {
    expect(getColumn(WITH_TEXT, 'income').kind).toBe('categorical');
    expect(getColumn(ALL_NUMBERS, 'income').kind).toBe('numeric');
    expect(getColumn(WITH_TEXT, 'term').kind).toBe('numeric');
  });

  it('flags each row by hand (text read as levels)', () => {
    expect(Array.from(checkBatchRows(WITH_TEXT, PRE, SCHEMA).flags)).toEqual(EXPECTED);
  });

  it('flags a numeric income column the same way (r5 holds a number there)', () => {
    expect(Array.from(checkBatchRows(ALL_NUMBERS, PRE, SCHEMA).flags)).toEqual(EXPECTED.map((f, r) => (r === 5 ? 0 : f)));
  });

  it('without the schema flags only what the preprocessing knows (the drop rule, the possible range)', () => {
    expect(Array.from(checkBatchRows(WITH_TEXT, PRE).flags)).toEqual(EXPECTED_WITHOUT_SCHEMA);
    expect(Array.from(checkBatchRows(ALL_NUMBERS, PRE).flags)).toEqual(EXPECTED_WITHOUT_SCHEMA.map((f, r) => (r === 5 ? 0 : f)));
  });

  it('counts rows per flag, flagged rows, and cells per column and flag', () => {
    const check = checkBatchRows(WITH_TEXT, PRE, SCHEMA);
    // MISSING r1 r8 r9; UNSEEN r2 r7 r9; OUTSIDE r3 r4 r6 r9 r10; NOT_A_NUMBER r5; IMPOSSIBLE r6 r9
    expect(check.counts).toEqual({ MISSING: 3, UNSEEN_LEVEL: 3, OUTSIDE_TRAINED: 5, NOT_A_NUMBER: 1, IMPOSSIBLE: 2 });
    expect(check.flaggedRows).toBe(10);
    expect(check.perColumn).toEqual([
      { column: 'income', flag: 'MISSING', rows: 2 }, // r1 r8
      { column: 'income', flag: 'OUTSIDE_TRAINED', rows: 3 }, // r3 r6 r9
      { column: 'income', flag: 'NOT_A_NUMBER', rows: 1 }, // r5
      { column: 'income', flag: 'IMPOSSIBLE', rows: 2 }, // r6 r9
      { column: 'debt', flag: 'MISSING', rows: 1 }, // r8
      { column: 'debt', flag: 'OUTSIDE_TRAINED', rows: 3 }, // r4 r9 r10
      { column: 'home', flag: 'MISSING', rows: 2 }, // r8 r9
      { column: 'home', flag: 'UNSEEN_LEVEL', rows: 1 }, // r2
      { column: 'term', flag: 'MISSING', rows: 1 }, // r8
      { column: 'term', flag: 'UNSEEN_LEVEL', rows: 2 }, // r7 r9
    ]);
  });

  it('agrees with the single-applicant path: encodeApplicant refuses exactly the unscorable rows; findOutsideTrainedRange flags are OUTSIDE_TRAINED', () => {
    for (const t of [WITH_TEXT, ALL_NUMBERS]) {
      const { flags } = checkBatchRows(t, PRE);
      for (let r = 0; r < t.rowCount; r++) {
        const record = recordOf(t, r);
        let refused = false;
        try {
          encodeApplicant(PRE, record);
        } catch {
          refused = true;
        }
        expect(refused, `row ${r}`).toBe((flags[r] & UNSCORABLE_FLAGS) !== 0);
        if (findOutsideTrainedRange(PRE, record).length > 0) expect(flags[r] & O, `row ${r}`).toBe(O);
      }
    }
  });

  it("reads a numeric feature's text with the data set's decimal mark", () => {
    const comma = { ...PRE, decimal: ',' as const };
    const t = table(
      cat('income', ['1,5', '1.5', 'abc', null, '-1,5']),
      num('debt', [50, 50, 50, 50, 50]),
      cat('home', ['a', 'a', 'a', 'a', 'a']),
      num('term', [36, 36, 36, 36, 36]),
    );
    // "1.5" is also read as 1.5 with a decimal comma (parseNumberCell accepts a plain point number)
    expect(Array.from(checkBatchRows(t, comma).flags)).toEqual([0, 0, N, M, I]);
  });

  it('finds a trimmed-name column as checkBatchColumns does', () => {
    const t = table(num(' income ', [-5, 500]), num('debt', [50, 50]), cat('home', ['a', 'a']), num('term', [36, 36]));
    expect(Array.from(checkBatchRows(t, PRE).flags)).toEqual([I, 0]);
  });

  it('throws naming an input column the file lacks (checkBatchColumns reports it first)', () => {
    expect(() => checkBatchRows(table(num('income', [1])), PRE)).toThrow(/"debt"/);
  });

  it('is fast: 100,000 rows × 12 columns', () => {
    const rows = 100_000;
    const names = Array.from({ length: 12 }, (_, c) => `c${c}`);
    const trainingColumns = names.map((name, c) => (c < 8 ? num(name, [1, 2, 3, 4, 5, 6, 7, 8]) : cat(name, ['a', 'b', 'c', 'd', 'a', 'b', 'c', 'd'])));
    const pre = fitPreprocessor(
      table(...trainingColumns),
      names.map((name, c) => plan(name, c < 8 ? 'median' : 'mode', c < 4 ? { min: 0, max: 100 } : null)),
      Int32Array.from({ length: 8 }, (_, i) => i),
      '.',
      new Map(names.slice(0, 8).map((name) => [name, { lower: 1, upper: 8, rule: 'test' }])),
    );
    // Numbers 0–9.9 with a gap every 97th row; levels a–e (e unseen) with a gap every 89th.
    const batch = table(
      ...names.map((name, c) => {
        if (c < 8)
          return num(
            name,
            Array.from({ length: rows }, (_, r) => ((r * (c + 7)) % 97 === 0 ? Number.NaN : ((r * 31 + c) % 100) / 10)),
          );
        return cat(
          name,
          Array.from({ length: rows }, (_, r) => ((r + c) % 89 === 0 ? null : 'abcde'[(r * 7 + c) % 5])),
        );
      }),
    );
    checkBatchRows(batch, pre);
    const start = performance.now();
    const check = checkBatchRows(batch, pre);
    const ms = performance.now() - start;
    const scorable = scorableRows(check.flags);
    console.log(
      `checkBatchRows: ${rows.toLocaleString('en')} rows × 12 columns in ${ms.toFixed(1)} ms (warm); ${check.flaggedRows} flagged, ${scorable.length} scorable`,
      check.counts,
    );
    expect(check.flags).toHaveLength(rows);
    expect(check.counts.UNSEEN_LEVEL, 'level e is unseen').toBeGreaterThan(0);
  });
});

describe('scorableRows', () => {
  it('keeps the rows without NOT_A_NUMBER or IMPOSSIBLE, flagged or not', () => {
    expect(Array.from(scorableRows(Uint8Array.from(EXPECTED)))).toEqual([0, 1, 2, 3, 4, 7, 8, 10]);
    expect(Array.from(scorableRows(Uint8Array.from([N, I, N | I, M | U | O, 0])))).toEqual([3, 4]);
  });
});

describe('batchFlagNames', () => {
  it('names the bits in order', () => {
    expect(batchFlagNames(I | O | M | U)).toEqual(['MISSING', 'UNSEEN_LEVEL', 'OUTSIDE_TRAINED', 'IMPOSSIBLE']);
    expect(batchFlagNames(0)).toEqual([]);
  });
});

describe('batchEncodingTable', () => {
  it('is needed: the row encoder throws on text in a numeric feature', () => {
    expect(() => createRowEncoder(PRE, WITH_TEXT)).toThrow(/income/);
  });

  it('encodes every scorable row as encodeApplicant encodes the same answers', () => {
    for (const t of [WITH_TEXT, ALL_NUMBERS]) {
      const rows = scorableRows(checkBatchRows(t, PRE).flags);
      const x = new Float32Array(rows.length * PRE.width);
      createRowEncoder(PRE, batchEncodingTable(t, PRE))(rows, x);
      rows.forEach((row, i) => {
        expect(Array.from(x.subarray(i * PRE.width, (i + 1) * PRE.width)), `row ${row}`).toEqual(Array.from(encodeApplicant(PRE, recordOf(t, row))));
      });
    }
  });

  it("names the columns as the model does, shares the columns it does not convert, and leaves the file's extra columns out", () => {
    const t = table(num(' income ', [500]), num('debt', [50]), cat('home', ['a']), num('term', [36]), num('id', [1]));
    const encoding = batchEncodingTable(t, PRE);
    expect(encoding.columns.map((c) => c.name)).toEqual(['income', 'debt', 'home', 'term']);
    expect(encoding.columns[1]).toBe(t.columns[1]);
    expect(Array.from(encoding.columns[0].kind === 'numeric' ? encoding.columns[0].values : [])).toEqual([500]);
  });
});
