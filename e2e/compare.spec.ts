import { expect, test } from './fixtures';

const MODELS = ['logistic', 'mlp', 'mlp-ple', 'scorecard', 'boosted'];

test('compare models trains logistic, MLP, MLP with PLE, the scorecard and boosted trees on one split; "Use this model" puts the chosen one behind the metrics, planner and form', async ({
  app,
  page,
}) => {
  test.setTimeout(300_000);
  await app.goto();
  await app.loadSample();
  await app.waitForCleaned();
  const split = await app.split();
  await app.setEpochs(4);
  await page.getByTestId('compare-button').click();
  await expect(page.getByTestId('compare-status')).toHaveAttribute('data-state', 'running');
  await expect(page.getByTestId('compare-status')).toHaveAttribute('data-state', 'done', { timeout: 240_000 });

  const rows = page.getByTestId('compare-table').locator('tbody tr');
  await expect(rows).toHaveCount(MODELS.length);
  const figures = await rows.evaluateAll((els) =>
    els.map((el) => {
      const n = (name: string) => Number(el.getAttribute(name));
      return {
        model: el.getAttribute('data-model'),
        state: el.getAttribute('data-state'),
        auc: n('data-auc'),
        ks: n('data-ks'),
        logLoss: n('data-logloss'),
        brier: n('data-brier'),
        ece: n('data-ece'),
        ms: n('data-elapsed-ms'),
        testRows: n('data-test-rows'),
      };
    }),
  );
  expect(figures.map((f) => f.model)).toEqual(MODELS);
  for (const f of figures) {
    expect(f.state, `${f.model} trained`).toBe('done');
    expect(f.testRows, `${f.model} is graded on the same test rows`).toBe(split.testRows);
    expect(f.auc, `${f.model} AUC`).toBeGreaterThan(0.7);
    expect(f.ks).toBeGreaterThan(0.2);
    expect(f.ks).toBeLessThan(1);
    expect(f.logLoss).toBeGreaterThan(0);
    expect(f.brier).toBeGreaterThan(0);
    expect(f.brier).toBeLessThan(0.25);
    expect(f.ece).toBeGreaterThanOrEqual(0);
    expect(f.ms).toBeGreaterThan(0);
  }
  // Five different models: not one result copied five times.
  expect(new Set(figures.map((f) => f.logLoss)).size).toBe(MODELS.length);
  // No model is in use until one is chosen.
  await expect(page.getByTestId('metric-auc')).toHaveCount(0);

  const applicant = { annual_income: '38500', interest_rate: '16.2', debt_to_income: '0.38', home_ownership: 'RENT' };
  // The scorecard: the metrics are its own, the points table shows, and the form scores with its points.
  await page.getByTestId('use-model-scorecard').click();
  await expect(rows.nth(3)).toHaveAttribute('data-in-use', 'true');
  await expect(page.getByTestId('metric-auc')).toHaveText(figures[3].auc.toFixed(4));
  await expect(page.getByTestId('metric-logloss')).toHaveText(figures[3].logLoss.toFixed(4));
  await expect(page.getByTestId('points-table')).toBeVisible();
  expect((await app.cutoffSuggestions())['max-ks'].searchSource).toBe('out-of-fold');
  const byScorecard = await app.scoreApplicant(applicant);
  await expect(page.getByTestId('score-breakdown')).toBeVisible();

  // Logistic regression: its metrics, no points table, and the worker scores with it.
  await page.getByTestId('use-model-logistic').click();
  await expect(rows.nth(0)).toHaveAttribute('data-in-use', 'true');
  await expect(rows.nth(3)).toHaveAttribute('data-in-use', 'false');
  await expect(page.getByTestId('metric-auc')).toHaveText(figures[0].auc.toFixed(4));
  await expect(page.getByTestId('points-table')).toHaveCount(0);
  const byLogistic = await app.scoreApplicant(applicant);
  await expect(page.getByTestId('score-breakdown')).toHaveCount(0);
  expect(byLogistic).not.toBe(byScorecard);
  expect((await app.cutoffSuggestions())['max-ks'].testRows).toBe(split.testRows);

  // Back to the scorecard: the same applicant gets the same probability as before (the kept model, not a refit).
  await page.getByTestId('use-model-scorecard').click();
  await expect(page.getByTestId('metric-auc')).toHaveText(figures[3].auc.toFixed(4));
  expect(await app.scoreApplicant(applicant)).toBe(byScorecard);

  // Boosted trees: their own metrics, no points table, and a probability of their own for the applicant.
  await page.getByTestId('use-model-boosted').click();
  await expect(rows.nth(4)).toHaveAttribute('data-in-use', 'true');
  await expect(page.getByTestId('metric-auc')).toHaveText(figures[4].auc.toFixed(4));
  await expect(page.getByTestId('points-table')).toHaveCount(0);
  const byBoosted = await app.scoreApplicant(applicant);
  expect(byBoosted).not.toBe(byLogistic);
  expect(byBoosted).not.toBe(byScorecard);
});
