// `npm run bench`: measures CreditLab in headless Chromium and prints tables. Never fails on a time;
// exits non-zero only when the app (or the set-up it needs) fails to load the file.
// Options: --rows N (default 1,000,000), --repeat N (runs per measurement, median shown; default 3),
// --build (rebuild even if dist/ is up to date), --port P, --timeout S (seconds to wait for
// data-stage=cleaned; default 300), --no-pandas (skip the same-run pandas reference, which runs only
// where a python3 with pandas exists, e.g. Debian's python3-pandas).
// --only ingest|training|scoring|serve runs one part; --serve-seconds S (autocannon seconds per serve case, ≤ 10; default 8).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { ensureBigCsv } from '../e2e/support/bigCsv.mjs';
import { benchIngest } from './ingest.mjs';
import { benchScoring } from './scoring.mjs';
import { benchServe, printServe } from './serve.mjs';
import { benchTraining } from './training.mjs';
import { ensureBuild, ensureChromium, freePort, launchChromium, repoRoot, startPreview } from './setup.mjs';

/** TOOLCHAIN.md, "Reference speeds on this machine": pandas read_csv + drop_duplicates + ffill + range filter + min-max scaling. */
const PANDAS_DOC = { rowsPerSecond: 220_000, fileMB: 75, seconds: [4.3, 4.8] };
const HEAP_GOAL_RATIO = 3;

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}
const ROWS = Number(option('rows', '1000000'));
const REPEAT = Math.max(1, Number(option('repeat', '3')));
const FORCE_BUILD = process.argv.includes('--build');
const TIMEOUT_MS = Number(option('timeout', '300')) * 1000;

const fmt = (n, digits = 0) =>
  n === null || n === undefined || Number.isNaN(n) ? 'n/a' : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const MB = (bytes) => bytes / 1e6;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/** "1,234 (1,100–1,500)": the median, and the range when there was more than one run. */
const spread = (values, digits = 0) =>
  values.length > 1 ? `${fmt(median(values), digits)} (${fmt(Math.min(...values), digits)}–${fmt(Math.max(...values), digits)})` : fmt(values[0], digits);
const ratio = (ours, theirs, digits = 2) => (ours && theirs ? `${fmt(ours / theirs, digits)}×` : 'n/a');

/** Prints a Markdown table with right-aligned columns after the first. */
function printTable(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ')} |`;
  console.log(line(headers));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

/**
 * Runs bench/pandas_reference.py on `csvPath` `repeat` times with the first python3 that has pandas;
 * returns the runs' JSON figures, or a reason why it did not run. Runs after the browser, never beside it.
 */
function pandasReference(csvPath, repeat) {
  if (process.argv.includes('--no-pandas')) return { skipped: 'skipped (--no-pandas)' };
  for (const python of ['python3', '/usr/bin/python3']) {
    if (spawnSync(python, ['-c', 'import pandas'], { stdio: 'ignore' }).status !== 0) continue;
    const runs = [];
    for (let i = 0; i < repeat; i++) {
      const run = spawnSync(python, [join(repoRoot, 'bench', 'pandas_reference.py'), csvPath], { encoding: 'utf8', timeout: 300_000 });
      if (run.status !== 0) return { skipped: `pandas run failed: ${(run.stderr || '').trim().split('\n').pop()}` };
      runs.push(JSON.parse(run.stdout.trim().split('\n').pop()));
    }
    return { python, runs };
  }
  return { skipped: 'not measured: no python3 with pandas here (Debian: apt-get install python3-pandas)' };
}

/** Part 1 — ingest: parse + profile + clean + normalise of the synthetic loan book, REPEAT times. */
async function ingestPart({ browser, baseURL }) {
  const csv = ensureBigCsv(ROWS);
  const fileMB = MB(csv.sizeBytes);
  console.log(`\n## Ingest: parse + profile + clean + normalise\n`);
  console.log(`file: ${csv.path} (${fmt(fileMB, 1)} MB, ${fmt(ROWS)} rows, ${csv.cached ? 'cached' : 'generated now'} by scripts/make-big-csv.mjs)`);

  const runs = [];
  for (let i = 0; i < REPEAT; i++) {
    // A fresh browser context (page and worker) per run.
    const result = await benchIngest({ browser, baseURL, csv: { ...csv, rows: ROWS }, timeoutMs: TIMEOUT_MS });
    if (!result.ok) {
      console.log(`\nFAILED (run ${i + 1}): the app did not load the file: ${result.error} (after ${fmt(result.wallMs)} ms)`);
      return { ok: false, result: { runs, failed: result } };
    }
    runs.push({ ...result, stageSumMs: result.stages.parseMs + result.stages.profileMs + result.stages.cleanMs + result.stages.prepareMs });
  }
  const first = runs[0];
  console.log(`rows: ${fmt(first.loadedRows)} × ${fmt(first.loadedColumns)} loaded → ${fmt(first.cleanedRows)} × ${fmt(first.cleanedColumns)} after cleaning`);
  console.log(`${REPEAT} run(s), each in a fresh page; medians shown, (min–max) when more than one run.\n`);

  const col = (pick) => runs.map(pick);
  printTable(
    ['stage (app, ingest-timings)', 'ms'],
    [
      ['parse', spread(col((r) => r.stages.parseMs))],
      ['profile', spread(col((r) => r.stages.profileMs))],
      ['clean', spread(col((r) => r.stages.cleanMs))],
      ['prepare (normalise)', spread(col((r) => r.stages.prepareMs))],
      ['total (sum of the stages)', spread(col((r) => r.stageSumMs))],
      ['wall, setInputFiles → data-stage=cleaned (measured here)', spread(col((r) => r.wallMs))],
    ],
  );

  const stageMs = median(col((r) => r.stageSumMs));
  const wallMs = median(col((r) => r.wallMs));
  const rowsPerSecond = ROWS / (stageMs / 1000);
  const wallRowsPerSecond = ROWS / (wallMs / 1000);
  const mbPerSecond = fileMB / (stageMs / 1000);
  const pandas = pandasReference(csv.path, REPEAT);
  const pandasSeconds = pandas.runs ? median(pandas.runs.map((r) => r.seconds)) : null;
  const pandasRowsPerSecond = pandasSeconds ? pandas.runs[0].rowsIn / pandasSeconds : null;
  const pandasMBps = pandasSeconds ? fileMB / pandasSeconds : null;
  const docMBps = PANDAS_DOC.fileMB / ((PANDAS_DOC.seconds[0] + PANDAS_DOC.seconds[1]) / 2);
  console.log('');
  printTable(
    ['speed (medians)', 'CreditLab', 'pandas, this run, same file', 'ratio', 'pandas, TOOLCHAIN.md', 'ratio'],
    [
      [
        'rows/s (stage total)',
        fmt(rowsPerSecond),
        fmt(pandasRowsPerSecond),
        ratio(rowsPerSecond, pandasRowsPerSecond),
        fmt(PANDAS_DOC.rowsPerSecond),
        ratio(rowsPerSecond, PANDAS_DOC.rowsPerSecond),
      ],
      [
        'rows/s (wall)',
        fmt(wallRowsPerSecond),
        fmt(pandasRowsPerSecond),
        ratio(wallRowsPerSecond, pandasRowsPerSecond),
        fmt(PANDAS_DOC.rowsPerSecond),
        ratio(wallRowsPerSecond, PANDAS_DOC.rowsPerSecond),
      ],
      ['MB/s (stage total)', fmt(mbPerSecond, 1), fmt(pandasMBps, 1), ratio(mbPerSecond, pandasMBps), `${fmt(docMBps, 1)} (75 MB, 4.3–4.8 s)`, ratio(mbPerSecond, docMBps)],
    ],
  );
  console.log(
    pandas.skipped
      ? `pandas, this run: ${pandas.skipped}.`
      : `pandas ${pandas.runs[0].pandas} (${pandas.python}): read_csv + drop_duplicates + ffill + age range filter + min-max scaling, ` +
          `${spread(pandas.runs.map((r) => r.seconds * 1000))} ms, ${fmt(pandas.runs[0].rowsIn)} → ${fmt(pandas.runs[0].rowsOut)} rows, ` +
          `peak RSS ${fmt(MB(Math.max(...pandas.runs.map((r) => r.peakRssBytes))), 1)} MB.`,
  );

  const peakHeapMB = MB(Math.max(...col((r) => r.heap.totalBytes)));
  const peakV8MB = MB(Math.max(...col((r) => r.heap.v8OnlyBytes)));
  console.log('');
  printTable(
    ['memory (peak over the runs)', 'MB', 'goal', 'ratio'],
    [
      ['JS heap incl. ArrayBuffers, page + worker', fmt(peakHeapMB, 1), `< ${fmt(HEAP_GOAL_RATIO * fileMB, 1)} (3 × file)`, `${fmt(peakHeapMB / fileMB, 2)} × file size`],
      ['V8 heap only, page + worker', fmt(peakV8MB, 1), '', `${fmt(peakV8MB / fileMB, 2)} × file size`],
      ['renderer process RSS (VmHWM; Blink, code, everything)', fmt(MB(Math.max(0, ...col((r) => r.rendererPeakRssBytes ?? 0))), 1), '', ''],
    ],
  );
  const heaps = col((r) => r.heap);
  console.log(
    `\nheap detail: peak page ${fmt(MB(Math.max(...heaps.map((h) => h.pageBytes))), 1)} MB, peak worker ` +
      `${fmt(MB(Math.max(...heaps.map((h) => h.workerBytes))), 1)} MB, before upload ${fmt(MB(heaps[0].baselineBytes), 1)} MB; ` +
      `${heaps.reduce((n, h) => n + h.samples, 0)} samples at ~50 ms intervals (${heaps.reduce((n, h) => n + h.failedSamples, 0)} failed), ` +
      `so a spike shorter than that can be missed. Runtime.getHeapUsage per isolate: usedSize (V8 heap) + backingStorageSize ` +
      `(ArrayBuffers, where the typed-array columns live); the first row is the one held to the 3 × goal.`,
  );
  return {
    ok: true,
    result: { fileMB, rows: ROWS, runs, medians: { stageMs, wallMs, rowsPerSecond, wallRowsPerSecond, mbPerSecond }, peakHeapMB, peakV8MB, pandas },
  };
}

/** Part 2 — training: samples/s per backend, and time to a test AUC of 0.91 on credit_risk_dataset. */
async function trainingPart({ browser, baseURL }) {
  console.log('\n## Training\n');
  const creditRiskPath = join(repoRoot, '..', 'shared', 'data', 'credit_risk_dataset.csv');
  const { speeds, toAuc, defaultModel } = await benchTraining({ browser, baseURL, creditRiskPath });
  console.log('Default MLP (Dense 32 relu → 1), 200,000 synthetic rows × 20 features (180,000 training rows after the split), batch 256, 2 epochs per backend:\n');
  printTable(
    ['backend asked', 'backend used', 'samples/s', 'ms', 'vs 100,000 goal', 'vs hand-written loop (~200,000)'],
    speeds.map((s) =>
      s.error
        ? [s.requested, 'failed', s.error, '', '', '']
        : [s.requested, s.backend, fmt(s.samplesPerSecond), fmt(s.elapsedMs), ratio(s.samplesPerSecond, 100_000), ratio(s.samplesPerSecond, 200_000)],
    ),
  );
  if (toAuc.length === 0) console.log('\ncredit_risk_dataset.csv not found next to the repository: time to AUC 0.91 not measured.');
  else {
    console.log('\ncredit_risk_dataset.csv, default settings (seed 42), trained afresh with more epochs until the test AUC reaches 0.91:\n');
    printTable(
      ['epochs asked', 'epochs run', 'training ms', 'test AUC', 'backend'],
      toAuc.map((r) => [r.epochsAsked, r.epochs, fmt(r.elapsedMs), r.testAuc.toFixed(4), r.backend]),
    );
    const reached = toAuc.find((r) => r.testAuc >= 0.91);
    console.log(
      reached
        ? `\ntime to test AUC ≥ 0.91: ${fmt(reached.elapsedMs)} ms of training (${reached.epochs} epochs); scikit-learn MLPClassifier(32) fits in ~25,000 ms (TOOLCHAIN.md): ${ratio(25_000, reached.elapsedMs)} faster.`
        : '\ntest AUC 0.91 not reached within 30 epochs.',
    );
  }
  if (defaultModel) {
    const reached = toAuc.find((r) => r.testAuc >= 0.91);
    console.log(
      `\ncredit_risk_dataset.csv, the default model (boosted trees, 5 forests): ${fmt(defaultModel.elapsedMs)} ms of training, test AUC ${defaultModel.testAuc.toFixed(4)}` +
        (reached ? `; the MLP took ${fmt(reached.elapsedMs)} ms to reach AUC 0.91 in the same run, ${ratio(reached.elapsedMs, defaultModel.elapsedMs)} as long` : '') +
        '; scikit-learn HistGradientBoosting fits this file in about 0.33 s a fold (../shared/data/README.md; bench/sklearn_reference.py measures it).',
    );
  }
  return { ok: true, result: { speeds, toAuc, defaultModel } };
}

/** Part 3 — scoring: 100,000 applicants scored with reasons and exported, a what-if edit, and `npm run score` on the same file as the peer. */
async function scoringPart({ browser, baseURL }) {
  console.log('\n## Scoring\n');
  const r = await benchScoring({ browser, baseURL });
  const over = r.longTasks.filter((ms) => ms > 50);
  const whatIf = median(r.whatIfMs);
  printTable(
    ['measure', 'ms', 'goal', 'vs goal'],
    [
      [`${fmt(r.rows)} applicants scored with reasons (file chosen → results shown; ${fmt(r.fileMB, 1)} MB)`, fmt(r.scoredMs), '—', ''],
      [`…and exported (download-scores → file; ${fmt(r.exportMB, 1)} MB)`, fmt(r.exportMs), '', ''],
      ['batch: scored and exported', fmt(r.scoredMs + r.exportMs), '3,000', ratio(r.scoredMs + r.exportMs, 3000)],
      [`what-if: one edit until the result shows it (median of ${r.whatIfMs.length}: ${r.whatIfMs.map((ms) => fmt(ms, 1)).join(', ')})`, fmt(whatIf, 1), '16', ratio(whatIf, 16)],
    ],
  );
  console.log(
    `\nmain-thread long tasks during the batch (PerformanceObserver, wall time): ${r.longTasks.length}, ${over.length} over 50 ms${r.longTasks.length ? `, longest ${fmt(Math.max(...r.longTasks))} ms` : ''}.`,
  );
  console.log(
    r.peer.ms
      ? `peer: npm run score (Node, the same bundle and file, with reasons) took ${fmt(r.peer.ms)} ms including tsx start-up: the browser batch (scored + exported) is ${ratio(r.scoredMs + r.exportMs, r.peer.ms)} of it.`
      : `peer: npm run score failed: ${r.peer.error}`,
  );
  return { ok: true, result: r };
}

/** Part 4 — serve: `creditlab serve` under autocannon on loopback (no browser; bench/serve.mjs). */
async function servePart() {
  console.log('\n## Serve: creditlab serve under load\n');
  const result = await benchServe({ seconds: Number(option('serve-seconds', '8')) });
  printServe(result);
  return { ok: true, result };
}

/** Part 5 — creditlab score: streamed rows/s per model, with and without reasons, against the old whole-file path (bench/cliScore.ts, no browser). */
async function cliScorePart() {
  const args = ['--rows', String(ROWS)];
  for (const name of ['reason-rows', 'peer-rows', 'models']) if (option(name, null)) args.push(`--${name}`, option(name, null));
  const run = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(repoRoot, 'bench', 'cliScore.ts'), ...args], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  return { ok: run.status === 0, result: { status: run.status } };
}

const PARTS = [
  { name: 'ingest', run: ingestPart },
  { name: 'training', run: trainingPart },
  { name: 'scoring', run: scoringPart },
  { name: 'serve', run: servePart },
  { name: 'cli-score', run: cliScorePart },
];

let exitCode = 0;
let preview;
let browser;
try {
  const executablePath = ensureChromium();
  const build = ensureBuild({ force: FORCE_BUILD });
  preview = await startPreview(await freePort(Number(option('port', '4180'))));
  browser = await launchChromium(executablePath);
  console.log(`\n# CreditLab benchmark — ${new Date().toISOString()}`);
  console.log(`Chromium ${browser.version()} headless at ${executablePath}; ${cpus().length} cores; Node ${process.version}`);
  console.log(`app: ${preview.url} (vite preview); build: ${build}`);
  console.log('Benchmarks print; they never fail on a time.');

  const results = {};
  const only = option('only', null);
  for (const part of PARTS.filter((p) => !only || p.name === only)) {
    const { ok, result } = await part.run({ browser, baseURL: preview.url });
    results[part.name] = result;
    if (!ok) exitCode = 1;
  }
  const outDir = join(repoRoot, 'bench', 'out');
  mkdirSync(outDir, { recursive: true });
  const outFile = join(outDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(outFile, `${JSON.stringify({ at: new Date().toISOString(), chromium: browser.version(), results }, null, 2)}\n`);
  console.log(`\nresults saved to ${outFile}`);
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
} finally {
  await browser?.close().catch(() => undefined);
  await preview?.close();
}
process.exit(exitCode);
