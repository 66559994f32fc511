// The few host APIs the pure core relies on, declared by hand: each exists with this shape in
// browsers, Web Workers and Node 18+, so the core runs in all three. The core's program
// (tsconfig.core.json) sees no DOM, webworker or Node types; anything else a core file touches
// is a type error there. Other programs get these names from their own libraries.

/** A monotonic clock in milliseconds (stage timings). */
declare const performance: { now(): number };

/** Decodes bytes as text in a streaming fashion (UTF-8 or Windows-1252). */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

/** A cancellation flag set by the caller's AbortController. */
interface AbortSignal {
  readonly aborted: boolean;
}

/** A stream of chunks (a File's or a fetch response's body). */
interface ReadableStream<R> {
  getReader(): { read(): Promise<{ done: true; value?: undefined } | { done: false; value: R }>; releaseLock(): void };
}

/** A file's bytes (File extends Blob). */
interface Blob {
  readonly size: number;
  stream(): ReadableStream<Uint8Array>;
}

/** Encodes text as UTF-8 bytes. */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}
