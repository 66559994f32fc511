import type { Page } from '@playwright/test';
import type { CreditLabPage } from './creditLabPage.js';
import { expect, test } from './fixtures.js';

// Saving the model in use in the browser's registry, and loading it back after a reload: the model
// scores on its own, without the file it was trained on.

/** Applicants scored before and after: the form's defaults, and two others from the sample book's ranges. */
const APPLICANTS: readonly Record<string, string>[] = [
  {},
  { annual_income: '38500', interest_rate: '16.2', debt_to_income: '0.38', home_ownership: 'RENT' },
  { annual_income: '120000', interest_rate: '7.5', debt_to_income: '0.12', home_ownership: 'MORTGAGE' },
];

/** True when leaving the page now would ask first (a beforeunload listener cancels the event). */
function warnsOnLeave(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });
}

/** The probability of bad of each of APPLICANTS, in order. */
async function scoreAll(app: CreditLabPage): Promise<number[]> {
  const scores: number[] = [];
  for (const applicant of APPLICANTS) scores.push(await app.scoreApplicant(applicant));
  return scores;
}

test('a saved model is listed after a reload, loads without any data set and scores the same applicants to 1e-6', async ({ app, page }) => {
  await app.goto();
  await app.loadSample();
  await app.waitForCleaned();
  expect(await warnsOnLeave(page), 'no model, no warning').toBe(false);
  await app.setEpochs(3);
  await app.train();
  const auc = await app.metric('auc');
  // The cut-off in force is saved with the model.
  await app.setCutoff(0.3);
  await expect(page.getByTestId('cutoff-value')).toHaveText('30.0%');
  const before = await scoreAll(app);
  const decision = await app.scoreResult.getAttribute('data-decision');
  expect(await warnsOnLeave(page), 'an unsaved model: leaving asks first').toBe(true);
  expect(new Set(before).size, 'three different applicants, three different probabilities').toBe(3);

  await app.openStep('models');
  await expect(page.getByTestId('in-use-saved-state')).toHaveAttribute('data-saved', 'false');
  await app.saveModel('Sample book, 3 epochs');
  await expect(page.getByTestId('in-use-saved-state')).toHaveAttribute('data-saved', 'true');
  // The first save asked the browser to keep the models: its answer is shown.
  await expect(page.getByTestId('storage-note')).toHaveAttribute('data-storage', /^(persisted|not-persisted|unsupported)$/);
  await expect(page.getByTestId('storage-note')).toHaveText(/\S/);
  expect(await warnsOnLeave(page), 'saved: nothing to warn about').toBe(false);

  await page.reload();
  await expect(page.getByTestId('row-count'), 'no data set after the reload').toHaveCount(0);
  await expect.poll(() => app.savedModels()).toEqual([expect.objectContaining({ name: 'Sample book, 3 epochs', locked: false, auc: auc.toFixed(4) })]);
  await expect(app.stepButton('score'), 'no model in use yet').toHaveAttribute('aria-disabled', 'true');

  await app.loadSavedModel('Sample book, 3 epochs');
  await expect(app.stepButton('evaluate')).toHaveAttribute('aria-current', 'step');
  expect(await app.metric('auc'), 'its test figures come with it').toBe(auc);
  const after = await scoreAll(app);
  for (const [i, p] of after.entries()) expect(Math.abs(p - before[i]), `applicant ${i + 1}: ${p} vs ${before[i]}`).toBeLessThanOrEqual(1e-6);
  await expect(app.scoreResult, 'decided at the saved cut-off').toHaveAttribute('data-decision', decision ?? '');
  await app.openStep('decide');
  await expect(page.getByTestId('cutoff-value'), 'the cut-off it was saved with').toHaveText('30.0%');
  await expect(page.getByTestId('row-count'), 'still no data set').toHaveCount(0);
  expect(await warnsOnLeave(page), 'loaded as saved: nothing to warn about').toBe(false);
});

test('a full storage quota is said in an alert, nothing is listed, and the save works once there is room', async ({ app, page, baseURL }) => {
  await app.goto();
  await app.loadSample();
  await app.waitForCleaned();
  await app.setEpochs(1);
  await app.train();
  await app.openStep('models');
  await expect(page.getByTestId('model-list-empty')).toBeVisible();
  // Chromium's own quota override: this origin may store 10 kB, less than one model.
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(baseURL ?? 'http://localhost:4173').origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 10_000 });
  await page.getByTestId('model-name-input').fill('Too big for the quota');
  await page.getByTestId('save-model-button').click();
  const alert = page.getByTestId('models-panel').getByRole('alert');
  await expect(alert).toHaveAttribute('data-problem-code', 'quota-exceeded');
  await expect
    .poll(async () => JSON.parse((await page.getByTestId('models-problem').getAttribute('data-problem')) ?? 'null'), 'the problem, with no other values')
    .toEqual({ code: 'quota-exceeded' });
  await expect(alert.locator('span').first(), 'said in words').toHaveText(/\S/);
  await expect(page.getByTestId('model-list-empty'), 'nothing was stored').toBeVisible();
  await expect(page.getByTestId('in-use-saved-state')).toHaveAttribute('data-saved', 'false');

  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await app.saveModel('Room enough now');
  await expect(alert).toHaveCount(0);
  expect((await app.savedModels()).map((m) => m.name)).toEqual(['Room enough now']);
});
