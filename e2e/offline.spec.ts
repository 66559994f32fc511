import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { BrowserContext, ConsoleMessage, Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures.js';

// The installable, offline app: after one visit the service worker has precached every file of the
// build, and with the network off a reload still serves the app, which loads the sample book,
// trains, scores, saves a model and loads it back after another reload. At the root and under a
// nested sub-path of a plain static server (scripts/static-server.mjs) that sends the
// Content-Security-Policy as a header, so the policy governs the workers' own scripts too; no
// violation may happen in the page, its workers or the service worker. And a new deployment is
// announced by the update prompt, and Reload switches to it.

/** The two places the build is served (playwright.config.ts). */
const ROOTS = [
  { where: 'at the root of the host', url: 'http://localhost:4173/' },
  { where: 'under a nested sub-path', url: 'http://localhost:4175/apps/credit/lab/' },
] as const;

/** The policy index.html and the server state (the server adds what only a header can say). */
const PAGE_POLICY = ["default-src 'self'", "connect-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"];
const HEADER_ONLY = ["worker-src 'self'"];

/** The prefixes under which each realm (page, worker, service worker) says a CSP violation on its console: the app's, and the test's own eval probes. */
const MARKS = { violation: '[csp-violation]', probe: '[csp-probe]' } as const;

/** Every file of the build that the service worker must precache: all of dist/ but the worker's own two scripts. */
function builtFiles(): string[] {
  const dist = resolve('dist');
  const files = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split('\\').join('/'));
  return files.filter((file) => file !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(file)).sort();
}

/** What a realm keeps for the probes: whether a refused eval now is the test's own. */
interface ProbeScope {
  __creditlabCspWatch?: boolean;
  __creditlabProbing?: boolean;
}

/**
 * Listens for `securitypolicyviolation` in the realm it runs in (a document or a worker's global
 * scope) and says each on the console, where the test hears it even after a reload or a worker's
 * end. A refused eval while a probe is pending is the probe's (the app itself never evals); a
 * page reports it once per policy it breaks (the meta's and the header's).
 */
function reportViolations(marks: typeof MARKS): void {
  const scope = globalThis as unknown as ProbeScope;
  if (scope.__creditlabCspWatch) return;
  scope.__creditlabCspWatch = true;
  const where = globalThis.location.href;
  globalThis.addEventListener('securitypolicyviolation', (e) => {
    const event = e as SecurityPolicyViolationEvent;
    const probe = event.blockedURI === 'eval' && scope.__creditlabProbing === true;
    console.error(`${probe ? marks.probe : marks.violation} ${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} in ${event.sourceFile || where} (${where})`);
  });
}

/** What the realms said about the policy: the app's violations, and the realms whose probe was refused and heard. */
interface Heard {
  readonly violations: string[];
  readonly probed: Set<string>;
}

/** Listens to the page, its workers and the service workers for what reportViolations says. */
async function watchViolations(context: BrowserContext, page: Page): Promise<Heard> {
  const heard: Heard = { violations: [], probed: new Set() };
  const listen = (message: ConsoleMessage) => {
    const text = message.text();
    if (text.startsWith(MARKS.violation)) heard.violations.push(text);
    const probe = text.startsWith(MARKS.probe) ? /\((\S+)\)$/.exec(text) : null;
    if (probe) heard.probed.add(probe[1]);
  };
  const watchWorker = (worker: Worker) => {
    worker.on('console', listen);
    // A worker that has already closed has nothing more to say.
    worker.evaluate(reportViolations, MARKS).catch(() => undefined);
  };
  page.on('console', listen);
  page.on('worker', watchWorker);
  context.on('serviceworker', watchWorker);
  await context.addInitScript(reportViolations, MARKS);
  return heard;
}

/** Whether the realm's policy forbids eval: tried in a later task, outside the driver's own evaluation. */
const evalIsBlocked = (): Promise<string> =>
  new Promise<string>((done) =>
    setTimeout(() => {
      (globalThis as unknown as ProbeScope).__creditlabProbing = true;
      try {
        // oxlint-disable-next-line no-eval -- the probe: the policy must refuse it.
        (0, eval)('1');
        done('allowed');
      } catch (error) {
        done((error as Error).name);
      }
    }, 0),
  );

/** Waits until a service worker controls the page (it installs once the page is idle); returns its scope. */
function serviceWorkerControls(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
    return registration.scope;
  });
}

/** A page or a worker, where the test can run code. */
type Realm = Pick<Worker, 'evaluate'>;

/**
 * Tries eval in `realm` (at `url`), waits until its refusal is heard as a probe, then ends the
 * probe, so that a later refused eval there counts as the app's violation. Returns eval's outcome.
 */
async function probeEval(realm: Realm, url: string, heard: Heard): Promise<string> {
  const outcome = await realm.evaluate(evalIsBlocked);
  if (outcome === 'EvalError') await expect.poll(() => heard.probed.has(url), `the refused eval in ${url} was heard`).toBe(true);
  await realm.evaluate(() => {
    (globalThis as unknown as ProbeScope).__creditlabProbing = false;
  });
  return outcome;
}

for (const root of ROOTS) {
  test.describe(root.where, () => {
    // The request log's notion of "the app's origin" follows the base URL.
    test.use({ baseURL: root.url });
    test(`after one visit, the whole flow works offline from a reload, with no failed request and no CSP violation`, async ({ app, page, context, network }) => {
      const failed: string[] = [];
      context.on('requestfailed', (request) => failed.push(`${request.url()}: ${request.failure()?.errorText}`));
      const heard = await watchViolations(context, page);

      const first = await page.goto(root.url);
      const policy = first?.headers()['content-security-policy'] ?? '';
      for (const directive of [...PAGE_POLICY, ...HEADER_ONLY]) expect(policy, 'the server sends the policy as a header').toContain(directive);
      const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      for (const directive of PAGE_POLICY) expect(meta, 'index.html carries the policy').toContain(directive);
      expect(await page.locator('script:not([src])').count(), 'no inline script in the page').toBe(0);

      // The service worker installs once the page is idle, precaching everything, then takes control.
      const scope = await serviceWorkerControls(page);
      expect(scope, 'the service worker controls exactly the app’s path').toBe(root.url);
      const cached = await page.evaluate(async () => {
        const urls: string[] = [];
        for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
        return urls;
      });
      const rootPath = new URL(root.url).pathname;
      const precached = cached.map((url) => (url.startsWith(root.url) ? new URL(url).pathname.slice(rootPath.length) : url));
      expect([...new Set(precached)].sort(), 'every file of the build is precached, under the app’s path').toEqual(builtFiles());

      await context.setOffline(true);
      const reloaded = await page.reload();
      expect(reloaded?.fromServiceWorker(), 'the offline reload is served by the service worker').toBe(true);
      // It has just served the page, so it is running: the policy (its script's header, cached) governs it.
      const [serviceWorker] = context.serviceWorkers();
      expect(serviceWorker, 'the service worker is running').toBeDefined();
      expect(await probeEval(serviceWorker, serviceWorker.url(), heard), 'eval in the service worker').toBe('EvalError');

      await app.loadSample();
      await app.waitForCleaned();
      await app.train();
      await expect(app.trainingStatus).toHaveAttribute('data-state', 'done');
      expect(await app.metric('auc'), 'a model that learned something').toBeGreaterThan(0.6);
      const before = await app.scoreApplicant();

      await app.openStep('models');
      await app.saveModel('Trained offline');
      await page.reload();
      await expect.poll(() => app.savedModels(), { message: 'the saved model is listed after an offline reload' }).toEqual([expect.objectContaining({ name: 'Trained offline' })]);
      await app.loadSavedModel('Trained offline');
      const after = await app.scoreApplicant();
      expect(Math.abs(after - before), `the loaded model scores as it did: ${after} vs ${before}`).toBeLessThanOrEqual(1e-6);

      expect(failed, 'requests that failed').toEqual([]);
      expect(network.external(), 'requests that left the app’s origin').toEqual([]);
      const elsewhere = network.urls.filter((url) => !(url.startsWith(root.url) || url.startsWith('data:') || url.startsWith('blob:')));
      expect(elsewhere, `requests outside ${root.url}`).toEqual([]);
      expect(heard.violations, 'CSP violations in the page, its workers and the service worker').toEqual([]);

      // The policy governs each realm: the page through its meta and header, the workers through the
      // header (cached with their scripts). eval is the probe it forbids; each refusal must be heard,
      // or the silence above would prove nothing.
      expect(await probeEval(page, page.url(), heard), 'eval in the page').toBe('EvalError');
      const workers = page.workers();
      expect(workers.length, 'the app’s worker is running').toBeGreaterThan(0);
      for (const worker of workers) expect(await probeEval(worker, worker.url(), heard), `eval in ${worker.url()}`).toBe('EvalError');
      expect(heard.violations, 'no violation besides the probes').toEqual([]);
    });
  });
}

/**
 * Deploys a new version into `dir` as a build would: index.html changes (a marker the test looks
 * for), and so does sw.js, whose precache list carries index.html's new revision (Workbox's md5).
 */
function deployNewVersion(dir: string): void {
  const indexPath = join(dir, 'index.html');
  const html = readFileSync(indexPath, 'utf8').replace('</head>', '<meta name="creditlab-deployment" content="2"></head>');
  writeFileSync(indexPath, html);
  const revision = createHash('md5').update(html).digest('hex');
  const swPath = join(dir, 'sw.js');
  const entry = /\{url:"index\.html",revision:"[0-9a-f]+"\}/g;
  const sw = readFileSync(swPath, 'utf8');
  expect(sw.match(entry)?.length, 'sw.js lists index.html once, with its revision').toBe(1);
  writeFileSync(swPath, sw.replace(entry, `{url:"index.html",revision:"${revision}"}`));
}

/** Serves `dir` under /lab/ with scripts/static-server.mjs on a free port; resolves to the app's URL. */
function serve(dir: string): { url: Promise<string>; stop: () => void } {
  const server = spawn(process.execPath, ['scripts/static-server.mjs', '--port', '0', '--dir', dir, '--base', '/lab/'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = new Promise<string>((done, fail) => {
    server.stdout.on('data', (chunk) => {
      const listening = /on (http:\/\/localhost:\d+)/.exec(String(chunk));
      if (listening) done(`${listening[1]}/lab/`);
    });
    server.on('exit', (code) => fail(new Error(`static-server exited with ${code}`)));
  });
  return { url, stop: () => server.kill() };
}

test('a new deployment is announced by the update prompt, and Reload switches to it', async ({ page }) => {
  // A copy of the build on its own server, so the test can deploy over it.
  const dir = mkdtempSync(join(tmpdir(), 'creditlab-deploy-'));
  cpSync('dist', dir, { recursive: true });
  const server = serve(dir);
  try {
    const url = await server.url;
    await page.goto(url);
    expect(await serviceWorkerControls(page)).toBe(url);
    await expect(page.getByTestId('update-prompt'), 'nothing to announce on the first visit').toHaveCount(0);

    deployNewVersion(dir);
    // What the browser does on the next visit or by itself later: look for a new sw.js.
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    const prompt = page.getByTestId('update-prompt');
    await expect(prompt).toBeVisible();
    await expect(prompt).toHaveAttribute('data-state', 'update-waiting');
    await expect(page.locator('meta[name="creditlab-deployment"]'), 'the old version until the user says so').toHaveCount(0);

    await page.getByTestId('update-reload-button').click();
    await expect(page.locator('meta[name="creditlab-deployment"]'), 'Reload switched to the new version').toHaveCount(1);
    await expect(prompt, 'and the notice is gone').toHaveCount(0);
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
