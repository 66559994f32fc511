import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { CreditLabPage, type CutoffReadout } from './creditLabPage';
import { expect, test } from './fixtures';
import { sharedDataPath } from './support/fixtureFiles.js';

const CREDIT_RISK = sharedDataPath('credit_risk_dataset.csv');
const LOAN_PREDICTION = sharedDataPath('loan_prediction_train.csv');
const percent = async (page: Page, testId: string) => Number((await page.getByTestId(testId).innerText()).replace('%', '')) / 100;
const parsePercent = (text: string) => Number(text.replace('%', '')) / 100;

test('evaluation shows lender metrics, calibration, charts, a working cut-off planner, points, and flags values outside the trained range', async ({ app, page }) => {
  await app.goto();
  await app.uploadCsv(CREDIT_RISK);
  await app.waitForCleaned();
  // An outlier rule that drops rows: its bounds are fitted on the training rows; applicants outside are flagged.
  await page.getByTestId('outliers-person_income').selectOption('iqr-drop');
  await expect(page.getByTestId('outlier-drop-note')).toBeVisible();
  await app.waitForCleaned();
  const split = await app.split();
  await app.setEpochs(4);
  await app.train();

  const auc = await app.metric('auc');
  console.log(`credit_risk_dataset.csv, 4 epochs: test AUC ${auc}`);
  const gini = await app.metric('gini');
  const ks = await app.metric('ks');
  expect(auc).toBeGreaterThan(0.85);
  expect(gini).toBeCloseTo(2 * auc - 1, 3);
  expect(ks).toBeGreaterThan(0.5);
  expect(ks).toBeLessThan(1);
  for (const name of ['logloss', 'brier'] as const) {
    const v = await app.metric(name);
    expect(v, name).toBeGreaterThan(0);
    expect(v, name).toBeLessThan(0.5);
  }
  const ece = await app.metric('ece');
  expect(ece, 'ECE of calibrated probabilities').toBeGreaterThanOrEqual(0);
  expect(ece).toBeLessThan(0.05);
  // The DeLong interval brackets the AUC and is shown with four decimals.
  const ci = page.getByTestId('metric-auc-ci');
  await expect(ci).toContainText(/0\.\d{4} – 0\.\d{4}/);
  const [low, high] = [Number(await ci.getAttribute('data-low')), Number(await ci.getAttribute('data-high'))];
  expect(low).toBeLessThan(auc);
  expect(high).toBeGreaterThan(auc);
  await expect(ci).toContainText(`${low.toFixed(4)} – ${high.toFixed(4)}`);
  // The calibration says which map and on which rows: the validation rows, never the test rows.
  const calibration = page.getByTestId('calibration-summary');
  await expect(calibration).toHaveAttribute('data-method', /^(none|platt|isotonic)$/);
  await expect(calibration).toHaveAttribute('data-fitted-on', /^(validation|out-of-fold)$/);
  await expect(calibration).toHaveAttribute('data-rows', String(split.validationRows));
  expect(split.validationRows).not.toBe(split.testRows);

  // The confusion matrix is of the test rows at the chosen cut-off.
  const { tp, fn, fp, tn } = await app.confusion();
  expect(tp + fn + fp + tn, 'confusion-matrix covers the test rows').toBe(split.testRows);
  for (const id of ['roc-chart', 'ks-chart', 'calibration-chart', 'score-distribution-chart']) {
    await app.viewChart(id);
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

  // The default scale 600 points at odds 50:1, 20 to double: factor 20 / ln 2, offset 600 − factor × ln 50.
  const formula = page.getByTestId('points-formula');
  await expect(formula).toHaveAttribute('data-offset', '487.12');
  await expect(formula).toHaveAttribute('data-factor', '28.85');
  await expect(formula).toHaveAttribute('data-base-odds', '50');
  await expect(formula).toHaveAttribute('data-base-score', '600');
  await expect(formula).toHaveAttribute('data-pdo', '20');
  await expect(formula).toContainText(/487\.12 \+ 28\.85 × ln\(.+\).* 50:1 → 600/);

  // The chosen cut-off is the one scoring uses: 0 declines everyone, 1 approves everyone.
  await slider.fill('0');
  const p = await app.scoreApplicant();
  await expect(app.scoreResult).toHaveAttribute('data-decision', 'decline');
  const points = Number(await app.scoreResult.getAttribute('data-points'));
  // Hand check of the formula: odds good:bad = (1 − p) / p, p the probability of bad.
  expect(points).toBeCloseTo(487.12 + 28.85 * Math.log((1 - p) / p), -0.5);
  await slider.fill('1');
  await expect(app.scoreResult, 'the shown decision follows the slider').toHaveAttribute('data-decision', 'approve');
  await expect(page.getByTestId('score-flags'), 'an applicant inside every trained range is not flagged').toHaveCount(0);

  // An income far beyond the drop rule's trained bounds is scored, and flagged (not declined for it, not an error).
  await app.scoreApplicant({ person_income: '900000' });
  const flags = page.getByTestId('score-flags');
  await expect(flags).toHaveAttribute('role', 'status');
  await expect(flags.locator('li[data-column="person_income"]')).toContainText('person_income = 900000');
  await expect(app.scoreResult).toHaveAttribute('data-decision', 'approve');
  await expect(app.alert).toHaveCount(0);
});

test('cross-validation reports mean ± sd of AUC, KS and log loss', async ({ app, page }) => {
  await app.goto();
  await app.loadSample();
  await app.waitForCleaned();
  await app.setEpochs(3);
  await page.getByTestId('cross-validation-checkbox').check();
  await app.train();
  const cv = page.getByTestId('cv-result');
  await expect(cv).toHaveAttribute('data-folds', '5');
  // Each figure is a mean in (0, 1) with a spread, shown with four decimals.
  for (const name of ['auc', 'ks', 'log-loss']) {
    const mean = Number(await cv.getAttribute(`data-mean-${name}`));
    const sd = Number(await cv.getAttribute(`data-sd-${name}`));
    expect(mean, `mean ${name}`).toBeGreaterThan(0);
    expect(mean, `mean ${name}`).toBeLessThan(1);
    expect(sd, `sd ${name}`).toBeGreaterThanOrEqual(0);
    expect(sd, `sd ${name}`).toBeLessThan(1);
    await expect(cv).toContainText(`${mean.toFixed(4)} ± ${sd.toFixed(4)}`);
  }
});

// One model of the sample book with the default settings, examined by several tests in turn.
test.describe('decisions on the sample book, trained with the default settings', () => {
  test.describe.configure({ mode: 'serial', timeout: 120_000 });
  let app: CreditLabPage;
  let page: Page;
  let split: Awaited<ReturnType<CreditLabPage['split']>>;

  test.beforeAll(async ({ browser }, testInfo) => {
    testInfo.setTimeout(300_000);
    page = await browser.newPage({ baseURL: testInfo.project.use.baseURL });
    app = new CreditLabPage(page);
    await app.goto();
    await app.loadSample();
    await app.waitForCleaned();
    split = await app.split();
    await app.train({ timeoutMs: 280_000 });
  });

  test.afterAll(async () => {
    await page?.close();
  });

  test('calibrated: the mean predicted probability of bad is within 15% of the observed bad rate on the test rows', async () => {
    const mean = page.getByTestId('calibration-mean');
    const predicted = Number(await mean.getAttribute('data-mean-predicted'));
    const observed = Number(await mean.getAttribute('data-observed'));
    // The sample's default rate is about 23%; the observed rate is of the test rows.
    expect(observed).toBeGreaterThan(0.15);
    expect(observed).toBeLessThan(0.3);
    expect(Math.abs(predicted - observed) / observed, `mean predicted ${predicted} vs observed ${observed}`).toBeLessThan(0.15);
    // And the confusion matrix's bads (at any cut-off) are the observed bad rate of the test rows.
    const { tp, fn } = await app.confusion();
    expect((tp + fn) / split.testRows).toBeCloseTo(observed, 6);
  });

  test('suggestions are searched on other rows than the test rows; Maximise profit sets the slider to its cut-off and the readouts show its test figures', async () => {
    const suggestions = await app.cutoffSuggestions();
    expect(Object.keys(suggestions).sort()).toEqual(['approval-rate', 'max-ks', 'max-profit']);
    for (const s of Object.values(suggestions)) {
      expect(s.searchSource, `${s.rule}: searched on`).toMatch(/^(validation|out-of-fold)$/);
      expect(s.searchRows, `${s.rule}: search rows are the validation rows`).toBe(split.validationRows);
      expect(s.searchRows, `${s.rule}: search rows are not the test rows`).not.toBe(split.testRows);
      expect(s.testRows, `${s.rule}: graded on the test rows`).toBe(split.testRows);
      // Each shows how many rows its figures come from, searched and tested.
      const row = page.getByTestId('cutoff-suggestions').locator(`tr[data-rule="${s.rule}"]`);
      await expect(row.locator('.search-rows')).toContainText(s.searchRows.toLocaleString('en-US'));
      await expect(row.locator('.test-rows')).toContainText(s.testRows.toLocaleString('en-US'));
    }
    const best = suggestions['max-profit'];
    // The most profitable cut-off on the search rows earns at least what the other suggestions earn there.
    for (const other of [suggestions['max-ks'], suggestions['approval-rate']])
      expect(best.searchProfit, `max-profit vs ${other.rule} on the search rows`).toBeGreaterThanOrEqual(other.searchProfit);

    await app.setCutoff(0.9);
    await page.getByTestId('max-profit-button').click();
    await expect(page.getByTestId('cutoff-value')).toHaveText(`${(100 * best.cutoff).toFixed(1)}%`);
    // The readouts are the suggestion's own test figures at its exact cut-off, not those of the nearest 1% step.
    await expect(page.getByTestId('cutoff-readouts')).toHaveAttribute('data-rule', 'max-profit');
    await expect(page.getByTestId('cutoff-readouts')).toHaveAttribute('data-exact', 'true');
    const readout = await app.cutoffReadout();
    expect(Math.abs(readout.slider - best.cutoff), 'the slider sits at the suggestion (on its 0.01 grid)').toBeLessThanOrEqual(0.005 + 1e-9);
    expect(readout.rows).toBe(split.testRows);
    expect(readout.approved, "approved: the suggestion's test figure").toBe(best.testApproved);
    expect(readout.expectedProfit, "profit: the suggestion's test figure").toBe(best.testProfit);
    expect(readout.expectedProfit).toBe(readout.goodsApproved * readout.profitPerGood - readout.badsApproved * readout.lossPerBad);
    // The metrics panel's threshold metrics and matrix are at this cut-off too.
    await expect(page.getByTestId('confusion-matrix')).toHaveAttribute('data-cutoff', String(best.cutoff));
    const { tn, fn } = await app.confusion();
    expect([tn, fn], 'goods and bads approved in the matrix').toEqual([readout.goodsApproved, readout.badsApproved]);
  });

  test('moving the cut-off across a shown applicant flips its decision and updates the confusion matrix, without scoring again', async () => {
    const { probabilityOfBad: p } = await scoreDefaultApplicant(app);
    const below = Math.max(0, Math.floor((p - 0.1) * 100) / 100); // p ≥ below: decline
    const above = Math.min(1, Math.ceil((p + 0.1) * 100) / 100); // p < above: approve
    expect(p).toBeLessThan(above);
    // Only the slider moves from here on: score-button is not clicked again.
    await app.setCutoff(below);
    await expect(app.scoreResult).toHaveAttribute('data-decision', 'decline');
    await expect(page.getByTestId('confusion-matrix')).toHaveAttribute('data-cutoff', String(below));
    const declineMatrix = await app.confusion();
    const declineReadout = await app.cutoffReadout();
    await app.setCutoff(above);
    await expect(app.scoreResult).toHaveAttribute('data-decision', 'approve');
    await expect(page.getByTestId('confusion-matrix')).toHaveAttribute('data-cutoff', String(above));
    const approveMatrix = await app.confusion();
    const approveReadout = await app.cutoffReadout();
    expect(approveMatrix, 'the confusion matrix moved with the cut-off').not.toEqual(declineMatrix);
    for (const [matrix, readout] of [
      [declineMatrix, declineReadout],
      [approveMatrix, approveReadout],
    ] as const) {
      expect(matrix.tp + matrix.fn + matrix.fp + matrix.tn, 'cells sum to the test rows').toBe(split.testRows);
      expect([matrix.tn, matrix.fn], 'approved goods and bads agree with the planner').toEqual([readout.goodsApproved, readout.badsApproved]);
    }
    expect(approveMatrix.tn + approveMatrix.fn, 'a higher cut-off approves more').toBeGreaterThan(declineMatrix.tn + declineMatrix.fn);
    expect(Number(await app.scoreResult.getAttribute('data-probability')), 'the probability of bad is the one scored').toBe(p);
  });

  test('changing the points scale changes the points of a shown result, without scoring again', async () => {
    const { probabilityOfBad: p, points } = await scoreDefaultApplicant(app);
    const logOdds = Math.log((1 - p) / p);
    // By hand: points = base + pdo / ln 2 × (ln(odds) − ln(base odds)).
    const byHand = (base: number, baseOdds: number, pdo: number) => Math.round(base + (pdo / Math.LN2) * (logOdds - Math.log(baseOdds)));
    expect(points).toBe(byHand(600, 50, 20));
    await page.getByTestId('pdo-input').fill('40');
    await expect(app.scoreResult).toHaveAttribute('data-points', String(byHand(600, 50, 40)));
    await page.getByTestId('base-score-input').fill('700');
    await expect(app.scoreResult).toHaveAttribute('data-points', String(byHand(700, 50, 40)));
    await page.getByTestId('base-odds-input').fill('20');
    await expect(app.scoreResult).toHaveAttribute('data-points', String(byHand(700, 20, 40)));
    expect(Number(await app.scoreResult.getAttribute('data-probability'))).toBe(p);
  });

  test('the planner follows the economics typed in, and the approval-rate suggestion the target rate', async () => {
    const { tp, fn, fp, tn } = await app.confusion();
    const bads = tp + fn;
    const goods = fp + tn;
    /** KS at the shown cut-off: share of goods approved − share of bads approved. */
    const ksOf = (r: CutoffReadout) => r.goodsApproved / goods - r.badsApproved / bads;
    await page.getByTestId('max-ks-button').click();
    const atKs = await app.cutoffReadout();
    expect(Math.abs(atKs.slider - parsePercent(atKs.cutoffText)), 'slider and cutoff-value agree').toBeLessThanOrEqual(0.0051);
    expect(ksOf(atKs), 'the max-KS cut-off separates goods from bads on the test rows').toBeGreaterThan(0.3);

    // New economics: profit = goods × 400 − bads × 2,500 everywhere, from 90% (nearly everyone approved).
    await app.setCutoff(0.9);
    await page.getByTestId('profit-per-good-input').fill('400');
    await page.getByTestId('loss-per-bad-input').fill('2500');
    const consistent = async () => {
      const r = await app.cutoffReadout();
      return r.profitPerGood === 400 && r.lossPerBad === 2500 && r.expectedProfit === r.goodsApproved * 400 - r.badsApproved * 2500;
    };
    await expect.poll(consistent, { message: 'expected-profit is computed with 400 per good and 2,500 per bad' }).toBe(true);
    // The suggestions are planned again with the new economics: their test profits are in those terms.
    await expect
      .poll(async () => Object.values(await app.cutoffSuggestions()).every((s) => s.testProfit === s.testGoodsApproved * 400 - s.testBadsApproved * 2500), {
        message: "each suggestion's test profit is goods × 400 − bads × 2,500",
      })
      .toBe(true);
    for (let k = 0; k <= 10; k++) {
      await app.setCutoff(k / 10);
      const r = await app.cutoffReadout();
      expect(r.expectedProfit, `profit at cut-off ${k / 10}`).toBe(r.goodsApproved * 400 - r.badsApproved * 2500);
    }

    // A target approval rate of 60%: searched on the search rows, close to 60% on the test rows too.
    await page.getByTestId('approval-rate-input').fill('60');
    await expect(page.getByTestId('approval-rate-button')).toHaveAttribute('data-rate', '0.6');
    await expect(page.getByTestId('approval-rate-button')).toContainText('60%');
    await page.getByTestId('approval-rate-button').click();
    const target = (await app.cutoffSuggestions())['approval-rate'];
    await expect(page.getByTestId('cutoff-value')).toHaveText(`${(100 * target.cutoff).toFixed(1)}%`);
    const r = await app.cutoffReadout();
    expect(r.approved).toBe(target.testApproved);
    expect(r.approvalRate, 'approval rate on the test rows').toBeGreaterThan(0.5);
    expect(r.approvalRate).toBeLessThan(0.7);
  });
});

test('an approval target (Loan_Status Y/N): N is the bad outcome everywhere, the KS chart starts with the riskiest, and a clean credit history earns more points and approval', async ({
  app,
  page,
}) => {
  test.skip(!existsSync(LOAN_PREDICTION), `needs ${LOAN_PREDICTION}`);
  await app.goto();
  await app.uploadCsv(LOAN_PREDICTION);
  await app.waitForCleaned();
  await expect(page.getByTestId('kept-outcomes').locator('.outcome-bad')).toContainText('Loan_Status = N');
  await app.setEpochs(30);
  await app.train();
  // The slider declines on the probability of bad, named with the target's bad value.
  await expect(page.locator('label.slider .outcome-bad [translate="no"]')).toHaveText('Loan_Status = N');
  const badRow = page.getByTestId('confusion-matrix').locator('tbody tr').first().locator('th');
  await expect(badRow).toHaveAttribute('data-outcome', 'bad');
  await expect(badRow).toHaveAttribute('data-target', 'Loan_Status');
  await expect(badRow).toHaveAttribute('data-value', 'N');
  await expect(badRow.locator('[translate="no"]')).toHaveText('Loan_Status = N');

  // KS, riskiest first: the bads' cumulative share rises faster than the goods'.
  const ks = await app.viewChart('ks-chart');
  await expect(ks.locator('.recharts-legend-wrapper [data-series="bads"] [translate="no"]')).toHaveText('Loan_Status = N');
  await expect(ks.locator('.recharts-legend-wrapper [data-series="goods"] [translate="no"]')).toHaveText('Loan_Status = Y');
  const vertices = async (series: string) => {
    const d = (await ks.locator(`.${series} path.recharts-line-curve`).getAttribute('d')) ?? '';
    return [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
  };
  const bads = await vertices('series-bad');
  const goods = await vertices('series-good');
  expect(bads.length, 'one vertex per KS point, the same for both curves').toBe(goods.length);
  expect(bads.length).toBeGreaterThan(10);
  const early = Math.round(bads.length * 0.1);
  expect(bads[early].x).toBeCloseTo(goods[early].x, 3);
  // SVG y grows downwards: the higher curve has the smaller y.
  expect(bads[early].y, 'at the riskiest tenth the bad curve is above the good curve').toBeLessThan(goods[early].y);
  const summary = page.getByTestId('ks-summary');
  expect(Number(await summary.getAttribute('data-bads'))).toBeGreaterThan(Number(await summary.getAttribute('data-goods')));

  // Credit_History is this data set's strongest signal: 1 (a clean history) against 0.
  const scored = async (history: string) => {
    await app.scoreApplicant({ Credit_History: history });
    return app.scoreResultState();
  };
  const clean = await scored('1');
  const blemished = await scored('0');
  expect(clean.probabilityOfBad, 'probability of N (bad) with a clean history').toBeLessThan(blemished.probabilityOfBad);
  expect(clean.points, 'points: higher is better').toBeGreaterThan(blemished.points);
  expect([clean.decision, blemished.decision]).toEqual(['approve', 'decline']);
  await expect(app.scoreResult).toContainText('Loan_Status = N');
});

/** Scores the form's default applicant and returns what score-result shows. */
async function scoreDefaultApplicant(app: CreditLabPage) {
  await app.scoreApplicant();
  return app.scoreResultState();
}
