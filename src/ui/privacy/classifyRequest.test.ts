import { describe, expect, it } from 'vitest';
import type { ResourceRequest } from '../../worker/resourceLog';
import { classifyRequest, orderForLog, summariseRequests } from './classifyRequest';

const ROOT = 'http://localhost:4173/';
const SUB_PATH = 'http://localhost:4175/creditlab/index.html';

/** A request record of the page for `url`, fetched by `initiatorType`, started at `startedAtMs`. */
function request(url: string, initiatorType = 'script', startedAtMs = 0): ResourceRequest {
  return { url, initiatorType, startedAtMs, durationMs: 1, transferSizeBytes: 100, source: 'page' };
}

const tags = (url: string, initiatorType?: string, base = ROOT) => {
  const { origin, kind, path } = classifyRequest(request(url, initiatorType), base);
  return { origin, kind, path };
};

describe('classifyRequest', () => {
  it('tags the app’s own files by kind, with their path under the base', () => {
    expect(tags('http://localhost:4173/', 'navigation')).toEqual({ origin: 'app', kind: 'page', path: './' });
    expect(tags('http://localhost:4173/assets/index-BjtzU9cD.js')).toEqual({ origin: 'app', kind: 'script', path: 'assets/index-BjtzU9cD.js' });
    expect(tags('http://localhost:4173/assets/index-BenPS-Br.css', 'link')).toEqual({ origin: 'app', kind: 'stylesheet', path: 'assets/index-BenPS-Br.css' });
    expect(tags('http://localhost:4173/assets/tfjs-backend-wasm-simd-BrM3BlWr.wasm', 'fetch')).toEqual({
      origin: 'app',
      kind: 'wasm',
      path: 'assets/tfjs-backend-wasm-simd-BrM3BlWr.wasm',
    });
    expect(tags('http://localhost:4173/sample-loan-book.csv', 'fetch').kind).toBe('sample');
    expect(tags('http://localhost:4173/sw.js', 'other').kind).toBe('service-worker');
    expect(tags('http://localhost:4173/workbox-5f1a2b3c.js', 'script').kind).toBe('service-worker');
    expect(tags('http://localhost:4173/manifest.webmanifest', 'link').kind).toBe('manifest');
    expect(tags('http://localhost:4173/favicon.svg', 'other').kind).toBe('image');
    expect(tags('http://localhost:4173/assets/inter-latin.woff2', 'css').kind).toBe('font');
    expect(tags('http://localhost:4173/assets/README', 'fetch').kind).toBe('other');
    // The query stays in the path shown; the kind comes from the file name before it.
    expect(tags('http://localhost:4173/assets/x.js?v=2')).toEqual({ origin: 'app', kind: 'script', path: 'assets/x.js?v=2' });
  });

  it('under a sub-path, only files below the base are the app’s', () => {
    expect(tags('http://localhost:4175/creditlab/assets/index.js', 'script', SUB_PATH)).toEqual({ origin: 'app', kind: 'script', path: 'assets/index.js' });
    expect(tags('http://localhost:4175/creditlab/', 'navigation', SUB_PATH)).toEqual({ origin: 'app', kind: 'page', path: './' });
    // The same host, another path: a different site's file, not this app's.
    expect(tags('http://localhost:4175/other-app/tracker.js', 'script', SUB_PATH).origin).toBe('external');
    expect(tags('http://localhost:4175/creditlabs/x.js', 'script', SUB_PATH).origin).toBe('external');
  });

  it('tags any other origin as external (the negative control: it must never pass as the app’s)', () => {
    expect(tags('https://cdn.example.com/tfjs.min.js')).toEqual({ origin: 'external', kind: 'other', path: 'https://cdn.example.com/tfjs.min.js' });
    // Another port or scheme of the same host is another origin.
    expect(tags('http://localhost:4174/assets/index.js').origin).toBe('external');
    expect(tags('https://localhost:4173/assets/index.js').origin).toBe('external');
    expect(tags('http://127.0.0.1:4173/assets/index.js').origin).toBe('external');
    // A beacon is named as one wherever it goes.
    expect(tags('https://analytics.example.com/collect', 'beacon')).toMatchObject({ origin: 'external', kind: 'beacon' });
  });

  it('tags data: and blob: URLs as local: they never reach a network', () => {
    expect(tags('data:application/octet-stream;base64,AGFzbQ==', 'fetch')).toEqual({ origin: 'local', kind: 'other', path: 'data:' });
    expect(tags('blob:http://localhost:4173/3f1c2d4e-0000-4000-8000-000000000000', 'other').origin).toBe('local');
  });
});

describe('summariseRequests and orderForLog', () => {
  const log = [
    classifyRequest(request('http://localhost:4173/assets/late.js', 'script', 30), ROOT),
    classifyRequest(request('http://localhost:4173/assets/early.js', 'script', 10), ROOT),
    classifyRequest(request('https://evil.example/beacon', 'beacon', 40), ROOT),
    classifyRequest(request('blob:http://localhost:4173/1', 'other', 20), ROOT),
  ];

  it('counts by origin and counts beacons', () => {
    expect(summariseRequests(log)).toEqual({ total: 4, app: 2, local: 1, external: 1, beacons: 1 });
    expect(summariseRequests([])).toEqual({ total: 0, app: 0, local: 0, external: 0, beacons: 0 });
  });

  it('puts external requests first, then all in the order they started', () => {
    expect(orderForLog(log).map((r) => r.url)).toEqual([
      'https://evil.example/beacon',
      'http://localhost:4173/assets/early.js',
      'blob:http://localhost:4173/1',
      'http://localhost:4173/assets/late.js',
    ]);
  });
});
