import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { CreditLabPage } from './creditLabPage';
import { expect, test } from './fixtures';

// Explained for a newcomer: every held-out metric carries a plain-text explanation and a typical
// reach (visible without hovering), and a warning says when the test rows hold fewer than about
// 100 bads or goods, with the counts the confusion matrix shows.

/** The explained metrics, as `metric-help-<id>`. */
const HELP_IDS = ['auc', 'gini', 'ks', 'logloss', 'brier', 'calibration'] as const;

/** The test's own copy of the rule (not imported from the app, so the app's is checked): fewer than this of either outcome warns. */
const SMALL_SAMPLE_ROWS = 100;

/** mulberry32: a seeded uniform generator in [0, 1), so the file is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A small loan book of `rows` applicants, about 15% of them bad (146 of 1,000 with this seed), the
 * risk rising with the loan's share of income: with an 80/20 split its test rows hold about 30 bads
 * and 170 goods. Returns the path and the number of bad rows written.
 */
function smallBook(dir: string, rows: number): { path: string; bads: number } {
  const random = seeded(20261203);
  const lines = ['age,income,loan_amount,years_employed,default'];
  let bads = 0;
  for (let i = 0; i < rows; i++) {
    const age = 21 + Math.floor(random() * 45);
    const income = Math.round(18_000 + random() * 90_000);
    const loan = Math.round(1_000 + random() * 30_000);
    const years = Math.min(age - 18, Math.floor(random() * 25));
    const logit = -5 + 9 * (loan / income) - 0.06 * years;
    const bad = random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    bads += bad;
    lines.push(`${age},${income},${loan},${years},${bad}`);
  }
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'small-loan-book.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { path, bads };
}

/** The test rows' bads and goods as the confusion matrix shows them (any cut-off: every test row is in one cell). */
async function testOutcomes(app: CreditLabPage): Promise<{ bads: number; goods: number }> {
  const { tp, fn, fp, tn } = await app.confusion();
  return { bads: tp + fn, goods: fp + tn };
}

/** Each metric-help element: visible, not empty, its text carrying its typical band when it has one. */
async function expectHelpShown(page: Page): Promise<void> {
  for (const id of HELP_IDS) {
    const help = page.getByTestId(`metric-help-${id}`);
    await expect(help, `metric-help-${id} is shown as text`).toBeVisible();
    const text = (await help.innerText()).trim();
    expect(text.length, `metric-help-${id} says something`).toBeGreaterThan(20);
    // Text on the page, not a tooltip: nothing in it needs a pointer to be read.
    expect(await help.locator('[title]').count(), `metric-help-${id} has no tooltip-only part`).toBe(0);
    const low = await help.getAttribute('data-typical-low');
    const high = await help.getAttribute('data-typical-high');
    if (low !== null && high !== null) expect(text, `metric-help-${id} words its band`).toContain(`${Number(low).toFixed(2)}–${Number(high).toFixed(2)}`);
  }
  // The bands lenders quote for AUC and Gini are one band on two scales (Gini = 2 × AUC − 1).
  const band = async (id: string) => [
    Number(await page.getByTestId(`metric-help-${id}`).getAttribute('data-typical-low')),
    Number(await page.getByTestId(`metric-help-${id}`).getAttribute('data-typical-high')),
  ];
  const [aucLow, aucHigh] = await band('auc');
  const [giniLow, giniHigh] = await band('gini');
  expect(giniLow).toBeCloseTo(2 * aucLow - 1, 9);
  expect(giniHigh).toBeCloseTo(2 * aucHigh - 1, 9);
}

test('the sample book: every metric is explained in plain text, also on a phone, and its ≥100 bads and goods raise no small-sample warning', async ({ app, page }) => {
  test.setTimeout(180_000);
  await app.goto();
  await app.loadSample();
  await app.waitForCleaned();
  const split = await app.split();
  await app.train();
  await app.metric('auc');

  await expectHelpShown(page);
  const { bads, goods } = await testOutcomes(app);
  expect(bads + goods, 'the confusion matrix covers the test rows').toBe(split.testRows);
  expect(bads, 'the sample has enough bad test rows not to warn').toBeGreaterThanOrEqual(SMALL_SAMPLE_ROWS);
  expect(goods).toBeGreaterThanOrEqual(SMALL_SAMPLE_ROWS);
  await expect(page.getByTestId('small-sample-warning')).toHaveCount(0);

  // On a phone-sized screen each explanation can be brought into view and read whole, no hover needed.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const id of HELP_IDS) {
    const help = page.getByTestId(`metric-help-${id}`);
    await help.scrollIntoViewIfNeeded();
    const box = await help.boundingBox();
    expect(box, `metric-help-${id} has a box`).not.toBeNull();
    expect(box!.x, `metric-help-${id} starts on screen`).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `metric-help-${id} ends on screen`).toBeLessThanOrEqual(390 + 0.5);
  }
});

test('a 1,000-row book with about 30 bad test rows: the small-sample warning shows the counts of the confusion matrix', async ({ app, page }, testInfo) => {
  test.setTimeout(180_000);
  const { path, bads: fileBads } = smallBook(testInfo.outputDir, 1000);
  // Premise: with an 80/20 stratified split, the test rows hold about a fifth of the file's bads.
  expect(fileBads, 'the generated book has a handful of bads').toBeGreaterThan(40);
  expect(fileBads).toBeLessThan(250);
  await app.goto();
  await app.uploadCsv(path);
  await app.ensureTarget('default');
  await app.waitForCleaned();
  const split = await app.split();
  await app.train();
  await app.metric('auc');

  await expectHelpShown(page);
  const { bads, goods } = await testOutcomes(app);
  expect(bads + goods, 'the confusion matrix covers the test rows').toBe(split.testRows);
  console.log(`small book (${fileBads} bads in 1,000 rows): ${bads} bad and ${goods} good test rows`);
  expect(bads, 'few bad test rows').toBeLessThan(SMALL_SAMPLE_ROWS);
  expect(goods, 'but enough good ones: the warning is about either outcome').toBeGreaterThanOrEqual(SMALL_SAMPLE_ROWS);
  const warning = page.getByTestId('small-sample-warning');
  await expect(warning).toBeVisible();
  await expect(warning).toHaveAttribute('data-bad', String(bads));
  await expect(warning).toHaveAttribute('data-good', String(goods));
  await expect(warning).toHaveText(/\S/);
});
