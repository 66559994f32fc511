// Shared set-up for the benchmarks: a Chromium, an up-to-date build, a preview server and a browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

import { CHROMIUM_ARGS } from '../scripts/chromium-args.mjs';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export { CHROMIUM_ARGS };

/** Runs scripts/ensure-chromium.mjs (finds or installs one) and returns the path it recorded. */
export function ensureChromium() {
  const run = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'ensure-chromium.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  if (run.status !== 0) throw new Error('scripts/ensure-chromium.mjs found no Chromium (see above).');
  return readFileSync(join(repoRoot, 'node_modules', '.cache', 'creditlab-chromium-path'), 'utf8').trim();
}

function newestMtimeMs(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtimeMs(join(path, entry)));
  return newest;
}

/**
 * Builds the app with `vite build` when dist/ is missing, when any input (src/, public/, index.html,
 * vite.config.ts, package-lock.json) is newer than dist/index.html, or when `force` is set.
 * Returns a sentence saying what was done and why.
 */
export function ensureBuild({ force = false } = {}) {
  const builtAt = newestMtimeMs(join(repoRoot, 'dist', 'index.html'));
  const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];
  const sourceAt = Math.max(...inputs.map((p) => newestMtimeMs(join(repoRoot, p))));
  const reason = force ? 'forced (--build)' : builtAt === 0 ? 'dist/ is missing' : sourceAt > builtAt ? 'sources are newer than dist/' : null;
  if (!reason) return `dist/ is up to date (built ${new Date(builtAt).toISOString()}, newest source ${new Date(sourceAt).toISOString()}); not rebuilt`;
  console.log(`bench: building the app (${reason})…`);
  const run = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (run.status !== 0) throw new Error('vite build failed (see above).');
  return `built with vite build (${reason})`;
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

// Ports that fetch() and Chromium refuse to connect to (the Fetch standard's "bad ports" from 4000 up).
const BAD_PORTS = new Set([4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080]);

/** The first free TCP port at or after `from` that browsers may connect to. */
export async function freePort(from = 4180) {
  for (let port = from; port < from + 50; port++) if (!BAD_PORTS.has(port) && (await portIsFree(port))) return port;
  throw new Error(`no free port in ${from}–${from + 49}`);
}

/** Starts `vite preview` on `port` as a child process; resolves once it answers. Call close() to stop it. */
export async function startPreview(port) {
  const child = spawn(process.execPath, [join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'preview', '--port', String(port), '--strictPort'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = `http://localhost:${port}/`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(url);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`vite preview did not answer on ${url} within 60 s:\n${output}`);
    }
    await sleep(200);
  }
  return {
    url,
    close: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await Promise.race([new Promise((r) => child.once('exit', r)), sleep(5_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** Launches headless Chromium at `executablePath` with the e2e suite's flags. */
export function launchChromium(executablePath) {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}
