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
    // Chinese names: 违约 = default, 逾期 = overdue, matched inside longer names (是否违约 = "defaulted?")
    ['违约', [col('违约', 2), col('住房', 2, 'categorical')]],
    ['是否违约', [col('是否违约', 2), col('住房', 2, 'categorical')]],
    ['逾期标志', [col('年龄', 50), col('逾期标志', 2), col('婚否', 2, 'categorical')]],
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
    // Chinese: 是 = yes, 否 = no; 违约 = default, 逾期 = overdue, 正常 = normal; 坏 = bad, 好 = good
    [['是', '否'], '是'],
    [['否', '是'], '是'],
    [['正常', '违约'], '违约'],
    [['逾期', '正常'], '逾期'],
    [['好', '坏'], '坏'],
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
    ['违约', '是', false],
    ['状态', '正常', true],
    ['是否批准', '是', true],
    ['是否批准', '否', false],
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
    ['违约', ['否', '是'], '是'], // 违约 (default) = 是 (yes) is the bad outcome
    ['是否逾期', ['是', '否'], '是'],
    ['还款状态', ['正常', '逾期'], '逾期'], // repayment status: normal / overdue
    ['信用', ['好', '坏'], '坏'],
    ['是否批准', ['是', '否'], '否'], // approved? 否 (no) is bad
  ] as const)('%s %j → %s', (target, [a, b], bad) => {
    expect(badOutcome(target, a, b)).toBe(bad);
    expect(badOutcome(target, b, a)).toBe(bad);
  });

  it('takes the positive value as the bad outcome when the codes say nothing', () => {
    expect(badOutcome('outcome', 'A', 'B')).toBe('A');
    expect(badOutcome('outcome', 'B', 'A')).toBe('B');
  });
});
