import { describe, expect, it } from 'vitest';
import type { ColumnInfo, ColumnRole } from '../columns/profile';
import { defaultColumnPlan, proposeCleaningPlan, proposeRangeRule, rangeText, setFeature } from './plan';

function col(name: string, role: ColumnRole = 'numeric'): ColumnInfo {
  return { name, role, missing: 0, distinct: 50, values: null };
}

describe('proposeRangeRule', () => {
  it.each([['person_age'], ['Age'], ['age'], ['PersonAge'], ['age_years']])('proposes 0–150 for %s', (name) => {
    expect(proposeRangeRule(col(name))).toEqual({ min: 0, max: 150 });
  });

  it.each([['mortgage'], ['average_income'], ['percentage'], ['loan_amnt'], ['agency_fee'], ['AgentCount'], ['agent']])('proposes nothing for %s', (name) => {
    expect(proposeRangeRule(col(name))).toBeNull();
  });

  it('proposes nothing for an age column that is not numeric', () => {
    expect(proposeRangeRule(col('age_band', 'categorical'))).toBeNull();
  });
});

describe('proposeCleaningPlan', () => {
  const columns = [col('Loan_ID', 'identifier'), col('person_age'), col('home', 'categorical'), col('income'), col('loan_status')];

  it('makes every column but the target and identifiers a feature, median + "was missing" / mode fills, age 0–150', () => {
    expect(proposeCleaningPlan(columns, 'loan_status', '1', '0')).toEqual({
      target: 'loan_status',
      positive: '1',
      negative: '0',
      features: ['person_age', 'home', 'income'],
      duplicates: { kind: 'exact' },
      columns: [
        { column: 'person_age', missing: 'median', constant: '', range: { min: 0, max: 150 }, outliers: null, indicator: true },
        { column: 'home', missing: 'mode', constant: '', range: null, outliers: null, indicator: false },
        { column: 'income', missing: 'median', constant: '', range: null, outliers: null, indicator: true },
      ],
    });
  });

  it('a feature added later gets the same defaults: a "was missing" input for numbers only', () => {
    const plan = proposeCleaningPlan(columns, 'loan_status', '1', '0');
    const added = setFeature(setFeature(plan, col('rate'), true), col('grade', 'categorical'), true);
    expect(added.features).toEqual(['person_age', 'home', 'income', 'rate', 'grade']);
    expect(added.columns.slice(3).map((c) => [c.column, c.missing, c.indicator])).toEqual([
      ['rate', 'median', true],
      ['grade', 'mode', false],
    ]);
    expect(defaultColumnPlan(col('rate')).indicator).toBe(true);
  });

  it('is plain JSON', () => {
    const plan = proposeCleaningPlan(columns, 'loan_status', '1', '0');
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});

describe('rangeText', () => {
  it.each([
    [0, 150, '0–150'],
    [0, null, '≥ 0'],
    [null, 150, '≤ 150'],
    [null, null, 'any value'],
  ])('min %j, max %j → %s', (min, max, text) => {
    expect(rangeText({ min, max })).toBe(text);
  });
});
