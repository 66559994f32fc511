import type { Page } from '@playwright/test';
import { en } from '../src/ui/i18n/locales/en.js';
import { STEP_HEADINGS, type CreditLabPage, type StepName } from './creditLabPage.js';
import { expect, test } from './fixtures.js';

// The step navigation (where the user is, what the closed steps wait for, jumps that scroll to a
// step and move focus to its heading) and the layout on a 390 px phone.

const STEPS: readonly StepName[] = ['data', 'clean', 'train', 'evaluate', 'decide', 'score', 'models'];

/** The steps step-nav offers as closed (aria-disabled), in order. */
async function closedSteps(app: CreditLabPage): Promise<string[]> {
  const closed: string[] = [];
  for (const step of STEPS) if ((await app.stepButton(step).getAttribute('aria-disabled')) === 'true') closed.push(step);
  return closed;
}

/** True when `step`'s heading is in the viewport, below the sticky step-nav. */
async function headingInView(page: Page, step: StepName): Promise<boolean> {
  const id = STEP_HEADINGS[step];
  return page.evaluate((headingId) => {
    const heading = document.getElementById(headingId);
    const nav = document.querySelector('[data-testid="step-nav"]');
    if (!heading || !nav) return false;
    const box = heading.getBoundingClientRect();
    return box.top >= nav.getBoundingClientRect().bottom - 1 && box.bottom <= window.innerHeight;
  }, id);
}

test('step-nav marks where the user is, says what closed steps need, and a chosen step is scrolled to with focus on its heading', async ({ app, page }) => {
  await app.goto();
  const nav = page.getByTestId('step-nav');
  await expect(nav.locator('[aria-current="step"]')).toHaveCount(1);
  expect(await app.currentStep()).toBe('data');
  expect(await closedSteps(app), 'before any data only Data and Models open').toEqual(['clean', 'train', 'evaluate', 'decide', 'score']);
  // Each closed step says what it waits for: the message of its need (need.dataset, need.model).
  await expect(app.stepButton('train')).toHaveAttribute('title', en.need.dataset);
  await expect(app.stepButton('score')).toHaveAttribute('title', en.need.model);
  // A closed step stays focusable and says why, but does not open.
  await app.stepButton('evaluate').focus();
  await page.keyboard.press('Enter');
  expect(await app.currentStep()).toBe('data');
  await expect(app.stepButton('evaluate')).toBeFocused();
  await app.openStep('models');
  await expect.poll(() => headingInView(page, 'models'), { message: 'Models is scrolled into view' }).toBe(true);

  await app.loadSample();
  expect(await app.currentStep(), 'a new data set opens Data').toBe('data');
  expect(await closedSteps(app)).toEqual(['evaluate', 'decide', 'score']);
  await app.waitForCleaned();
  await app.openStep('train');
  await expect.poll(() => headingInView(page, 'train'), { message: 'Train is scrolled into view' }).toBe(true);
  await app.setEpochs(2);
  await app.train();
  // Training done: the page is on Evaluate, its heading focused and in view.
  await expect(app.stepButton('evaluate')).toHaveAttribute('aria-current', 'step');
  await expect(page.locator('#evaluate-heading')).toBeFocused();
  await expect.poll(() => headingInView(page, 'evaluate'), { message: 'Evaluate is scrolled into view' }).toBe(true);
  expect(await closedSteps(app)).toEqual([]);
  for (const step of ['score', 'decide', 'clean', 'data', 'models'] as const) {
    await app.openStep(step);
    await expect.poll(() => headingInView(page, step), { message: `${step} is scrolled into view` }).toBe(true);
    await expect(nav.locator('[aria-current="step"]')).toHaveCount(1);
  }
});

test('scrolling with the wheel moves the current step along with the page', async ({ app, page }) => {
  await app.goto();
  await app.loadSample();
  await app.waitForCleaned();
  await app.setEpochs(2);
  await app.train();
  await app.openStep('data');
  await page.mouse.move(640, 400);
  // Down to the end of the page: the last step is current.
  await expect
    .poll(
      async () => {
        await page.mouse.wheel(0, 1500);
        return app.currentStep();
      },
      { message: 'the wheel reaches Models', intervals: [200] },
    )
    .toBe('models');
  // And back up to the top: Data again.
  await expect
    .poll(
      async () => {
        await page.mouse.wheel(0, -1500);
        return app.currentStep();
      },
      { message: 'the wheel reaches Data', intervals: [200] },
    )
    .toBe('data');
  await expect(page.getByTestId('step-nav').locator('[aria-current="step"]')).toHaveCount(1);
});

test('with reduced motion a step is there at once, not scrolled smoothly', async ({ app, page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await app.goto();
  await app.loadSample();
  await app.waitForCleaned();
  // Clicked and measured in one go in the page: two frames later the heading is already at the top.
  const top = await page.evaluate(async () => {
    (document.querySelector('[data-testid="step-nav"] [data-step="train"]') as HTMLElement).click();
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const heading = document.getElementById('train-heading')!.getBoundingClientRect();
    const nav = document.querySelector('[data-testid="step-nav"]')!.getBoundingClientRect();
    return { heading: heading.top, nav: nav.bottom, scrollY: window.scrollY };
  });
  expect(top.scrollY, 'the page scrolled').toBeGreaterThan(0);
  expect(top.heading, 'the heading sits just below the sticky navigation').toBeGreaterThanOrEqual(top.nav - 1);
  expect(top.heading).toBeLessThan(top.nav + 80);
  await expect(page.locator('#train-heading')).toBeFocused();
});

test.describe('on a 390 × 844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  /** Elements whose right edge passes 390 px outside any element that scrolls sideways itself, and the page's own scroll width. */
  async function overflow(page: Page): Promise<{ scrollWidth: number; offenders: string[] }> {
    return page.evaluate((width) => {
      const scrollsSideways = (el: Element) => /^(auto|scroll)$/.test(getComputedStyle(el).overflowX);
      const describe = (el: Element) => {
        const testId = el.closest('[data-testid]')?.getAttribute('data-testid');
        const box = el.getBoundingClientRect();
        return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} in ${testId ?? '?'}: right ${Math.round(box.right)}`;
      };
      const offenders: string[] = [];
      for (const el of document.body.querySelectorAll('*')) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || box.right <= width + 0.5) continue;
        let inside = false;
        for (let parent = el.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
          if (scrollsSideways(parent)) {
            inside = true;
            break;
          }
        }
        if (!inside) offenders.push(describe(el));
      }
      return { scrollWidth: document.documentElement.scrollWidth, offenders: offenders.slice(0, 20) };
    }, 390);
  }

  test('nothing scrolls sideways: after the sample, a few epochs and every step opened', async ({ app, page }) => {
    const check = async (when: string) => {
      const { scrollWidth, offenders } = await overflow(page);
      expect(offenders, `${when}: elements past the right edge`).toEqual([]);
      expect(scrollWidth, `${when}: the page's scroll width`).toBeLessThanOrEqual(390);
    };
    await app.goto();
    await check('on arrival');
    await app.loadSample();
    await app.waitForCleaned();
    await expect(page.getByTestId('data-preview').locator('[data-row-index]').first()).toBeVisible();
    await check('with the sample loaded');
    await app.computeCharacteristics();
    await app.setEpochs(2);
    await app.train();
    await app.scoreApplicant();
    for (const step of STEPS) {
      await app.openStep(step);
      await check(`on ${step}`);
    }
    // Every chart mounted (each mounts when scrolled into view), and the export options measured.
    for (const chart of ['roc-chart', 'ks-chart', 'calibration-chart', 'score-distribution-chart']) {
      await app.viewChart(chart);
    }
    await app.openStep('models');
    await app.exportPreviews();
    await check('with the charts and the Models step shown');
  });
});
