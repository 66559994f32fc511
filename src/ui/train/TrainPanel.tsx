import { useEffect, useLayoutEffect, useRef } from 'react';
import type { BackendChoice } from '../../model/backendChoice';
import type { BatchProgress, EpochReport } from '../../model/train';
import type { TrainSummary } from '../../worker/protocol';
import { formatCount, formatDuration, formatRatio } from '../shared/format';
import { LossChart } from './LossChart';
import { RunsTable } from './RunsTable';
import type { TrainOptions } from './trainOptions';
import { TrainSettingsForm } from './TrainSettingsForm';
import type { MemberProgress } from './useTraining';

/** Training status shown to people and to automation (`data-state`). */
export type TrainingState = 'idle' | 'training' | 'done' | 'error';

interface Props {
  readonly options: TrainOptions;
  readonly onOptions: (options: TrainOptions) => void;
  readonly state: TrainingState;
  readonly canTrain: boolean;
  readonly backend: BackendChoice | null;
  readonly history: readonly EpochReport[];
  readonly progress: BatchProgress | null;
  /** The ensemble member training now (null before the first, or for a single model). */
  readonly member: MemberProgress | null;
  readonly runs: readonly TrainSummary[];
  readonly statusText: string;
  readonly onTrain: () => void;
  readonly onStop: () => void;
}

/** Step 4: model settings, Train / Stop, the backend in use, live progress and loss chart, earlier runs. */
export function TrainPanel({ options, onOptions, state, canTrain, backend, history, progress, member, runs, statusText, onTrain, onStop }: Props) {
  const training = state === 'training';
  const last = history[history.length - 1];
  const epochShare = progress ? (progress.epoch - 1 + progress.batch / progress.batches) / progress.epochs : 0;
  // Over the whole run: members before this one are done (each may stop early, so this is a floor).
  const runShare = member && member.members > 1 ? (member.member - 1 + epochShare) / member.members : epochShare;
  const memberText = member && member.members > 1 ? `member ${member.member} of ${member.members}, ` : '';
  // Train and Stop disable each other: the one pressed loses focus with it, so focus moves to the
  // other, not to <body>. To Stop in the commit that starts the run (a small one), so no frame has
  // focus on <body>; back to Train after the paint that ends it, since focusing forces a layout
  // and that commit mounts the evaluation (forced inside it: a 110–145 ms task on credit_risk). A
  // jump to Evaluate, whose effect runs after this one, then takes focus to its heading.
  const trainRef = useRef<HTMLButtonElement>(null);
  const stopRef = useRef<HTMLButtonElement>(null);
  const ran = useRef(false);
  useLayoutEffect(() => {
    if (!training) return;
    ran.current = true;
    const active = document.activeElement;
    if (active === null || active === document.body || active === trainRef.current) stopRef.current?.focus({ preventScroll: true });
  }, [training]);
  useEffect(() => {
    if (training || !ran.current) return;
    const active = document.activeElement;
    if (active === null || active === document.body || active === stopRef.current) trainRef.current?.focus({ preventScroll: true });
  }, [training]);
  return (
    <section className="card" aria-labelledby="train-heading">
      <h2 id="train-heading" tabIndex={-1}>
        4. Train
      </h2>
      <TrainSettingsForm options={options} disabled={training} onChange={onOptions} />
      <div className="field-row">
        <button ref={trainRef} type="button" className="primary" data-testid="train-button" disabled={!canTrain || training} onClick={onTrain}>
          Train model
        </button>
        <button ref={stopRef} type="button" data-testid="stop-button" disabled={!training} onClick={onStop}>
          Stop
        </button>
        <span data-testid="training-status" data-state={state} className={`status status-${state}`} aria-live="polite">
          {statusText}
        </span>
      </div>
      <p className="hint">
        Backend: <strong data-testid="backend">{backend?.name ?? '–'}</strong>
        {backend ? ` (${backend.reason})` : ''}
      </p>
      <div className="progress-row">
        <progress data-testid="epoch-progress" max={1} value={training ? runShare : last ? 1 : 0} aria-label="Training progress" />
        <span
          data-testid="training-speed"
          data-samples-per-second={progress && training ? Math.round(progress.samplesPerSecond) : last ? Math.round(last.samplesPerSecond) : undefined}
          data-elapsed-ms={progress && training ? Math.round(progress.elapsedMs) : last ? Math.round(last.elapsedMs) : undefined}
          data-eta-ms={progress && training ? Math.round(progress.etaMs) : undefined}
        >
          {progress && training
            ? `${memberText}epoch ${progress.epoch}/${progress.epochs}, batch ${progress.batch}/${progress.batches} · ${formatCount(Math.round(progress.samplesPerSecond))} samples/s · ${formatDuration(progress.elapsedMs)} elapsed · about ${formatDuration(progress.etaMs)} left${memberText ? ' for this member' : ''}`
            : last
              ? options.kind === 'boosted'
                ? `${memberText}tree ${last.epoch} (at most ${last.epochs}; early stopping decides) · validation log loss ${last.valLoss === null ? '–' : last.valLoss.toFixed(4)} · ${formatDuration(last.elapsedMs)}`
                : `epoch ${last.epoch}/${last.epochs} · ${formatCount(Math.round(last.samplesPerSecond))} samples/s · ${formatDuration(last.elapsedMs)}`
              : ''}
        </span>
        <span>
          Validation AUC{member && member.members > 1 ? ` (member ${member.member}, its own fold)` : ''}: <strong data-testid="val-auc">{formatRatio(last?.valAuc)}</strong>
        </span>
      </div>
      <LossChart history={history} live={training} kept={options.kind !== 'boosted' && options.kind !== 'scorecard' && !options.earlyStopping ? 'last' : 'best'} />
      <RunsTable runs={runs} />
    </section>
  );
}
