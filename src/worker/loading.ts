import { detectTarget } from '../core/columns/target';
import { profileTable } from '../core/profile/profileTable';
import { blobChunks, readCsvBytes, streamChunks, type ReadProgress } from '../core/csv/readCsvBytes';
import type { ParsedCsv } from '../core/csv/csvReader';
import { failWith, ok, type Result } from '../core/result';
import { cellText } from '../core/table';
import { addDataset, findDataset } from './datasets';
import { hashWhileReading, sha256OfBlob } from './fileHash';
import type { DatasetId, LoadedDataset } from './protocol';

// Beyond this the browser cannot hold the text's columns; say so instead of crashing the tab.
const MAX_FILE_BYTES = 2 * 1024 ** 3;

/**
 * Streams a CSV into a new data set and profiles it. Its SHA-256 comes from `laterDigest` when given
 * (a File, hashed natively when a model first needs it), else it is computed as the bytes stream in.
 * Data sets already loaded stay as they are: the caller releases the one it no longer needs. An
 * aborted `signal` ends the read with "Loading was cancelled.".
 */
export async function loadCsv(
  open: () => AsyncIterable<Uint8Array>,
  totalBytes: number,
  fileName: string,
  onProgress: (progress: ReadProgress) => void,
  signal?: AbortSignal,
  laterDigest?: () => Promise<string>,
): Promise<Result<LoadedDataset>> {
  if (totalBytes > MAX_FILE_BYTES) return failWith('file.overLimit', { gigabytes: totalBytes / 1024 ** 3, limitGigabytes: MAX_FILE_BYTES / 1024 ** 3 });
  const started = performance.now();
  const source = laterDigest ? null : hashWhileReading(open);
  let parsed: Result<ParsedCsv>;
  try {
    parsed = await readCsvBytes(source ? source.open : open, totalBytes, { onProgress, signal });
  } catch (error) {
    console.error('Reading the file failed', error);
    // A file under the limit can still exhaust memory while it is read (a RangeError from an allocation).
    if (error instanceof RangeError) return failWith('file.tooLarge', {});
    return failWith('file.unreadable', {});
  }
  if (!parsed.ok) return parsed;
  const parseMs = performance.now() - started;
  const table = parsed.data.table;
  // A successful read consumed its last pass to the end: the digest covers every byte once.
  const digest = source?.digest() ?? null;
  const profileStarted = performance.now();
  // Blank header cells are lost in the column names (col1): the reader's notes say which they were.
  const columns = profileTable(table, { unnamedColumns: parsed.data.notes.unnamedColumns });
  const dataset = addDataset(table, async () =>
    digest ? { name: fileName, sizeBytes: digest.bytes, sha256: digest.sha256 } : { name: fileName, sizeBytes: totalBytes, sha256: await laterDigest!() },
  );
  return ok({
    datasetId: dataset.id,
    summary: {
      fileName,
      sizeBytes: totalBytes,
      rowCount: table.rowCount,
      columns,
      suggestedTarget: detectTarget(columns),
      notes: parsed.data.notes,
      parseMs,
      profileMs: performance.now() - profileStarted,
    },
  });
}

/**
 * Loads a user's File (streamed, never read whole into one string). Its SHA-256 waits until a model
 * needs it: hashing as it streams cost about 1.3 s on a 70 MB file in Chromium (JavaScript SHA-256),
 * natively it takes a fraction of that, and most loads never train.
 */
export function loadBlob(file: Blob, fileName: string, onProgress: (progress: ReadProgress) => void, signal?: AbortSignal): Promise<Result<LoadedDataset>> {
  return loadCsv(
    () => blobChunks(file),
    file.size,
    fileName,
    onProgress,
    signal,
    () => sha256OfBlob(file),
  );
}

/** Loads a CSV served with the app (the bundled sample), streaming the response body. */
export async function loadUrl(url: string, fileName: string, onProgress: (progress: ReadProgress) => void, signal?: AbortSignal): Promise<Result<LoadedDataset>> {
  const response = await fetch(url);
  if (!response.ok || !response.body) return failWith('sample.unavailable', { status: response.status });
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
    signal,
  );
}

/** Rows [start, start + count) of data set `datasetId` as display text, for the virtualised preview (none once it is released). */
export function readRows(datasetId: DatasetId, start: number, count: number): string[][] {
  const found = findDataset(datasetId);
  if (!found.ok) return [];
  const table = found.data.table;
  const end = Math.min(table.rowCount, start + count);
  const rows: string[][] = [];
  for (let r = Math.max(0, start); r < end; r++) rows.push(table.columns.map((column) => cellText(column, r)));
  return rows;
}
