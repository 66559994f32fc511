import type { OutcomeNames } from '../../worker/protocol';
import { localPercent, localPercentTrimmed, translate } from '../i18n';

// The outcome is always spoken of as good or bad, with the target's value in brackets, whichever
// value is the model's positive one: "bad (Loan_Status = N)". The target's name and values are
// the file's own and are never translated.

/** "loan_status = 1": the target's value that is the bad outcome. */
export function badValue(outcome: OutcomeNames): string {
  return `${outcome.target} = ${outcome.bad}`;
}

/** "loan_status = 0": the target's value that is the good outcome. */
export function goodValue(outcome: OutcomeNames): string {
  return `${outcome.target} = ${outcome.good}`;
}

/** "bad (loan_status = 1)", in the active language. */
export function badName(outcome: OutcomeNames): string {
  return translate('outcome.badName', { value: badValue(outcome) });
}

/** "good (loan_status = 0)", in the active language. */
export function goodName(outcome: OutcomeNames): string {
  return translate('outcome.goodName', { value: goodValue(outcome) });
}

/** A share in [0, 1] as a percentage with `digits` decimals, in the active language: "23.4%". */
export function formatPercent(share: number, digits = 1): string {
  return localPercent(share, digits);
}

/** A cut-off as a percentage without needless decimals: 0.5 → "50%", 0.2345 → "23.45%". */
export function formatCutoff(cutoff: number): string {
  return localPercentTrimmed(cutoff, 2);
}
