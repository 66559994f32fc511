import { type RefObject, useEffect, useState } from 'react';

/**
 * The element's content width in CSS pixels, followed as it changes (ResizeObserver); `fallback`
 * until it is measured. Charts drawn at their real width keep 11 px text 11 px on a phone, where
 * a fixed 800-unit viewBox shrank it to 5.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver((entries) => {
      const measured = Math.floor(entries[entries.length - 1]?.contentRect.width ?? 0);
      if (measured > 0) setWidth(measured);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
