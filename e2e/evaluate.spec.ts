import path from 'node:path';
import type { Page } from '@playwright/test';
import type { CutoffReadout } from './creditLabPage';
import { expect, test } from './fixtures';
import { sharedDataPath } from './support/fixtureFiles.js';

const parsePercent = (text: string) => Number(text.replace('%', '')) / 100;

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
  for (const id of ['roc-chart', 'ks-chart', 'calibration-chart', 'score-distribution-chart']) {
    await page.getByTestId(id).scrollIntoViewIfNeeded();
    await expect(page.getByTestId(id).locator('svg.recharts-surface').first()).toBeVisible();
    // Data drawn, not just axes: a curve, bars or scatter points.
    await expect(page.getByTestId(id).locator('.recharts-line-curve, .recharts-bar-rectangle, .recharts-scatter-symbol').first(), `${id} draws data`).toBeAttached();
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

test('cut-off planner: Maximise KS picks the cut-off with the largest KS; Maximise profit uses the profit and loss typed in', async ({ app, page }) => {
  await app.goto();
  await app.loadSample();
  await app.waitForCleaned();
  await app.setEpochs(5);
  await app.train({ timeoutMs: 60_000 });

  // Bad = default = 1, the positive class: the test rows' goods and bads from the confusion matrix.
  await expect(page.getByText('Decline when the probability of default = 1 is at least')).toBeVisible();
  const { tp, fn, fp, tn } = await app.confusion();
  const bads = tp + fn;
  const goods = fp + tn;
  /** KS at the shown cut-off: share of goods approved − share of bads approved. */
  const ksOf = (r: CutoffReadout) => r.goodsApproved / goods - r.badsApproved / bads;

  const atStart = await app.cutoffReadout();
  expect(atStart.cutoffText, 'the planner starts at a 50% cut-off').toBe('50.0%');
  expect(atStart.rows, 'the planner covers the test rows').toBe(goods + bads);
  expect(atStart.goodsApproved + atStart.badsApproved).toBe(atStart.approved);

  await page.getByTestId('max-ks-button').click();
  await expect(page.getByTestId('cutoff-value'), 'Maximise KS moves the cut-off').not.toHaveText('50.0%');
  const bestKs = await app.cutoffReadout();
  expect(bestKs.slider, 'the slider moved with it').not.toBe(atStart.slider);
  expect(Math.abs(bestKs.slider - parsePercent(bestKs.cutoffText)), 'slider and cutoff-value agree').toBeLessThanOrEqual(0.0051);
  expect(bestKs.approvalRate, 'approval-rate changed').not.toBe(atStart.approvalRate);
  expect(bestKs.badRate, 'bad-rate changed').not.toBe(atStart.badRate);
  expect(bestKs.approvalRate).toBeCloseTo(bestKs.approved / bestKs.rows, 3);
  // Its KS is the model's KS, and no slider position separates goods from bads better.
  expect(ksOf(bestKs), 'KS at the chosen cut-off vs metric-ks').toBeCloseTo(Number(await page.getByTestId('metric-ks').innerText()), 3);
  for (const value of [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.7, 0.9, Math.max(0, bestKs.slider - 0.01), Math.min(1, bestKs.slider + 0.01)]) {
    await app.setCutoff(value);
    expect(ksOf(await app.cutoffReadout()), `KS at cut-off ${value}`).toBeLessThanOrEqual(ksOf(bestKs) + 1e-12);
  }

  // New economics: the readouts follow them (profit = goods × 400 − bads × 2,500). From 90%, where
  // nearly everyone is approved and the bads cost more than the goods earn.
  await app.setCutoff(0.9);
  await page.getByTestId('profit-per-good-input').fill('400');
  await page.getByTestId('loss-per-bad-input').fill('2500');
  const consistent = async () => {
    const r = await app.cutoffReadout();
    return r.profitPerGood === 400 && r.lossPerBad === 2500 && r.expectedProfit === r.goodsApproved * 400 - r.badsApproved * 2500;
  };
  await expect.poll(consistent, { message: 'expected-profit is computed with 400 per good and 2,500 per bad' }).toBe(true);
  const before = await app.cutoffReadout();
  await page.getByTestId('max-profit-button').click();
  await expect(page.getByTestId('cutoff-value'), 'Maximise profit moves the cut-off').not.toHaveText(before.cutoffText);
  const bestProfit = await app.cutoffReadout();
  expect(bestProfit.expectedProfit, 'profit at the chosen cut-off').toBe(bestProfit.goodsApproved * 400 - bestProfit.badsApproved * 2500);
  expect(bestProfit.expectedProfit).toBeGreaterThan(before.expectedProfit);
  for (let k = 0; k <= 20; k++) {
    await app.setCutoff(k / 20);
    const r = await app.cutoffReadout();
    expect(r.expectedProfit, `profit at cut-off ${k / 20}`).toBeLessThanOrEqual(bestProfit.expectedProfit);
    expect(r.expectedProfit).toBe(r.goodsApproved * 400 - r.badsApproved * 2500);
  }
});

test('an approval target (Loan_Status Y/N): N is the bad outcome, and a clean credit history earns more points and approval', async ({ app, page }) => {
  await app.goto();
  await app.uploadCsv(sharedDataPath('loan_prediction_train.csv'));
  await app.waitForCleaned();
  await app.setEpochs(30);
  await app.train();
  await expect(page.getByText('Decline when the probability of Loan_Status = N is at least')).toBeVisible();
  // Credit_History is this data set's strongest signal: 1 (a clean history) against 0.
  const scored = async (history: string) => {
    const probability = await app.scoreApplicant({ Credit_History: history });
    return { probability, points: Number(await app.scoreResult.getAttribute('data-points')), decision: await app.scoreResult.getAttribute('data-decision') };
  };
  const clean = await scored('1');
  const blemished = await scored('0');
  expect(clean.probability, 'probability of Y (approved) with a clean history').toBeGreaterThan(blemished.probability);
  expect(clean.points, 'points: higher is better').toBeGreaterThan(blemished.points);
  expect([clean.decision, blemished.decision]).toEqual(['approve', 'decline']);
});
