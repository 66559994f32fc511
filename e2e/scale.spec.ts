import { writeFileSync } from 'node:fs';
import { expect, test } from './fixtures.js';
import { ensureBigCsv } from './support/bigCsv.mjs';
import { sharedDataPath } from './support/fixtureFiles.js';

const ROWS = 1_000_000;
const LONG_TASK_LIMIT_MS = 50;
/**
 * Rows kept by the default cleaning of the 1M-row file, derived independently with a python3 csv
 * script on the generated file (the generator is seeded, so the file is the same on every machine):
 * 1,000,000 − 10,084 exact duplicates − 402 ages outside 0–150 (0 unlabeled) = 989,514. Columns:
 * 14 − loan_id (unique numbers named like an id) = 12 features + the target = 13.
 * Re-derive these if scripts/make-big-csv.mjs changes.
 */
const CLEANED = { rows: 989_514, columns: 13 };

// The "no task over 50 ms" assertion below is held exactly, but on a 2-core machine the OS can
// stretch a 20-30 ms task past 50 ms while the worker, the browser and the test runner compete for
// the cores (traced, the longest main-thread task while training is 23 ms; 1 run in about 25 of the
// responsive test failed here and the next 24 passed). One retry keeps CI from failing on that; a
// retried pass is reported as flaky, with the first attempt's long tasks, so it stays visible.
test.describe('main-thread budget', () => {
  test.describe.configure({ retries: 1 });

  test('a 1,000,000-row CSV loads, profiles and cleans without crashing the tab or blocking the main thread > 50 ms', async ({ app }, testInfo) => {
    test.setTimeout(300_000);
    // scripts/make-big-csv.mjs, cached in os.tmpdir() (about 7 s the first time).
    const big = ensureBigCsv(ROWS);
    testInfo.annotations.push({ type: 'file', description: `${big.path} (${(big.sizeBytes / 1e6).toFixed(1)} MB${big.cached ? ', cached' : ''})` });

    let crashed = false;
    app.page.on('crash', () => {
      crashed = true;
    });
    const pageErrors: string[] = [];
    app.page.on('pageerror', (error) => pageErrors.push(error.message));

    await app.goto();
    await expect(app.page.getByTestId('dataset-input')).toBeEnabled();
    await app.startCountRecorder();
    // Unbuffered and started after the app settled: only tasks during the ingest count.
    await app.startLongTaskLog();

    const uploadAtMs = await app.page.evaluate(() => performance.now());
    const started = Date.now();
    await app.uploadCsv(big.path);
    const loaded = await app.countsAtStage('loaded', { timeoutMs: 180_000 });
    const cleaned = await app.waitForCleaned({ timeoutMs: 180_000 });
    const wallMs = Date.now() - started;

    expect(crashed, 'the tab crashed').toBe(false);
    expect(loaded.rows, 'row-count at data-stage=loaded').toBe(ROWS);
    expect(loaded.columns, 'column-count at data-stage=loaded').toBe(14);
    expect(cleaned.rows, 'rows kept after cleaning (the file has ~1% duplicates)').toBeLessThan(loaded.rows);
    expect(cleaned, 'row-count / column-count at data-stage=cleaned').toEqual(CLEANED);

    const timings = await app.ingestTimings();
    // Keep watching for a second after `cleaned`: the renders that follow it count too, and
    // PerformanceObserver delivers entries asynchronously.
    await app.page.waitForTimeout(1_000);
    const longTasks = await app.longTaskLog();
    const summary = {
      fileMB: Number((big.sizeBytes / 1e6).toFixed(1)),
      loaded,
      cleaned,
      wallMs,
      ...timings,
      rowsPerSecondWall: Math.round(ROWS / (wallMs / 1000)),
      longTasks: longTasks.length,
      longestTaskMs: Math.max(0, ...longTasks.map((t) => t.duration)),
    };
    console.log(`scale: ${JSON.stringify(summary)}`);
    testInfo.annotations.push({ type: 'ingest', description: JSON.stringify(summary) });

    expect(crashed, 'the tab crashed').toBe(false);
    expect(pageErrors, 'uncaught page errors').toEqual([]);
    const over = longTasks.filter((t) => t.duration > LONG_TASK_LIMIT_MS);
    // Times relative to the upload, next to when each stage showed, to tell which step blocked.
    const since = (ms: number) => `+${Math.round(ms - uploadAtMs)} ms`;
    const stages = (await app.countHistory()).map((s) => `${s.rowStage ?? '-'} ${s.rowText ?? '-'}×${s.columnText ?? '-'} at ${since(s.atMs)}`);
    expect(
      over,
      `main-thread tasks over ${LONG_TASK_LIMIT_MS} ms during the ingest (since upload): ` +
        over.map((t) => `${Math.round(t.duration)} ms at ${since(t.startTime)}`).join(', ') +
        `; row-count / column-count states: ${stages.join('; ')}`,
    ).toEqual([]);
  });
});

test('a large load shows bytes and rows read, can be cancelled, and the next file loads', async ({ app }) => {
  test.setTimeout(120_000);
  const big = ensureBigCsv(ROWS);
  await app.goto();
  await app.startCountRecorder();
  await app.uploadCsv(big.path);

  // parse-progress: a <progress> and a text with bytes and rows read, with a cancel button inside.
  await expect(app.parseProgress).toBeVisible({ timeout: 10_000 });
  await expect(app.parseProgress.locator('progress')).toHaveCount(1);
  // Click cancel from inside the page at the first progress report, so it surely lands mid-read.
  const atCancel = await app.page.evaluate(
    () =>
      new Promise<{ value: number; max: number; text: string }>((resolve, reject) => {
        const started = performance.now();
        const tick = () => {
          const box = document.querySelector('[data-testid="parse-progress"]');
          const bar = box?.querySelector('progress');
          const button = box?.querySelector<HTMLButtonElement>('[data-testid="cancel-load-button"]');
          if (bar && button && bar.value > 0) {
            const seen = { value: bar.value, max: bar.max, text: box?.textContent ?? '' };
            button.click();
            resolve(seen);
          } else if (!box) reject(new Error('parse-progress went away before it reported any bytes'));
          else if (performance.now() - started > 30_000) reject(new Error('parse-progress reported no bytes within 30 s'));
          else setTimeout(tick, 5);
        };
        tick();
      }),
  );
  expect(atCancel.max, 'progress max = the file size in bytes').toBe(big.sizeBytes);
  expect(atCancel.value, 'bytes read when cancelled').toBeLessThan(big.sizeBytes);
  expect(atCancel.text, 'progress text shows bytes and rows read').toMatch(/\d\s*(B|KB|MB|GB)\b[\s\S]*\d[\d,]*\s+rows/);

  await expect(app.parseProgress, 'progress goes away after cancel').toBeHidden({ timeout: 10_000 });
  const history = await app.countHistory();
  expect(
    history.filter((s) => s.rowStage === 'loaded' && s.rowText === ROWS.toLocaleString('en-US')),
    'the cancelled file never reports as loaded',
  ).toEqual([]);

  await app.startCountRecorder();
  await app.uploadCsv(sharedDataPath('german_credit.csv'));
  expect(await app.countsAtStage('loaded'), 'the next file loads').toEqual({ rows: 1_000, columns: 21 });
});

test('a file longer than one preview page (1,000,050 rows) can be scrolled to its last row through the page select', async ({ app, page }, testInfo) => {
  // Two narrow columns: ~11 MB, quick to read, yet longer than a browser can scroll in one box.
  const rows = 1_000_050;
  const file = testInfo.outputPath('long.csv');
  const lines: string[] = ['id,default'];
  for (let i = 0; i < rows; i++) lines.push(`${i},${i % 3 === 0 ? 1 : 0}`);
  writeFileSync(file, lines.join('\n'));

  await app.goto();
  await app.uploadCsv(file);
  await expect.poll(() => app.counts(), { timeout: 60_000 }).toMatchObject({ rows });
  const pages = page.getByTestId('preview-page-select');
  await expect(pages.locator('option')).toHaveText(['1–1,000,000', '1,000,001–1,000,050']);

  // Page 1 ends at row index 999,999.
  await expect.poll(async () => (await app.scrollPreviewToBottom()) && Math.max(...(await app.renderedPreviewRows())), { timeout: 15_000 }).toBe(999_999);
  // Page 2 starts at row index 1,000,000 and ends at the file's last row, with its cells.
  await pages.selectOption({ index: 1 });
  await expect(app.dataPreview.locator('[data-row-index="1000000"]')).toHaveCount(1);
  await expect.poll(async () => (await app.scrollPreviewToBottom()) && Math.max(...(await app.renderedPreviewRows())), { timeout: 15_000 }).toBe(rows - 1);
  await expect(app.dataPreview.locator(`[data-row-index="${rows - 1}"] [role="cell"]`).first()).toHaveText(String(rows - 1));
  await expect(app.dataPreview.locator(`[data-row-index="${rows - 1}"] [role="rowheader"]`)).toHaveText(rows.toLocaleString('en-US'));
});
