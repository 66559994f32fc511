// Scoring at work, in headless Chromium on the built app: 100,000 applicants scored with reasons by
// the default model (trained on the sample book) and exported as CSV, main-thread tasks meanwhile,
// and one what-if edit in the form until the result shows it. The peer: the same bundle and file
// scored by `creditlab score` in Node (the same scoring code, streamed, no browser), run right after.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './setup.mjs';

/** The sample book's applicants repeated to `rows` rows, the outcome column dropped; written once under bench/out. */
function applicantsCsv(rows) {
  const dir = join(repoRoot, 'bench', 'out');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `applicants-${rows}.csv`);
  if (existsSync(path)) return path;
  const lines = readFileSync(join(repoRoot, 'public', 'sample-loan-book.csv'), 'utf8')
    .trim()
    .split('\n');
  // Commas inside a quoted cell ("home improvement, repairs") do not split it.
  const cellsOf = (line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  const header = cellsOf(lines[0]);
  const keep = header.length - 1;
  const body = lines.slice(1).map((line) => cellsOf(line).slice(0, keep).join(','));
  const out = [header.slice(0, keep).join(',')];
  for (let i = 0; i < rows; i++) out.push(body[i % body.length]);
  writeFileSync(path, `${out.join('\n')}\n`);
  return path;
}

/** Records main-thread long tasks (PerformanceObserver 'longtask', wall time) from now on. */
async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.__benchLongTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__benchLongTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
}

/** Trains the default model on the sample book, scores a 100,000-row file with it, exports it, times a what-if edit and the Node peer. */
export async function benchScoring({ browser, baseURL, rows = 100_000 }) {
  const csvPath = applicantsCsv(rows);
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  try {
    await page.goto(baseURL);
    await page.getByTestId('sample-data-button').click();
    await page.locator('[data-testid="row-count"][data-stage="cleaned"]').waitFor({ timeout: 120_000 });
    await page.getByTestId('train-button').click();
    await page.locator('[data-testid="training-status"][data-state="done"]').waitFor({ timeout: 300_000 });
    await page.getByTestId('step-nav').locator('[data-step="score"]').click();
    const input = page.getByTestId('batch-input');
    await input.waitFor({ timeout: 30_000 });

    await watchLongTasks(page);
    const started = Date.now();
    await input.setInputFiles(csvPath);
    await page.getByTestId('batch-results').waitFor({ timeout: 600_000 });
    const scoredMs = Date.now() - started;
    const exportStarted = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-scores').click()]);
    const downloaded = await download.path();
    const exportMs = Date.now() - exportStarted;
    const longTasks = await page.evaluate(() => window.__benchLongTasks);

    // What-if: one edit of a numeric field, until score-result shows a new probability (measured in the page).
    await page.getByTestId('score-button').click();
    await page.locator('[data-testid="score-result"][data-probability]').waitFor();
    const whatIf = [];
    for (const value of ['31000', '48000', '72000', '95000', '26000']) {
      whatIf.push(
        await page.evaluate(
          (v) =>
            new Promise((resolve) => {
              const result = document.querySelector('[data-testid="score-result"]');
              const field = document.querySelector('[data-testid="applicant-form"] [name="annual_income"]');
              const before = result.getAttribute('data-probability');
              const t0 = performance.now();
              new MutationObserver((_, observer) => {
                if (result.getAttribute('data-probability') !== before) {
                  observer.disconnect();
                  resolve(performance.now() - t0);
                }
              }).observe(result, { attributes: true });
              const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
              setter.call(field, v);
              field.dispatchEvent(new Event('input', { bubbles: true }));
            }),
          value,
        ),
      );
    }

    // The peer: the model exported from the app, scored by `creditlab score` in Node on the same file.
    await page.getByTestId('step-nav').locator('[data-step="models"]').click();
    await page.locator('[data-testid="quantize-select"][data-measured="true"]').waitFor({ timeout: 120_000 });
    const [modelDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-button').click()]);
    const modelPath = join(repoRoot, 'bench', 'out', 'bench-model.creditlab.json');
    await modelDownload.saveAs(modelPath);
    const peerStarted = Date.now();
    const peer = spawnSync(
      process.execPath,
      [join(repoRoot, 'bin', 'creditlab.mjs'), 'score', '--model', modelPath, '--csv', csvPath, '--out', join(repoRoot, 'bench', 'out', 'peer-scores.csv')],
      {
        cwd: repoRoot,
        encoding: 'utf8',
      },
    );
    const peerMs = Date.now() - peerStarted;
    return {
      rows,
      fileMB: statSync(csvPath).size / 1e6,
      scoredMs,
      exportMs,
      exportMB: statSync(downloaded).size / 1e6,
      longTasks,
      whatIfMs: whatIf,
      peer: peer.status === 0 ? { ms: peerMs } : { error: (peer.stderr || '').split('\n').slice(-3).join(' ') },
    };
  } finally {
    await context.close();
  }
}
