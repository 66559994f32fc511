import { startTransition, useCallback, useMemo, useRef, useState } from 'react';
import { newJobId, proxy, type WorkerBridge } from '../../worker/client';
import type { ModelBundle } from '../../core/bundle/types';
import type { CompareEntry, CompareOutcome, DatasetId, ModelId, TrainEvent, TrainSummary } from '../../worker/protocol';
import { problemText, translate } from '../i18n';

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
  const [error, setError] = useState<string | null>(null);
  const run = useRef(0);

  /** Trains `entries` (named by `names`) in turn on data set `datasetId`; resolves when all are done. */
  const compare = useCallback(
    async (datasetId: DatasetId, entries: readonly CompareEntry[], names: Readonly<Record<string, string>>) => {
      const id = ++run.current;
      setState('running');
      setError(null);
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
          setError(problemText(result));
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
          setError(translate('compare.failed'));
          setState('error');
        }
      }
    },
    [bridge],
  );

  /** Compared model `key`'s run, its id in the worker and its bundle, for the page to put in use; null when it did not train. */
  const use = useCallback(
    (key: string): { readonly summary: TrainSummary; readonly modelId: ModelId; readonly bundle: ModelBundle } | null => {
      const outcome = models.find((m) => m.key === key)?.outcome;
      return outcome?.ok ? { summary: outcome.summary, modelId: outcome.modelId, bundle: outcome.bundle } : null;
    },
    [models],
  );

  /** The key of the compared model that is worker model `modelId` (the one in use), or null. */
  const keyOf = useCallback((modelId: ModelId | null) => models.find((m) => m.outcome?.ok && m.outcome.modelId === modelId)?.key ?? null, [models]);

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
      setError(null);
    });
  }, []);

  return { state, models, current, error, compare, use, keyOf, clear, modelIds };
}
