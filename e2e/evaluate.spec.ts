import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const CREDIT_RISK = path.resolve('../shared/data/credit_risk_dataset.csv');
const percent = async (page: Page, testId: string) => Number((await page.getByTestId(testId).innerText()).replace('%', '')) / 100;

test('evaluation shows lender metrics, charts, a working cut-off planner and points', async ({ app, page }) => {
  await app.goto();
  await app.uploadCsv(CREDIT_RISK);
  await app.waitForCleaned();
  await app.setEpochs(8);
  await app.train();

  const auc = await app.metric('auc');
  const gini = Number(await page.getByTestId('metric-gini').innerText());
  const ks = Number(await page.getByTestId('metric-ks').innerText());
  expect(auc).toBeGreaterThan(0.85);
  expect(gini).toBeCloseTo(2 * auc - 1, 3);
  expect(ks).toBeGreaterThan(0.5);
  expect(ks).toBeLessThan(1);
  for (const id of ['metric-logloss', 'metric-brier']) {
    const v = Number(await page.getByTestId(id).innerText());
    expect(v).toBeGreaterThan(0);
    expect(v).toBeLessThan(0.5);
  }
  await expect(page.getByTestId('metric-auc-ci')).toContainText(/0\.\d{4} – 0\.\d{4}/);
  await expect(page.getByTestId('confusion-matrix')).toBeVisible();
  for (const id of ['roc-chart', 'ks-chart', 'calibration-chart']) {
    await page.getByTestId(id).scrollIntoViewIfNeeded();
    await expect(page.getByTestId(id).locator('svg.recharts-surface').first()).toBeVisible();
  }

  // A stricter cut-off approves fewer applicants with a lower bad rate.
  const slider = page.getByTestId('cutoff-slider');
  await slider.fill('0.5');
  const approvalAtHalf = await percent(page, 'approval-rate');
  const badAtHalf = await percent(page, 'bad-rate');
  await slider.fill('0.1');
  expect(await percent(page, 'approval-rate')).toBeLessThan(approvalAtHalf);
  expect(await percent(page, 'bad-rate')).toBeLessThan(badAtHalf);
  await slider.fill('1');
  expect(await percent(page, 'approval-rate')).toBe(1);

  // The profit-maximising cut-off earns at least as much as any point on the slider.
  await page.getByTestId('max-profit-button').click();
  const best = Number((await page.getByTestId('expected-profit').innerText()).replaceAll(',', ''));
  for (const value of ['0.1', '0.3', '0.5', '0.9']) {
    await slider.fill(value);
    expect(Number((await page.getByTestId('expected-profit').innerText()).replaceAll(',', ''))).toBeLessThanOrEqual(best);
  }

  await expect(page.getByTestId('points-formula')).toHaveText('points = 487.12 + 28.85 × ln(odds good:bad); odds 50:1 → 600, each doubling of the odds adds 20');

  // The chosen cut-off is the one scoring uses: 0 declines everyone, 1 approves everyone.
  await slider.fill('0');
  await app.scoreApplicant();
  await expect(page.getByTestId('score-result')).toHaveAttribute('data-decision', 'decline');
  const points = Number(await page.getByTestId('score-result').getAttribute('data-points'));
  const p = Number(await page.getByTestId('score-result').getAttribute('data-probability'));
  // Hand check of the formula: odds = (1 − p) / p for a positive class meaning default.
  expect(points).toBeCloseTo(487.12 + 28.85 * Math.log((1 - p) / p), -0.5);
  await slider.fill('1');
  await page.getByTestId('score-button').click();
  await expect(page.getByTestId('score-result')).toHaveAttribute('data-decision', 'approve');
});

test('cross-validation reports mean ± sd of AUC and KS', async ({ app, page }) => {
  await app.goto();
  await app.loadSample();
  await app.waitForCleaned();
  await app.setEpochs(3);
  await page.getByTestId('cross-validation-checkbox').check();
  await app.train();
  await expect(page.getByTestId('cv-result')).toHaveText(/^5-fold cross-validation: AUC 0\.\d{4} ± 0\.\d{4}, KS 0\.\d{4} ± 0\.\d{4}$/);
});
