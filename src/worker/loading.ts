import { detectTarget } from '../core/columns/target';
import { profileTable } from '../core/profile/profileTable';
import { blobChunks, readCsvBytes, streamChunks, type ReadProgress } from '../core/csv/readCsvBytes';
import type { ParsedCsv } from '../core/csv/csvReader';
import { fail, ok, type Result } from '../core/result';
import { cellText, type Table } from '../core/table';
import type { DatasetSummary } from './protocol';

// Beyond this the browser cannot hold the text's columns; say so instead of crashing the tab.
const MAX_FILE_BYTES = 2 * 1024 ** 3;
// A file under the limit can still exhaust memory while it is read (a RangeError from an allocation).
const TOO_LARGE = 'This file is too large for this browser to hold in memory. Try a smaller extract.';
const OVER_LIMIT = (bytes: number) => `This file (${(bytes / 1024 ** 3).toFixed(1)} GB) is too large: CreditLab reads files up to 2 GB. Try a smaller extract.`;

let loaded: Table | null = null;
let loadAbort: AbortController | null = null;

/** The table of the last file loaded, or null. */
export function currentTable(): Table | null {
  return loaded;
}

/** Cancels a load in progress (its result becomes "Loading was cancelled."). */
export function cancelLoad(): void {
  loadAbort?.abort();
}

/** Streams a CSV into the worker's table and profiles it; the previous table is released first. */
export async function loadCsv(
  open: () => AsyncIterable<Uint8Array>,
  totalBytes: number,
  fileName: string,
  onProgress: (progress: ReadProgress) => void,
): Promise<Result<DatasetSummary>> {
  if (totalBytes > MAX_FILE_BYTES) return fail(OVER_LIMIT(totalBytes));
  loadAbort?.abort();
  const abort = new AbortController();
  loadAbort = abort;
  const started = performance.now();
  // Let go of the previous table before reading: two large tables may not fit side by side.
  const previous = loaded;
  loaded = null;
  let parsed: Result<ParsedCsv>;
  try {
    parsed = await readCsvBytes(open, totalBytes, { onProgress, signal: abort.signal });
  } catch (error) {
    console.error('Reading the file failed', error);
    loaded = previous;
    if (error instanceof RangeError) return fail(TOO_LARGE);
    return fail('The file could not be read. It may have been moved, or be too large for this browser.');
  } finally {
    if (loadAbort === abort) loadAbort = null;
  }
  if (!parsed.ok) {
    // A cancelled or unusable file leaves the previous data set in place.
    loaded = previous;
    return parsed;
  }
  const parseMs = performance.now() - started;
  const table = parsed.data.table;
  const profileStarted = performance.now();
  // Blank header cells are lost in the column names (col1): the reader's notes say which they were.
  const columns = profileTable(table, { unnamedColumns: parsed.data.notes.unnamedColumns });
  loaded = table;
  return ok({
    fileName,
    sizeBytes: totalBytes,
    rowCount: table.rowCount,
    columns,
    suggestedTarget: detectTarget(columns),
    notes: parsed.data.notes,
    parseMs,
    profileMs: performance.now() - profileStarted,
  });
}

/** Loads a user's File (streamed, never read whole into one string). */
export function loadBlob(file: Blob, fileName: string, onProgress: (progress: ReadProgress) => void): Promise<Result<DatasetSummary>> {
  return loadCsv(() => blobChunks(file), file.size, fileName, onProgress);
}

/** Loads a CSV served with the app (the bundled sample), streaming the response body. */
export async function loadUrl(url: string, fileName: string, onProgress: (progress: ReadProgress) => void): Promise<Result<DatasetSummary>> {
  const response = await fetch(url);
  if (!response.ok || !response.body) return fail(`The sample data could not be loaded (HTTP ${response.status}).`);
  const body = response.body;
  const size = Number(response.headers.get('content-length') ?? 0);
  let used = false;
  return loadCsv(
    () => {
      // A response body streams once; a second attempt (Windows-1252 retry) fetches it again.
      if (!used) {
        used = true;
        return streamChunks(body);
      }
      return (async function* () {
        const again = await fetch(url);
        yield* streamChunks(again.body!);
      })();
    },
    size,
    fileName,
    onProgress,
  );
}

/** Rows [start, start + count) of the loaded table as display text, for the virtualised preview. */
export function readRows(start: number, count: number): string[][] {
  const table = loaded;
  if (!table) return [];
  const end = Math.min(table.rowCount, start + count);
  const rows: string[][] = [];
  for (let r = Math.max(0, start); r < end; r++) rows.push(table.columns.map((column) => cellText(column, r)));
  return rows;
}
