import type { Page } from '@playwright/test';
import type { CreditLabPage, StepName } from '../creditLabPage.js';

/** The evaluation charts, each mounted (scrolled to and held in view) before a step is checked. */
export const EVALUATION_CHARTS = ['roc-chart', 'ks-chart', 'calibration-chart', 'score-distribution-chart'] as const;

/**
 * Goes through every step as a person would (load the sample, clean, train, evaluate, decide,
 * score, models) and calls `check` once each step is open and showing what it shows (the first
 * step twice: empty, then with the sample). Trains the default model (boosted trees) and scores
 * one applicant with the form's defaults. `afterLoad` runs once the page has opened.
 */
export async function walkSteps(app: CreditLabPage, check: (step: StepName) => Promise<void>, { afterLoad }: { afterLoad?: () => Promise<void> } = {}): Promise<void> {
  await app.goto();
  await afterLoad?.();
  await check('data');
  await app.loadSample();
  await check('data');
  await app.openStep('clean');
  await app.waitForCleaned();
  await check('clean');
  await app.openStep('train');
  await app.train();
  await app.openStep('train');
  await check('train');
  await app.openStep('evaluate');
  for (const chart of EVALUATION_CHARTS) await app.viewChart(chart);
  await check('evaluate');
  await app.openStep('decide');
  await check('decide');
  await app.openStep('score');
  await app.scoreApplicant();
  await check('score');
  await app.openStep('models');
  await check('models');
}

/** What stands out past the right edge of the viewport: the widest such elements, described for a failure message. */
export async function overflowingElements(page: Page, limit = 5): Promise<string[]> {
  return page.evaluate((max) => {
    const width = window.innerWidth;
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const testId = el.getAttribute('data-testid');
      const classes = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${id}${classes}${testId ? `[data-testid=${testId}]` : ''}`;
    };
    const found: { text: string; right: number }[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 0.5) continue;
      // Inside an element that scrolls or clips sideways itself, it does not widen the page.
      let clipped = false;
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const overflowX = getComputedStyle(up).overflowX;
        if (overflowX !== 'visible') {
          clipped = true;
          break;
        }
      }
      if (clipped) continue;
      const path: string[] = [];
      for (let up: Element | null = el; up && up !== document.body && path.length < 4; up = up.parentElement) path.unshift(describe(up));
      found.push({ text: `${path.join(' > ')} (right edge ${Math.round(box.right)} px, ${Math.round(box.width)} px wide)`, right: box.right });
    }
    return found
      .sort((a, b) => b.right - a.right)
      .slice(0, max)
      .map((f) => f.text);
  }, limit);
}
