import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './scripts/chromium-args.mjs';

/** Written by scripts/ensure-chromium.mjs (run before `playwright test` by `npm run e2e`). */
const chromiumPathCache = join(import.meta.dirname, 'node_modules', '.cache', 'creditlab-chromium-path');

/** The Chromium to drive: CHROMIUM_PATH, else the one ensure-chromium found, else Debian's. */
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync(chromiumPathCache)) return readFileSync(chromiumPathCache, 'utf8').trim();
  return '/usr/bin/chromium';
}

export default defineConfig({
  testDir: 'e2e',
  // Two cores and CPU-heavy training: one test at a time.
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 240_000,
  expect: { timeout: 20_000 },
  use: {
    baseURL: 'http://localhost:4173',
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      // No GPU here: software WebGL via SwiftShader; keep Chromium off the network.
      args: CHROMIUM_ARGS,
    },
  },
  // Serves the production build (`npm test` runs `npm run build` first) with a plain static server
  // that sends the Content-Security-Policy and other headers a host should (docs/hosting.md), so the
  // policy covers the workers too. The second server puts the same build under sub-paths, one of
  // them nested, as a static host might (base './' makes that work, service worker scope included).
  webServer: [
    {
      command: 'node scripts/static-server.mjs --port 4173',
      url: 'http://localhost:4173/',
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: 'node scripts/static-server.mjs --port 4175 --base /creditlab/ --base /apps/credit/lab/',
      url: 'http://localhost:4175/apps/credit/lab/',
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
