import { useEffect, useRef } from 'react';
import type { StepId } from '../state/session';
import { STEP_SECTION_ATTRIBUTE } from './stepSections';

/** Keys that scroll the page (when focus is not in a field). */
const SCROLL_KEYS = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End', ' ']);
/** How long after a wheel turn, a touch move or a scroll key the page's scrolling counts as the reader's. */
const INTENT_MS = 1000;

/** True for a target that takes the keys itself (a field, a select, an editable element). */
function takesKeys(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName));
}

/** The step whose section holds the reading line, a quarter down the screen below the sticky navigation; at the page's end, the last one shown. */
function stepInView(navBottom: number): StepId | null {
  const sections = document.querySelectorAll<HTMLElement>(`[${STEP_SECTION_ATTRIBUTE}]`);
  const line = navBottom + window.innerHeight * 0.25;
  const atEnd = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
  let found: StepId | null = null;
  for (const section of sections) {
    const box = section.getBoundingClientRect();
    if (box.height === 0) continue;
    if (box.top <= line || (atEnd && box.top < window.innerHeight)) found = section.getAttribute(STEP_SECTION_ATTRIBUTE) as StepId;
  }
  return found;
}

/**
 * Tells `onStep` which step the reader has scrolled to, so the navigation shows where they are.
 * Only the reader's own scrolling counts (wheel, touch, scroll keys): a jump to a step, or a
 * control scrolled into view, moves the page without changing the step they chose.
 */
export function useScrollSpy(onStep: (step: StepId) => void): void {
  const onStepRef = useRef(onStep);
  useEffect(() => {
    onStepRef.current = onStep;
  }, [onStep]);
  useEffect(() => {
    let intentUntil = 0;
    let frame = 0;
    const intent = () => {
      intentUntil = performance.now() + INTENT_MS;
    };
    const onKey = (event: KeyboardEvent) => {
      if (SCROLL_KEYS.has(event.key) && !takesKeys(event.target)) intent();
    };
    const onScroll = () => {
      if (frame !== 0 || performance.now() > intentUntil) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const nav = document.querySelector('[data-testid="step-nav"]');
        const step = stepInView(nav?.getBoundingClientRect().bottom ?? 0);
        if (step) onStepRef.current(step);
      });
    };
    const passive = { passive: true } as const;
    window.addEventListener('wheel', intent, passive);
    window.addEventListener('touchmove', intent, passive);
    window.addEventListener('keydown', onKey);
    window.addEventListener('scroll', onScroll, passive);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('wheel', intent);
      window.removeEventListener('touchmove', intent);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('scroll', onScroll);
    };
  }, []);
}
