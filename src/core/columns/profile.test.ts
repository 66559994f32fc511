import { describe, expect, it } from 'vitest';
import { tryParseCsv } from '../csv/parseCsv';
import { selectRows, type Table } from '../table';
import { cat, num, table } from '../testTables';
import { profileColumns, type ColumnInfo } from './profile';

function info(t: Table, name: string): ColumnInfo {
  const found = profileColumns(t).find((c) => c.name === name);
  if (!found) throw new Error(`no profile for ${name}`);
  return found;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('profileColumns: roles', () => {
  it.each([
    // [description, expected role, column]
    ['near-unique text, 25 rows (Loan_ID)', 'identifier', cat('Loan_ID', range(25).map((i) => `LP${1000 + i}`))],
    // 24 distinct of 25 present = 0.96 ≥ 0.95 → still near-unique
    ['text with 24 distinct of 25', 'identifier', cat('ref', [...range(24).map((i) => `R${i}`), 'R0'])],
    // 23 distinct of 25 = 0.92 < 0.95 → categorical
    ['text with 23 distinct of 25', 'categorical', cat('ref', [...range(23).map((i) => `R${i}`), 'R0', 'R1'])],
    ['unique text but only 20 rows', 'categorical', cat('Loan_ID', range(20).map((i) => `LP${i}`))],
    ['small categorical over 25 rows', 'categorical', cat('grade', range(25).map((i) => 'ABC'[i % 3]))],
    ['unique numeric named "id", 25 rows', 'identifier', num('id', range(25).map((i) => i + 100))],
    ['unique numeric named "customer_id"', 'identifier', num('customer_id', range(25))],
    // camelCase / PascalCase id names, as target.ts and rangeRules.ts already split them
    ['unique numeric named "CustomerID"', 'identifier', num('CustomerID', range(25))],
    ['unique numeric named "customerId"', 'identifier', num('customerId', range(25))],
    ['unique numeric not named like an id', 'numeric', num('income', range(25).map((i) => 1000 + i * 7))],
    ['numeric "id" with few distinct values', 'numeric', num('id', range(25).map((i) => i % 5))],
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
