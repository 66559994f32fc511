import { useCallback, useMemo, useState, type SyntheticEvent } from 'react';
import type { WorkerBridge } from '../../worker/client';
import type { RequestSource, ResourceRequest } from '../../worker/resourceLog';
import { Alert } from '../shared/Alert';
import { classifyRequest, orderForLog, summariseRequests, type ClassifiedRequest, type RequestKind } from './classifyRequest';
import { summaryText } from './summaryText';
import { readOfflineCopies } from './offlineCopies';
import { usePageRequests } from './usePageRequests';

const KIND_WORDS: Readonly<Record<RequestKind, string>> = {
  page: 'the page',
  script: 'script',
  stylesheet: 'stylesheet',
  wasm: 'WebAssembly binary',
  sample: 'the sample loan book',
  data: 'data file',
  'service-worker': 'the service worker',
  manifest: 'web app manifest',
  font: 'font',
  image: 'image',
  beacon: 'beacon (sends data)',
  other: 'file',
};

const SOURCE_WORDS: Readonly<Record<RequestSource, string>> = {
  page: 'by the page',
  'data-worker': 'by the data worker',
  'member-worker': 'by the training worker',
  'service-worker': 'by the service worker',
};

/** What the workers listed when last asked: null before the first answer. */
type WorkerLog = { readonly requests: readonly ResourceRequest[] | null; readonly failed: boolean; readonly asking: boolean };

/** "12.3 kB over the network", or where a zero-byte transfer came from. */
function sizeText(request: ResourceRequest): string {
  if (request.transferSizeBytes > 0) return `${(request.transferSizeBytes / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} kB`;
  return request.url.startsWith('data:') || request.url.startsWith('blob:') ? 'in memory' : 'from cache';
}

/** One request of the log: what kind of file, its path in the app (or its whole URL), who asked, and the bytes. */
function RequestItem({ request }: { request: ClassifiedRequest }) {
  const external = request.origin === 'external';
  return (
    <li data-origin={request.origin} data-kind={request.kind} data-source={request.source} data-url={request.url} className={external ? 'request-external' : undefined}>
      {external ? <strong>External: </strong> : null}
      <span className="request-kind">{KIND_WORDS[request.kind]}</span> <code>{request.path}</code>{' '}
      <span className="hint">
        {SOURCE_WORDS[request.source]} · {sizeText(request)}
      </span>
    </li>
  );
}

/** The files the service worker keeps offline (it downloaded them itself, outside the timelines above), each tagged like a request. */
function OfflineCopies({ urls, base }: { urls: readonly string[]; base: string }) {
  const copies = urls.map((url) => classifyRequest({ url, initiatorType: 'other', startedAtMs: 0, durationMs: 0, transferSizeBytes: 0, source: 'service-worker' }, base));
  const external = copies.filter((copy) => copy.origin === 'external').length;
  const n = copies.length.toLocaleString('en-US');
  return (
    <details data-testid="offline-copies" data-files={copies.length} data-external={external}>
      <summary className={external > 0 ? 'request-external' : undefined}>
        {external > 0
          ? `The service worker keeps offline copies of ${n} files: ${external.toLocaleString('en-US')} not this app’s`
          : `The service worker keeps offline copies of ${n} of this app’s files`}
      </summary>
      <p className="hint">It downloaded them itself when it was installed, so they are not in the list above (the page’s and its workers’ requests); this is what it keeps.</p>
      <ul className="request-log">
        {orderForLog(copies).map((copy) => (
          <li key={copy.url} data-origin={copy.origin} data-kind={copy.kind} data-url={copy.url} className={copy.origin === 'external' ? 'request-external' : undefined}>
            <span className="request-kind">{KIND_WORDS[copy.kind]}</span> <code>{copy.path}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * The Privacy panel: every request the page and its workers made since load (resource timing of
 * each), each tagged as this app's own file (and which kind) or external. Collapsed by default; the
 * workers (and Cache Storage, for the service worker's offline copies) are asked when it opens and
 * on Refresh, never while it stays closed.
 */
export function PrivacyPanel({ bridge }: { bridge: WorkerBridge }) {
  const pageRequests = usePageRequests();
  const [open, setOpen] = useState(false);
  const [workers, setWorkers] = useState<WorkerLog>({ requests: null, failed: false, asking: false });
  const [offlineCopies, setOfflineCopies] = useState<readonly string[] | null>(null);

  const refresh = useCallback(() => {
    readOfflineCopies().then(setOfflineCopies, (cause: unknown) => console.warn('The offline copies could not be read', cause));
    setWorkers((before) => ({ ...before, asking: true }));
    bridge.api.resourceRequests().then(
      (requests) => setWorkers({ requests, failed: false, asking: false }),
      (cause: unknown) => {
        console.error('The workers did not list their requests', cause);
        setWorkers((before) => ({ ...before, failed: true, asking: false }));
      },
    );
  }, [bridge]);
  const toggled = (event: SyntheticEvent<HTMLDetailsElement>) => {
    const nowOpen = event.currentTarget.open;
    setOpen(nowOpen);
    if (nowOpen) refresh();
  };

  const log = useMemo(() => {
    if (!open) return null;
    const base = document.baseURI;
    const classified = [...pageRequests, ...(workers.requests ?? [])].map((request) => classifyRequest(request, base));
    return { requests: orderForLog(classified), summary: summariseRequests(classified) };
  }, [open, pageRequests, workers.requests]);

  return (
    <details className="card privacy-panel" data-testid="privacy-panel" onToggle={toggled}>
      <summary>Privacy: what this page has fetched</summary>
      {log && (
        <div className="privacy-body">
          <p
            data-testid="privacy-summary"
            data-total={log.summary.total}
            data-external={log.summary.external}
            data-beacons={log.summary.beacons}
            data-workers={workers.requests === null ? 'pending' : 'listed'}
            className={log.summary.external > 0 ? 'request-external' : undefined}
          >
            {summaryText(log.summary, workers.requests !== null)}
          </p>
          <p className="hint">
            This list comes from the browser’s resource timing of the page and of its workers: it shows every file, script, stylesheet, image, fetch and worker load, but not a
            request’s method or body (the app’s tests check that every request is a GET to this app).
          </p>
          <button type="button" data-testid="privacy-refresh" onClick={refresh} disabled={workers.asking}>
            Refresh
          </button>
          <Alert message={workers.failed ? 'The workers’ requests could not be read; the list shows the page’s only.' : null} />
          <ul data-testid="request-log" className="request-log">
            {log.requests.map((request, i) => (
              <RequestItem key={`${request.source}-${i}`} request={request} />
            ))}
          </ul>
          {offlineCopies && offlineCopies.length > 0 && <OfflineCopies urls={offlineCopies} base={document.baseURI} />}
        </div>
      )}
    </details>
  );
}
