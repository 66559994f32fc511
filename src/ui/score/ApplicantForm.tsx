import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { scorecardPoints } from '../../core/scorecard/scorecardPoints';
import type { ApplicantRecord } from '../../core/features/preprocessor';
import type { Result } from '../../core/result';
import { asPoints, asProbability, pointsFromProbability, probabilityFromPoints, type PointsScale } from '../../core/scoring/points';
import type { ApplicantScore } from '../../worker/protocol';
import type { ModelScoring } from '../state/modelFacts';
import { type Failure, numberFormat, problemCode, problemText, useT } from '../i18n';
import { Alert } from '../shared/Alert';
import { humanLabel } from '../shared/labels';
import { formatPercent } from '../shared/outcome';
import { badNode } from '../evaluate/outcomeNodes';
import { data, rich, slot, withData } from '../shared/messageParts';
import { BinLabel } from '../characteristics/binLabel';
import { checkAttributes, checkField, fieldMessage, type FieldCheck } from './fieldChecks';
import { ReasonList } from './ReasonList';

interface Props {
  /** What the model in use scores with (from its run, or from its bundle when it has no test figures). */
  readonly model: ModelScoring;
  /** The cut-off on the probability of bad in force now: at or above it is declined. */
  readonly cutoff: number;
  readonly scale: PointsScale;
  readonly onScore: (record: ApplicantRecord, scale: PointsScale) => Promise<Result<ApplicantScore>>;
}

const NUMBER: Intl.NumberFormatOptions = { maximumFractionDigits: 2 };

/**
 * Step 7: a form built from the model's input schema (labels in words, the trained range as a hint,
 * a message under any answer that cannot be scored or lies outside what the model saw); scoring
 * applies the stored preprocessing. Any edit scores again at the next frame, without a click; the
 * latest answers win when results arrive out of order. The worker returns the probability of bad
 * and the reasons; points and decision are derived here from the current scale and cut-off, so
 * moving the slider or editing the scale updates a shown result at once.
 */
export function ApplicantForm({ model, cutoff, scale, onScore }: Props) {
  const { t } = useT();
  const [scored, setScored] = useState<ApplicantScore | null>(null);
  const [stale, setStale] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [checks, setChecks] = useState<Readonly<Record<string, FieldCheck>>>({});
  const latest = useRef(0);
  const frame = useRef<number | null>(null);
  const decimal = model.preprocessor.decimal;
  const columns = useMemo(() => new Map((model.columns ?? []).map((c) => [c.name, c])), [model.columns]);
  useEffect(() => () => (frame.current === null ? undefined : cancelAnimationFrame(frame.current)), []);

  const readForm = (form: HTMLFormElement) => {
    const record: Record<string, string> = {};
    new FormData(form).forEach((value, key) => {
      record[key] = String(value);
    });
    const next: Record<string, FieldCheck> = {};
    for (const feature of model.preprocessor.features) next[feature.name] = checkField(feature, columns.get(feature.name), record[feature.name] ?? '', decimal);
    return { record, checks: next, blocked: Object.values(next).some((c) => c.code !== 'ok' && c.blocks) };
  };

  const score = async (record: ApplicantRecord) => {
    const id = ++latest.current;
    setBusy(true);
    try {
      const result = await onScore(record, scale);
      // A later edit was scored meanwhile (or is on its way): this answer is out of date.
      if (id !== latest.current) return;
      if (result.ok) {
        setScored(result.data);
        setStale(false);
        setError(null);
      } else {
        setScored(null);
        setError(result);
      }
    } finally {
      if (id === latest.current) setBusy(false);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readForm(event.currentTarget);
    setChecks(read.checks);
    if (read.blocked) {
      setStale(scored !== null);
      return;
    }
    void score(read.record);
  };

  const edit = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const read = readForm(form);
    setChecks(read.checks);
    if (read.blocked) {
      // Nothing to score until the answer is fixed: the result shown is for the answers as last scored.
      latest.current++;
      setBusy(false);
      setStale(scored !== null);
      return;
    }
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      void score(readForm(form).record);
    });
  };

  return (
    <section className="card" aria-labelledby="score-heading">
      <h2 id="score-heading" tabIndex={-1}>
        {t('score.form.title')}
      </h2>
      <p className="hint">{model.scorecard ? t('score.form.hintScorecard') : t('score.form.hint')}</p>
      <form data-testid="applicant-form" className="applicant-form" onSubmit={submit} onChange={edit}>
        {model.preprocessor.features.map((feature) => {
          const check = checks[feature.name] ?? { code: 'ok' };
          const message = fieldMessage(check);
          const column = columns.get(feature.name);
          const trained = column?.kind === 'numeric' && column.trainedMin !== null && column.trainedMax !== null ? { min: column.trainedMin, max: column.trainedMax } : null;
          const hint = trained ? t('score.form.trainedOn', { min: numberFormat(RANGE_NUMBER).format(trained.min), max: numberFormat(RANGE_NUMBER).format(trained.max) }) : null;
          const messageId = `field-message-${feature.name}`;
          return (
            <label key={feature.name}>
              {/* The column's name in words is the user's data, not the app's: not translated. */}
              <span translate="no" title={feature.name}>
                {humanLabel(feature.name)}
              </span>
              {feature.kind === 'numeric' ? (
                <input
                  name={feature.name}
                  type="text"
                  inputMode="decimal"
                  defaultValue={feature.fill === null ? '' : String(roundForDisplay(feature.fill))}
                  aria-invalid={check.code !== 'ok' && check.blocks}
                  aria-describedby={messageId}
                />
              ) : (
                <select name={feature.name} defaultValue={feature.fill ?? feature.levels[0]} aria-describedby={messageId} translate="no">
                  {feature.levels.map((level) => (
                    <option key={level} value={level}>
                      {level}
                    </option>
                  ))}
                </select>
              )}
              <small id={messageId} className={`field-message ${check.code}`}>
                {hint && trained && (
                  <span className="hint" data-testid={`trained-range-${feature.name}`} data-min={trained.min} data-max={trained.max}>
                    {hint}
                  </span>
                )}
                {message && (
                  <span data-testid={`field-error-${feature.name}`} data-code={check.code} {...checkAttributes(check)}>
                    {message}
                  </span>
                )}
              </small>
            </label>
          );
        })}
        <button type="submit" className="primary" data-testid="score-button" disabled={busy}>
          {t('score.form.submit')}
        </button>
      </form>
      {error && <Alert message={problemText(error)} code={problemCode(error)} />}
      {scored && <ScoreResult model={model} scored={scored} cutoff={cutoff} scale={scale} edited={stale} />}
    </section>
  );
}

const RANGE_NUMBER: Intl.NumberFormatOptions = { maximumFractionDigits: 4 };

/** A scorecard's score on `scale`: the applicant's bins with their integer points, the total, and the probability of bad the total stands for. */
function scorecardScore(model: ModelScoring, scored: ApplicantScore, scale: PointsScale) {
  if (!model.scorecard || !scored.scorecardBins) return null;
  const table = scorecardPoints(model.scorecard.scorecard, scale);
  const bins = scored.scorecardBins.map((bin) => {
    const row = table.rows.find((r) => r.characteristic === bin.characteristic && r.binIndex === bin.binIndex);
    const binning = model.scorecard?.scorecard.characteristics.find((c) => c.column === bin.characteristic)?.binning;
    return { ...bin, binning, label: row?.label ?? '?', points: row?.points ?? 0 };
  });
  const points = bins.reduce((sum, bin) => sum + bin.points, 0);
  return { bins, points, probabilityOfBad: probabilityFromPoints(asPoints(points), scale) };
}

/** The decision, points and probability of bad of one scored applicant, at the cut-off and scale in force now (a scorecard: the sum of its bins' points on the scale). */
function ScoreResult({ model, scored, cutoff, scale, edited }: { model: ModelScoring; scored: ApplicantScore; cutoff: number; scale: PointsScale; edited: boolean }) {
  const { t } = useT();
  const card = useMemo(() => scorecardScore(model, scored, scale), [model, scored, scale]);
  const number = numberFormat(NUMBER);
  const probabilityOfBad = card ? card.probabilityOfBad : asProbability(scored.probabilityOfBad);
  const decline = probabilityOfBad >= cutoff;
  const points = card ? card.points : Math.round(pointsFromProbability(probabilityOfBad, scale));
  return (
    <>
      <div
        className={`score-result ${decline ? 'decline' : 'approve'}`}
        data-testid="score-result"
        data-probability={probabilityOfBad}
        data-points={points}
        data-decision={decline ? 'decline' : 'approve'}
        data-stale={edited}
        aria-live="polite"
      >
        <strong data-testid="score-decision" data-decision={decline ? 'decline' : 'approve'}>
          <span aria-hidden="true">{decline ? '✕ ' : '✓ '}</span>
          {decline ? t('score.result.decline') : t('score.result.approve')}
        </strong>{' '}
        — <span data-testid="score-points">{points}</span>
        {t('score.result.points')}
        {rich(
          t(decline ? 'score.result.declineBecause' : 'score.result.approveBecause', {
            bad: slot('bad'),
            probability: formatPercent(probabilityOfBad),
            cutoff: formatPercent(cutoff),
          }),
          { bad: badNode(model.outcome) },
        )}
        {edited && <span className="hint">{t('score.result.stale')}</span>}
      </div>
      {card && (
        <ul className="score-breakdown" data-testid="score-breakdown" aria-label={t('score.result.breakdown')}>
          {card.bins.map((bin) => (
            <li key={bin.characteristic} data-characteristic={bin.characteristic} data-bin-index={bin.binIndex} data-points={bin.points}>
              {rich(t('score.result.binPoints', { characteristic: slot('characteristic'), bin: slot('bin'), points: bin.points }), {
                characteristic: data(bin.characteristic),
                // The bin in the active language (its levels marked as data); the core's English label if the binning is not at hand.
                bin: bin.binning ? <BinLabel binning={bin.binning} index={bin.binIndex} /> : data(bin.label),
              })}
            </li>
          ))}
        </ul>
      )}
      {scored.reasons && <ReasonList reasons={scored.reasons} basis={scored.reasonBasis} />}
      {scored.outsideTrainedRange.length > 0 && (
        <div role="status" className="score-flags" data-testid="score-flags">
          <span aria-hidden="true">⚠ </span>
          <ul>
            {scored.outsideTrainedRange.map((flag) => (
              <li key={flag.column} data-column={flag.column}>
                {withData(
                  t('score.result.outsideTrained', { column: slot('column'), value: String(flag.value), lower: number.format(flag.lower), upper: number.format(flag.upper) }),
                  { column: flag.column },
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

function roundForDisplay(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
}
