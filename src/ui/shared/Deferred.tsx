import { startTransition, useEffect, useState, type ReactNode } from 'react';

/**
 * Mounts `children` a little after the rest, `order` × 40 ms later. A new data set fills several
 * large tables and a grid; mounting them in one go costs one style-and-layout pass over a thousand
 * elements (over 50 ms on a slow machine). Staggered, each section is its own short task.
 */
export function Deferred({ order, children }: { order: number; children: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => startTransition(() => setReady(true)), order * 40);
    return () => clearTimeout(timer);
  }, [order]);
  return ready ? children : null;
}
