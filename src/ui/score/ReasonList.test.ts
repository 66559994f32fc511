import { describe, expect, it } from 'vitest';
import { reasonText } from './ReasonList';

describe('reasonText', () => {
  it.each([
    [{ column: 'debt_to_income', code: 'above-typical', value: '0.48', typical: '0.21', weight: 0.9 }, 'Debt to income of 0.48 is high; good applicants’ median is 0.21'],
    [{ column: 'person_income', code: 'below-typical', value: '24000', typical: '60000', weight: 0.4 }, 'Person income of 24000 is low; good applicants’ median is 60000'],
    [{ column: 'loan_grade', code: 'level', value: 'E', typical: 'A', weight: 1.2 }, 'Loan grade is E; most good applicants: A'],
    [{ column: 'rate', code: 'missing', value: '', typical: null, weight: 0.1 }, 'Rate is missing'],
    [{ column: 'rate', code: 'bin', value: '24.5', typical: '11', weight: 37 }, 'Rate of 24.5 earns 37 points fewer than its best bin'],
  ] as const)('%j', (reason, text) => expect(reasonText(reason)).toBe(text));
});
