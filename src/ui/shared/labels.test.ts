import { describe, expect, it } from 'vitest';
import { humanLabel } from './labels';

describe('humanLabel', () => {
  it.each([
    ['loan_int_rate', 'Loan int rate'],
    ['ApplicantIncome', 'Applicant income'],
    ['cb_person_default_on_file', 'Cb person default on file'],
    ['Loan_Amount_Term', 'Loan amount term'],
    ['debt-to-income', 'Debt to income'],
    ['age', 'Age'],
    ['___', '___'],
  ])('%s reads "%s"', (name, label) => expect(humanLabel(name)).toBe(label));
});
