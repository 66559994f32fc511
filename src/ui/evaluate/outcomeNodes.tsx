// The two outcomes named in a sentence, "bad (loan_status = 1)", with the target's value marked as data.

import type { ReactNode } from 'react';
import type { OutcomeNames } from '../../worker/protocol';
import { translate } from '../i18n';
import { data, rich, slot } from '../shared/messageParts';
import { badValue, goodValue } from '../shared/outcome';

/** "bad (loan_status = 1)" in the active language, the target's value marked as data. */
export function badNode(outcome: OutcomeNames): ReactNode {
  return rich(translate('outcome.badName', { value: slot('value') }), { value: data(badValue(outcome)) });
}

/** "good (loan_status = 0)" in the active language, the target's value marked as data. */
export function goodNode(outcome: OutcomeNames): ReactNode {
  return rich(translate('outcome.goodName', { value: slot('value') }), { value: data(goodValue(outcome)) });
}
