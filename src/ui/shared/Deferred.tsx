import { startTransition, useEffect, useState, type ReactNode } from 'react';

/**
 * Mounts `children` a little after the rest, `order` × 150 ms later. A new data set fills several
 * large tables and a grid; mounting them in one go costs one style-and-layout pass over a thousand
 * elements (over 50 ms on a slow machine). Staggered, each section is its own short task. 40 ms
 * apart was too close once the tables mount a few rows a frame: two sections' transitions then
 * met in one commit, a 54–65 ms task on the 1M-row book's page in 3 of 4 probes.
 */
const STAGGER_MS = 150;

export function Deferred({ order, children }: { order: number; children: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => startTransition(() => setReady(true)), order * STAGGER_MS);
    return () => clearTimeout(timer);
  }, [order]);
  return ready ? children : null;
}
