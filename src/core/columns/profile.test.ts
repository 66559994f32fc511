import { describe, expect, it } from 'vitest';
import { proposeCleaningPlan } from '../clean/plan';
import { tryParseCsv, type ParsedCsv } from '../csv/parseCsv';
import { createRandom, shuffleInPlace } from '../split/random';
import { selectRows, type Table } from '../table';
import { cat, num, table } from '../../../test/support/tables';
import { profileColumns, type ColumnInfo } from './profile';
import { detectTarget } from './target';

function info(t: Table, name: string): ColumnInfo {
  const found = profileColumns(t).find((c) => c.name === name);
  if (!found) throw new Error(`no profile for ${name}`);
  return found;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('profileColumns: roles', () => {
  it.each([
    // [description, expected role, column]
    [
      'near-unique text, 25 rows (Loan_ID)',
      'identifier',
      cat(
        'Loan_ID',
        range(25).map((i) => `LP${1000 + i}`),
      ),
    ],
    // 24 distinct of 25 present = 0.96 ≥ 0.95 → still near-unique
    ['text with 24 distinct of 25', 'identifier', cat('ref', [...range(24).map((i) => `R${i}`), 'R0'])],
    // 23 distinct of 25 = 0.92 < 0.95 → categorical
    ['text with 23 distinct of 25', 'categorical', cat('ref', [...range(23).map((i) => `R${i}`), 'R0', 'R1'])],
    [
      'unique text but only 20 rows',
      'categorical',
      cat(
        'Loan_ID',
        range(20).map((i) => `LP${i}`),
      ),
    ],
    [
      'small categorical over 25 rows',
      'categorical',
      cat(
        'grade',
        range(25).map((i) => 'ABC'[i % 3]),
      ),
    ],
    [
      'unique numeric named "id", 25 rows',
      'identifier',
      num(
        'id',
        range(25).map((i) => i + 100),
      ),
    ],
    ['unique numeric named "customer_id"', 'identifier', num('customer_id', range(25))],
    // camelCase / PascalCase id names, as target.ts and rangeRules.ts already split them
    ['unique numeric named "CustomerID"', 'identifier', num('CustomerID', range(25))],
    ['unique numeric named "customerId"', 'identifier', num('customerId', range(25))],
    [
      'unique numeric not named like an id',
      'numeric',
      num(
        'income',
        range(25).map((i) => 1000 + i * 7),
      ),
    ],
    [
      'numeric "id" with few distinct values',
      'numeric',
      num(
        'id',
        range(25).map((i) => i % 5),
      ),
    ],
    ['unique numeric "id" but only 20 rows', 'numeric', num('id', range(20))],
  ])('%s → %s', (_label, role, column) => {
    expect(info(table(column), column.name).role).toBe(role);
  });
});

describe('profileColumns: counts and values', () => {
  it('counts missing and distinct; sorts numeric values numerically ("2" before "10")', () => {
    // present values 10, 2, 1, 2, 100 → distinct {1, 2, 10, 100} = 4; one NaN → missing 1
    const p = info(table(num('n', [10, 2, Number.NaN, 1, 2, 100])), 'n');
    expect(p.missing).toBe(1);
    expect(p.distinct).toBe(4);
    expect(p.values).toEqual(['1', '2', '10', '100']);
  });

  it('sorts numbers held as text numerically too', () => {
    const p = info(table(cat('term', ['360', '12', '84', '12', null])), 'term');
    expect(p.missing).toBe(1);
    expect(p.distinct).toBe(3);
    expect(p.values).toEqual(['12', '84', '360']);
  });

  it('sorts text values alphabetically', () => {
    const p = info(table(cat('k', ['pear', 'apple', 'fig', 'apple'])), 'k');
    expect(p.distinct).toBe(3);
    expect(p.values).toEqual(['apple', 'fig', 'pear']);
  });

  it('values is null above 20 distinct values, and lists 20 exactly', () => {
    expect(info(table(num('v', range(21))), 'v').values).toBeNull();
    expect(info(table(num('v', range(20))), 'v').values).toHaveLength(20);
  });

  it('counts only levels still used after rows are removed', () => {
    const full = table(cat('k', ['a', 'b', 'c', 'a']));
    const subset = selectRows(full, Int32Array.from([0, 1, 3])); // drops the only "c"
    const p = info(subset, 'k');
    expect(p.distinct).toBe(2);
    expect(p.values).toEqual(['a', 'b']);
  });

  it('profiles a parsed CSV column by column', () => {
    const parsed = tryParseCsv('id,grade,amount\n1,A,10\n2,B,\n3,A,30\n');
    if (!parsed.ok) throw new Error(parsed.reason);
    const profiles = profileColumns(parsed.data.table);
    expect(profiles.map((p) => [p.name, p.role, p.missing, p.distinct])).toEqual([
      ['id', 'numeric', 0, 3], // only 3 rows: too few to call it an identifier
      ['grade', 'categorical', 0, 2],
      ['amount', 'numeric', 1, 2],
    ]);
  });
});

function parse(text: string): ParsedCsv {
  const parsed = tryParseCsv(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.data;
}

/** Role and identifier reason of every column of a CSV text read by the real reader, with its notes. */
function rolesOfCsv(text: string): [string, string, string | undefined][] {
  const { table: t, notes } = parse(text);
  return profileColumns(t, { unnamedColumns: notes.unnamedColumns }).map((c) => [c.name, c.role, c.identifierReason]);
}

/** A loan book of `rows` rows: first cell `first(i)`, then an amount (1000 + 37i) and a 0/1 status. */
function loanBook(header: string, rows: number, first: (i: number) => string): string {
  const lines = range(rows).map((i) => `${first(i)},${1000 + 37 * i},${i % 3 === 0 ? 1 : 0}`);
  return `${header}\n${lines.join('\n')}\n`;
}

describe('profileColumns: identifiers from the header', () => {
  it('a blank first header cell (pandas to_csv index) is an identifier, never the target or a default feature', () => {
    const text = loanBook(',loan_amnt,loan_status', 30, String);
    expect(rolesOfCsv(text)).toEqual([
      ['col1', 'identifier', 'unnamed'],
      ['loan_amnt', 'numeric', undefined], // 1000, 1037, …: unique but spread 37 apart
      ['loan_status', 'numeric', undefined],
    ]);
    const { table: t, notes } = parse(text);
    const profiles = profileColumns(t, { unnamedColumns: notes.unnamedColumns });
    expect(detectTarget(profiles)).toBe('loan_status');
    expect(proposeCleaningPlan(profiles, 'loan_status', '1', '0').features).toEqual(['loan_amnt']);
  });

  it('a blank header is an identifier whatever its values: sparse numbers that are no sequence', () => {
    // 0, 7, 14, …: range 204 for 30 values, so only the blank header makes it an identifier.
    const text = loanBook(',loan_amnt,loan_status', 30, (i) => String(7 * i));
    expect(rolesOfCsv(text)[0]).toEqual(['col1', 'identifier', 'unnamed']);
    // The same cells under a name are a number: the blankness recorded by the reader is what counts.
    expect(rolesOfCsv(text.replace(/^,/, 'x,'))[0]).toEqual(['x', 'numeric', undefined]);
    const { table: t } = parse(text);
    expect(profileColumns(t).find((c) => c.name === 'col1')?.role).toBe('numeric');
  });

  it('a blank header is an identifier even in a small table', () => {
    expect(rolesOfCsv(loanBook(',loan_amnt,loan_status', 5, String))[0]).toEqual(['col1', 'identifier', 'unnamed']);
  });

  it('a blank header over two values is not an identifier (a flag or a target)', () => {
    const text = `loan_amnt,\n${range(30)
      .map((i) => `${1000 + 37 * i},${i % 2}`)
      .join('\n')}\n`;
    expect(rolesOfCsv(text)).toEqual([
      ['loan_amnt', 'numeric', undefined],
      ['col2', 'numeric', undefined],
    ]);
  });

  it("pandas' 'Unnamed: 0' header is an identifier, with or without the reader's notes", () => {
    const text = loanBook('Unnamed: 0,loan_amnt,loan_status', 30, (i) => String(7 * i));
    expect(rolesOfCsv(text)[0]).toEqual(['Unnamed: 0', 'identifier', 'unnamed']);
    const { table: t } = parse(text);
    expect(info(t, 'Unnamed: 0')).toMatchObject({ role: 'identifier', identifierReason: 'unnamed' });
  });

  it.each([
    // [header, first cells, role, reason]: 25 rows; 1000 + 13i is unique but no sequence (range 313)
    ['id', (i: number) => String(1000 + 13 * i), 'identifier', 'id-name'],
    ['ID', (i: number) => String(1000 + 13 * i), 'identifier', 'id-name'],
    ['Id', (i: number) => `C${1000 + 13 * i}`, 'identifier', 'id-name'],
    ['LoanID', (i: number) => `LP${1000 + 13 * i}`, 'identifier', 'id-name'],
    ['customer_no', (i: number) => String(1000 + 13 * i), 'identifier', 'id-name'],
    // Repeated values: 5 distinct of 25 is no identifier, whatever the name.
    ['id', (i: number) => String(i % 5), 'numeric', undefined],
    ['ID', (i: number) => String(100 + (i % 5)), 'numeric', undefined],
    ['ID', (i: number) => `C${i % 5}`, 'categorical', undefined],
    // A count named no_of_…: "no" says id only as the last word.
    ['no_of_loans', (i: number) => String(1000 + 13 * i), 'numeric', undefined],
  ])('header %j with values like %s → %s', (header, first, role, reason) => {
    const [column] = rolesOfCsv(loanBook(`${header},loan_amnt,loan_status`, 25, first));
    expect(column).toEqual([header, role, reason]);
  });
});

/** 1..40 without 17: 39 whole numbers over a range of 40. */
const withGap = range(40)
  .map((i) => i + 1)
  .filter((v) => v !== 17);
const oneTo60 = range(60).map((i) => i + 1);
/** 0..49 in a seeded random order. */
const shuffled = Array.from(shuffleInPlace(Float64Array.from(range(50)), createRandom(5)));
/** Incomes: unique whole numbers, but spread far beyond their count. */
const incomes = [
  1000, 2350, 4999, 5200, 7300, 8125, 9100, 12000, 13450, 15000, 16200, 18000, 21000, 22500, 25000, 27300, 30000, 32100, 35000, 38000, 41000, 45000, 48000, 52000, 60000,
];

describe('profileColumns: identifiers from the values', () => {
  it.each([
    // [description, role, reason, column]
    ['1..40 without 17 (39 values over a range of 40 ≤ 1.1 × 39 = 42.9)', 'identifier', 'sequence', num('row', withGap)],
    ['0..49 shuffled', 'identifier', 'sequence', num('n', shuffled)],
    // 1..60 with gaps: a range of 60 holds row numbers when count ≥ 60 / 1.1 = 54.5
    [
      '1..60 without 6, 18, 30, 42, 54 (55 values)',
      'identifier',
      'sequence',
      num(
        'n',
        oneTo60.filter((v) => v % 12 !== 6),
      ),
    ],
    [
      '1..60 without 5, 15, …, 55 (54 values)',
      'numeric',
      undefined,
      num(
        'n',
        oneTo60.filter((v) => v % 10 !== 5),
      ),
    ],
    [
      '1..60 without 3, 9, …, 57 (50 values)',
      'numeric',
      undefined,
      num(
        'n',
        oneTo60.filter((v) => v % 6 !== 3),
      ),
    ],
    [
      'rows 500..549 of a longer file (min far from 0)',
      'identifier',
      'sequence',
      num(
        'n',
        range(50).map((i) => 500 + i),
      ),
    ],
    ['0..29 with 5 repeated: not unique', 'numeric', undefined, num('n', [...range(30), 5])],
    ['0..49 and 5 missing cells (9% of 55 rows)', 'numeric', undefined, num('n', [...range(50), ...range(5).map(() => Number.NaN)])],
    ['0..199 and 2 missing cells (1% of 202 rows)', 'identifier', 'sequence', num('n', [Number.NaN, ...range(200), Number.NaN])],
    [
      'halves 0.5..29.5: not whole numbers',
      'numeric',
      undefined,
      num(
        'n',
        range(30).map((i) => i + 0.5),
      ),
    ],
    ['unique but sparse incomes', 'numeric', undefined, num('income', incomes)],
    ['0..9: a 10-row table', 'numeric', undefined, num('n', range(10))],
    ['0..19: 20 rows are still too few', 'numeric', undefined, num('n', range(20))],
    ['0..20: 21 rows', 'identifier', 'sequence', num('n', range(21))],
    [
      'unique text codes, 30 rows',
      'identifier',
      'unique-text',
      cat(
        'code',
        range(30).map((i) => `K-${(i * 7919) % 10007}`),
      ),
    ],
    [
      'unique text codes, 10 rows',
      'categorical',
      undefined,
      cat(
        'code',
        range(10).map((i) => `K-${i}`),
      ),
    ],
    [
      '30 codes of which 6 repeat (24 distinct, 80%)',
      'categorical',
      undefined,
      cat(
        'code',
        range(30).map((i) => `K-${i % 24}`),
      ),
    ],
  ])('%s → %s', (_label, role, reason, column) => {
    const c = info(table(column), column.name);
    expect([c.role, c.identifierReason]).toEqual([role, reason]);
  });

  it('a unique id name wins over a sequence as the reason', () => {
    expect(info(table(num('loan_id', range(30))), 'loan_id').identifierReason).toBe('id-name');
  });

  it('non-identifiers carry no reason', () => {
    expect(info(table(num('income', incomes)), 'income')).not.toHaveProperty('identifierReason');
  });

  it('row numbers are still an identifier after a few rows are filtered out', () => {
    // A 60-row table numbered 0..59, then rows dropped as a filter would.
    const full = table(
      num('n', range(60)),
      num(
        'amount',
        range(60).map((i) => 1000 + 37 * i),
      ),
    );
    // Rows 4, 24 and 44 dropped: 57 rows over a range of 60 ≤ 1.1 × 57 = 62.7.
    const fewDropped = selectRows(full, Int32Array.from(range(60).filter((i) => i % 20 !== 4)));
    expect(info(fewDropped, 'n')).toMatchObject({ role: 'identifier', identifierReason: 'sequence' });
    // Rows 4, 13, …, 58 dropped: 53 rows over 60 > 1.1 × 53 = 58.3, too sparse for row numbers.
    const manyDropped = selectRows(full, Int32Array.from(range(60).filter((i) => i % 9 !== 4)));
    expect(info(manyDropped, 'n').role).toBe('numeric');
  });
});
