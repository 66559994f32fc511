import type { Reason, ReasonBasis } from '../../core/reasons/reasons';
import { liveRecord, translate, useT } from '../i18n';
import { humanLabel } from '../shared/labels';
import { slot, withData } from '../shared/messageParts';

const BASIS_KEYS = {
  'tree-shapley': 'treeShapley',
  'exact-terms': 'exactTerms',
  'integrated-gradients': 'integratedGradients',
  'points-below-best': 'pointsBelowBest',
} as const satisfies Record<ReasonBasis, string>;

/** How each basis is said under the reasons, in the active language. */
const BASIS_TEXT: Readonly<Record<ReasonBasis, string>> = liveRecord(Object.keys(BASIS_KEYS) as ReasonBasis[], (basis) => translate(`score.reasons.basis.${BASIS_KEYS[basis]}`));

/** One reason's words in the active language, around `label`, `value` and `typical` as given (text, or `dataSlot`s). */
function reasonMessage(reason: Reason, label: string, value: string, typical: string | null): string {
  switch (reason.code) {
    case 'missing':
      return typical === null ? translate('score.reasons.missing', { label }) : translate('score.reasons.missingTypical', { label, typical });
    case 'above-typical':
      return typical === null ? translate('score.reasons.high', { label, value }) : translate('score.reasons.highTypical', { label, value, typical });
    case 'below-typical':
      return typical === null ? translate('score.reasons.low', { label, value }) : translate('score.reasons.lowTypical', { label, value, typical });
    case 'level':
      return typical === null ? translate('score.reasons.level', { label, value }) : translate('score.reasons.levelTypical', { label, value, typical });
    case 'bin':
      // A blank answer is said in the app's words, not shown as data.
      return translate('score.reasons.bin', { label, value: reason.value === '' ? translate('score.reasons.blank') : value, points: Math.round(reason.weight) });
  }
}

/** One reason in plain words, in the active language: "Loan int rate of 24.5 is high; good applicants' median is 10.99". */
export function reasonText(reason: Reason): string {
  return reasonMessage(reason, humanLabel(reason.column), reason.value, reason.typical);
}

/** One reason as rendered: its words, with the column, the answer and the typical value (the user's data) marked translate="no". */
export function ReasonWords({ reason }: { reason: Reason }) {
  const data = { label: humanLabel(reason.column), value: reason.value, typical: reason.typical ?? '' };
  return withData(reasonMessage(reason, slot('label'), slot('value'), reason.typical === null ? null : slot('typical')), data);
}

/** The principal reasons that pushed an applicant's risk up (at most four, largest first), with how they were found. */
export function ReasonList({ reasons, basis }: { reasons: readonly Reason[]; basis: ReasonBasis | undefined }) {
  const { t } = useT();
  return (
    <div className="score-reasons">
      <h3>{t('score.reasons.title')}</h3>
      {reasons.length === 0 ? (
        <p data-testid="reason-codes-none">{t('score.reasons.none')}</p>
      ) : (
        <ol data-testid="reason-codes">
          {reasons.map((reason) => (
            <li
              key={reason.column}
              data-column={reason.column}
              data-code={reason.code}
              data-weight={reason.weight}
              data-value={reason.value}
              data-typical={reason.typical ?? undefined}
            >
              <ReasonWords reason={reason} />
            </li>
          ))}
        </ol>
      )}
      {basis && <p className="hint">{BASIS_TEXT[basis]}</p>}
    </div>
  );
}
