import { startTransition, useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Mounts `children` only once the placeholder scrolls into view. Recharts charts cost 80–150 ms of
 * main-thread time to mount on a slow machine; mounting them as the user reaches them spreads that
 * work out and keeps it away from training.
 */
export function LazyMount({ testId, height, label, children }: { testId: string; height: number; label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || visible) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        // A transition: React mounts the chart in slices where it can.
        startTransition(() => setVisible(true));
        observer.disconnect();
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [visible]);
  return (
    <div ref={ref} className="chart" data-testid={testId} data-mounted={visible} aria-label={label} style={{ minHeight: height }}>
      {visible ? children : null}
    </div>
  );
}
