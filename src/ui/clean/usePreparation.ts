import { startTransition, useEffect, useRef, useState } from 'react';
import type { PrepareConfig } from '../../core/pipeline';
import type { WorkerBridge } from '../../worker/client';
import type { DatasetId, PreparedSummary } from '../../worker/protocol';

/**
 * The cleaning and preparation of data set `datasetId` for the current choices, redone (after a short pause) whenever they
 * change. `onPrepared` hears of each new preparation in the same render that shows it (to adapt
 * defaults that follow the data, such as class weights).
 */
export function usePreparation(bridge: WorkerBridge, datasetId: DatasetId | null, config: PrepareConfig | null, onPrepared?: (prepared: PreparedSummary) => void) {
  const [prepared, setPrepared] = useState<PreparedSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const onPreparedRef = useRef(onPrepared);
  useEffect(() => {
    onPreparedRef.current = onPrepared;
  }, [onPrepared]);

  useEffect(() => {
    setPrepared(null);
    setError(null);
    if (!config || !datasetId) return;
    let current = true;
    setPending(true);
    // A short pause lets several quick edits (typing a range bound) cost one preparation.
    const timer = setTimeout(() => {
      bridge.api
        .prepare(datasetId, config)
        .then((result) => {
          if (!current) return;
          if (result.ok)
            startTransition(() => {
              setPrepared(result.data);
              onPreparedRef.current?.(result.data);
            });
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
  }, [bridge, datasetId, config]);

  return { prepared, error, pending };
}
