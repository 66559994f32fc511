import { startTransition, useCallback, useRef, useState } from 'react';
import type { BackendChoice } from '../../model/backendChoice';
import type { BatchProgress, EpochReport } from '../../model/train';
import { proxy, type WorkerBridge } from '../../worker/client';
import type { TrainEvent, TrainRequest, TrainSummary } from '../../worker/protocol';
import type { TrainingState } from './TrainPanel';

/** A training run's live state, its result, and the runs of this session. */
export function useTraining(bridge: WorkerBridge) {
  const [state, setState] = useState<TrainingState>('idle');
  const [statusText, setStatusText] = useState('Load data to begin.');
  const [backend, setBackend] = useState<BackendChoice | null>(null);
  const [history, setHistory] = useState<readonly EpochReport[]>([]);
  const [progress, setProgress] = useState<BatchProgress | null>(null);
  const [summary, setSummary] = useState<TrainSummary | null>(null);
  const [runs, setRuns] = useState<readonly TrainSummary[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Progress renders as a transition: React may split it up, so the page keeps answering clicks.
  // Events travel on their own channel and may arrive late: those of an earlier run are ignored.
  const runId = useRef(0);
  const onEvent = useCallback((id: number, event: TrainEvent) => {
    if (id !== runId.current) return;
    startTransition(() => {
      if (event.type === 'prepared') setStatusText(`Training on ${event.summary.trainRows.toLocaleString('en-US')} rows…`);
      else if (event.type === 'backend') setBackend(event.backend);
      else if (event.type === 'batch') setProgress(event.progress);
      else if (event.type === 'notice') setNotice(event.message);
      else if (event.type === 'fold') setStatusText(`Cross-validating: fold ${event.fold} of ${event.folds}…`);
      else setHistory((h) => [...h, event.report]);
    });
  }, []);

  const train = useCallback(
    async (request: TrainRequest) => {
      setState('training');
      setStatusText('Preparing the data…');
      startTransition(() => {
        setError(null);
        setNotice(null);
        setSummary(null);
        setHistory([]);
        setProgress(null);
      });
      try {
        const id = ++runId.current;
        const result = await bridge.api.train(request, proxy((event: TrainEvent) => onEvent(id, event)));
        if (!result.ok) {
          setError(result.reason);
          setState('error');
          setStatusText('Training did not complete.');
          return;
        }
        const run = result.data;
        // The metrics, form and runs table render as a transition, in slices, not one long task.
        startTransition(() => {
          setSummary(run);
          setRuns((r) => [...r, run]);
        });
        setState('done');
        setStatusText(
          run.stopped
            ? `Stopped after ${run.epochsRun} epochs; kept epoch ${run.bestEpoch}.`
            : run.stoppedEarly
              ? `Done: stopped early after ${run.epochsRun} epochs; kept the best, epoch ${run.bestEpoch}.`
              : `Done: ${run.epochsRun} epochs.`,
        );
      } catch (cause) {
        console.error('Training failed', cause);
        setError('Training failed. Try again, or with a lower learning rate.');
        setState('error');
        setStatusText('Training failed.');
      }
    },
    [bridge, onEvent],
  );

  const stop = useCallback(() => void bridge.api.stop(), [bridge]);

  /** Forget the current model and runs (a new data set was loaded). */
  const reset = useCallback((text: string) => {
    setState('idle');
    setStatusText(text);
    setSummary(null);
    setHistory([]);
    setProgress(null);
    setRuns([]);
    setNotice(null);
    setError(null);
  }, []);

  const crash = useCallback((message: string) => {
    setState('error');
    setStatusText(message);
  }, []);

  return { state, statusText, backend, history, progress, summary, runs, notice, error, train, stop, reset, crash };
}
