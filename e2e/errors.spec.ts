import { rmSync } from 'node:fs';
import type { CreditLabPage } from './creditLabPage.js';
import { expect, test } from './fixtures.js';
import { sharedDataPath, writeEmptyFile, writeHeaderOnlyCsv, writeOnePositiveCsv, writePngFile, writeSingleClassCsv, writeSparseFile } from './support/fixtureFiles.js';

// Each case is a few seconds; a stuck app should fail fast rather than hold the suite for minutes.
test.describe.configure({ timeout: 60_000 });

/**
 * Waits for the visible role="alert" whose data-problem-code is `code` (the problem, not its words:
 * the tests hold in any language); returns its text, which must be a short human sentence.
 */
async function expectAlert(app: CreditLabPage, code: string, { timeoutMs = 20_000 } = {}): Promise<string> {
  const alert = app.page.locator(`[role="alert"][data-problem-code="${code}"]`);
  await expect(alert.first(), `a role="alert" with data-problem-code="${code}" is shown (shown: ${await app.alertText()})`).toBeVisible({ timeout: timeoutMs });
  // The message without the dismiss button's ×.
  const text = (await alert.first().locator('span').first().innerText()).trim();
  test.info().annotations.push({ type: 'alert', description: `${code}: ${text}` });
  expect(text.length, 'alert text length').toBeGreaterThan(10);
  expect(text.length, `a short message, not a stack trace: "${text}"`).toBeLessThan(200);
  expect(text).not.toMatch(/\n|at .*\.js|Error:/);
  return text;
}

/** After an error: the next load works (row-count reaches data-stage=loaded) and the alert with `code` is gone. */
async function expectNextLoadWorks(app: CreditLabPage, code: string, next: 'sample' | string): Promise<void> {
  await app.startCountRecorder();
  if (next === 'sample') await app.loadSample();
  else await app.uploadCsv(next);
  const loaded = await app.countsAtStage('loaded');
  expect(loaded.rows, 'rows of the next file').toBeGreaterThan(0);
  expect(loaded.columns, 'columns of the next file').toBeGreaterThan(1);
  // A stale error must not stay up over good data.
  await expect(app.page.locator(`[role="alert"][data-problem-code="${code}"]`), `the earlier alert (${code}) is cleared`).toHaveCount(0);
}

/**
 * What a person does once the target is set: click train (if the app lets them). Training on such
 * data must not happen: afterwards training-status is not `done`.
 */
async function tryToTrain(app: CreditLabPage): Promise<void> {
  const button = app.page.getByTestId('train-button');
  if ((await button.count()) > 0 && (await button.isEnabled())) {
    await app.setEpochs(1).catch(() => undefined);
    await button.click();
  }
}

async function expectNoTrainingHappened(app: CreditLabPage): Promise<void> {
  if ((await app.trainingStatus.count()) === 0) return;
  await expect(app.trainingStatus, 'training is not running').toHaveAttribute('data-state', /^(idle|error|done)$/, { timeout: 30_000 });
  expect(await app.trainingStatus.getAttribute('data-state'), 'training-status after the attempt').not.toBe('done');
}

test('an empty (0-byte) file says it is empty, then the sample loads', async ({ app }, testInfo) => {
  const file = await writeEmptyFile(testInfo.outputPath('empty.csv'));
  await app.goto();
  await app.uploadCsv(file);
  await expectAlert(app, 'csv.empty');
  await expectNextLoadWorks(app, 'csv.empty', 'sample');
});

test('a header with no rows says there are no data rows, then the sample loads', async ({ app }, testInfo) => {
  const file = await writeHeaderOnlyCsv(testInfo.outputPath('header-only.csv'));
  await app.goto();
  await app.uploadCsv(file);
  await expectAlert(app, 'csv.noRows');
  await expectNextLoadWorks(app, 'csv.noRows', 'sample');
});

test('a PNG renamed .csv is refused as not a CSV, then a good file loads', async ({ app }, testInfo) => {
  const file = await writePngFile(testInfo.outputPath('photo.csv'));
  await app.goto();
  await app.uploadCsv(file);
  await expectAlert(app, 'csv.binarySignature');
  await expectNextLoadWorks(app, 'csv.binarySignature', sharedDataPath('german_credit.csv'));
});

test('a target with a single class is named in the alert and cannot be trained, then the sample loads', async ({ app }, testInfo) => {
  const file = await writeSingleClassCsv(testInfo.outputPath('single-class.csv'));
  await app.goto();
  await app.startCountRecorder();
  await app.uploadCsv(file);
  // The file itself is fine: it loads.
  expect(await app.countsAtStage('loaded')).toEqual({ rows: 40, columns: 5 });
  await app.ensureTarget('default');
  await tryToTrain(app);
  const alert = await expectAlert(app, 'target.notBinary');
  expect(alert, 'the alert names the target column').toContain('default');
  await expectNoTrainingHappened(app);
  await expectNextLoadWorks(app, 'target.notBinary', 'sample');
});

test('fewer than two rows of a class (1 positive in 50) is refused, then the sample loads', async ({ app }, testInfo) => {
  const file = await writeOnePositiveCsv(testInfo.outputPath('one-positive.csv'));
  await app.goto();
  await app.startCountRecorder();
  await app.uploadCsv(file);
  expect(await app.countsAtStage('loaded')).toEqual({ rows: 50, columns: 5 });
  await app.ensureTarget('default');
  await tryToTrain(app);
  const alert = await expectAlert(app, 'target.tooFewOfClass');
  expect(alert, 'the alert names the target column').toContain('default');
  await expectNoTrainingHappened(app);
  await expectNextLoadWorks(app, 'target.tooFewOfClass', 'sample');
});

test('a file larger than the browser can hold (2.2 GiB) is refused at once, then a good file loads', async ({ app }, testInfo) => {
  // Sparse: 2.2 GiB long, no disk blocks. The app must refuse it from its size, before reading it.
  const file = writeSparseFile(testInfo.outputPath('big.csv'), Math.round(2.2 * 1024 ** 3));
  try {
    await app.goto();
    await app.uploadCsv(file);
    await expectAlert(app, 'file.overLimit', { timeoutMs: 5_000 });
    await expectNextLoadWorks(app, 'file.overLimit', sharedDataPath('german_credit.csv'));
  } finally {
    rmSync(file, { force: true });
  }
});

test('training that diverges (SGD, learning rate 1, L2 1) ends in the error state with an alert; sane settings then train', async ({ app, page }) => {
  await app.goto();
  await app.loadSample();
  await app.waitForCleaned();
  // Learning rate, optimiser and L2 are the network's settings.
  await app.chooseModel('mlp');

  // The input refuses a learning rate above its maximum of 1: it is marked invalid and not used.
  const learningRate = page.getByTestId('learning-rate-input');
  await learningRate.fill('1e6');
  await expect(learningRate, 'a learning rate of 1e6 is marked invalid').toHaveAttribute('aria-invalid', 'true');
  // The largest rate it accepts, with plain SGD and the strongest L2 penalty, makes the loss blow up.
  await learningRate.fill('1');
  await expect(learningRate).toHaveAttribute('aria-invalid', 'false');
  await page.getByTestId('optimizer-select').selectOption('sgd');
  await page.getByTestId('l2-input').fill('1');
  await app.setEpochs(3);
  await page.getByTestId('train-button').click();

  await expect(app.trainingStatus, 'training ends in the error state').toHaveAttribute('data-state', 'error', { timeout: 50_000 });
  await expectAlert(app, 'training.diverged');
  // Divergence is the settings' doing: the backend is not blamed and the run is not repeated on another.
  await expect(page.locator('[data-notice-code="backend.fellBack"]'), 'no backend fallback for a diverging loss').toHaveCount(0);
  await expect(app.trainingStatus).toHaveAttribute('data-status', 'failed');
  await expect(page.getByTestId('metric-auc'), 'no metrics are shown for a failed run').toHaveCount(0);
  await expect(page.getByTestId('runs-table').locator('tbody tr'), 'a failed run is not listed').toHaveCount(0);

  // Back to sane settings: the next run trains, the metrics appear and the alert is gone.
  await page.getByTestId('optimizer-select').selectOption('adam');
  await learningRate.fill('0.003');
  await page.getByTestId('l2-input').fill('0');
  await app.train({ timeoutMs: 50_000 });
  await expect(app.trainingStatus).toHaveAttribute('data-state', 'done');
  expect(await app.metric('auc')).toBeGreaterThan(0.7);
  await expect(page.getByTestId('runs-table').locator('tbody tr'), 'only the good run is listed').toHaveCount(1);
  await expect(page.locator('[role="alert"][data-problem-code="training.diverged"]'), 'the divergence alert is cleared').toHaveCount(0);
});
