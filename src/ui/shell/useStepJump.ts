import { useEffect, useRef } from 'react';
import type { StepId } from '../state/session';
import { prefersReducedMotion, STEP_HEADING_IDS } from './stepSections';

/** How long a jump waits for its step's heading to mount (Decide and Score mount a moment after a model arrives). */
const WAIT_MS = 3000;
/** How long after a jump the heading is kept in place while sections above it mount. */
const SETTLE_MS = 2000;
/** Frames without scrolling after which a jump's scroll counts as ended. */
const STILL_FRAMES = 3;

/** Where `element` starts on the page (not in the viewport): it moves only when the layout above it changes. */
function pageTop(element: HTMLElement): number {
  return element.getBoundingClientRect().top + window.scrollY;
}

/** What the reader does to scroll or act on their own: a jump's correction stops at once. */
const READER_EVENTS = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/**
 * Scrolls `heading` to the top (below the sticky navigation: its scroll-margin-top) and keeps it
 * there for a moment: a smooth scroll aims at where the heading was when it began, and sections
 * that mount above it meanwhile (the planner and the form, a moment after a model) would leave it
 * short. Only such a move of the heading itself is corrected, once the scroll has come to rest;
 * any scroll of the reader's is left alone. Returns a function that stops it.
 */
function reveal(heading: HTMLElement): () => void {
  const behavior: ScrollBehavior = prefersReducedMotion() ? 'auto' : 'smooth';
  heading.focus({ preventScroll: true });
  heading.scrollIntoView({ behavior, block: 'start' });
  const until = performance.now() + SETTLE_MS;
  let target = pageTop(heading);
  let lastY = window.scrollY;
  let still = 0;
  let frame = 0;
  const stop = () => {
    cancelAnimationFrame(frame);
    for (const type of READER_EVENTS) window.removeEventListener(type, stop);
  };
  const tick = () => {
    if (performance.now() > until) return stop();
    const y = window.scrollY;
    still = y === lastY ? still + 1 : 0;
    lastY = y;
    const now = pageTop(heading);
    if (still >= STILL_FRAMES && Math.abs(now - target) > 2) {
      target = now;
      heading.scrollIntoView({ behavior, block: 'start' });
      still = 0;
    }
    frame = requestAnimationFrame(tick);
  };
  for (const type of READER_EVENTS) window.addEventListener(type, stop, { passive: true });
  frame = requestAnimationFrame(tick);
  return stop;
}

/**
 * Brings `step` into view and moves focus to its heading each time `jump` changes (the session
 * counts the jumps: a step chosen in the navigation, a model trained or loaded). Smooth unless the
 * reader prefers reduced motion. A heading not mounted yet is waited for, a frame at a time.
 */
export function useStepJump(step: StepId, jump: number): void {
  const done = useRef(jump);
  useEffect(() => {
    if (jump === done.current) return;
    let frame = 0;
    let stopSettling: (() => void) | null = null;
    const deadline = performance.now() + WAIT_MS;
    const attempt = () => {
      frame = 0;
      const heading = document.getElementById(STEP_HEADING_IDS[step]);
      if (!heading) {
        if (performance.now() < deadline) frame = requestAnimationFrame(attempt);
        else done.current = jump;
        return;
      }
      done.current = jump;
      stopSettling = reveal(heading);
    };
    attempt();
    return () => {
      cancelAnimationFrame(frame);
      stopSettling?.();
    };
  }, [step, jump]);
}
