import { localCount, translate } from '../i18n';
import type { RequestSummary } from './classifyRequest';

/**
 * The Privacy panel's one-line summary, derived from the counts, in the active language: it says
 * "all to this app's own files" only when no request went elsewhere, and whether any was a beacon
 * (the one request made only to send data); `workersListed` false says the workers' requests are
 * still being asked for.
 */
export function summaryText(summary: RequestSummary, workersListed: boolean): string {
  const scope = translate(workersListed ? 'privacy.summary.scopeListed' : 'privacy.summary.scopePending');
  const requests = translate('privacy.summary.requests', { count: summary.total, total: localCount(summary.total), scope });
  const beacons =
    summary.beacons === 0 ? translate('privacy.summary.noBeacon') : translate('privacy.summary.beacons', { count: summary.beacons, beacons: localCount(summary.beacons) });
  if (summary.external > 0) return translate('privacy.summary.external', { requests, external: localCount(summary.external), beacons });
  const local = summary.local > 0 ? translate('privacy.summary.local', { local: localCount(summary.local) }) : '';
  return translate('privacy.summary.allApp', { requests, local, beacons });
}
