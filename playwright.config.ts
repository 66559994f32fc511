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
  // Serves the production build; `npm test` runs `npm run build` first. The second server puts the
  // same build under a sub-path, as a static host might (base './' makes that work).
  webServer: [
    {
      command: 'npx vite preview --port 4173 --strictPort',
      url: 'http://localhost:4173',
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: 'npx vite preview --port 4175 --strictPort --base /creditlab/',
      url: 'http://localhost:4175/creditlab/',
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
