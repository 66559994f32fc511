import { describe, expect, it } from 'vitest';
import type { ColumnInfo, ColumnRole } from '../columns/profile';
import { proposeRangeRules } from './rangeRules';

function col(name: string, distinct: number, role: ColumnRole = 'numeric'): ColumnInfo {
  return { name, role, missing: 0, distinct, values: null };
}

describe('proposeRangeRules', () => {
  it.each([['person_age'], ['Age'], ['age'], ['PersonAge'], ['age_years']])('proposes 0–150 for %s', (name) => {
    expect(proposeRangeRules([col(name, 50)])).toEqual([{ column: name, min: 0, max: 150 }]);
  });

  it.each([['mortgage'], ['average_income'], ['percentage'], ['loan_amnt'], ['agency_fee'], ['AgentCount'], ['agent']])('proposes nothing for %s', (name) => {
    expect(proposeRangeRules([col(name, 50)])).toEqual([]);
  });

  it('proposes nothing for an age column that is not numeric', () => {
    expect(proposeRangeRules([col('age_band', 4, 'categorical')])).toEqual([]);
  });

  it('keeps only the age columns, in order, from a mixed list', () => {
    expect(proposeRangeRules([col('mortgage', 9), col('person_age', 50), col('income', 90), col('Age', 40)])).toEqual([
      { column: 'person_age', min: 0, max: 150 },
      { column: 'Age', min: 0, max: 150 },
    ]);
  });
});
