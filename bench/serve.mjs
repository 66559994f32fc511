// The load benchmark of `creditlab serve` (part "serve" of `npm run bench`, or alone: node bench/serve.mjs
// [--seconds S]): boosted and scorecard models trained by `creditlab train` on the first 5,000 rows of
// ../shared/data/credit_risk_dataset.csv, served on loopback with a key and no rate limit, and driven
// by autocannon for S seconds per case (default 8, at most 10, after 2 s of uncounted warm-up per server): one applicant per request, and 100; with reasons and with --no-reasons.
// Prints requests/s, predictions/s and p50/p99 latency; never fails on a time. The server and
// autocannon share the machine's cores, so the figures are a floor for a server on its own cores.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { repoRoot } from './setup.mjs';

const CLI = join(repoRoot, 'bin', 'creditlab.mjs');
const DATA = join(repoRoot, '..', 'shared', 'data', 'credit_risk_dataset.csv');
const TRAIN_ROWS = 5000;
const CONNECTIONS = 8;

/** Runs the creditlab command; its stdout, or throws with its stderr. */
function creditlab(args) {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: repoRoot, timeout: 600_000 });
  if (run.status !== 0) throw new Error(`creditlab ${args[0]} failed: ${(run.stderr || '').trim().split('\n').slice(-3).join(' ')}`);
  return run.stdout;
}

/** The model files, keys file and key (trained once, then kept in bench/out/serve). */
function fixture(lines) {
  const dir = join(repoRoot, 'bench', 'out', 'serve');
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, 'train.csv');
  writeFileSync(csv, `${lines.slice(0, TRAIN_ROWS + 1).join('\n')}\n`);
  const models = {};
  for (const model of ['boosted', 'scorecard']) {
    const out = join(dir, `${model}.creditlab.json`);
    if (!existsSync(out)) creditlab(['train', '--csv', csv, '--target', 'loan_status', '--model', model, '--folds', '2', '--backend', 'cpu', '--out', out]);
    models[model] = out;
  }
  // A fresh keys file each run: the key is known only to this run.
  const keys = join(dir, 'keys.json');
  rmSync(keys, { force: true });
  const key = creditlab(['keys', 'add', 'bench', '--keys', keys]).trim().split('\n').pop();
  return { models, keys, key };
}

/** Starts `creditlab serve` on a free loopback port; resolves with its address and a stop function. */
function startServer(model, keys, extra) {
  const child = spawn(process.execPath, [CLI, 'serve', '--model', model, '--keys', keys, '--port', '0', '--rate-limit', '0', ...extra], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      const match = stdout.match(/on (http:\/\/127\.0\.0\.1:\d+)/);
      if (match) resolve({ url: match[1], stop: () => new Promise((done) => (child.once('exit', done), child.kill('SIGTERM'))) });
    });
    child.once('exit', (code) => reject(new Error(`creditlab serve exited (${code}) before listening: ${stdout}`)));
  });
}

/** 100 applicants from rows the models never saw, typed as the served model's schema types them (blank → null). */
function applicantsOf(lines, schema) {
  const header = lines[0].split(',');
  return lines.slice(TRAIN_ROWS + 1, TRAIN_ROWS + 101).map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(
      schema.columns.map((c) => {
        const cell = cells[header.indexOf(c.name)] ?? '';
        return [c.name, cell === '' ? null : c.kind === 'numeric' ? Number(cell) : cell];
      }),
    );
  });
}

/** autocannon for `seconds` against POST /v1/predict, cycling through `bodies` (null: GET /healthz, the peer: the same server and client with no key check, body or scoring). */
function load(url, key, bodies, seconds) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${url}${bodies ? '/v1/predict' : '/healthz'}`,
        connections: CONNECTIONS,
        duration: seconds,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        ...(bodies ? { requests: bodies.map((body) => ({ method: 'POST', body: JSON.stringify(body) })) } : {}),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/** Runs every case; returns the rows of the table (also printed). */
export async function benchServe({ seconds = 8 } = {}) {
  const secondsPerCase = Math.min(10, Math.max(1, seconds));
  if (!existsSync(DATA)) return { skipped: `not measured: ${DATA} is absent` };
  const lines = readFileSync(DATA, 'utf8').trim().split(/\r?\n/);
  const { models, keys, key } = fixture(lines);
  const rows = [];
  const setups = [
    ['boosted', 'with reasons', []],
    ['boosted', 'no reasons', ['--no-reasons']],
    ['scorecard', 'with reasons', []],
    ['scorecard', 'no reasons', ['--no-reasons']],
  ];
  for (const [kind, reasons, extra] of setups) {
    const server = await startServer(models[kind], keys, extra);
    try {
      const info = await (await fetch(`${server.url}/v1/model`, { headers: { authorization: `Bearer ${key}` } })).json();
      const applicants = applicantsOf(lines, info.schema);
      const check = await (
        await fetch(`${server.url}/v1/predict`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify({ applicants }),
        })
      ).json();
      if (check.results?.length !== 100) throw new Error(`the 100-applicant request did not score: ${JSON.stringify(check).slice(0, 300)}`);
      // Two seconds of load first, not counted: the server's first requests compile the scoring code (JIT).
      await load(server.url, key, applicants, 2);
      const cases = [
        ['1 applicant', applicants, 1],
        ['100 applicants', [{ applicants }], 100],
      ];
      if (rows.length === 0) cases.unshift(['peer: GET /healthz', null, 0]);
      for (const [label, bodies, perRequest] of cases) {
        const r = await load(server.url, key, bodies, secondsPerCase);
        rows.push({
          model: kind,
          reasons,
          request: label,
          requestsPerSecond: r.requests.average,
          predictionsPerSecond: r.requests.average * perRequest,
          p50Ms: r.latency.p50,
          p99Ms: r.latency.p99,
          non2xx: r.non2xx,
          errors: r.errors,
        });
      }
    } finally {
      await server.stop();
    }
  }
  return { rows, secondsPerCase, connections: CONNECTIONS };
}

/** Prints benchServe's figures as a Markdown table. */
export function printServe(result, log = console.log) {
  if (result.skipped) return log(result.skipped);
  const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  log(
    `autocannon, ${result.connections} connections, ${result.secondsPerCase} s per case, loopback; ${cpus().length} cores shared by server and client; load average before: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  log('| model | reasons | request | requests/s | predictions/s | p50 ms | p99 ms | non-2xx | errors |');
  log('|---|---|---|--:|--:|--:|--:|--:|--:|');
  for (const r of result.rows)
    log(
      `| ${r.model} | ${r.reasons} | ${r.request} | ${fmt(r.requestsPerSecond)} | ${r.predictionsPerSecond ? fmt(r.predictionsPerSecond) : '—'} | ${fmt(r.p50Ms, 1)} | ${fmt(r.p99Ms, 1)} | ${r.non2xx} | ${r.errors} |`,
    );
  const peer = result.rows.find((r) => r.predictionsPerSecond === 0);
  if (peer)
    for (const r of result.rows.filter((x) => x.request === '1 applicant'))
      log(`${r.model}, ${r.reasons}: single-applicant requests/s are ${fmt((100 * r.requestsPerSecond) / peer.requestsPerSecond)} % of the /healthz peer's`);
  log('goal: ≥ 5,000 single predictions/s with p99 < 10 ms on 2 cores.');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--seconds');
  const result = await benchServe({ seconds: at >= 0 ? Number(process.argv[at + 1]) : 8 });
  printServe(result);
}
