import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

/** What has focus, for messages: tag, data-testid or id. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '<body>';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''}`;
  });
}

/** Presses Tab (or Shift+Tab) until the element matching `selector` has focus; returns the presses it took. */
async function tabTo(page: Page, selector: string, { back = false, max = 400 } = {}): Promise<number> {
  for (let presses = 0; presses <= max; presses++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return presses;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${max} presses of ${back ? 'Shift+Tab' : 'Tab'} never reached ${selector} (focus is on ${await focused(page)})`);
}

const byTestId = (id: string) => `[data-testid="${id}"]`;
const stepButton = (step: string) => `[data-testid="step-nav"] [data-step="${step}"]`;

test('the whole flow by keyboard alone: skip link, sample, train (focus kept while it runs), evaluate, score an edited applicant', async ({ app, page }) => {
  await app.goto();
  // The skip link is the first thing Tab reaches, and it moves focus past the header and the steps.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('skip-link')).toBeFocused();
  await expect(page.getByTestId('skip-link')).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();

  await tabTo(page, byTestId('sample-data-button'));
  await page.keyboard.press('Enter');
  await expect.poll(() => app.targetOptions(), { message: 'the sample is read' }).not.toEqual([]);
  if ((await app.targetSelect.inputValue()) !== 'default') {
    await tabTo(page, byTestId('target-select'));
    const options = await app.targetOptions();
    for (let i = 0; i < options.length && (await app.targetSelect.inputValue()) !== 'default'; i++) await page.keyboard.press('ArrowDown');
  }
  await expect(app.targetSelect).toHaveValue('default');
  await app.waitForCleaned();

  // Train: the step's button in the navigation, then the Train button.
  await tabTo(page, stepButton('train'), { back: true });
  await page.keyboard.press('Enter');
  await expect(page.locator('#train-heading')).toBeFocused();
  await tabTo(page, byTestId('train-button'));
  // Record, in the page, where focus is every frame while training runs (and the moment it starts).
  await page.evaluate(() => {
    const status = document.querySelector('[data-testid="training-status"]');
    const seen: string[] = [];
    (window as unknown as { __focusWhileTraining: string[] }).__focusWhileTraining = seen;
    const sample = () => {
      if (status?.getAttribute('data-state') !== 'training') return;
      const el = document.activeElement;
      seen.push(!el || el === document.body ? '<body>' : (el.getAttribute('data-testid') ?? el.tagName.toLowerCase()));
      requestAnimationFrame(sample);
    };
    new MutationObserver(sample).observe(status as Node, { attributes: true, attributeFilter: ['data-state'] });
  });
  await page.keyboard.press('Enter');
  await expect(app.trainingStatus, 'training finishes').toHaveAttribute('data-state', 'done', { timeout: 180_000 });
  const whileTraining = await page.evaluate(() => (window as unknown as { __focusWhileTraining: string[] }).__focusWhileTraining);
  expect(whileTraining.length, 'focus was sampled while training ran').toBeGreaterThan(0);
  expect(
    whileTraining.filter((f) => f === '<body>'),
    `focus while training: ${[...new Set(whileTraining)].join(', ')}`,
  ).toEqual([]);
  expect(whileTraining).toContain('stop-button');
  expect(await focused(page), 'after training, focus is on an element, not <body>').not.toBe('<body>');

  // Evaluate, reached from the navigation.
  await tabTo(page, stepButton('evaluate'), { back: true });
  await page.keyboard.press('Enter');
  await expect(page.locator('#evaluate-heading')).toBeFocused();
  expect(await app.metric('auc')).toBeGreaterThan(0.6);

  // Score: type an income into the form; the result follows each edit without a click.
  await tabTo(page, stepButton('score'), { back: true });
  await page.keyboard.press('Enter');
  await expect(page.locator('#score-heading')).toBeFocused();
  await tabTo(page, '[data-testid="applicant-form"] [name="annual_income"]');
  // One input event per answer (insertText), so the result read is the answer's, not a keystroke's on the way.
  const probability = async () => {
    const raw = (await app.scoreResult.count()) === 0 ? null : await app.scoreResult.getAttribute('data-probability');
    return raw === null || raw === '' ? null : Number(raw);
  };
  const before = await probability();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('22000');
  await expect.poll(probability, { message: 'the result follows the edited income' }).not.toBe(before);
  const low = (await probability()) as number;
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('240000');
  await expect.poll(probability, { message: 'the result follows the edited income again' }).not.toBe(low);
  const high = (await probability()) as number;
  // The sample's generator lowers the risk with income (docs/sample-data.md: −1.2·z(ln income)).
  expect(high, 'a far higher income is less risky').toBeLessThan(low);
  await expect(page.locator('[data-testid="applicant-form"] [name="annual_income"]'), 'focus stays in the field while the result updates').toBeFocused();
});
