import { useCallback, useRef } from 'react';

/** Where the data set in use came from: a file the user chose, or the sample served with the app. */
type Source = { readonly kind: 'file'; readonly file: File } | { readonly kind: 'sample'; readonly fileName: string };

/**
 * Remembers where the data set in use came from, so that after a worker crash (which takes the
 * parsed data with it) the same file can be read into the new worker without asking the user.
 * `reread` reads it again and says whether there was anything to read.
 */
export function useLastSource(loadFile: (file: File) => Promise<void>, loadSample: (fileName: string) => Promise<void>) {
  const last = useRef<Source | null>(null);
  const fromFile = useCallback(
    (file: File) => {
      last.current = { kind: 'file', file };
      return loadFile(file);
    },
    [loadFile],
  );
  const fromSample = useCallback(
    (fileName: string) => {
      last.current = { kind: 'sample', fileName };
      return loadSample(fileName);
    },
    [loadSample],
  );
  const reread = useCallback((): boolean => {
    const source = last.current;
    if (source === null) return false;
    void (source.kind === 'file' ? loadFile(source.file) : loadSample(source.fileName));
    return true;
  }, [loadFile, loadSample]);
  return { loadFile: fromFile, loadSample: fromSample, reread };
}
