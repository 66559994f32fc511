import { createElement, startTransition, useCallback, useRef, useState } from 'react';
import type { BackendChoice } from '../../model/backendChoice';
import type { BatchProgress, EpochReport } from '../../model/train';
import { newJobId, proxy, type WorkerBridge } from '../../worker/client';
import type { DatasetId, JobId, TrainedModel, TrainEvent, TrainNotice, TrainRequest, TrainSummary } from '../../worker/protocol';
import { type Failure, problemCode, problemText, translate, useT } from '../i18n';
import { NoticeText } from './NoticeText';
import type { TrainingState } from './TrainPanel';
import { doneStatus, statusWords, type TrainingStatus } from './trainingStatus';

/** Which ensemble member is training (1-based), of how many. */
export interface MemberProgress {
  readonly member: number;
  readonly members: number;
}

// A run that threw in the worker, not one that ended with a problem: words of its own.
const CRASHED: Failure = { reason: 'Training failed. Try again, or with a lower learning rate.' };

/** A failure in the active language. */
function errorWords(error: Failure): string {
  return error === CRASHED ? translate('train.error.crashed') : problemText(error);
}

/**
 * A training run's live state and the runs of this session. The model a run produces is handed to
 * the caller (the session reducer keeps the model in use); this hook keeps only what the Train
 * step shows while and after it runs.
 */
export function useTraining(bridge: WorkerBridge) {
  const [state, setState] = useState<TrainingState>('idle');
  useT(); // re-renders the caller when the language changes, so the words below follow it
  const [status, setStatus] = useState<TrainingStatus>({ code: 'loadData' });
  const [backend, setBackend] = useState<BackendChoice | null>(null);
  const [history, setHistory] = useState<readonly EpochReport[]>([]);
  const [progress, setProgress] = useState<BatchProgress | null>(null);
  const [member, setMember] = useState<MemberProgress | null>(null);
  const [runs, setRuns] = useState<readonly TrainSummary[]>([]);
  const [notice, setNotice] = useState<TrainNotice | string | null>(null);
  const [error, setError] = useState<Failure | null>(null);

  // Progress renders as a transition: React may split it up, so the page keeps answering clicks.
  // Events travel on their own channel and may arrive late: those of an earlier run are ignored.
  const runId = useRef(0);
  const job = useRef<JobId | null>(null);
  const runModel = useRef<TrainRequest['model']>('network');
  // Members may train two at a time: the live view follows the newest one started.
  const shownMember = useRef(1);
  const onEvent = useCallback((id: number, event: TrainEvent) => {
    if (id !== runId.current) return;
    startTransition(() => {
      switch (event.type) {
        case 'prepared': {
          const { trainRows, validation } = event.summary;
          const folds = validation.kind === 'cross-fit' ? validation.folds : 0;
          setStatus(
            runModel.current === 'scorecard'
              ? { code: 'binning', values: { rows: trainRows } }
              : runModel.current === 'boosted'
                ? folds
                  ? { code: 'forests', values: { folds, rows: trainRows } }
                  : { code: 'forest', values: { rows: trainRows } }
                : folds
                  ? { code: 'ensemble', values: { folds, rows: trainRows } }
                  : { code: 'training', values: { rows: trainRows } },
          );
          break;
        }
        case 'backend':
          setBackend(event.backend);
          break;
        case 'batch':
          if ((event.member ?? shownMember.current) === shownMember.current) setProgress(event.progress);
          break;
        case 'member':
          // A new member learns from scratch: its loss curve starts afresh.
          shownMember.current = event.member;
          setMember({ member: event.member, members: event.members });
          setHistory([]);
          setProgress(null);
          if (event.members > 1) {
            const sideBySide = event.sideBySide ?? 1;
            setStatus({ code: sideBySide > 1 ? 'memberSideBySide' : 'member', values: { member: event.member, members: event.members, sideBySide } });
          }
          break;
        case 'notice':
          setNotice(event.notice ?? event.message);
          break;
        case 'fold':
          setStatus({ code: 'fold', values: { fold: event.fold, folds: event.folds } });
          break;
        case 'epoch':
          if ((event.member ?? shownMember.current) === shownMember.current) setHistory((h) => [...h, event.report]);
          break;
      }
    });
  }, []);

  /** Trains on data set `datasetId`; `onTrained` hears of the new model in the same render that shows the run as done. */
  const train = useCallback(
    async (datasetId: DatasetId, request: TrainRequest, onTrained: (trained: TrainedModel) => void) => {
      // As a transition: the whole page re-renders with its inputs disabled, and React slices that
      // work (measured: one 60–72 ms task on the credit_risk page when it ran synchronously).
      startTransition(() => {
        setState('training');
        setStatus({ code: 'preparing' });
        setError(null);
        setNotice(null);
        setHistory([]);
        setProgress(null);
        setMember(null);
      });
      shownMember.current = 1;
      const jobId = newJobId();
      job.current = jobId;
      try {
        const id = ++runId.current;
        runModel.current = request.model ?? 'network';
        // A scorecard runs on no tfjs backend: do not show the last network's.
        if (runModel.current === 'scorecard') startTransition(() => setBackend(null));
        const result = await bridge.api.train(
          jobId,
          datasetId,
          request,
          proxy((event: TrainEvent) => onEvent(id, event)),
        );
        if (!result.ok) {
          setError(result);
          setState('error');
          setStatus({ code: 'failed' });
          return;
        }
        const run = result.data.summary;
        // The metrics, form and runs table render as a transition, in slices, not one long task.
        startTransition(() => {
          setRuns((r) => [...r, run]);
          onTrained(result.data);
          // In the same transition: set at once, the page's inputs were re-enabled in one
          // synchronous render (a 190–220 ms task traced on credit_risk with the characteristics open).
          setState('done');
          setStatus(doneStatus(run));
        });
      } catch (cause) {
        console.error('Training failed', cause);
        setError(CRASHED);
        setState('error');
        setStatus({ code: 'crashed' });
      } finally {
        if (job.current === jobId) job.current = null;
      }
    },
    [bridge, onEvent],
  );

  const stop = useCallback(() => {
    if (job.current !== null) void bridge.api.cancel(job.current);
  }, [bridge]);

  /** Forget the runs (a new data set was loaded); `next` is the status to show, e.g. `{ code: 'ready' }`. */
  const reset = useCallback((next: TrainingStatus) => {
    runId.current++;
    setState('idle');
    setStatus(next);
    setHistory([]);
    setProgress(null);
    setMember(null);
    setRuns([]);
    setNotice(null);
    setError(null);
  }, []);

  /** Shows a model that did not come from this step's own run as the result (a compared model put in use); `onAdopted` runs in the same render. */
  const adopt = useCallback((next: TrainingStatus, onAdopted: () => void) => {
    runId.current++;
    startTransition(() => {
      onAdopted();
      setState('done');
      setStatus(next);
      setError(null);
    });
  }, []);

  /** Clears the live view without a new run (a comparison is about to train several). */
  const detach = useCallback((next: TrainingStatus) => {
    runId.current++;
    startTransition(() => {
      setHistory([]);
      setProgress(null);
      setMember(null);
      setNotice(null);
      setError(null);
    });
    setState('idle');
    setStatus(next);
  }, []);

  /** The worker died mid-run; `next` is the status to show, e.g. `{ code: 'workerStopped' }`. */
  const crash = useCallback((next: TrainingStatus) => {
    setState('error');
    setStatus(next);
  }, []);

  return {
    state,
    /** The status line's code, for data-status. */
    status,
    /** The status line in the active language. */
    statusText: statusWords(status),
    backend,
    history,
    progress,
    member,
    runs,
    /** The run's notice (a backend fell back, cross-validation did not finish) in the active language, backend names marked translate="no". */
    notice: notice === null ? null : createElement(NoticeText, { notice }),
    /** The run's failure in the active language, and its problem's code for data-problem-code. */
    error: error === null ? null : errorWords(error),
    errorCode: error === null ? undefined : (problemCode(error) ?? (error === CRASHED ? 'training.crashed' : undefined)),
    train,
    stop,
    reset,
    crash,
    adopt,
    detach,
  };
}
