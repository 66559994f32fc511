import { useLayoutEffect, useRef } from 'react';
import { DefaultLegendContent, type DefaultLegendContentProps } from 'recharts';

/**
 * recharts' legend with its icons hidden from assistive technology. recharts labels each swatch
 * "<name> legend icon" in English, which a Chinese screen reader would read out; the swatch only
 * repeats the words beside it, so it is decorative (aria-hidden) and its label goes. Pass it as
 * `<Legend content={QuietLegendContent} … />`: recharts gives it the legend's own props.
 */
export function QuietLegendContent(props: DefaultLegendContentProps) {
  const box = useRef<HTMLDivElement>(null);
  // After every render: React sets the label again when an entry's name changes (a language switch).
  useLayoutEffect(() => {
    for (const icon of Array.from(box.current?.querySelectorAll('.recharts-legend-item svg') ?? [])) {
      icon.removeAttribute('aria-label');
      icon.setAttribute('aria-hidden', 'true');
    }
  });
  return (
    <div ref={box}>
      <DefaultLegendContent {...props} />
    </div>
  );
}
