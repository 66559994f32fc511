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
  app: async ({ page }, use) => {
    await use(new CreditLabPage(page));
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
