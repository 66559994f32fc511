import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanTable } from './clean/cleanTable';
import { proposeRangeRules } from './clean/rangeRules';
import { profileColumns, type ColumnInfo } from './columns/profile';
import { detectTarget, guessPositiveValue } from './columns/target';
import { tryParseCsv } from './csv/parseCsv';
import { countMissing, getColumn, type Table } from './table';

/** The shared data sets live beside the repository: ../shared/data from the project root. */
function load(file: string): { table: Table; profiles: ColumnInfo[] } {
  const text = readFileSync(path.resolve(process.cwd(), '../shared/data', file), 'utf8');
  const parsed = tryParseCsv(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  const table = parsed.data.table;
  return { table, profiles: profileColumns(table) };
}

function profile(profiles: ColumnInfo[], name: string): ColumnInfo {
  const found = profiles.find((p) => p.name === name);
  if (!found) throw new Error(`no column ${name}`);
  return found;
}

// Expected numbers are those documented in /work/shared/data/README.md and re-counted with Python's csv module.
describe('credit_risk_dataset.csv', () => {
  const { table, profiles } = load('credit_risk_dataset.csv');

  it('parses to 32581 rows × 12 columns', () => {
    expect(table.rowCount).toBe(32581);
    expect(table.columns).toHaveLength(12);
    expect(getColumn(table, 'person_home_ownership').kind).toBe('categorical');
    expect(getColumn(table, 'person_age').kind).toBe('numeric');
  });

  it('has 895 missing person_emp_length and 3116 missing loan_int_rate before cleaning', () => {
    expect(countMissing(getColumn(table, 'person_emp_length'))).toBe(895);
    expect(countMissing(getColumn(table, 'loan_int_rate'))).toBe(3116);
    expect(profile(profiles, 'loan_int_rate').missing).toBe(3116);
  });

  it('detects loan_status as the target with positive "1", and proposes the age rule', () => {
    const target = detectTarget(profiles);
    expect(target).toBe('loan_status');
    expect(profile(profiles, 'loan_status').values).toEqual(['0', '1']);
    expect(guessPositiveValue(profile(profiles, 'loan_status').values!)).toBe('1');
    expect(proposeRangeRules(profiles)).toEqual([{ column: 'person_age', min: 0, max: 150 }]);
  });

  it('cleaning with age 0–150 drops exactly the 165 duplicates', () => {
    const features = table.columns.map((c) => c.name).filter((n) => n !== 'loan_status');
    const result = cleanTable(table, {
      target: 'loan_status',
      positive: '1',
      negative: '0',
      features,
      dropDuplicates: true,
      rangeRules: [{ column: 'person_age', min: 0, max: 150 }],
    });
    if (!result.ok) throw new Error(result.reason);
    const { report } = result.data;
    expect(report.duplicateRows).toBe(165);
    expect(report.unlabeledRows).toBe(0);
    expect(report.outOfRange[0].rows).toBe(0); // the oldest is 144
    // 32581 − 165 = 32416, of which 7089 defaults (counted independently in Python)
    expect(report.rowsAfter).toBe(32416);
    expect(report.positives).toBe(7089);
    expect(report.negatives).toBe(32416 - 7089);
    expect(report.missingByColumn).toEqual([
      { column: 'person_emp_length', missing: 887, fill: 'median' },
      { column: 'loan_int_rate', missing: 3095, fill: 'median' },
    ]);
  });
});

describe('german_credit.csv', () => {
  const { table, profiles } = load('german_credit.csv');

  it("parses to 1000 × 21; target 'class' with positive '2'", () => {
    expect(table.rowCount).toBe(1000);
    expect(table.columns).toHaveLength(21);
    expect(detectTarget(profiles)).toBe('class');
    const values = profile(profiles, 'class').values!;
    expect(values).toEqual(['1', '2']);
    expect(guessPositiveValue(values)).toBe('2');
    expect(profile(profiles, 'checking_status').role).toBe('categorical');
    expect(profile(profiles, 'duration').role).toBe('numeric');
  });
});

describe('loan_prediction_train.csv', () => {
  const { table, profiles } = load('loan_prediction_train.csv');

  it('parses to 614 × 13 with Loan_ID an identifier', () => {
    expect(table.rowCount).toBe(614);
    expect(table.columns).toHaveLength(13);
    expect(profile(profiles, 'Loan_ID').role).toBe('identifier');
  });

  it("detects Loan_Status with positive 'Y'", () => {
    expect(detectTarget(profiles)).toBe('Loan_Status');
    const values = profile(profiles, 'Loan_Status').values!;
    expect(values).toEqual(['N', 'Y']);
    expect(guessPositiveValue(values)).toBe('Y');
  });

  it("keeps Dependents categorical because it holds '3+'", () => {
    const dependents = profile(profiles, 'Dependents');
    expect(getColumn(table, 'Dependents').kind).toBe('categorical');
    expect(dependents.role).toBe('categorical');
    expect(dependents.values).toEqual(['0', '1', '2', '3+']);
    expect(dependents.missing).toBe(15);
  });
});
