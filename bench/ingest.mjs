// Ingest benchmark: parse + profile + clean + normalise of one CSV in the built app, in headless Chromium.
import { rendererPeakRssBytes, startHeapSampler } from './heap.mjs';

const TIMING_ATTRIBUTES = { parseMs: 'data-parse-ms', profileMs: 'data-profile-ms', cleanMs: 'data-clean-ms', prepareMs: 'data-prepare-ms' };
const parseCount = (text) =>
  Number(
    String(text ?? '')
      .trim()
      .replace(/,/g, ''),
  );

/** Records the first row-count / column-count text shown with data-stage="loaded" (it may last only a frame). */
async function recordLoadedCounts(page) {
  await page.evaluate(() => {
    const seen = (globalThis.__benchLoaded = { rows: null, columns: null, atMs: null });
    const check = () => {
      const row = document.querySelector('[data-testid="row-count"][data-stage="loaded"]');
      const col = document.querySelector('[data-testid="column-count"][data-stage="loaded"]');
      if (row && col && seen.rows === null) Object.assign(seen, { rows: row.textContent, columns: col.textContent, atMs: performance.now() });
    };
    new MutationObserver(check).observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/**
 * Loads `csv.path` into the app at `baseURL` and measures it. Returns the app's own stage timings
 * (ingest-timings), the wall time from setInputFiles to data-stage=cleaned measured here, the row
 * counts and the peak JS heap of page + worker; `ok` is false (with `error`) when the app did not
 * get the file to data-stage=cleaned.
 */
export async function benchIngest({ browser, baseURL, csv, timeoutMs = 300_000 }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let crashed = false;
  page.on('crash', () => (crashed = true));
  try {
    // Like a person, choose the file once the page has settled: the worker fetches and compiles its
    // wasm backend while the page is idle, which would otherwise compete with the parse for the cores.
    const backendLoaded = context.waitForEvent('requestfinished', { predicate: (request) => request.url().endsWith('.wasm'), timeout: 15_000 }).catch(() => null);
    await page.goto(baseURL);
    const input = page.getByTestId('dataset-input');
    await input.waitFor({ state: 'attached' });
    await backendLoaded;
    await page.waitForTimeout(500);
    await recordLoadedCounts(page);
    const sampler = await startHeapSampler(page, { intervalMs: 50 });

    const started = performance.now();
    await input.setInputFiles(csv.path);
    const cleaned = page.locator('[data-testid="row-count"][data-stage="cleaned"]');
    const alert = page.getByRole('alert').filter({ hasText: /\S/ });
    const outcome = await Promise.race([
      cleaned.waitFor({ timeout: timeoutMs }).then(() => 'cleaned'),
      alert
        .first()
        .waitFor({ timeout: timeoutMs })
        .then(() => 'alert'),
    ]).catch((error) => `timeout: ${error.message.split('\n')[0]}`);
    const wallMs = performance.now() - started;
    const heap = await sampler.stop();

    if (outcome !== 'cleaned') {
      const alertText = (await alert.allInnerTexts().catch(() => [])).map((t) => t.replace(/\s*×\s*$/, '').trim()).join(' | ');
      return { ok: false, error: crashed ? 'the tab crashed' : outcome === 'alert' ? `the app showed an alert: ${alertText}` : outcome, wallMs, heap };
    }

    const timings = page.getByTestId('ingest-timings');
    await page.waitForFunction(
      (names) => {
        const el = document.querySelector('[data-testid="ingest-timings"]');
        return !!el && names.every((n) => Number.isFinite(Number(el.getAttribute(n) ?? 'x')));
      },
      Object.values(TIMING_ATTRIBUTES),
      { timeout: 30_000 },
    );
    const stages = {};
    for (const [key, attribute] of Object.entries(TIMING_ATTRIBUTES)) stages[key] = Number(await timings.getAttribute(attribute));
    const loaded = await page.evaluate(() => globalThis.__benchLoaded);
    const cleanedRows = parseCount(await page.getByTestId('row-count').innerText());
    const cleanedColumns = parseCount(await page.getByTestId('column-count').innerText());
    const rendererPeakRss = await rendererPeakRssBytes(browser);
    return {
      ok: true,
      wallMs,
      stages,
      loadedRows: loaded.rows === null ? null : parseCount(loaded.rows),
      loadedColumns: loaded.columns === null ? null : parseCount(loaded.columns),
      cleanedRows,
      cleanedColumns,
      heap,
      rendererPeakRssBytes: rendererPeakRss,
    };
  } finally {
    await context.close().catch(() => undefined);
  }
}
