import { useEffect, useLayoutEffect, useRef } from 'react';
import type { BackendChoice } from '../../model/backendChoice';
import type { BatchProgress, EpochReport } from '../../model/train';
import type { TrainSummary } from '../../worker/protocol';
import { localCount, localFixed, useT } from '../i18n';
import { formatCount, formatDuration, formatRatio } from '../shared/format';
import { BackendReason } from './BackendReason';
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
  /** The status line's code (useTraining's `status.code`), shown as data-status. */
  readonly statusCode?: string;
  readonly onTrain: () => void;
  readonly onStop: () => void;
}

/** Step 4: model settings, Train / Stop, the backend in use, live progress and loss chart, earlier runs. */
export function TrainPanel({ options, onOptions, state, canTrain, backend, history, progress, member, runs, statusText, statusCode, onTrain, onStop }: Props) {
  const { t } = useT();
  const training = state === 'training';
  const last = history[history.length - 1];
  const epochShare = progress ? (progress.epoch - 1 + progress.batch / progress.batches) / progress.epochs : 0;
  // Over the whole run: members before this one are done (each may stop early, so this is a floor).
  const runShare = member && member.members > 1 ? (member.member - 1 + epochShare) / member.members : epochShare;
  const memberText = member && member.members > 1 ? t('train.progress.member', { member: localCount(member.member), members: localCount(member.members) }) : '';
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
        {t('train.title')}
      </h2>
      <TrainSettingsForm options={options} disabled={training} onChange={onOptions} />
      <div className="field-row">
        <button ref={trainRef} type="button" className="primary" data-testid="train-button" disabled={!canTrain || training} onClick={onTrain}>
          {t('train.trainButton')}
        </button>
        <button ref={stopRef} type="button" data-testid="stop-button" disabled={!training} onClick={onStop}>
          {t('train.stopButton')}
        </button>
        <span data-testid="training-status" data-state={state} data-status={statusCode} className={`status status-${state}`} aria-live="polite">
          {statusText}
        </span>
      </div>
      <p className="hint">
        {t('train.backend')}
        <strong data-testid="backend" translate="no">
          {backend?.name ?? '–'}
        </strong>
        {backend && (
          <>
            {' ('}
            <BackendReason backend={backend} />)
          </>
        )}
      </p>
      <div className="progress-row">
        <progress data-testid="epoch-progress" max={1} value={training ? runShare : last ? 1 : 0} aria-label={t('train.progressLabel')} />
        <span
          data-testid="training-speed"
          data-samples-per-second={progress && training ? Math.round(progress.samplesPerSecond) : last ? Math.round(last.samplesPerSecond) : undefined}
          data-elapsed-ms={progress && training ? Math.round(progress.elapsedMs) : last ? Math.round(last.elapsedMs) : undefined}
          data-eta-ms={progress && training ? Math.round(progress.etaMs) : undefined}
          data-member={progress && training ? (member?.member ?? 1) : undefined}
          data-epoch={progress && training ? progress.epoch : undefined}
        >
          {progress && training
            ? t('train.progress.running', {
                member: memberText,
                epoch: localCount(progress.epoch),
                epochs: localCount(progress.epochs),
                batch: localCount(progress.batch),
                batches: localCount(progress.batches),
                speed: formatCount(Math.round(progress.samplesPerSecond)),
                elapsed: formatDuration(progress.elapsedMs),
                left: formatDuration(progress.etaMs),
              }) + (memberText ? t('train.progress.forMember') : '')
            : last
              ? options.kind === 'boosted'
                ? t('train.progress.trees', {
                    member: memberText,
                    tree: localCount(last.epoch),
                    trees: localCount(last.epochs),
                    loss: last.valLoss === null ? '–' : localFixed(last.valLoss, 4),
                    elapsed: formatDuration(last.elapsedMs),
                  })
                : t('train.progress.epochs', {
                    epoch: localCount(last.epoch),
                    epochs: localCount(last.epochs),
                    speed: formatCount(Math.round(last.samplesPerSecond)),
                    elapsed: formatDuration(last.elapsedMs),
                  })
              : ''}
        </span>
        <span>
          {member && member.members > 1 ? t('train.valAucMember', { member: localCount(member.member) }) : t('train.valAuc')}
          {t('train.colon')}
          <strong data-testid="val-auc">{formatRatio(last?.valAuc)}</strong>
        </span>
      </div>
      <LossChart history={history} live={training} kept={options.kind !== 'boosted' && options.kind !== 'scorecard' && !options.earlyStopping ? 'last' : 'best'} />
      <RunsTable runs={runs} />
    </section>
  );
}
