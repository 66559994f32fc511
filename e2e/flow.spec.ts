import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { expect, test } from './fixtures.js';

const BACKENDS = ['webgl', 'wasm', 'cpu'];
const RATE_METRICS = ['accuracy', 'precision', 'recall', 'f1'] as const;

test('trains on the sample data and scores an applicant, without leaving localhost', async ({ app, network }) => {
  await app.goto();
  await app.loadSample();
  await app.setEpochs(5);
  await app.train();

  expect(await app.metric('auc')).toBeGreaterThan(0.7);
  for (const name of RATE_METRICS) {
    const value = await app.metric(name);
    expect(value, name).toBeGreaterThanOrEqual(0);
    expect(value, name).toBeLessThanOrEqual(1);
  }
  expect(BACKENDS).toContain((await app.page.getByTestId('backend').innerText()).trim());
  await expect(app.page.getByTestId('loss-chart')).toBeVisible();

  const probability = await app.scoreApplicant();
  expect(probability).toBeGreaterThanOrEqual(0);
  expect(probability).toBeLessThanOrEqual(1);
  await expect(app.scoreResult).toBeVisible();

  expect(network.urls.length, 'the request log saw the app load').toBeGreaterThan(0);
  expect(network.external(), 'requests that left localhost:4173').toEqual([]);
});

test('learns credit_risk_dataset.csv to AUC >= 0.85', async ({ app }, testInfo) => {
  // The shared data sets live beside the repository: ../shared/data/ from the repo root.
  const repoRoot = testInfo.config.configFile ? dirname(testInfo.config.configFile) : process.cwd();
  const csv = resolve(repoRoot, '../shared/data/credit_risk_dataset.csv');
  expect(existsSync(csv), `data set at ${csv}`).toBe(true);

  await app.goto();
  await app.uploadCsv(csv);
  await app.chooseTarget('loan_status');
  await app.setEpochs(10);
  await app.train({ timeoutMs: 200_000 });

  expect(await app.metric('auc')).toBeGreaterThanOrEqual(0.85);

  const probability = await app.scoreApplicant({ person_age: '30', person_income: '45000' });
  expect(probability).toBeGreaterThanOrEqual(0);
  expect(probability).toBeLessThanOrEqual(1);
});

test('shows an error for a file that is not a CSV and stays usable', async ({ app }, testInfo) => {
  const notCsv = testInfo.outputPath('not-a-table.csv');
  const pngHeader = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52];
  const noise = Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256);
  await writeFile(notCsv, Uint8Array.from([...pngHeader, ...noise]));

  await app.goto();
  await app.uploadCsv(notCsv);
  await expect(app.alert.first()).toBeVisible();
  expect(await app.alertText()).not.toBe('');

  await app.loadSample();
  expect((await app.targetOptions()).length).toBeGreaterThan(0);
});
