import { englishOf } from '../problems';
import { failWith, type Result } from '../result';
import { CsvTableReader, type ParsedCsv } from './csvReader';
import { byteOrderMark, guessLegacyEncoding, type LegacyEncoding, type TextEncodingCode } from './encoding';

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

/** The English reason of the result when a read was cancelled through the signal (its code is 'csv.cancelled'). */
export const CANCELLED = englishOf({ code: 'csv.cancelled', params: {} });

/** Thrown by the UTF-8 attempt: the bytes are not UTF-8; `sample` is what the legacy guess looks at. */
class NotUtf8 extends Error {
  constructor(readonly sample: Uint8Array) {
    super('not UTF-8');
  }
}

const SIGNATURE_BYTES = 8;
const RESERVE_AFTER_BYTES = 1 << 20;
// The legacy-encoding guess reads at most this much, from the file's first non-ASCII byte.
const LEGACY_SAMPLE_BYTES = 64 * 1024;

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * Streams a file's bytes into a columnar table. A byte-order mark decides the encoding (UTF-8,
 * UTF-16LE as Excel's "Unicode text", UTF-16BE); without one, the text is read as UTF-8, and a file
 * that is not valid UTF-8 is read again as GB18030 or Windows-1252 (guessLegacyEncoding, from a
 * bounded sample), the code pages spreadsheets write on Chinese- and English-language Windows. The
 * notes say which was used. `open` is called once per attempt.
 */
export async function readCsvBytes(open: () => AsyncIterable<Uint8Array>, totalBytes: number, options: ReadOptions = {}): Promise<Result<ParsedCsv>> {
  // A legacy-encoding retry reads from the start again; progress shown to the user never goes back.
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
    return await readWith(null, open, totalBytes, monotonic);
  } catch (error) {
    if (!(error instanceof NotUtf8)) throw error;
    return readWith(guessLegacyEncoding(error.sample), open, totalBytes, monotonic);
  }
}

/** Collects the bytes from a file's first non-ASCII byte on, up to LEGACY_SAMPLE_BYTES. */
class LegacySample {
  private parts: Uint8Array[] = [];
  private size = 0;
  private started = false;

  /** Takes a chunk; `hasNonAscii` says whether the decoder has met a non-ASCII byte by the end of it. */
  add(bytes: Uint8Array, hasNonAscii: boolean): void {
    if (this.full) return;
    let from = 0;
    if (!this.started) {
      if (!hasNonAscii) return;
      // The first non-ASCII byte of the file is in this chunk: every byte before it was ASCII.
      from = bytes.findIndex((b) => b >= 0x80);
      if (from < 0) return;
      this.started = true;
    }
    const part = bytes.slice(from, from + LEGACY_SAMPLE_BYTES - this.size);
    this.parts.push(part);
    this.size += part.length;
  }

  get full(): boolean {
    return this.size >= LEGACY_SAMPLE_BYTES;
  }

  bytes(): Uint8Array {
    return this.parts.reduce(concatBytes, new Uint8Array(0));
  }
}

/** The decoder and table of one pass, chosen once the first bytes are in. */
class Pass {
  readonly code: TextEncodingCode;
  readonly reader: CsvTableReader;
  private readonly decoder: TextDecoder;
  /** Gathered while trying UTF-8 (null otherwise), for the legacy guess should UTF-8 fail. */
  readonly sample: LegacySample | null;
  private textLength = 0;
  private decodedBytes = 0;
  private skip = 0;

  constructor(legacy: LegacyEncoding | null, head: Uint8Array) {
    const bom = byteOrderMark(head);
    this.code = legacy ?? bom?.encoding ?? 'utf-8';
    // A UTF-8 mark is dropped here, not by TextDecoder: a legacy code page would read it as text, and
    // the sample for the legacy guess must not start with it. TextDecoder drops a UTF-16 mark itself.
    if (bom?.encoding === 'utf-8') this.skip = bom.length;
    const utf8 = this.code === 'utf-8';
    this.decoder = new TextDecoder(this.code, { fatal: utf8 });
    this.reader = new CsvTableReader(this.code);
    this.sample = utf8 ? new LegacySample() : null;
  }

  /** UTF-16 text is full of NUL bytes; in any other encoding a NUL near the start means binary. */
  get nulMeansBinary(): boolean {
    return this.code !== 'utf-16le' && this.code !== 'utf-16be';
  }

  /** Decodes the next bytes into the table; false when they are not valid UTF-8 (UTF-8 pass only). */
  push(bytes: Uint8Array, final: boolean): boolean {
    if (this.skip > 0) {
      bytes = bytes.subarray(this.skip);
      this.skip = 0;
    }
    let text: string;
    try {
      text = final ? this.decoder.decode(bytes) : this.decoder.decode(bytes, { stream: true });
    } catch {
      this.sample?.add(bytes, true);
      return false;
    }
    if (this.sample) {
      // UTF-8 gives one code unit per ASCII byte and fewer units than bytes for anything else
      // (a character still incomplete at a chunk's end gives none yet).
      this.decodedBytes += bytes.length;
      this.textLength += text.length;
      this.sample.add(bytes, this.textLength < this.decodedBytes);
    }
    this.reader.push(text, final);
    return true;
  }
}

/**
 * One pass over the file. `legacy` null: the encoding a byte-order mark names, else UTF-8, which
 * throws NotUtf8 on the first invalid byte (after gathering the sample to guess from).
 */
async function readWith(legacy: LegacyEncoding | null, open: () => AsyncIterable<Uint8Array>, totalBytes: number, options: ReadOptions): Promise<Result<ParsedCsv>> {
  const iterator = open()[Symbol.asyncIterator]();
  try {
    return await readPass(legacy, iterator, totalBytes, options);
  } finally {
    // Stopping early (binary, cancelled, not UTF-8) releases the file's stream; after the end it is a no-op.
    await iterator.return?.();
  }
}

/** The pass itself, over an iterator the caller closes. */
async function readPass(legacy: LegacyEncoding | null, iterator: AsyncIterator<Uint8Array>, totalBytes: number, options: ReadOptions): Promise<Result<ParsedCsv>> {
  const every = options.progressEveryMs ?? 100;
  let bytesRead = 0;
  let reserved = false;
  let lastReport = -Infinity;
  // The first bytes, gathered across chunks, to recognise a binary file by its signature and read a
  // byte-order mark: nothing is decoded before they are in (a mark may arrive one byte at a time).
  let head: Uint8Array | null = new Uint8Array(0);
  let pass: Pass | null = null;
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    if (options.signal?.aborted) return failWith('csv.cancelled', {});
    let bytes = next.value;
    const offset = bytesRead;
    bytesRead += bytes.byteLength;
    if (head) {
      head = concatBytes(head, bytes);
      if (head.length < SIGNATURE_BYTES) continue;
      if (startsLikeBinary(head)) return failWith('csv.binarySignature', {});
      bytes = head;
      head = null;
      pass = new Pass(legacy, bytes);
    }
    if (!pass) continue;
    if (pass.nulMeansBinary && offset < 4096 && bytes.subarray(0, 4096).includes(0)) return failWith('csv.binarySignature', {});
    if (!pass.push(bytes, false)) return notUtf8(pass.sample!, iterator);
    const { reader } = pass;
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
  if (options.signal?.aborted) return failWith('csv.cancelled', {});
  let rest: Uint8Array = new Uint8Array(0);
  if (head) {
    // A file shorter than the head.
    if (head.length > 0 && startsLikeBinary(head)) return failWith('csv.binarySignature', {});
    pass = new Pass(legacy, head);
    if (pass.nulMeansBinary && head.includes(0)) return failWith('csv.binarySignature', {});
    rest = head;
  }
  if (!pass!.push(rest, true)) return notUtf8(pass!.sample!, iterator);
  const result = pass!.reader.finish();
  options.onProgress?.({ bytesRead, totalBytes, rowsRead: pass!.reader.rowsRead });
  return result;
}

/** Reads on until the sample is full (or the file ends), then throws it for the legacy guess. */
async function notUtf8(sample: LegacySample, iterator: AsyncIterator<Uint8Array>): Promise<never> {
  while (!sample.full) {
    const next = await iterator.next();
    if (next.done) break;
    sample.add(next.value, true);
  }
  throw new NotUtf8(sample.bytes());
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
