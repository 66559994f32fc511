// A progress line for a long command: rewritten in place on a terminal, at most four times a
// second; silent when stderr is a file or a pipe, where it would only fill a log.

/** Where progress goes: a stream that may be a terminal. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** A progress line on `stream`: `update` shows the latest text (throttled), `done` ends the line. Does nothing unless `stream` is a TTY. */
export function createProgress(stream: ProgressStream, everyMs = 250): { update(text: string): void; done(): void } {
  if (!stream.isTTY) return { update() {}, done() {} };
  let last = -Infinity;
  let shown = false;
  return {
    update(text) {
      const now = performance.now();
      if (now - last < everyMs) return;
      last = now;
      shown = true;
      // \r and "erase to end of line": the new text replaces the old, however long it was.
      stream.write(`\r${text}\u001b[K`);
    },
    done() {
      if (shown) stream.write('\n');
    },
  };
}
