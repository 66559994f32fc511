import { startTransition, useEffect, useRef, useState } from 'react';
import type { CleaningPlan } from '../../core/clean/plan';
import type { PrepareConfig } from '../../core/pipeline';
import { newJobId, type WorkerBridge } from '../../worker/client';
import type { DatasetId, JobId, PreparedSummary } from '../../worker/protocol';
import { type Failure, problemCode, problemText, translate } from '../i18n';

/** What to prepare: the data set, and the plan and seed the config was built from (a preparation answers for exactly these). */
export interface PreparationRequest {
  readonly datasetId: DatasetId;
  readonly plan: CleaningPlan;
  readonly seed: number;
  readonly config: PrepareConfig;
}

/**
 * The cleaning and preparation of a data set for the current choices, redone (after a short pause)
 * whenever they change. Each preparation goes to `onPrepared` with the request it answers, as a
 * transition; the session keeps it (and ignores one whose plan or seed has changed since). A
 * preparation superseded by newer choices is cancelled in the worker.
 */
export function usePreparation(bridge: WorkerBridge, request: PreparationRequest | null, onPrepared: (prepared: PreparedSummary, request: PreparationRequest) => void) {
  // The failure itself, worded when shown, so a language switch rewords it; 'crashed' for a failure with no answer.
  const [error, setError] = useState<Failure | 'crashed' | null>(null);
  const [pending, setPending] = useState(false);
  const onPreparedRef = useRef(onPrepared);
  useEffect(() => {
    onPreparedRef.current = onPrepared;
  }, [onPrepared]);

  // Keyed by content: an equal request rebuilt as a new object (a rebased event) asks for nothing new.
  const key = request ? JSON.stringify([request.datasetId, request.seed, request.config]) : null;
  const requestRef = useRef(request);
  useEffect(() => {
    requestRef.current = request;
  }, [request]);

  useEffect(() => {
    setError(null);
    const asked = key === null ? null : requestRef.current;
    if (!asked) {
      setPending(false);
      return;
    }
    let current = true;
    let jobId: JobId | null = null;
    setPending(true);
    // A short pause lets several quick edits (typing a range bound) cost one preparation.
    const timer = setTimeout(() => {
      jobId = newJobId();
      bridge.api
        .prepare(jobId, asked.datasetId, asked.config)
        .then((result) => {
          if (!current) return;
          if (result.ok) startTransition(() => onPreparedRef.current(result.data, asked));
          else setError(result);
        })
        .catch((cause: unknown) => {
          console.error('Preparing the data failed', cause);
          if (current) setError('crashed');
        })
        .finally(() => current && setPending(false));
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
      // A preparation nobody waits for stops at its next stage, so the newer one starts sooner.
      if (jobId !== null) void bridge.api.cancel(jobId);
    };
  }, [bridge, key]);

  return {
    /** Why the last preparation failed, in the active language, or null. */
    error: error === null ? null : error === 'crashed' ? translate('clean.prepareFailed') : problemText(error),
    /** The failure's problem code, for data-problem-code. */
    errorCode: error === null || error === 'crashed' ? undefined : problemCode(error),
    pending,
  };
}
