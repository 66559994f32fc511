import { test as base, expect, type Request } from '@playwright/test';
import { CreditLabPage } from './creditLabPage.js';

/** Every request URL made by the page and its workers during one test. */
export interface NetworkLog {
  /** All request URLs, in the order they were made. */
  readonly urls: readonly string[];
  /** The URLs that left the app's origin (data: and blob: URLs count as local). */
  external(): string[];
}

/** Playwright's `test` with the CreditLab page object (`app`) and a request log (`network`). */
export const test = base.extend<{ app: CreditLabPage; network: NetworkLog }>({
  app: async ({ page }, use, testInfo) => {
    // The page's own errors and warnings (its worker's included), printed when a test fails: a
    // failure in CI is then explained by what the app said, not only by what the driver saw.
    const said: string[] = [];
    const started = Date.now();
    const stamp = () => `+${((Date.now() - started) / 1000).toFixed(1)}s`;
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') said.push(`${stamp()} console.${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => said.push(`${stamp()} page error: ${error.message}`));
    page.on('crash', () => said.push(`${stamp()} the page crashed`));
    page.on('worker', (worker) => worker.on('close', () => said.push(`${stamp()} a worker closed (${worker.url()})`)));
    await use(new CreditLabPage(page));
    if (testInfo.status !== testInfo.expectedStatus && said.length > 0) {
      console.log(`What the page said during "${testInfo.title}":\n  ${said.join('\n  ')}`);
      await testInfo.attach('page-console', { body: said.join('\n'), contentType: 'text/plain' });
    }
  },
  network: async ({ context, baseURL }, use) => {
    const urls: string[] = [];
    const onRequest = (request: Request) => urls.push(request.url());
    // Context-level, so requests from workers are seen as well as the page's.
    context.on('request', onRequest);
    const appOrigin = new URL(baseURL ?? 'http://localhost:4173').origin;
    const isLocal = (url: string) => url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === appOrigin;
    await use({ urls, external: () => urls.filter((url) => !isLocal(url)) });
    context.off('request', onRequest);
  },
});

export { expect };
