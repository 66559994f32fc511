import type { OutcomeNames } from '../../worker/protocol';

// The outcome is always spoken of as good or bad, with the target's value in brackets, whichever
// value is the model's positive one: "bad (Loan_Status = N)".

/** "loan_status = 1": the target's value that is the bad outcome. */
export function badValue(outcome: OutcomeNames): string {
  return `${outcome.target} = ${outcome.bad}`;
}

/** "loan_status = 0": the target's value that is the good outcome. */
export function goodValue(outcome: OutcomeNames): string {
  return `${outcome.target} = ${outcome.good}`;
}

/** "bad (loan_status = 1)". */
export function badName(outcome: OutcomeNames): string {
  return `bad (${badValue(outcome)})`;
}

/** "good (loan_status = 0)". */
export function goodName(outcome: OutcomeNames): string {
  return `good (${goodValue(outcome)})`;
}

/** A share in [0, 1] as a percentage with `digits` decimals: "23.4%". */
export function formatPercent(share: number, digits = 1): string {
  return `${(100 * share).toFixed(digits)}%`;
}

/** A cut-off as a percentage without needless decimals: 0.5 → "50%", 0.2345 → "23.45%". */
export function formatCutoff(cutoff: number): string {
  return `${Number((100 * cutoff).toFixed(2))}%`;
}
