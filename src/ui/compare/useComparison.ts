import { startTransition, useCallback, useMemo, useRef, useState } from 'react';
import { newJobId, proxy, type WorkerBridge } from '../../worker/client';
import type { CompareEntry, CompareOutcome, DatasetId, ModelId, TrainEvent, TrainSummary } from '../../worker/protocol';

/** Where a comparison stands. */
export type ComparisonState = 'idle' | 'running' | 'done' | 'error';

/** A model of the comparison as the table shows it: its key, a name, and its run (or why it did not train). */
export interface ComparedModel {
  readonly key: string;
  readonly name: string;
  readonly outcome: CompareOutcome | null;
}

/**
 * Trains several models one after another on the same split (the worker keeps them all), and puts
 * the one the user picks in use. The results belong to the data they were trained on: a new
 * preparation or an ordinary run clears them (`clear`).
 */
export function useComparison(bridge: WorkerBridge) {
  const [state, setState] = useState<ComparisonState>('idle');
  const [models, setModels] = useState<readonly ComparedModel[]>([]);
  const [current, setCurrent] = useState<string | null>(null);
  const [inUse, setInUse] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useRef(0);

  /** Trains `entries` (named by `names`) in turn on data set `datasetId`; resolves when all are done. */
  const compare = useCallback(
    async (datasetId: DatasetId, entries: readonly CompareEntry[], names: Readonly<Record<string, string>>) => {
      const id = ++run.current;
      setState('running');
      setError(null);
      setInUse(null);
      setCurrent(entries[0]?.key ?? null);
      setModels(entries.map((e) => ({ key: e.key, name: names[e.key] ?? e.key, outcome: null })));
      try {
        const result = await bridge.api.compareModels(
          newJobId(),
          datasetId,
          entries,
          proxy((key: string, event: TrainEvent) => {
            if (id === run.current && event.type === 'prepared') startTransition(() => setCurrent(key));
          }),
        );
        if (id !== run.current) {
          // Cleared while it ran: nobody will show these models, so the worker need not keep them.
          if (result.ok) for (const o of result.data) if (o.ok) void bridge.api.releaseModel(o.modelId);
          return;
        }
        if (!result.ok) {
          setError(result.reason);
          setState('error');
          return;
        }
        const byKey = new Map(result.data.map((o) => [o.key, o]));
        startTransition(() => {
          setModels((list) => list.map((m) => ({ ...m, outcome: byKey.get(m.key) ?? null })));
          setCurrent(null);
          setState('done');
        });
      } catch (cause) {
        console.error('Comparing the models failed', cause);
        if (id === run.current) {
          setError('The models could not be compared.');
          setState('error');
        }
      }
    },
    [bridge],
  );

  /** Puts compared model `key` in use; returns its run and its id in the worker for the page to show and score with, or null. */
  const use = useCallback(
    (key: string): { readonly summary: TrainSummary; readonly modelId: ModelId } | null => {
      const outcome = models.find((m) => m.key === key)?.outcome;
      if (!outcome?.ok) return null;
      setInUse(key);
      return { summary: outcome.summary, modelId: outcome.modelId };
    },
    [models],
  );

  /** The compared models held in the worker (the page releases those it no longer shows or uses). */
  const modelIds = useMemo(() => models.flatMap((m) => (m.outcome?.ok ? [m.outcome.modelId] : [])), [models]);

  /** Forgets the comparison; as a transition, and only when there is one, so a click that starts a run re-renders nothing more at once. */
  const shown = useRef(false);
  shown.current = state !== 'idle' || models.length > 0 || error !== null;
  const clear = useCallback(() => {
    run.current++;
    if (!shown.current) return;
    startTransition(() => {
      setState('idle');
      setModels([]);
      setCurrent(null);
      setInUse(null);
      setError(null);
    });
  }, []);

  return { state, models, current, inUse, error, compare, use, clear, modelIds };
}
