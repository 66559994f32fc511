import path from 'node:path';
import { expect, test } from './fixtures';

const CREDIT_RISK = path.resolve('../shared/data/credit_risk_dataset.csv');

// The "no task over 50 ms" assertion below is held exactly, but on a 2-core machine the OS can
// stretch a 20-30 ms task past 50 ms while the worker, the browser and the test runner compete for
// the cores (traced, the longest main-thread task while training is 23 ms; 1 run in about 25 of the
// responsive test failed here and the next 24 passed). One retry keeps CI from failing on that; a
// retried pass is reported as flaky, with the first attempt's long tasks, so it stays visible.
test.describe('main-thread budget', () => {
  test.describe.configure({ retries: 1 });

  test('training credit_risk_dataset keeps the page responsive: no long task, and a click is answered meanwhile', async ({ app, page }) => {
    await app.goto();
    await app.uploadCsv(CREDIT_RISK);
    await app.chooseTarget('loan_status');
    await app.waitForCleaned();
    await app.setEpochs(15);
    await app.startLongTaskLog();
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('training-status')).toHaveAttribute('data-state', 'training');
    // Wait for a first epoch, then ask the page (and, through it, the worker) for something.
    await expect(page.getByTestId('val-auc')).not.toHaveText('–', { timeout: 60_000 });
    // The live view: speed, elapsed time, time left, and progress part-way through the run.
    const speed = page.getByTestId('training-speed');
    await expect(speed).toContainText(/samples\/s · .* elapsed · about .* left/);
    expect(Number(await speed.getAttribute('data-samples-per-second')), 'samples/s while training').toBeGreaterThan(1_000);
    expect(Number(await speed.getAttribute('data-elapsed-ms')), 'elapsed time while training').toBeGreaterThan(0);
    expect(Number(await speed.getAttribute('data-eta-ms')), 'time left while training').toBeGreaterThan(0);
    const share = Number(await page.getByTestId('epoch-progress').getAttribute('value'));
    expect(share, 'progress part-way through the run').toBeGreaterThan(0);
    expect(share).toBeLessThan(1);
    const clickedAt = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('removed-rows-download').click()]);
    const answeredMs = Date.now() - clickedAt;
    expect(download.suggestedFilename()).toBe('removed-rows.csv');
    await expect(page.getByTestId('training-status'), 'the click was answered while training ran').toHaveAttribute('data-state', 'training');
    expect(answeredMs, 'the download arrives promptly while the worker trains').toBeLessThan(2_000);
    await expect(page.getByTestId('training-status')).toHaveAttribute('data-state', 'done', { timeout: 180_000 });
    // Keep watching for a second after `done`: the metrics, charts, planner and form render then, and
    // PerformanceObserver delivers entries asynchronously.
    await page.waitForTimeout(1_000);
    const longTasks = await app.longTaskLog();
    expect(longTasks, `main-thread tasks over 50 ms during training and the render after it: ${JSON.stringify(longTasks)}`).toEqual([]);
    // The live view showed progress, speed and a validation AUC.
    expect(Number(await page.getByTestId('val-auc').innerText())).toBeGreaterThan(0.85);
    await expect(page.getByTestId('epoch-progress')).toHaveAttribute('value', '1');
    // Positive control: the same recorder, still running, does see a main-thread task of 120 ms.
    const { startTime } = await app.runMainThreadTask(120);
    await expect
      .poll(async () => (await app.longTaskLog()).filter((t) => t.startTime >= startTime - 5 && t.duration >= 100).length, {
        message: 'the long-task log reports the deliberate 120 ms task',
      })
      .toBe(1);
  });
});

test('the long-task recorders report a deliberate 120 ms main-thread task (positive control for the "no long task" checks)', async ({ app }) => {
  await app.goto();
  await expect(app.page.getByTestId('sample-data-button')).toBeEnabled();
  await app.startLongTaskObserver();
  await app.startLongTaskLog();
  // A short task is not a long one. Running it also lets the buffered observer take in the
  // start-up entries it is handed asynchronously, so "before" below counts them.
  await app.runMainThreadTask(10);
  const bufferedBefore = (await app.longTasks()).length;

  const { startTime } = await app.runMainThreadTask(120);
  const ours = async () => (await app.longTaskLog()).filter((t) => t.startTime >= startTime - 5);
  await expect.poll(async () => (await ours()).length, { message: 'startLongTaskLog reports the 120 ms task' }).toBe(1);
  const [logged] = await ours();
  expect(logged.duration, 'its duration').toBeGreaterThanOrEqual(115);
  expect(logged.duration).toBeLessThan(400);
  await expect
    .poll(async () => (await app.longTasks()).slice(bufferedBefore).filter((ms) => ms >= 115 && ms < 400).length, {
      message: 'startLongTaskObserver reports the 120 ms task',
    })
    .toBe(1);
});

test('the same seed on the cpu backend gives the same model twice; runs are listed to compare', async ({ app, page }) => {
  await app.goto();
  await app.loadSample();
  await app.waitForCleaned();
  await page.getByTestId('backend-select').selectOption('cpu');
  await page.getByTestId('seed-input').fill('7');
  await app.setEpochs(3);
  await app.train();
  await expect(page.getByTestId('backend')).toHaveText('cpu');
  const first = await page.getByTestId('metric-logloss').innerText();
  await app.train();
  expect(await page.getByTestId('metric-logloss').innerText()).toBe(first);
  // A cut-off moved away from the model's default is reset by the next model, with a notice.
  const slider = page.getByTestId('cutoff-slider');
  await expect(page.getByTestId('cutoff-reset-notice'), 'no notice for the first model').toHaveCount(0);
  const defaultCutoff = await page.getByTestId('cutoff-value').innerText();
  await app.setCutoff(0.3);
  await expect(page.getByTestId('cutoff-value')).toHaveText('30.0%');
  await page.getByTestId('seed-input').fill('8');
  await app.train();
  expect(await page.getByTestId('metric-logloss').innerText()).not.toBe(first);
  await expect(page.getByTestId('cutoff-value'), 'the new model starts at its default cut-off').toHaveText(defaultCutoff);
  await expect(page.getByTestId('cutoff-reset-notice')).toContainText(defaultCutoff);
  expect(Number(await slider.inputValue())).toBeCloseTo(parseFloat(defaultCutoff) / 100, 2);
  // Moving the slider again puts the notice away.
  await app.setCutoff(0.4);
  await expect(page.getByTestId('cutoff-reset-notice')).toHaveCount(0);

  // The runs table lists each run with its members and their epochs (the sample book is an ensemble of 5).
  const rows = page.getByTestId('runs-table').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  for (const row of await rows.all()) {
    const members = Number(await row.getAttribute('data-members'));
    expect(members, 'members per run').toBeGreaterThanOrEqual(1);
    await expect(row).toContainText(members > 1 ? `${members} × 3 epochs` : '3 (best');
  }
});

test('Stop ends training promptly and keeps a usable model', async ({ app, page }) => {
  await app.goto();
  await app.uploadCsv(CREDIT_RISK);
  await app.waitForCleaned();
  await app.setEpochs(200);
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('val-auc')).not.toHaveText('–', { timeout: 60_000 });
  await page.getByTestId('stop-button').click();
  await expect(page.getByTestId('training-status')).toHaveAttribute('data-state', 'done', { timeout: 5_000 });
  await expect(page.getByTestId('training-status')).toContainText(/stopped/i);
  expect(await app.metric('auc')).toBeGreaterThan(0.8);
  expect(await app.scoreApplicant()).toBeGreaterThanOrEqual(0);
});

test('served from a sub-path, the app loads its worker and wasm binaries from there and trains', async ({ app, page, network }) => {
  const base = 'http://localhost:4175/creditlab/';
  await page.goto(base);
  await app.loadSample();
  await app.waitForCleaned();
  await page.getByTestId('backend-select').selectOption('wasm');
  await app.setEpochs(2);
  await app.train();
  await expect(page.getByTestId('backend'), 'the chosen backend trained the model').toHaveText('wasm');
  const wasm = network.urls.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).pathname.endsWith('.wasm'));
  expect(wasm.length, `requests for .wasm files in ${JSON.stringify(network.urls)}`).toBeGreaterThan(0);
  for (const url of wasm) expect(url, 'a wasm binary is served from the sub-path').toMatch(/^http:\/\/localhost:4175\/creditlab\/[^?#]+\.wasm$/);
  const elsewhere = network.urls.filter((u) => !(u.startsWith(base) || u.startsWith('data:') || u.startsWith('blob:')));
  expect(elsewhere, 'requests outside the sub-path').toEqual([]);
});
