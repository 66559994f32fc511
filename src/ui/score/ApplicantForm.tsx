import { useState, type FormEvent } from 'react';
import { positiveMeansApproval } from '../../core/columns/target';
import type { ApplicantRecord } from '../../core/features/preprocessor';
import type { Result } from '../../core/result';
import type { TrainSummary } from '../../worker/protocol';

interface Props {
  readonly summary: TrainSummary;
  readonly onScore: (record: ApplicantRecord) => Promise<Result<number>>;
}

interface Scored {
  readonly probability: number;
  readonly record: ApplicantRecord;
}

/** Step 6: a form built from the model's features; scoring applies the stored preprocessing. */
export function ApplicantForm({ summary, onScore }: Props) {
  const [scored, setScored] = useState<Scored | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const approvalTarget = positiveMeansApproval(summary.target, summary.positive);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const record: Record<string, string> = {};
    new FormData(event.currentTarget).forEach((value, key) => {
      record[key] = String(value);
    });
    setBusy(true);
    try {
      const result = await onScore(record);
      if (result.ok) {
        setScored({ probability: result.data, record });
        setError(null);
      } else {
        setScored(null);
        setError(result.reason);
      }
    } finally {
      setBusy(false);
    }
  };

  const decision = scored && (scored.probability >= 0.5) === approvalTarget ? 'Approve' : 'Decline';
  return (
    <section className="card" aria-labelledby="score-heading">
      <h2 id="score-heading">6. Score an applicant</h2>
      <p className="hint">Each field starts at the value that fills a missing cell (fitted on the training rows); a blank field gets that value. Nothing is refit on the applicant.</p>
      <form data-testid="applicant-form" className="applicant-form" onSubmit={submit}>
        {summary.preprocessor.features.map((feature) => (
          <label key={feature.name}>
            <span>{feature.name}</span>
            {feature.kind === 'numeric' ? (
              <input name={feature.name} type="text" inputMode="decimal" defaultValue={feature.fill === null ? '' : String(roundForDisplay(feature.fill))} />
            ) : (
              <select name={feature.name} defaultValue={feature.fill ?? feature.levels[0]}>
                {feature.levels.map((level) => (
                  <option key={level} value={level}>
                    {level}
                  </option>
                ))}
              </select>
            )}
          </label>
        ))}
        <button type="submit" className="primary" data-testid="score-button" disabled={busy}>
          Score applicant
        </button>
      </form>
      {error && (
        <div role="alert" className="alert">
          {error}
        </div>
      )}
      {scored && (
        <div className={`score-result ${decision === 'Approve' ? 'approve' : 'decline'}`} data-testid="score-result" data-probability={scored.probability} aria-live="polite">
          <strong>{decision}</strong>: probability of {summary.target} = {summary.positive} is {(scored.probability * 100).toFixed(1)}% (
          {scored.probability.toFixed(4)}); the cut-off is 50%.
        </div>
      )}
    </section>
  );
}

function roundForDisplay(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
}
