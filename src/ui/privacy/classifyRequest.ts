// Tags each request the page or a worker made: one of this app's own files (and which kind), a
// local data:/blob: URL, or external. Pure: it reads only the URL, its initiator and the app's base.
import type { ResourceRequest } from '../../worker/resourceLog';

/** Where a request went: one of this app's files, a URL that never leaves the browser (data:, blob:), or anywhere else. */
export type RequestOrigin = 'app' | 'local' | 'external';

/** What kind of file a request fetched (the panel words it). */
export type RequestKind = 'page' | 'script' | 'stylesheet' | 'wasm' | 'sample' | 'data' | 'service-worker' | 'manifest' | 'font' | 'image' | 'beacon' | 'other';

/** A request with its tags; `path` is the URL relative to the app's base (the whole URL when it is not the app's). */
export interface ClassifiedRequest extends ResourceRequest {
  readonly origin: RequestOrigin;
  readonly kind: RequestKind;
  readonly path: string;
}

/** The counts the panel's summary line is derived from. */
export interface RequestSummary {
  readonly total: number;
  readonly app: number;
  readonly local: number;
  readonly external: number;
  /** Requests made with navigator.sendBeacon (resource timing's initiatorType 'beacon'): the one kind made only to send data. */
  readonly beacons: number;
}

/** The bundled sample loan book, as the page asks for it. */
export const SAMPLE_FILE_NAME = 'sample-loan-book.csv';

const KIND_BY_EXTENSION: Readonly<Record<string, RequestKind>> = {
  js: 'script',
  mjs: 'script',
  css: 'stylesheet',
  wasm: 'wasm',
  csv: 'data',
  json: 'data',
  webmanifest: 'manifest',
  woff: 'font',
  woff2: 'font',
  ttf: 'font',
  otf: 'font',
  svg: 'image',
  png: 'image',
  ico: 'image',
  jpg: 'image',
  jpeg: 'image',
  webp: 'image',
  html: 'page',
};

// The service worker's script names (vite-plugin-pwa writes sw.js; Workbox's runtime is workbox-*.js).
const SERVICE_WORKER_FILE = /^(sw|service-worker)\.js$|^workbox-[\w-]+\.js$/;

/** The kind of file at `path` (relative to the app's base), fetched by `initiatorType`. */
function kindOf(path: string, initiatorType: string): RequestKind {
  if (initiatorType === 'beacon') return 'beacon';
  if (initiatorType === 'navigation') return 'page';
  const file = path.split(/[?#]/, 1)[0].split('/').pop() ?? '';
  // A directory URL is served its index.html.
  if (file === '') return 'page';
  if (file === SAMPLE_FILE_NAME) return 'sample';
  if (SERVICE_WORKER_FILE.test(file)) return 'service-worker';
  if (file === 'manifest.json') return 'manifest';
  const dot = file.lastIndexOf('.');
  return dot < 0 ? 'other' : (KIND_BY_EXTENSION[file.slice(dot + 1).toLowerCase()] ?? 'other');
}

/**
 * Tags `request`: 'app' when it is on the origin of `baseUrl` (the page's document.baseURI) and
 * under its directory, 'local' for data: and blob: URLs, 'external' for anything else (including
 * another path of the same host: that is not this app's file).
 */
export function classifyRequest(request: ResourceRequest, baseUrl: string): ClassifiedRequest {
  const { url, initiatorType } = request;
  if (url.startsWith('data:') || url.startsWith('blob:'))
    return { ...request, origin: 'local', kind: initiatorType === 'beacon' ? 'beacon' : 'other', path: url.slice(0, url.indexOf(':') + 1) };
  const base = new URL('.', baseUrl);
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { ...request, origin: 'external', kind: 'other', path: url };
  }
  const inApp = target.origin === base.origin && target.pathname.startsWith(base.pathname);
  if (!inApp) return { ...request, origin: 'external', kind: initiatorType === 'beacon' ? 'beacon' : 'other', path: url };
  const path = target.pathname.slice(base.pathname.length) + target.search;
  return { ...request, origin: 'app', kind: kindOf(path, initiatorType), path: path === '' ? './' : path };
}

/** The counts of `requests` by origin, and how many were beacons. */
export function summariseRequests(requests: readonly ClassifiedRequest[]): RequestSummary {
  const count = (keep: (r: ClassifiedRequest) => boolean) => requests.filter(keep).length;
  return {
    total: requests.length,
    app: count((r) => r.origin === 'app'),
    local: count((r) => r.origin === 'local'),
    external: count((r) => r.origin === 'external'),
    beacons: count((r) => r.kind === 'beacon'),
  };
}

/** `requests` in the order they started; external ones first, so a request that left the app is never below the fold. */
export function orderForLog(requests: readonly ClassifiedRequest[]): ClassifiedRequest[] {
  return [...requests].sort((a, b) => Number(b.origin === 'external') - Number(a.origin === 'external') || a.startedAtMs - b.startedAtMs);
}
