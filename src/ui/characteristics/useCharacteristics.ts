import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Binning } from '../../core/binning/types';
import type { PrepareConfig } from '../../core/pipeline';
import type { WorkerBridge } from '../../worker/client';
import type { BinEdit, BinEditProblem, CharacteristicReport, CharacteristicsReport, DatasetId } from '../../worker/protocol';
import { type Failure, problemCode, problemText, translate } from '../i18n';

/** Where the report stands: not asked for, computing, shown, or failed. */
export type CharacteristicsState = 'idle' | 'computing' | 'done' | 'error';

/** What the report shows as its alert: a bin edit refused (its code), a failure of the worker (its problem, or its English reason), or the report or the edit throwing. */
export type CharacteristicsError =
  | { readonly kind: 'edit'; readonly problem: BinEditProblem }
  | { readonly kind: 'failure'; readonly failure: Failure }
  | { readonly kind: 'computeFailed' | 'editFailed' };

/** The alert's words in the active language. */
export function characteristicsErrorText(error: CharacteristicsError): string {
  switch (error.kind) {
    case 'edit':
      return translate(`characteristics.problem.${error.problem}`);
    case 'failure':
      return problemText(error.failure);
    default:
      return translate(`characteristics.problem.${error.kind}`);
  }
}

/** The alert's code, shown as data-problem-code: "bins.split-at-edge", a worker problem's code, or "bins.computeFailed" / "bins.editFailed". */
export function characteristicsErrorCode(error: CharacteristicsError): string | undefined {
  switch (error.kind) {
    case 'edit':
      return `bins.${error.problem}`;
    case 'failure':
      return problemCode(error.failure);
    default:
      return `bins.${error.kind}`;
  }
}

/** Ranked by IV, highest first (ties by name), as the worker ranks them. */
function ranked(features: readonly CharacteristicReport[]): CharacteristicReport[] {
  return [...features].sort((a, b) => b.iv - a.iv || a.column.localeCompare(b.column));
}

/**
 * The characteristics report of the current preparation (computed when asked: binning every
 * feature takes a moment on a large book), the selected feature, and the user's edits of its bins.
 * A new preparation drops the report and the edits: they belong to its training rows.
 */
export function useCharacteristics(bridge: WorkerBridge, datasetId: DatasetId | null, config: PrepareConfig | null) {
  const [state, setState] = useState<CharacteristicsState>('idle');
  const [report, setReport] = useState<CharacteristicsReport | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<CharacteristicsError | null>(null);
  const [editing, setEditing] = useState(false);
  const configRef = useRef(config);
  const datasetRef = useRef(datasetId);

  useEffect(() => {
    configRef.current = config;
    datasetRef.current = datasetId;
    setState('idle');
    setReport(null);
    setSelected(null);
    setError(null);
  }, [datasetId, config]);

  const compute = useCallback(async () => {
    const asked = configRef.current;
    const dataset = datasetRef.current;
    if (!asked || !dataset) return;
    // As transitions: the page re-renders in slices, not in the click's own task.
    startTransition(() => {
      setState('computing');
      setError(null);
    });
    try {
      const result = await bridge.api.characteristics(dataset, asked);
      if (configRef.current !== asked) return;
      if (!result.ok) {
        setError({ kind: 'failure', failure: result });
        setState('error');
        return;
      }
      startTransition(() => {
        setReport(result.data);
        setSelected((s) => (result.data.features.some((f) => f.column === s) ? s : (result.data.features[0]?.column ?? null)));
        setState('done');
      });
    } catch (cause) {
      console.error('The characteristics report failed', cause);
      if (configRef.current === asked) {
        setError({ kind: 'computeFailed' });
        setState('error');
      }
    }
  }, [bridge]);

  const edit = useCallback(
    async (binning: Binning, change: BinEdit) => {
      const asked = configRef.current;
      const dataset = datasetRef.current;
      if (!asked || !dataset) return;
      startTransition(() => {
        setEditing(true);
        setError(null);
      });
      try {
        const result = await bridge.api.editCharacteristic(dataset, asked, binning, change);
        if (configRef.current !== asked) return;
        if (!result.ok) {
          startTransition(() => setError({ kind: 'edit', problem: result.problem }));
          return;
        }
        startTransition(() => setReport((r) => (r ? { ...r, features: ranked(r.features.map((f) => (f.column === result.data.column ? result.data : f))) } : r)));
      } catch (cause) {
        console.error('Editing the bins failed', cause);
        setError({ kind: 'editFailed' });
      } finally {
        startTransition(() => setEditing(false));
      }
    },
    [bridge],
  );

  /** Puts every characteristic back to its fitted bins (bins the training rows afresh). */
  const reset = useCallback(() => void compute(), [compute]);

  // Edited bins are what a scorecard trained now should use.
  const overrides = useMemo(() => (report ? report.features.filter((f) => f.edited).map((f) => f.binning) : []), [report]);
  return { state, report, selected, select: setSelected, error, editing, compute, edit, reset, overrides };
}
