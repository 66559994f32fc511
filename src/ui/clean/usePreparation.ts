import { startTransition, useEffect, useRef, useState } from 'react';
import type { CleaningPlan } from '../../core/clean/plan';
import type { PrepareConfig } from '../../core/pipeline';
import type { WorkerBridge } from '../../worker/client';
import type { DatasetId, PreparedSummary } from '../../worker/protocol';

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
 * transition; the session keeps it (and ignores one whose plan or seed has changed since).
 */
export function usePreparation(bridge: WorkerBridge, request: PreparationRequest | null, onPrepared: (prepared: PreparedSummary, request: PreparationRequest) => void) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const onPreparedRef = useRef(onPrepared);
  useEffect(() => {
    onPreparedRef.current = onPrepared;
  }, [onPrepared]);

  useEffect(() => {
    setError(null);
    if (!request) {
      setPending(false);
      return;
    }
    let current = true;
    setPending(true);
    // A short pause lets several quick edits (typing a range bound) cost one preparation.
    const timer = setTimeout(() => {
      bridge.api
        .prepare(request.datasetId, request.config)
        .then((result) => {
          if (!current) return;
          if (result.ok) startTransition(() => onPreparedRef.current(result.data, request));
          else setError(result.reason);
        })
        .catch((cause: unknown) => {
          console.error('Preparing the data failed', cause);
          if (current) setError('The data could not be prepared.');
        })
        .finally(() => current && setPending(false));
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [bridge, request]);

  return { error, pending };
}
