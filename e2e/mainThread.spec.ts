import { en } from '../src/ui/i18n/locales/en.js';
import { expect, test } from './fixtures.js';
import { ensureBigCsv } from './support/bigCsv.mjs';
import { sharedDataPath } from './support/fixtureFiles.js';

// The main-thread budget: no task over 50 ms while a large file is read and while a model trains.
// Held on each main-thread task's CPU time, from a Chrome trace: wall time on this 2-core machine is
// mostly the OS's doing (see startMainThreadTrace). No retries. Playwright's own tracing is off in
// this file because its DOM snapshots are main-thread tasks too.
test.use({ trace: 'off' });

const CREDIT_RISK = sharedDataPath('credit_risk_dataset.csv');
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

/** The English message `template` as a pattern: its words exactly, each {{value}} matched by `values[value]` (any text when not given). */
function messagePattern(template: string, values: Readonly<Record<string, string>> = {}): RegExp {
  // split with a capture group: even parts are the message's words, odd parts its placeholders' names.
  const parts = template.split(/\{\{(\w+)\}\}/);
  return new RegExp(parts.map((part, i) => (i % 2 ? `(?:${values[part] ?? '.*'})` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join(''));
}

test.describe('main-thread budget', () => {
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
    // Started after the app settled: only tasks during the ingest count.
    await app.startMainThreadTrace();

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
    // Keep watching for a second after `cleaned`: the renders that follow it count too.
    await app.page.waitForTimeout(1_000);
    const tasks = await app.stopMainThreadTrace();
    const summary = {
      fileMB: Number((big.sizeBytes / 1e6).toFixed(1)),
      loaded,
      cleaned,
      wallMs,
      ...timings,
      rowsPerSecondWall: Math.round(ROWS / (wallMs / 1000)),
      longestTaskCpuMs: Math.round(Math.max(0, ...tasks.map((t) => t.cpuMs))),
      longestTaskWallMs: Math.round(Math.max(0, ...tasks.map((t) => t.wallMs))),
      tasksOver50msWall: tasks.filter((t) => t.wallMs > LONG_TASK_LIMIT_MS).length,
    };
    console.log(`scale: ${JSON.stringify(summary)}`);
    testInfo.annotations.push({ type: 'ingest', description: JSON.stringify(summary) });

    expect(crashed, 'the tab crashed').toBe(false);
    expect(pageErrors, 'uncaught page errors').toEqual([]);
    const over = tasks.filter((t) => t.cpuMs > LONG_TASK_LIMIT_MS);
    // Times relative to the upload, next to when each stage showed, to tell which step blocked.
    const since = (ms: number) => `+${Math.round(ms - uploadAtMs)} ms`;
    const stages = (await app.countHistory()).map((s) => `${s.rowStage ?? '-'} ${s.rowText ?? '-'}×${s.columnText ?? '-'} at ${since(s.atMs)}`);
    expect(
      over,
      `main-thread tasks over ${LONG_TASK_LIMIT_MS} ms of CPU during the ingest (since upload): ` +
        over.map((t) => `${Math.round(t.cpuMs)} ms CPU (${Math.round(t.wallMs)} ms wall) at ${since(t.startTime)}`).join(', ') +
        `; row-count / column-count states: ${stages.join('; ')}`,
    ).toEqual([]);
  });

  test('training credit_risk_dataset keeps the page responsive: no long task, and a click is answered meanwhile', async ({ app, page }) => {
    await app.goto();
    await app.uploadCsv(CREDIT_RISK);
    await app.chooseTarget('loan_status');
    await app.waitForCleaned();
    await app.setEpochs(15);
    await app.startMainThreadTrace();
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('training-status')).toHaveAttribute('data-state', 'training');
    // Wait for a first epoch, then ask the page (and, through it, the worker) for something.
    await expect(page.getByTestId('val-auc')).not.toHaveText('–', { timeout: 60_000 });
    // The live view: speed, elapsed time, time left, and progress part-way through the run.
    const speed = page.getByTestId('training-speed');
    // The message train.progress.running: speed, elapsed time and time left, each a number.
    await expect(speed).toHaveText(messagePattern(en.train.progress.running, { speed: '\\d[\\d,.]*', elapsed: '.*\\d.*', left: '.*\\d.*' }));
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
    // Keep watching for a second after `done`: the metrics, charts, planner and form render then.
    await page.waitForTimeout(1_000);
    // Positive control: the same trace, still running, sees a deliberate 120 ms main-thread task.
    const control = await app.runMainThreadTask(120);
    const tasks = await app.stopMainThreadTrace();
    const isControl = (t: { startTime: number; cpuMs: number }) => Math.abs(t.startTime - control.startTime) < 20 && t.cpuMs > 50;
    expect(tasks.filter(isControl), 'the trace reports the deliberate 120 ms task').toHaveLength(1);
    const over = tasks.filter((t) => !isControl(t) && t.cpuMs > 50);
    const longest = tasks.filter((t) => !isControl(t)).reduce((a, t) => (t.cpuMs > a.cpuMs ? t : a), { cpuMs: 0, wallMs: 0, startTime: 0 });
    console.log(
      `training main thread: longest task ${Math.round(longest.cpuMs)} ms CPU (${Math.round(longest.wallMs)} ms wall), ${tasks.filter((t) => !isControl(t) && t.wallMs > 50).length} over 50 ms wall`,
    );
    expect(over, `main-thread tasks over 50 ms of CPU during training and the render after it: ${JSON.stringify(over)}`).toEqual([]);
    // The live view showed progress, speed and a validation AUC.
    expect(Number(await page.getByTestId('val-auc').innerText())).toBeGreaterThan(0.85);
    await expect(page.getByTestId('epoch-progress')).toHaveAttribute('value', '1');
  });
});

test('the long-task recorders report a deliberate 120 ms main-thread task (positive control for the "no long task" checks)', async ({ app }) => {
  await app.goto();
  await expect(app.page.getByTestId('sample-data-button')).toBeEnabled();
  await app.startMainThreadTrace();
  // Starting a trace keeps the browser busy for a moment (a 120 ms loop then got 43-80 ms of CPU).
  await app.page.waitForTimeout(1_000);
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
  const traced = (await app.stopMainThreadTrace()).filter((t) => t.startTime >= startTime - 20);
  expect(
    traced.filter((t) => t.cpuMs > 50),
    'startMainThreadTrace reports the 120 ms task, by its CPU time',
  ).toHaveLength(1);
  const [task] = traced.filter((t) => t.cpuMs > 50);
  expect(task.cpuMs, 'most of its 120 ms were CPU').toBeGreaterThanOrEqual(80);
  expect(task.wallMs).toBeGreaterThanOrEqual(115);
  expect(task.wallMs).toBeLessThan(400);
});
