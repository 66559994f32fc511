import { useCallback, useMemo, useState, type SyntheticEvent } from 'react';
import type { WorkerBridge } from '../../worker/client';
import type { RequestSource, ResourceRequest } from '../../worker/resourceLog';
import { localCount, numberFormat, useT } from '../i18n';
import { Alert } from '../shared/Alert';
import { classifyRequest, orderForLog, summariseRequests, type ClassifiedRequest, type RequestKind } from './classifyRequest';
import { summaryText } from './summaryText';
import { readOfflineCopies } from './offlineCopies';
import { usePageRequests } from './usePageRequests';

// The resource key of each kind of request and each requester (the words are read in a render, so they follow the language).
const KIND_KEYS = {
  page: 'page',
  script: 'script',
  stylesheet: 'stylesheet',
  wasm: 'wasm',
  sample: 'sample',
  data: 'data',
  'service-worker': 'serviceWorker',
  manifest: 'manifest',
  font: 'font',
  image: 'image',
  beacon: 'beacon',
  other: 'other',
} as const satisfies Record<RequestKind, string>;

const SOURCE_KEYS = {
  page: 'page',
  'data-worker': 'dataWorker',
  'member-worker': 'memberWorker',
  'service-worker': 'serviceWorker',
} as const satisfies Record<RequestSource, string>;

/** What the workers listed when last asked: null before the first answer. */
type WorkerLog = { readonly requests: readonly ResourceRequest[] | null; readonly failed: boolean; readonly asking: boolean };

/** "12.3 kB over the network", or where a zero-byte transfer came from, in the active language. */
function sizeText(t: ReturnType<typeof useT>['t'], request: ResourceRequest): string {
  if (request.transferSizeBytes > 0) return t('privacy.size.kilobytes', { value: numberFormat({ maximumFractionDigits: 1 }).format(request.transferSizeBytes / 1000) });
  return t(request.url.startsWith('data:') || request.url.startsWith('blob:') ? 'privacy.size.inMemory' : 'privacy.size.fromCache');
}

/** One request of the log: what kind of file, its path in the app (or its whole URL), who asked, and the bytes. */
function RequestItem({ request }: { request: ClassifiedRequest }) {
  const { t } = useT();
  const external = request.origin === 'external';
  return (
    <li data-origin={request.origin} data-kind={request.kind} data-source={request.source} data-url={request.url} className={external ? 'request-external' : undefined}>
      {external ? <strong>{t('privacy.external')}</strong> : null}
      <span className="request-kind">{t(`privacy.kind.${KIND_KEYS[request.kind]}`)}</span> <code translate="no">{request.path}</code>{' '}
      <span className="hint">
        {t(`privacy.source.${SOURCE_KEYS[request.source]}`)} · {sizeText(t, request)}
      </span>
    </li>
  );
}

/** The files the service worker keeps offline (it downloaded them itself, outside the timelines above), each tagged like a request. */
function OfflineCopies({ urls, base }: { urls: readonly string[]; base: string }) {
  const { t } = useT();
  const copies = urls.map((url) => classifyRequest({ url, initiatorType: 'other', startedAtMs: 0, durationMs: 0, transferSizeBytes: 0, source: 'service-worker' }, base));
  const external = copies.filter((copy) => copy.origin === 'external').length;
  const files = localCount(copies.length);
  return (
    <details data-testid="offline-copies" data-files={copies.length} data-external={external}>
      <summary className={external > 0 ? 'request-external' : undefined}>
        {external > 0 ? t('privacy.offline.someExternal', { files, external: localCount(external) }) : t('privacy.offline.allApp', { files })}
      </summary>
      <p className="hint">{t('privacy.offline.hint')}</p>
      <ul className="request-log">
        {orderForLog(copies).map((copy) => (
          <li key={copy.url} data-origin={copy.origin} data-kind={copy.kind} data-url={copy.url} className={copy.origin === 'external' ? 'request-external' : undefined}>
            <span className="request-kind">{t(`privacy.kind.${KIND_KEYS[copy.kind]}`)}</span> <code translate="no">{copy.path}</code>
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
  const { t } = useT();
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
      <summary>{t('privacy.title')}</summary>
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
          <p className="hint">{t('privacy.about')}</p>
          <button type="button" data-testid="privacy-refresh" onClick={refresh} disabled={workers.asking}>
            {t('privacy.refresh')}
          </button>
          <Alert message={workers.failed ? t('privacy.workersFailed') : null} />
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
