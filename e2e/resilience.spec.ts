import { expect, test } from './fixtures';

// A worker that dies mid-training (closed from inside, as an out-of-memory kill would end it: no
// error event, its pending calls never answered): the page says so, reads the same file into a new
// worker with the choices kept, trains again, and the saved models are as they were.

test('a worker killed mid-training: an alert, the data read again, a Train button that trains, saved models untouched', async ({ app, page }) => {
  test.setTimeout(180_000);
  await app.goto();
  await app.loadSample();
  await app.waitForCleaned();
  // A choice the user made on the data, which the crash must not cost: a feature left out.
  const purpose = page.getByTestId('feature-loan_purpose');
  await purpose.uncheck();
  await app.waitForCleaned();
  await app.train();
  const auc = await app.metric('auc');
  await app.openStep('models');
  await app.saveModel('Before the crash');
  await expect.poll(() => app.savedModels()).toEqual([expect.objectContaining({ name: 'Before the crash', auc: auc.toFixed(4) })]);

  await app.openStep('train');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('training-status')).toHaveAttribute('data-state', 'training');
  const worker = page.workers().find((w) => w.url().includes('creditlab.worker'));
  expect(worker, `the data worker among ${page.workers().map((w) => w.url())}`).toBeDefined();
  await worker!.evaluate(() => (self as unknown as { close(): void }).close()).catch(() => undefined);

  await expect(page.getByTestId('training-status')).toHaveAttribute('data-state', 'error', { timeout: 20_000 });
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expect(page.getByRole('alert').first()).toHaveAttribute('data-problem-code', 'worker.stopped');
  // The sample is read into the new worker and prepared again, without a click.
  await app.waitForCleaned();
  await expect(purpose, 'the feature left out stays out').not.toBeChecked();
  await app.train();
  expect(await app.metric('auc'), 'the same split and seed: the same model again').toBeCloseTo(auc, 4);

  await app.openStep('models');
  await expect.poll(() => app.savedModels()).toEqual([expect.objectContaining({ name: 'Before the crash', auc: auc.toFixed(4) })]);
  await app.loadSavedModel('Before the crash');
  expect(await app.metric('auc')).toBe(auc);
});
