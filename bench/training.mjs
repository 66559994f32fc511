// Training benchmark, in the built app in headless Chromium: samples/s of the default MLP on each
// backend for 200,000 synthetic rows × 20 features, and the time to train credit_risk_dataset.csv
// with default settings until the test AUC reaches 0.91. Prints; never fails on a time.
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A seeded synthetic file: 20 standard-normal features and a logistic target (cached in tmpdir). */
export async function ensureSyntheticCsv(rows = 200_000, features = 20) {
  const path = join(tmpdir(), `creditlab-train-${rows}x${features}.csv`);
  if (existsSync(path) && statSync(path).size > 0) return path;
  let state = 12345;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const out = createWriteStream(path);
  out.write(`${Array.from({ length: features }, (_, i) => `x${i + 1}`).join(',')},default\n`);
  let buffer = '';
  for (let r = 0; r < rows; r++) {
    const x = Array.from({ length: features }, normal);
    const z = -1.2 + x.slice(0, 8).reduce((s, v, i) => s + v * (0.6 - 0.07 * i), 0) + 0.4 * x[8] * x[9];
    buffer += `${x.map((v) => v.toFixed(4)).join(',')},${random() < 1 / (1 + Math.exp(-z)) ? 1 : 0}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return path;
}

async function openWith(browser, baseURL, csvPath, target, model = 'mlp') {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(baseURL);
  await page.getByTestId('dataset-input').setInputFiles(csvPath);
  if (target) await page.getByTestId('target-select').selectOption(target);
  await page.locator('[data-testid="row-count"][data-stage="cleaned"]').waitFor({ timeout: 300_000 });
  // The network's bench trains the MLP (the app's default model is boosted trees, measured apart).
  await page.getByTestId('model-select').selectOption(model);
  return { context, page };
}

/** Trains once with the form as set and returns the new runs-table row's figures. */
async function trainOnce(page, timeoutMs) {
  const rows = page.locator('[data-testid="runs-table"] tbody tr');
  const before = await rows.count();
  await page.getByTestId('train-button').click();
  await rows.nth(before).waitFor({ timeout: timeoutMs });
  const row = rows.nth(before);
  const read = async (name) => Number(await row.getAttribute(name));
  return {
    backend: await row.getAttribute('data-backend'),
    samplesPerSecond: await read('data-samples-per-second'),
    elapsedMs: await read('data-elapsed-ms'),
    epochs: await read('data-epochs'),
    testAuc: await read('data-test-auc'),
  };
}

/** Samples/s per backend on the synthetic set, and epochs/time to a test AUC of 0.91 on credit_risk. */
export async function benchTraining({ browser, baseURL, creditRiskPath, epochsPerBackend = 2 }) {
  const synthetic = await ensureSyntheticCsv();
  const speeds = [];
  for (const backend of ['wasm', 'cpu', 'webgl']) {
    const { context, page } = await openWith(browser, baseURL, synthetic, 'default');
    try {
      await page.getByTestId('backend-select').selectOption(backend);
      await page.getByTestId('epochs-input').fill(String(epochsPerBackend));
      await page.getByTestId('early-stopping-checkbox').uncheck();
      speeds.push({ requested: backend, ...(await trainOnce(page, 600_000)) });
    } catch (error) {
      speeds.push({ requested: backend, error: String(error).split('\n')[0] });
    } finally {
      await context.close();
    }
  }

  const toAuc = [];
  let defaultModel = null;
  if (existsSync(creditRiskPath)) {
    // The app's default model (boosted trees) with every setting as it comes.
    const { context, page } = await openWith(browser, baseURL, creditRiskPath, 'loan_status', 'boosted');
    try {
      defaultModel = await trainOnce(page, 600_000);
    } finally {
      await context.close();
    }
  }
  if (existsSync(creditRiskPath)) {
    const { context, page } = await openWith(browser, baseURL, creditRiskPath, 'loan_status');
    try {
      // Default settings (seed 42, early stopping on); more epochs until the test AUC reaches 0.91.
      for (const epochs of [2, 4, 6, 8, 10, 15, 20, 30]) {
        await page.getByTestId('epochs-input').fill(String(epochs));
        const run = await trainOnce(page, 600_000);
        toAuc.push({ epochsAsked: epochs, ...run });
        if (run.testAuc >= 0.91) break;
      }
    } finally {
      await context.close();
    }
  }
  return { speeds, toAuc, defaultModel };
}
