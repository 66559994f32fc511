import { startTransition, useCallback, useRef, useState } from 'react';
import type { BackendChoice } from '../../model/backendChoice';
import type { BatchProgress, EpochReport } from '../../model/train';
import { newJobId, proxy, type WorkerBridge } from '../../worker/client';
import type { DatasetId, JobId, TrainedModel, TrainEvent, TrainRequest, TrainSummary } from '../../worker/protocol';
import { formatCount } from '../shared/format';
import type { TrainingState } from './TrainPanel';
import { epochsText } from './members';

/** Which ensemble member is training (1-based), of how many. */
export interface MemberProgress {
  readonly member: number;
  readonly members: number;
}

/**
 * A training run's live state and the runs of this session. The model a run produces is handed to
 * the caller (the session reducer keeps the model in use); this hook keeps only what the Train
 * step shows while and after it runs.
 */
export function useTraining(bridge: WorkerBridge) {
  const [state, setState] = useState<TrainingState>('idle');
  const [statusText, setStatusText] = useState('Load data to begin.');
  const [backend, setBackend] = useState<BackendChoice | null>(null);
  const [history, setHistory] = useState<readonly EpochReport[]>([]);
  const [progress, setProgress] = useState<BatchProgress | null>(null);
  const [member, setMember] = useState<MemberProgress | null>(null);
  const [runs, setRuns] = useState<readonly TrainSummary[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

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
          setStatusText(
            runModel.current === 'scorecard'
              ? `Binning and fitting the scorecard on ${formatCount(trainRows)} rows…`
              : runModel.current === 'boosted'
                ? `Growing ${validation.kind === 'cross-fit' ? `${validation.folds} forests` : 'a forest'} of boosted trees on ${formatCount(trainRows)} rows, each stopped on its own fold…`
                : validation.kind === 'cross-fit'
                  ? `Training ${validation.folds} ensemble members on ${formatCount(trainRows)} rows, each validated on its own fold…`
                  : `Training on ${formatCount(trainRows)} rows…`,
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
          if (event.members > 1)
            setStatusText(`Training ensemble member ${event.member} of ${event.members}${(event.sideBySide ?? 1) > 1 ? ` (${event.sideBySide} at a time)` : ''}…`);
          break;
        case 'notice':
          setNotice(event.message);
          break;
        case 'fold':
          setStatusText(`Cross-validating: fold ${event.fold} of ${event.folds}…`);
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
        setStatusText('Preparing the data…');
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
          setError(result.reason);
          setState('error');
          setStatusText('Training did not complete.');
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
          setStatusText(doneText(run));
        });
      } catch (cause) {
        console.error('Training failed', cause);
        setError('Training failed. Try again, or with a lower learning rate.');
        setState('error');
        setStatusText('Training failed.');
      } finally {
        if (job.current === jobId) job.current = null;
      }
    },
    [bridge, onEvent],
  );

  const stop = useCallback(() => {
    if (job.current !== null) void bridge.api.cancel(job.current);
  }, [bridge]);

  /** Forget the runs (a new data set was loaded). */
  const reset = useCallback((text: string) => {
    runId.current++;
    setState('idle');
    setStatusText(text);
    setHistory([]);
    setProgress(null);
    setMember(null);
    setRuns([]);
    setNotice(null);
    setError(null);
  }, []);

  /** Shows a model that did not come from this step's own run as the result (a compared model put in use); `onAdopted` runs in the same render. */
  const adopt = useCallback((text: string, onAdopted: () => void) => {
    runId.current++;
    startTransition(() => {
      onAdopted();
      setState('done');
      setStatusText(text);
      setError(null);
    });
  }, []);

  /** Clears the live view without a new run (a comparison is about to train several). */
  const detach = useCallback((text: string) => {
    runId.current++;
    startTransition(() => {
      setHistory([]);
      setProgress(null);
      setMember(null);
      setNotice(null);
      setError(null);
    });
    setState('idle');
    setStatusText(text);
  }, []);

  const crash = useCallback((message: string) => {
    setState('error');
    setStatusText(message);
  }, []);

  return {
    state,
    statusText,
    backend,
    history,
    progress,
    member,
    runs,
    notice,
    error,
    train,
    stop,
    reset,
    crash,
    adopt,
    detach,
  };
}

/** The status once a run has ended: how many epochs (per member), and which were kept. */
function doneText(run: TrainSummary): string {
  if (run.scorecard) return `Done: a scorecard of ${run.scorecard.scorecard.characteristics.length} characteristics.`;
  if (run.members.length > 1) {
    const epochs = epochsText(run.members);
    return run.stopped ? `Stopped: ${epochs}; kept each member's best epoch.` : `Done: ${epochs}, each member kept its best epoch.`;
  }
  return run.stopped
    ? `Stopped after ${run.epochsRun} epochs; kept epoch ${run.bestEpoch}.`
    : run.stoppedEarly
      ? `Done: stopped early after ${run.epochsRun} epochs; kept the best, epoch ${run.bestEpoch}.`
      : `Done: ${run.epochsRun} epochs.`;
}
