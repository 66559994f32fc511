import { startTransition, useCallback, useRef, useState } from 'react';
import type { ReadProgress } from '../../core/csv/readCsvBytes';
import type { Result } from '../../core/result';
import { proxy, type WorkerBridge } from '../../worker/client';
import type { DatasetSummary } from '../../worker/protocol';

/** Where a load stands, for the progress bar. */
export type LoadState = { readonly phase: 'idle' } | { readonly phase: 'reading'; readonly progress: ReadProgress };

/** Loading a file or the sample into the worker, with progress, cancel and a human error. */
export function useDatasetLoader(bridge: WorkerBridge, onLoaded: (dataset: DatasetSummary) => void, onError: (message: string | null) => void) {
  const [load, setLoad] = useState<LoadState>({ phase: 'idle' });
  const onLoadedRef = useRef(onLoaded);
  onLoadedRef.current = onLoaded;
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  const run = useCallback(async (totalBytes: number, start: (onProgress: (p: ReadProgress) => void) => Promise<Result<DatasetSummary>>) => {
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
    try {
      const result = await start(onProgress);
      if (result.ok) onLoadedRef.current(result.data);
      else onErrorRef.current(result.reason);
    } catch (cause) {
      console.error('Loading failed', cause);
      onErrorRef.current('The file could not be read.');
    } finally {
      active = false;
      setLoad({ phase: 'idle' });
    }
  }, []);

  const loadFile = useCallback((file: File) => run(file.size, (onProgress) => bridge.api.loadFile(file, file.name, onProgress)), [bridge, run]);
  const loadSample = useCallback((fileName: string) => run(0, (onProgress) => bridge.api.loadUrl(new URL(fileName, document.baseURI).href, fileName, onProgress)), [bridge, run]);
  const cancel = useCallback(() => void bridge.api.cancelLoad(), [bridge]);

  return { load, loadFile, loadSample, cancel };
}
