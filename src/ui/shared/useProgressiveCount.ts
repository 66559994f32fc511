import { startTransition, useEffect, useState } from 'react';

/**
 * How many of `total` rows to render: `step` at first, `step` more each animation frame until all
 * are there. A table of form controls (the cleaning plan: 6 controls a row) costs one style and
 * layout pass when it mounts; all at once that was a 50–72 ms task on the 1M-row book's page, in
 * slices of a few rows each commit stays short.
 */
export function useProgressiveCount(total: number, step: number): number {
  const [count, setCount] = useState(Math.min(total, step));
  useEffect(() => {
    if (count >= total) return;
    const frame = requestAnimationFrame(() => startTransition(() => setCount((c) => Math.min(total, c + step))));
    return () => cancelAnimationFrame(frame);
  }, [count, total, step]);
  return Math.min(count, total);
}
