import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The first load, from the first byte until the page is ready and idle, with no main-thread task
// over 50 ms: with the service worker cold (a first visit) and warm (a reload it serves). Measured
// as CPU time in a Chromium trace of the page's renderer (wall time on a 2-core machine stretches a
// task by whatever else runs, here the data worker compiling its wasm backend); wall time printed.

type TraceEvent = {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string }; beginData?: { url?: string } };
};

/** The page's main-thread tasks during `load()`, from the trace of the renderer that parsed the app's HTML. */
async function tracedLoad(browser: Browser, page: Page, origin: string, load: () => Promise<void>): Promise<{ cpuMs: number; wallMs: number }[]> {
  await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline', 'devtools.timeline'] });
  await load();
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const parse = traceEvents.find((e) => e.name === 'ParseHTML' && (e.args?.beginData?.url ?? '').startsWith(origin));
  expect(parse, 'the trace holds the parse of the app’s page').toBeDefined();
  return traceEvents
    .filter((e) => e.pid === parse!.pid && e.tid === parse!.tid && e.ph === 'X' && e.name === 'RunTask')
    .map((e) => ({ cpuMs: (e.tdur ?? e.dur ?? 0) / 1000, wallMs: (e.dur ?? 0) / 1000 }));
}

/** Until the page can be used and has been idle for a moment (the worker warms up meanwhile). */
async function untilReadyAndIdle(page: Page): Promise<void> {
  await page.getByTestId('sample-data-button').waitFor();
  await page.evaluate(() => new Promise<void>((done) => requestIdleCallback(() => setTimeout(done, 1500), { timeout: 5000 })));
}

test('the first load has no main-thread task over 50 ms of CPU, with the service worker cold and warm', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  const origin = new URL(baseURL ?? 'http://localhost:4173').origin;
  const cold = await tracedLoad(browser, page, origin, async () => {
    await page.goto('/');
    await untilReadyAndIdle(page);
  });
  // The service worker installs once the page is idle; the second load is served by it.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
  });
  const warm = await tracedLoad(browser, page, origin, async () => {
    await page.reload();
    await untilReadyAndIdle(page);
  });
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the reload was served by the service worker').toBe(true);
  for (const [name, tasks] of [
    ['cold', cold],
    ['warm', warm],
  ] as const) {
    const longest = tasks.reduce((a, b) => (b.cpuMs > a.cpuMs ? b : a), { cpuMs: 0, wallMs: 0 });
    console.log(`first load (${name} service worker): ${tasks.length} tasks, longest ${longest.cpuMs.toFixed(1)} ms CPU (${longest.wallMs.toFixed(1)} ms wall)`);
    expect(tasks.length, `${name}: the trace saw the page's tasks`).toBeGreaterThan(10);
    expect(
      tasks.filter((t) => t.cpuMs > 50).map((t) => t.cpuMs.toFixed(1)),
      `${name}: tasks over 50 ms of CPU`,
    ).toEqual([]);
  }
});
