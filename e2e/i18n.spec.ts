import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { en } from '../src/ui/i18n/locales/en.js';
import { expect, test } from './fixtures.js';
import { englishLeaks, openEveryDetails } from './support/untranslated.js';
import { walkSteps } from './support/walkSteps.js';

// The whole flow in Simplified Chinese: the browser's language chosen by default, the switch set on
// <html lang> and remembered across a reload, and at every step of the flow (a model of each kind,
// its evaluation, cut-off, characteristics, one applicant, a file of applicants, the privacy panel,
// saved models) no raw key, no unfilled {{placeholder}}, no key i18next could not find
// (window.__i18nMissing) and no English word anywhere on the page outside the user's data.

/** The first 2,000 applicants of the sample book without their outcome, as a file to score. */
function batchFile(dir: string): string {
  const lines = readFileSync(fileURLToPath(new URL('../public/sample-loan-book.csv', import.meta.url)), 'utf8')
    .trim()
    .split('\n')
    .slice(0, 2001);
  // Commas inside a quoted cell do not split it; `default` is the last column.
  const cellsOf = (line: string) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'applicants.csv');
  writeFileSync(path, `${lines.map((line) => cellsOf(line).slice(0, -1).join(',')).join('\n')}\n`);
  return path;
}

/** Every key of the English resource ("data.loader.title"), plural forms as their base key too. */
function resourceKeys(node: unknown, prefix = ''): string[] {
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value !== 'string') return resourceKeys(value, path);
    const base = path.replace(/_(one|other)$/, '');
    return base === path ? [path] : [path, base];
  });
}
const KEYS = [...new Set(resourceKeys(en))];

/** The page's visible text and the labels and tooltips of its elements. */
function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attributes = Array.from(document.body.querySelectorAll('[aria-label], [title], [placeholder]'), (e) =>
      ['aria-label', 'title', 'placeholder'].map((name) => e.getAttribute(name) ?? '').join(' '),
    );
    return `${document.body.innerText}\n${attributes.join('\n')}`;
  });
}

/**
 * Fails on any translation problem anywhere on the page: a key i18next could not find or a value a
 * message needed and did not get (window.__i18nMissing), a raw key, an unfilled {{placeholder}}, or
 * an English word outside the user's data (englishLeaks), with every <details> opened first.
 */
async function expectFullyTranslated(page: Page, where: string): Promise<void> {
  await openEveryDetails(page);
  expect(await page.evaluate(() => window.__i18nMissing ?? null), `${where}: i18next recorded no missing key or value`).toEqual([]);
  const text = await pageText(page);
  expect(
    KEYS.filter((key) => text.includes(key)),
    `${where}: no raw key on the page`,
  ).toEqual([]);
  expect(text, `${where}: no unfilled placeholder`).not.toMatch(/\{\{|\}\}/);
  expect(await englishLeaks(page), `${where}: no English outside the user's data`).toEqual([]);
}

test.describe('a browser that prefers Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('gets every step of the flow in Simplified Chinese without being asked, with nothing left in English', async ({ app, page }, testInfo) => {
    test.setTimeout(240_000);
    await walkSteps(
      app,
      async (step) => {
        // The characteristics report of the training rows: information values and bins.
        if (step === 'clean') await app.computeCharacteristics();
        if (step === 'score') {
          await page.getByTestId('batch-input').setInputFiles(batchFile(testInfo.outputDir));
          await expect(page.getByTestId('batch-results')).toBeVisible({ timeout: 60_000 });
        }
        if (step === 'models') {
          await page.getByTestId('model-name-input').fill('样例模型');
          await page.getByTestId('save-model-button').click();
          await expect(page.locator('[data-testid="model-list"] li[data-model-id]')).toHaveCount(1);
          // Open (an earlier step's check may have opened it already: a click would shut it).
          const privacy = page.getByTestId('privacy-panel');
          if ((await privacy.getAttribute('open')) === null) await privacy.locator('summary').first().click();
          await expect(page.getByTestId('privacy-summary')).toHaveAttribute('data-workers', 'listed');
        }
        await expectFullyTranslated(page, step);
      },
      {
        afterLoad: async () => {
          await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
          await expect(page.getByTestId('language-select')).toHaveValue('zh-CN');
        },
      },
    );
    // A scorecard: its points table, scale and bins.
    await app.openStep('train');
    await app.chooseModel('scorecard');
    await app.train();
    await expectFullyTranslated(page, 'scorecard trained');
    await app.openStep('evaluate');
    await expectFullyTranslated(page, 'scorecard evaluated');
  });
});

test('the language switch applies at once, is remembered across a reload, and formats dates for the language', async ({ app, page }) => {
  await app.goto();
  // The test browser prefers English (Playwright's default en-US).
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const select = page.getByTestId('language-select');
  await expect(select).toHaveValue('en');
  await expect(page.locator('#load-heading')).toHaveText('1. Load past loan applications');

  await select.selectOption('zh-CN');
  await expect(page.locator('html'), 'switched at once').toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('#load-heading')).toHaveText(/[\u4e00-\u9fff]/);
  await page.reload();
  await expect(select, 'the choice is remembered').toHaveValue('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expectFullyTranslated(page, 'after the reload');

  await app.loadSample();
  await app.waitForCleaned();
  await app.setEpochs(3);
  await app.chooseModel('logistic');
  await app.train();
  await app.openStep('models');
  await page.getByTestId('model-name-input').fill('样例模型');
  await page.getByTestId('save-model-button').click();
  const saved = page.locator('[data-testid="model-list"] li[data-model-id]');
  await expect(saved).toHaveCount(1);
  // Dates differ most between the two: "2 Dec 2025, 14:05" in English, "2025年12月2日 14:05" here.
  await expect(saved.locator('time')).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);

  // Back to English: the same list, in English words and dates.
  await select.selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(saved.locator('time')).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
  await expect(page.locator('#models-heading')).toHaveText('Models');
});
