// Finds (or, as root on Debian/Ubuntu, installs) a Chromium for the e2e tests and records its path for playwright.config.ts.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cacheFile = join(root, 'node_modules', '.cache', 'creditlab-chromium-path');
const systemPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const HOW_TO_FIX =
  'Install Chromium (Debian/Ubuntu: `sudo apt-get install -y chromium`; where downloads work: ' + '`npx playwright install chromium`) or set CHROMIUM_PATH=/path/to/chromium.';

const isExecutable = (p) => {
  try {
    accessSync(p, constants.X_OK);
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

function fail(message) {
  console.error(`ensure-chromium: ${message}\n${HOW_TO_FIX}`);
  process.exit(1);
}

function use(path, source) {
  mkdirSync(dirname(cacheFile), { recursive: true });
  writeFileSync(cacheFile, `${path}\n`);
  const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  console.log(`ensure-chromium: using ${path} (${source})${version ? ` — ${version}` : ''}`);
  process.exit(0);
}

async function playwrightChromium() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return isExecutable(path) ? path : undefined;
  } catch {
    return undefined; // @playwright/test not installed, or no browser registry for this platform
  }
}

const systemChromium = () => systemPaths.find(isExecutable);

/** Runs apt-get, retrying while another apt/dpkg holds the lock. Returns true on success. */
async function aptGet(args, attempts = 8, waitMs = 15_000) {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const run = spawnSync('apt-get', args, {
      stdio: ['ignore', 'inherit', 'pipe'],
      encoding: 'utf8',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    process.stderr.write(run.stderr ?? '');
    if (run.status === 0) return true;
    const locked = /Could not get lock|dpkg frontend lock/i.test(run.stderr ?? '');
    if (!locked || attempt === attempts) return false;
    console.log(`ensure-chromium: apt/dpkg lock is held by another process; retrying in ${waitMs / 1000} s (${attempt}/${attempts - 1})`);
    await sleep(waitMs);
  }
  return false;
}

// (a) An explicit choice wins; a wrong one is an error, since playwright.config.ts would use it too.
const fromEnv = process.env.CHROMIUM_PATH;
if (fromEnv) {
  if (isExecutable(fromEnv)) use(fromEnv, 'CHROMIUM_PATH');
  fail(`CHROMIUM_PATH is set to "${fromEnv}", which is not an executable file. Fix it or unset it.`);
}

// (b) Playwright's own download, (c) the system package.
const found = (await playwrightChromium()) ?? systemChromium();
if (found) use(found, found.includes('ms-playwright') ? "Playwright's download" : 'system package');

// (d) Install Debian's package when we are allowed to; (e) otherwise explain how to fix it.
const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasApt) fail('No Chromium found, and apt-get is not available to install one.');
if (process.getuid?.() !== 0) fail('No Chromium found, and installing one with apt-get needs root.');

console.log('ensure-chromium: no Chromium found; installing Debian/Ubuntu package "chromium" with apt-get');
if (!(await aptGet(['update']))) fail('`apt-get update` failed (see the output above).');
if (!(await aptGet(['install', '-y', 'chromium']))) {
  fail('`apt-get install -y chromium` failed (see the output above).');
}
const installed = systemChromium();
if (installed) use(installed, 'installed with apt-get');
fail(`apt-get installed "chromium", but none of ${systemPaths.join(', ')} is executable.`);
