import { startTransition, useCallback, useRef, useState } from 'react';
import type { ReadProgress } from '../../core/csv/readCsvBytes';
import type { Result } from '../../core/result';
import { newJobId, proxy, type WorkerBridge } from '../../worker/client';
import type { DatasetId, DatasetSummary, JobId, LoadedDataset } from '../../worker/protocol';
import { problemCode, problemText, translate } from '../i18n';

/** Where a load stands, for the progress bar. */
export type LoadState = { readonly phase: 'idle' } | { readonly phase: 'reading'; readonly progress: ReadProgress };

/**
 * Loading a file or the sample into the worker, with progress, cancel and a human error. The data
 * set loaded before stays in the worker until a new one has loaded (a cancelled or failed load
 * leaves it in use), then it is released. `onError` gets the message in the active language and,
 * when the failure has one, its problem code (for the alert's data-problem-code).
 */
export function useDatasetLoader(
  bridge: WorkerBridge,
  onLoaded: (dataset: DatasetSummary, datasetId: DatasetId) => void,
  onError: (message: string | null, code?: string) => void,
) {
  const [load, setLoad] = useState<LoadState>({ phase: 'idle' });
  const job = useRef<JobId | null>(null);
  const current = useRef<DatasetId | null>(null);
  const onLoadedRef = useRef(onLoaded);
  onLoadedRef.current = onLoaded;
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  const run = useCallback(
    async (totalBytes: number, start: (jobId: JobId, onProgress: (p: ReadProgress) => void) => Promise<Result<LoadedDataset>>) => {
      // Everything here renders as a transition, so React can slice the work and input stays answered.
      startTransition(() => {
        onErrorRef.current(null);
        setLoad({ phase: 'reading', progress: { bytesRead: 0, totalBytes, rowsRead: 0 } });
      });
      // Progress comes over its own message channel and can arrive after the result: once the load
      // has finished, late reports are ignored rather than showing the bar again.
      let active = true;
      const onProgress = proxy((progress: ReadProgress) => {
        if (active) startTransition(() => setLoad({ phase: 'reading', progress }));
      });
      const jobId = newJobId();
      job.current = jobId;
      try {
        const result = await start(jobId, onProgress);
        if (result.ok) {
          const previous = current.current;
          current.current = result.data.datasetId;
          if (previous !== null) bridge.api.releaseDataset(previous).catch((cause: unknown) => console.warn('Releasing the previous data set failed', cause));
          onLoadedRef.current(result.data.summary, result.data.datasetId);
        } else onErrorRef.current(problemText(result), problemCode(result));
      } catch (cause) {
        console.error('Loading failed', cause);
        onErrorRef.current(translate('data.loadFailed'));
      } finally {
        active = false;
        if (job.current === jobId) job.current = null;
        setLoad({ phase: 'idle' });
      }
    },
    [bridge],
  );

  const loadFile = useCallback((file: File) => run(file.size, (jobId, onProgress) => bridge.api.loadFile(jobId, file, file.name, onProgress)), [bridge, run]);
  const loadSample = useCallback(
    (fileName: string) => run(0, (jobId, onProgress) => bridge.api.loadUrl(jobId, new URL(fileName, document.baseURI).href, fileName, onProgress)),
    [bridge, run],
  );
  const cancel = useCallback(() => {
    if (job.current !== null) void bridge.api.cancel(job.current);
  }, [bridge]);

  return { load, loadFile, loadSample, cancel };
}
