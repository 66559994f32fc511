import type { Reason, ReasonBasis } from '../../core/reasons/reasons';
import { humanLabel } from '../shared/labels';

/** How each basis is said under the reasons. */
const BASIS_TEXT: Readonly<Record<ReasonBasis, string>> = {
  'tree-shapley': 'Each reason is how far that answer moved the risk from a typical applicant’s (exact Shapley values of the trees).',
  'exact-terms': 'Each reason is that answer’s own term in the model, against a typical applicant’s.',
  'integrated-gradients': 'Each reason is that answer’s share of the change in risk from a typical applicant (integrated gradients).',
  'points-below-best': 'Each reason is a characteristic whose bin earns fewer points than its best bin, the largest shortfall first.',
};

/** One reason in plain words: "Loan int rate of 24.5 is high; good applicants' median is 10.99". */
export function reasonText(reason: Reason): string {
  const label = humanLabel(reason.column);
  switch (reason.code) {
    case 'missing':
      return `${label} is missing${reason.typical === null ? '' : `; good applicants typically have ${reason.typical}`}`;
    case 'above-typical':
      return `${label} of ${reason.value} is high${reason.typical === null ? '' : `; good applicants’ median is ${reason.typical}`}`;
    case 'below-typical':
      return `${label} of ${reason.value} is low${reason.typical === null ? '' : `; good applicants’ median is ${reason.typical}`}`;
    case 'level':
      return `${label} is ${reason.value}${reason.typical === null ? '' : `; most good applicants: ${reason.typical}`}`;
    case 'bin':
      return `${label} of ${reason.value === '' ? '(blank)' : reason.value} earns ${Math.round(reason.weight)} points fewer than its best bin`;
  }
}

/** The principal reasons that pushed an applicant's risk up (at most four, largest first), with how they were found. */
export function ReasonList({ reasons, basis }: { reasons: readonly Reason[]; basis: ReasonBasis | undefined }) {
  return (
    <div className="score-reasons">
      <h3>Principal reasons</h3>
      {reasons.length === 0 ? (
        <p data-testid="reason-codes-none">No answer raised the risk above a typical applicant’s.</p>
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
