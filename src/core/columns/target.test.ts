import { describe, expect, it } from 'vitest';
import type { ColumnInfo, ColumnRole } from './profile';
import { badOutcome, detectTarget, guessPositiveValue, positiveMeansApproval } from './target';

function col(name: string, distinct: number, role: ColumnRole = 'numeric'): ColumnInfo {
  return { name, role, missing: 0, distinct, values: null };
}

describe('detectTarget', () => {
  it.each([
    ['loan_status', [col('person_age', 50), col('loan_status', 2), col('cb_flag', 2, 'categorical')]],
    ['Loan_Status', [col('Loan_ID', 614, 'identifier'), col('Married', 2, 'categorical'), col('Loan_Status', 2, 'categorical'), col('Gender', 2, 'categorical')]],
    ['default', [col('default', 2), col('own_telephone', 2, 'categorical')]],
    ['class', [col('age', 40), col('class', 2), col('foreign_worker', 2, 'categorical')]],
    ['is_default', [col('is_default', 2), col('married', 2, 'categorical')]],
    // loan_status comes before class in the name list
    ['loan_status', [col('class', 2), col('loan_status', 2)]],
  ])('picks %s by name among two-valued columns', (expected, columns) => {
    expect(detectTarget(columns)).toBe(expected);
  });

  it('ignores a target-like name that is not two-valued and falls back to the last two-valued column', () => {
    expect(detectTarget([col('loan_status', 3), col('a', 2), col('b', 2), col('c', 5)])).toBe('b');
  });

  it('ignores a two-valued identifier', () => {
    expect(detectTarget([col('default', 2, 'identifier'), col('x', 7)])).toBeNull();
  });

  it('returns null when no column is two-valued', () => {
    expect(detectTarget([col('loan_status', 3), col('age', 60), col('grade', 1, 'categorical')])).toBeNull();
    expect(detectTarget([])).toBeNull();
  });
});

describe('guessPositiveValue', () => {
  it.each([
    [['0', '1'], '1'],
    [['1', '0'], '1'],
    [['1', '2'], '2'],
    [['2', '1'], '2'],
    [['N', 'Y'], 'Y'],
    [['Y', 'N'], 'Y'],
    [['bad', 'good'], 'bad'],
    [['good', 'bad'], 'bad'],
    [['No', 'Yes'], 'Yes'],
    [['false', 'true'], 'true'],
    // nothing recognisable → the second value
    [['alpha', 'beta'], 'beta'],
  ])('%j → %s', (values, expected) => {
    expect(guessPositiveValue(values)).toBe(expected);
  });
});

describe('positiveMeansApproval', () => {
  it.each([
    ['Loan_Status', 'Y', true],
    ['loan_status', '1', false],
    ['loan_approved', '1', true],
    ['loan_approved', '0', false],
    ['default', '1', false],
    ['class', '2', false],
    ['class', 'good', true],
    ['is_default', 'Y', false],
  ])('(%s, %s) → %s', (target, positive, expected) => {
    expect(positiveMeansApproval(target, positive)).toBe(expected);
  });
});

describe('badOutcome: which value is bad does not depend on which one is positive', () => {
  it.each([
    // [target, the two values, the bad one]
    ['default', ['0', '1'], '1'],
    ['loan_status', ['0', '1'], '1'], // credit_risk_dataset: 1 = default
    ['Loan_Status', ['Y', 'N'], 'N'], // loan_prediction: Y = approved
    ['loan_approved', ['1', '0'], '0'],
    ['class', ['1', '2'], '2'], // german credit: 2 = bad
    ['class', ['good', 'bad'], 'bad'],
    ['decision', ['approved', 'rejected'], 'rejected'],
    ['repaid', ['yes', 'no'], 'no'],
    ['is_default', ['N', 'Y'], 'Y'],
  ] as const)('%s %j → %s', (target, [a, b], bad) => {
    expect(badOutcome(target, a, b)).toBe(bad);
    expect(badOutcome(target, b, a)).toBe(bad);
  });

  it('takes the positive value as the bad outcome when the codes say nothing', () => {
    expect(badOutcome('outcome', 'A', 'B')).toBe('A');
    expect(badOutcome('outcome', 'B', 'A')).toBe('B');
  });
});
