import { startTransition, useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * How far apart charts that come into view together mount: each is then its own short task (four
 * recharts charts scrolled into view at once were one 120–190 ms commit; one at a time, each is a
 * fraction of it).
 */
const MOUNT_GAP_MS = 120;

/** How long a chart must stay in view before it mounts: a page scrolled past it (a jump to another step) mounts nothing. */
const DWELL_MS = 250;

/** Mounts waiting their turn, first come first served. */
const waiting: (() => void)[] = [];
let mounting = false;

function mountNext(): void {
  const next = waiting.shift();
  if (!next) {
    mounting = false;
    return;
  }
  mounting = true;
  next();
  setTimeout(mountNext, MOUNT_GAP_MS);
}

/** Queues `mount`; returns a function that takes it out of the queue if it has not run yet. */
function queueMount(mount: () => void): () => void {
  waiting.push(mount);
  if (!mounting) mountNext();
  return () => {
    const at = waiting.indexOf(mount);
    if (at >= 0) waiting.splice(at, 1);
  };
}

/**
 * Mounts `children` only once the placeholder has stayed in view for a moment. Recharts charts cost
 * 80–150 ms of main-thread time to mount on a slow machine; mounting them as the user stops at
 * them, one at a time, spreads that work out and keeps it away from training and from jumps.
 */
export function LazyMount({ testId, height, label, children }: { testId: string; height: number; label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || visible) return;
    let unqueue: (() => void) | null = null;
    let dwell: ReturnType<typeof setTimeout> | undefined;
    const observer = new IntersectionObserver((entries) => {
      const inView = entries[entries.length - 1]?.isIntersecting ?? false;
      clearTimeout(dwell);
      if (!inView || unqueue !== null) return;
      dwell = setTimeout(() => {
        observer.disconnect();
        // A transition: React mounts the chart in slices where it can.
        unqueue = queueMount(() => startTransition(() => setVisible(true)));
      }, DWELL_MS);
    });
    observer.observe(element);
    return () => {
      clearTimeout(dwell);
      observer.disconnect();
      unqueue?.();
    };
  }, [visible]);
  return (
    <div ref={ref} className="chart" data-testid={testId} data-mounted={visible} role="group" aria-label={label} style={{ minHeight: height }}>
      {visible ? children : null}
    </div>
  );
}
