import path from 'node:path';
import { expect, test } from './fixtures';

const CREDIT_RISK = path.resolve('../shared/data/credit_risk_dataset.csv');

test('the same seed on the cpu backend gives the same model twice; runs are listed to compare', async ({ app, page }) => {
  await app.goto();
  await app.loadSample();
  await app.waitForCleaned();
  await app.chooseModel('mlp'); // a network: the backend and epochs are its settings
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
    await expect(row, 'every member ran the 3 epochs').toHaveAttribute('data-member-epochs', Array.from({ length: members }, () => '3').join(','));
  }
});

test('Stop ends training promptly and keeps a usable model', async ({ app, page }) => {
  await app.goto();
  await app.uploadCsv(CREDIT_RISK);
  await app.waitForCleaned();
  await app.setEpochs(200);
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('val-auc')).not.toHaveText('–', { timeout: 60_000 });
  // Promptly is measured in work, not wall time, which a loaded machine stretches: after Stop no
  // member starts beyond the one shown (or the one a second worker runs beside it) and none runs
  // more than four epochs past the one shown (a member beside it may be a little ahead).
  // Unstopped, or stopped only between members, each member runs tens of epochs.
  const speed = page.getByTestId('training-speed');
  const memberAtStop = Number(await speed.getAttribute('data-member'));
  const epochAtStop = Number(await speed.getAttribute('data-epoch'));
  const clicked = Date.now();
  await page.getByTestId('stop-button').click();
  await expect(page.getByTestId('training-status')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  console.log(`Stop to a usable model: ${Date.now() - clicked} ms (member ${memberAtStop}, epoch ${epochAtStop} shown at Stop)`);
  const run = page.getByTestId('runs-table').locator('tbody tr').last();
  await expect(run, 'the run is listed as stopped').toHaveAttribute('data-stopped', 'true');
  const memberEpochs = String(await run.getAttribute('data-member-epochs'))
    .split(',')
    .map(Number);
  expect(memberEpochs.length, `members run after Stop at member ${memberAtStop}`).toBeLessThanOrEqual(memberAtStop + 1);
  for (const epochs of memberEpochs) expect(epochs, `epochs per member (${memberEpochs}) after Stop at epoch ${epochAtStop}`).toBeLessThanOrEqual(epochAtStop + 4);
  expect(await app.metric('auc')).toBeGreaterThan(0.8);
  expect(await app.scoreApplicant()).toBeGreaterThanOrEqual(0);
});

test('served from a sub-path, the app loads its worker and wasm binaries from there and trains', async ({ app, page, network }) => {
  const base = 'http://localhost:4175/creditlab/';
  await page.goto(base);
  await app.loadSample();
  await app.waitForCleaned();
  await app.chooseModel('mlp');
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
