import type { Reason, ReasonBasis } from '../../core/reasons/reasons';
import { liveRecord, translate, useT } from '../i18n';
import { humanLabel } from '../shared/labels';

const BASIS_KEYS = {
  'tree-shapley': 'treeShapley',
  'exact-terms': 'exactTerms',
  'integrated-gradients': 'integratedGradients',
  'points-below-best': 'pointsBelowBest',
} as const satisfies Record<ReasonBasis, string>;

/** How each basis is said under the reasons, in the active language. */
const BASIS_TEXT: Readonly<Record<ReasonBasis, string>> = liveRecord(Object.keys(BASIS_KEYS) as ReasonBasis[], (basis) => translate(`score.reasons.basis.${BASIS_KEYS[basis]}`));

/** One reason in plain words, in the active language: "Loan int rate of 24.5 is high; good applicants' median is 10.99". */
export function reasonText(reason: Reason): string {
  const label = humanLabel(reason.column);
  const { value, typical } = reason;
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
      return translate('score.reasons.bin', { label, value: value === '' ? translate('score.reasons.blank') : value, points: Math.round(reason.weight) });
  }
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
            <li key={reason.column} data-column={reason.column} data-code={reason.code} data-weight={reason.weight}>
              {reasonText(reason)}
            </li>
          ))}
        </ol>
      )}
      {basis && <p className="hint">{BASIS_TEXT[basis]}</p>}
    </div>
  );
}
