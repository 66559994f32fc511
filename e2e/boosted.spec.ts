import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { expect, test } from './fixtures';

// The default model, boosted trees, on the larger shared book: trained with no setting changed, it is
// graded, saved, and after a reload scores the same applicants from its bundle alone.

const APPLICANTS: readonly Record<string, string>[] = [
  { person_age: '30', person_income: '45000' },
  { person_income: '120000', loan_grade: 'A', loan_percent_income: '0.05' },
  { person_income: '24000', loan_grade: 'E', loan_percent_income: '0.45', person_home_ownership: 'RENT' },
];

test('the default model is boosted trees: credit_risk trains to a test AUC of 0.935 or more, and a saved copy scores the same applicants to 1e-6 after a reload', async ({
  app,
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const repoRoot = testInfo.config.configFile ? dirname(testInfo.config.configFile) : process.cwd();
  const csv = resolve(repoRoot, '../shared/data/credit_risk_dataset.csv');
  test.skip(!existsSync(csv), `the shared data set is not at ${csv}`);

  await app.goto();
  await app.uploadCsv(csv);
  await app.chooseTarget('loan_status');
  await app.waitForCleaned();
  await expect(page.getByTestId('model-select'), 'boosted trees are the default').toHaveValue('boosted');
  await app.startMainThreadTrace();
  const started = Date.now();
  await app.train({ timeoutMs: 200_000 });
  const clickToDone = Date.now() - started;
  // Trees are reported a few times a second, not one message each. The longest main-thread task is
  // printed, not asserted: in a browser that has rendered no results yet (this test runs first), 2 of
  // 7 runs saw one 80–86 ms task as the results mounted, its source not yet found (README, Known
  // limits); e2e/mainThread.spec.ts asserts the 50 ms budget for a training run.
  await page.waitForTimeout(1_000);
  const tasks = await app.stopMainThreadTrace();
  const longest = tasks.reduce((a, t) => Math.max(a, t.cpuMs), 0);

  const run = page.getByTestId('runs-table').locator('tbody tr').last();
  await expect(run).toHaveAttribute('data-model', 'boosted');
  await expect(run).toHaveAttribute('data-backend', 'cpu');
  const members = Number(await run.getAttribute('data-members'));
  const trainingMs = Number(await run.getAttribute('data-elapsed-ms'));
  const auc = await app.metric('auc');
  const logLoss = await app.metric('logloss');
  console.log(
    `credit_risk_dataset.csv, boosted trees (default): test AUC ${auc}, log loss ${logLoss}, ${members} forests, ${clickToDone} ms from click to done (${trainingMs} ms growing the trees), longest main-thread task ${Math.round(longest)} ms CPU`,
  );
  // scikit-learn's HistGradientBoosting scores 0.946 on an 80/20 split of this file, its MLP(32) 0.919 (../shared/data/README.md);
  // our MLP ensemble 0.925: 0.935 is above any network here and within noise of the trees' 0.943 (the split is seeded, the fit has no random part).
  expect(auc).toBeGreaterThanOrEqual(0.935);
  expect(members, 'one forest per validation fold').toBe(5);

  const before: number[] = [];
  for (const applicant of APPLICANTS) before.push(await app.scoreApplicant(applicant));
  // The last applicant borrows 45% of their income (good applicants' median is near 15%): that is a
  // principal reason, in its own words; at most four reasons, strongest first; points and decision shown.
  const reasons = page.getByTestId('reason-codes').locator('li');
  const listed = await reasons.evaluateAll((els) =>
    els.map((el) => ({ column: el.getAttribute('data-column'), code: el.getAttribute('data-code'), weight: Number(el.getAttribute('data-weight')) })),
  );
  expect(listed.length).toBeGreaterThanOrEqual(1);
  expect(listed.length).toBeLessThanOrEqual(4);
  expect(listed.map((r) => r.weight)).toEqual([...listed.map((r) => r.weight)].sort((a, b) => b - a));
  expect(listed).toContainEqual(expect.objectContaining({ column: 'loan_percent_income', code: 'above-typical' }));
  // "Loan percent income of 0.45 is high": the column, the applicant's answer and that it is high.
  const high = page.locator('[data-testid="reason-codes"] li[data-column="loan_percent_income"][data-code="above-typical"][data-value="0.45"]');
  await expect(high).toHaveCount(1);
  await expect(high).toContainText('Loan percent income');
  await expect(high).toContainText('0.45');
  await expect(page.getByTestId('score-decision')).toHaveAttribute('data-decision', before[2] >= 0.5 ? 'decline' : 'approve');
  expect(Number(await page.getByTestId('score-points').innerText())).toBe(Number(await app.scoreResult.getAttribute('data-points')));
  expect(new Set(before).size, 'three different applicants, three different probabilities').toBe(3);

  await app.openStep('models');
  await app.saveModel('credit_risk boosted');
  await page.reload();
  await expect.poll(() => app.savedModels()).toEqual([expect.objectContaining({ name: 'credit_risk boosted', auc: auc.toFixed(4) })]);
  await app.loadSavedModel('credit_risk boosted');
  expect(await app.metric('auc'), 'its test figures come with it').toBe(auc);
  for (const [i, applicant] of APPLICANTS.entries()) {
    const p = await app.scoreApplicant(applicant);
    expect(Math.abs(p - before[i]), `applicant ${i + 1}: ${p} vs ${before[i]}`).toBeLessThanOrEqual(1e-6);
  }
});
