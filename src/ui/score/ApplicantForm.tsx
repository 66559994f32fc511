import { useState, type FormEvent } from 'react';
import type { ApplicantRecord } from '../../core/features/preprocessor';
import type { Result } from '../../core/result';
import type { ApplicantScore, TrainSummary } from '../../worker/protocol';

interface Props {
  readonly summary: TrainSummary;
  readonly onScore: (record: ApplicantRecord) => Promise<Result<ApplicantScore>>;
}

/** Step 6: a form built from the model's features; scoring applies the stored preprocessing. */
export function ApplicantForm({ summary, onScore }: Props) {
  const [scored, setScored] = useState<ApplicantScore | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
        setScored(result.data);
        setError(null);
      } else {
        setScored(null);
        setError(result.reason);
      }
    } finally {
      setBusy(false);
    }
  };

  const decision = scored?.approved ? 'Approve' : 'Decline';
  return (
    <section className="card" aria-labelledby="score-heading">
      <h2 id="score-heading">7. Score an applicant</h2>
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
        <div
          className={`score-result ${decision === 'Approve' ? 'approve' : 'decline'}`}
          data-testid="score-result"
          data-probability={scored.probability}
          data-points={Math.round(scored.points)}
          data-decision={decision.toLowerCase()}
          aria-live="polite"
        >
          <strong>{decision}</strong>: {Math.round(scored.points)} points. Probability of {summary.target} = {summary.positive} is {(scored.probability * 100).toFixed(1)}% (
          {scored.probability.toFixed(4)}); the probability of the bad outcome, {(scored.probabilityOfBad * 100).toFixed(1)}%, is {scored.approved ? 'below' : 'at or above'} the
          cut-off of {(scored.cutoff * 100).toFixed(1)}%.
        </div>
      )}
    </section>
  );
}

function roundForDisplay(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
}
