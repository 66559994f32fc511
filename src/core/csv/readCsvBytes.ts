import { fail, type Result } from '../result';
import { CsvTableReader, type ParsedCsv } from './csvReader';

/** How far reading has got. */
export interface ReadProgress {
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly rowsRead: number;
}

/** Options for a streaming read. */
export interface ReadOptions {
  readonly onProgress?: (progress: ReadProgress) => void;
  readonly signal?: AbortSignal;
  /** Minimum time between progress reports. */
  readonly progressEveryMs?: number;
}

/** Message of the result when a read was cancelled through the signal. */
export const CANCELLED = 'Loading was cancelled.';

class NotUtf8 extends Error {}

const NOT_CSV = 'This file is not a CSV text file (it looks like a binary file such as an image, PDF or spreadsheet).';
const SIGNATURE_BYTES = 8;
const RESERVE_AFTER_BYTES = 1 << 20;

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * Streams a file's bytes into a columnar table. Text is decoded as UTF-8 (a BOM is dropped); a
 * file that is not valid UTF-8 is read again as Windows-1252, the usual encoding of spreadsheet
 * exports, and the notes say so. `open` is called once per attempt.
 */
export async function readCsvBytes(open: () => AsyncIterable<Uint8Array>, totalBytes: number, options: ReadOptions = {}): Promise<Result<ParsedCsv>> {
  // A Windows-1252 retry reads from the start again; progress shown to the user never goes back.
  let furthestBytes = 0;
  let furthestRows = 0;
  const report = options.onProgress;
  const monotonic: ReadOptions = report
    ? {
        ...options,
        onProgress: (p) => {
          furthestBytes = Math.max(furthestBytes, p.bytesRead);
          furthestRows = Math.max(furthestRows, p.rowsRead);
          report({ ...p, bytesRead: furthestBytes, rowsRead: furthestRows });
        },
      }
    : options;
  try {
    return await readWith('utf-8', open, totalBytes, monotonic);
  } catch (error) {
    if (!(error instanceof NotUtf8)) throw error;
    return readWith('windows-1252', open, totalBytes, monotonic);
  }
}

async function readWith(encoding: 'utf-8' | 'windows-1252', open: () => AsyncIterable<Uint8Array>, totalBytes: number, options: ReadOptions): Promise<Result<ParsedCsv>> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  const reader = new CsvTableReader(encoding);
  const every = options.progressEveryMs ?? 100;
  let bytesRead = 0;
  let reserved = false;
  let lastReport = -Infinity;
  // The first bytes, gathered across chunks, to recognise a binary file by its signature.
  let head: Uint8Array | null = new Uint8Array(0);
  for await (const bytes of open()) {
    if (options.signal?.aborted) return fail(CANCELLED);
    if (head) {
      head = concatBytes(head, bytes.subarray(0, SIGNATURE_BYTES));
      if (head.length >= SIGNATURE_BYTES) {
        if (startsLikeBinary(head)) return fail(NOT_CSV);
        head = null;
      }
    }
    if (bytes.subarray(0, 4096).includes(0) && bytesRead < 4096) return fail(NOT_CSV);
    bytesRead += bytes.byteLength;
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      throw new NotUtf8();
    }
    reader.push(text);
    // After the first megabyte, size the columns for the whole file (5% spare) in one step.
    if (!reserved && reader.started && bytesRead >= RESERVE_AFTER_BYTES && totalBytes > bytesRead && reader.rowsRead > 0) {
      reserved = true;
      reader.reserveRows((reader.rowsRead * totalBytes * 1.05) / bytesRead);
    }
    const now = performance.now();
    if (options.onProgress && now - lastReport >= every) {
      lastReport = now;
      options.onProgress({ bytesRead, totalBytes, rowsRead: reader.rowsRead });
    }
  }
  if (options.signal?.aborted) return fail(CANCELLED);
  if (head && head.length > 0 && startsLikeBinary(head)) return fail(NOT_CSV);
  let tail: string;
  try {
    tail = decoder.decode();
  } catch {
    throw new NotUtf8();
  }
  reader.push(tail, true);
  const result = reader.finish();
  options.onProgress?.({ bytesRead, totalBytes, rowsRead: reader.rowsRead });
  return result;
}

// Magic numbers of files people rename to .csv by mistake: PNG, JPEG, GIF, PDF, ZIP (xlsx), OLE (xls), gzip.
const MAGIC: readonly number[][] = [
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x25, 0x50, 0x44, 0x46],
  [0x50, 0x4b, 0x03, 0x04],
  [0xd0, 0xcf, 0x11, 0xe0],
  [0x1f, 0x8b],
];

function startsLikeBinary(bytes: Uint8Array): boolean {
  return MAGIC.some((magic) => magic.every((b, i) => bytes[i] === b));
}

/** Iterates a Blob's bytes (File.stream()) in the chunks the browser provides. */
export function blobChunks(blob: Blob): AsyncIterable<Uint8Array> {
  return streamChunks(blob.stream());
}

/** Iterates a byte stream (a File's or a fetch response's body). */
export async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
