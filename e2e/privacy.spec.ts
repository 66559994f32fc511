import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { BrowserContext, Page, Request } from '@playwright/test';
import { expect, test } from './fixtures.js';

// No egress, visible: every request the page and its workers make through the whole flow (load,
// clean, train, evaluate, score, batch, save, export, import) is recorded by the browser driver
// and must be a GET to the app's own origin, with no beacon and no WebSocket; the Privacy panel
// must then list exactly what the driver saw, each tagged as the app's own file.

/** One request as the driver saw it. */
interface Recorded {
  readonly url: string;
  readonly method: string;
  readonly resourceType: string;
  /** Made by a service worker (its own downloads are in its timeline; the panel shows them apart, as its offline copies). */
  readonly byServiceWorker: boolean;
}

/** One `li` of the panel's request-log. */
interface Listed {
  readonly url: string;
  readonly origin: string | null;
  readonly source: string | null;
}

const isLocal = (url: string) => url.startsWith('data:') || url.startsWith('blob:');

/** Records every request of the context (the page's and its workers', service worker included) from now on. */
function recordRequests(context: BrowserContext): Recorded[] {
  const recorded: Recorded[] = [];
  context.on('request', (request: Request) =>
    recorded.push({ url: request.url(), method: request.method(), resourceType: request.resourceType(), byServiceWorker: request.serviceWorker() !== null }),
  );
  return recorded;
}

/** The first `rows` applicants of the sample book without their outcome (the last column). */
function applicantsFile(dir: string, rows: number): string {
  const lines = readFileSync(resolve(dirname(new URL(import.meta.url).pathname), '../public/sample-loan-book.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(0, rows + 1);
  // Commas inside a quoted cell do not split it; `default` is the last column.
  const cellsOf = (line: string) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'applicants.csv');
  writeFileSync(path, `${lines.map((line) => cellsOf(line).slice(0, -1).join(',')).join('\n')}\n`);
  return path;
}

/** Whether a service worker is registered; if so, waits until it is active (its own downloads are then done). */
async function settleServiceWorker(page: Page): Promise<boolean> {
  const registered = await page.evaluate(async () => 'serviceWorker' in navigator && (await navigator.serviceWorker.getRegistrations()).length > 0);
  if (registered) await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  return registered;
}

/** Opens the Privacy panel as a user would, waits for the workers' answer, and reads request-log. */
async function openPrivacyPanel(page: Page): Promise<Listed[]> {
  await page.getByTestId('privacy-panel').locator('summary').first().click();
  await expect(page.getByTestId('privacy-summary')).toHaveAttribute('data-workers', 'listed');
  return page
    .getByTestId('request-log')
    .locator('li')
    .evaluateAll((els) => els.map((el) => ({ url: el.getAttribute('data-url') ?? '', origin: el.getAttribute('data-origin'), source: el.getAttribute('data-source') })));
}

/**
 * The panel lists one entry per request the driver saw from the page and its dedicated workers, and
 * none it did not see, each tagged as the app's own file, and its summary counts them so.
 */
async function expectPanelLists(page: Page, recorded: readonly Recorded[], listed: readonly Listed[]): Promise<string[]> {
  expect(
    listed.filter((l) => l.origin !== 'app').map((l) => `${l.origin} ${l.url}`),
    'entries the panel does not tag as the app’s own files',
  ).toEqual([]);
  const summary = page.getByTestId('privacy-summary');
  await expect(summary).toHaveAttribute('data-external', '0');
  await expect(summary).toHaveAttribute('data-beacons', '0');
  await expect(summary).toHaveAttribute('data-total', String(listed.length));
  const expected = recorded.filter((r) => !r.byServiceWorker && !isLocal(r.url)).map((r) => r.url);
  expect(listed.map((l) => l.url).sort(), 'the panel lists each request the driver saw from the page and its workers, once').toEqual([...expected].sort());
  return expected;
}

test('every request of the whole flow is a GET to the app, no beacon or WebSocket opens, and the Privacy panel lists them all as the app’s files', async ({
  app,
  page,
  context,
  baseURL,
}, testInfo) => {
  test.setTimeout(240_000);
  const origin = new URL(baseURL ?? 'http://localhost:4173').origin;
  // Context-level: the page's requests and its workers'.
  const recorded = recordRequests(context);
  const websockets: string[] = [];
  page.on('websocket', (socket) => websockets.push(socket.url()));
  // The driver's own view of sockets, below its request events: the DevTools protocol.
  const cdp = await context.newCDPSession(page);
  const protocolSockets: string[] = [];
  cdp.on('Network.webSocketCreated', (event) => protocolSockets.push(event.url));
  await cdp.send('Network.enable');

  await app.goto();
  await app.loadSample();
  await app.waitForCleaned();
  // A network trains a cross-fitted ensemble on the sample: the member worker starts and loads its own tfjs and wasm.
  await app.setEpochs(3);
  await app.train();
  await app.openStep('evaluate');
  expect(await app.metric('auc')).toBeGreaterThan(0.6);
  await app.openStep('score');
  expect(await app.scoreApplicant()).toBeGreaterThanOrEqual(0);
  await page.getByTestId('batch-input').setInputFiles(applicantsFile(testInfo.outputDir, 50));
  await expect(page.getByTestId('batch-row-count')).toHaveAttribute('data-rows', '50', { timeout: 60_000 });
  await app.openStep('models');
  await app.saveModel('Privacy check');
  const exported = await app.exportModel(testInfo.outputDir);
  await app.importModelFile(exported.path);
  // The imported model is in use and in no saved copy (the saved one was in use until now).
  await expect(page.getByTestId('in-use-saved-state')).toHaveAttribute('data-saved', 'false');

  const workers = page.workers().map((worker) => worker.url());
  expect(
    workers.some((url) => /member\.worker/.test(url)),
    `the member worker ran, so its requests are part of the check (workers: ${workers.join(', ')})`,
  ).toBe(true);
  const hasServiceWorker = await settleServiceWorker(page);

  // Nothing left the app, nothing was sent.
  expect(recorded.length, 'the driver saw the app load').toBeGreaterThan(0);
  expect(
    recorded.filter((r) => !isLocal(r.url) && new URL(r.url).origin !== origin).map((r) => r.url),
    'requests that left the app’s origin',
  ).toEqual([]);
  expect(
    recorded.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`),
    'requests that were not GETs',
  ).toEqual([]);
  expect(
    recorded.filter((r) => ['ping', 'beacon', 'websocket', 'eventsource'].includes(r.resourceType)).map((r) => `${r.resourceType} ${r.url}`),
    'beacons, event streams and sockets',
  ).toEqual([]);
  expect(websockets, 'WebSockets the page opened').toEqual([]);
  expect(protocolSockets, 'WebSockets seen by the DevTools protocol').toEqual([]);

  // The panel lists what the page and its workers fetched: all three contexts reported.
  const listed = await openPrivacyPanel(page);
  expect(new Set(listed.map((l) => l.source)), 'the page, the data worker and the member worker each reported').toEqual(new Set(['page', 'data-worker', 'member-worker']));
  const expected = await expectPanelLists(page, recorded, listed);
  const fetchedByServiceWorker = [...new Set(recorded.filter((r) => r.byServiceWorker && r.resourceType === 'fetch').map((r) => r.url))].sort();
  console.log(
    `whole flow: the driver saw ${recorded.length} requests: ${expected.length} by the page and its workers (${new Set(expected).size} distinct URLs), ${recorded.length - expected.length} by the service worker (${fetchedByServiceWorker.length} files it keeps offline); the panel lists ${listed.length}`,
  );
  await testInfo.attach('requests', { body: JSON.stringify({ recorded, listed }, null, 2), contentType: 'application/json' });

  // The service worker's own downloads are shown apart, as the offline copies it keeps: exactly the
  // files the driver saw it fetch (its script and the Workbox runtime it imports are kept elsewhere).
  const copies = page.getByTestId('offline-copies');
  if (hasServiceWorker) {
    expect(fetchedByServiceWorker.length, 'the service worker downloaded its offline copies during the test').toBeGreaterThan(0);
    await expect(copies).toHaveAttribute('data-external', '0');
    const copied = await copies.locator('li').evaluateAll((els) => els.map((el) => ({ url: el.getAttribute('data-url') ?? '', origin: el.getAttribute('data-origin') })));
    expect(
      copied.filter((c) => c.origin !== 'app'),
      'offline copies not tagged as the app’s files',
    ).toEqual([]);
    expect(copied.map((c) => c.url).sort(), 'the offline copies are the files the service worker fetched').toEqual(fetchedByServiceWorker);
  } else {
    await expect(copies, 'no service worker, no offline copies').toHaveCount(0);
  }
  await cdp.detach();
});

test('under a nested sub-path the panel counts only that path’s files as the app’s, and lists every request of the page and its workers', async ({ page, context }) => {
  const base = 'http://localhost:4175/apps/credit/lab/';
  const recorded = recordRequests(context);
  await page.goto(base);
  await page.getByTestId('sample-data-button').click();
  await expect(page.getByTestId('row-count')).toHaveAttribute('data-stage', 'cleaned', { timeout: 60_000 });
  await settleServiceWorker(page);

  expect(
    recorded.filter((r) => !isLocal(r.url) && !r.url.startsWith(base)).map((r) => r.url),
    'requests outside the sub-path',
  ).toEqual([]);
  const listed = await openPrivacyPanel(page);
  expect(listed.length, 'the page and the data worker loaded files').toBeGreaterThan(0);
  expect(
    listed.some((l) => l.url === `${base}sample-loan-book.csv` && l.source === 'data-worker'),
    'the data worker’s read of the sample is listed',
  ).toBe(true);
  await expectPanelLists(page, recorded, listed);
});
