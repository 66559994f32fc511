import type { Page } from '@playwright/test';
import { en } from '../src/ui/i18n/locales/en.js';
import { expect, test } from './fixtures.js';

// The whole flow in Simplified Chinese: the language is chosen with language-select, remembered
// across a reload, set on <html lang>, and every translated section shows no raw key, no unfilled
// {{placeholder}} and no key i18next could not find (window.__i18nMissing). Only sections marked
// data-i18n-scope are checked: the rest of the UI is translated in a later pass.

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

/** The text a reader meets in the translated sections: visible text and the labels and tooltips of their elements. */
function translatedText(page: Page): Promise<{ scope: string; text: string }[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('[data-i18n-scope], [data-testid="step-nav"]'), (el) => {
      const attributes = Array.from(el.querySelectorAll('[aria-label], [title], [placeholder]'), (e) =>
        ['aria-label', 'title', 'placeholder'].map((name) => e.getAttribute(name) ?? '').join(' '),
      );
      const scope = el.dataset.testid ?? el.getAttribute('aria-labelledby') ?? el.className;
      return { scope, text: `${el.innerText}\n${attributes.join('\n')}` };
    }),
  );
}

/** Fails on any translation problem in the translated sections: a recorded miss, a raw key, a {{placeholder}}, or a section with no Chinese at all. */
async function expectFullyTranslated(page: Page, where: string): Promise<void> {
  expect(await page.evaluate(() => window.__i18nMissing ?? null), `${where}: i18next recorded no missing key or value`).toEqual([]);
  const sections = await translatedText(page);
  expect(sections.length, `${where}: translated sections are on the page`).toBeGreaterThan(0);
  for (const { scope, text } of sections) {
    expect(
      KEYS.filter((key) => text.includes(key)),
      `${where}: no raw key in ${scope}`,
    ).toEqual([]);
    expect(text, `${where}: no unfilled placeholder in ${scope}`).not.toMatch(/\{\{|\}\}/);
    expect(text, `${where}: ${scope} speaks Chinese`).toMatch(/[\u4e00-\u9fff]/);
  }
}

test.describe('a browser that prefers Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('starts in Simplified Chinese without being asked', async ({ app, page }) => {
    await app.goto();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByTestId('language-select')).toHaveValue('zh-CN');
    await expectFullyTranslated(page, 'first load');
  });
});

test('the whole flow runs in Simplified Chinese, remembered across a reload, with nothing left untranslated', async ({ app, page }) => {
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
  await app.ensureTarget('default');
  await app.waitForCleaned();
  await expect(app.cleaningReport).toBeVisible();
  await expectFullyTranslated(page, 'data and cleaning');

  await app.setEpochs(3);
  await app.train();
  await app.openStep('score');
  await app.scoreApplicant();
  await expect(page.getByTestId('score-decision')).toHaveText(/[\u4e00-\u9fff]/);
  await expectFullyTranslated(page, 'score');

  await app.openStep('models');
  await page.getByTestId('model-name-input').fill('样例模型');
  await page.getByTestId('save-model-button').click();
  const saved = page.locator('[data-testid="model-list"] li[data-model-id]');
  await expect(saved).toHaveCount(1);
  // Dates differ most between the two: "2 Dec 2025, 14:05" in English, "2025年12月2日 14:05" here.
  await expect(saved.locator('time')).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
  await expectFullyTranslated(page, 'models');

  // Back to English: the same list, in English words and dates.
  await select.selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(saved.locator('time')).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
  await expect(page.locator('#models-heading')).toHaveText('Models');
});
