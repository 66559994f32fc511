// The files the service worker keeps for offline use, read from Cache Storage by the page: the
// service worker downloaded them itself, so they are in its timeline, not the page's or a worker's.

// Workbox's precache adds the file's revision to URLs that carry no hash in their name.
const REVISION_PARAMETER = '__WB_REVISION__';

/** `url` without Workbox's revision parameter: the file the service worker asked for. */
export function withoutRevision(url: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has(REVISION_PARAMETER)) return url;
  parsed.searchParams.delete(REVISION_PARAMETER);
  return parsed.href;
}

/** The URLs held in every cache of this origin's Cache Storage, revision parameters taken off, sorted; null where there is no Cache Storage (an insecure origin, an old browser). */
export async function readOfflineCopies(): Promise<string[] | null> {
  if (typeof caches === 'undefined') return null;
  const urls = new Set<string>();
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) urls.add(withoutRevision(request.url));
  }
  return [...urls].sort();
}
