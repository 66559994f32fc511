import type { RequestSummary } from './classifyRequest';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The Privacy panel's one-line summary, derived from the counts: it says "all to this app's own
 * files" only when no request went elsewhere, and whether any was a beacon (the one request made
 * only to send data); `workersListed` false says the workers' requests are still being asked for.
 */
export function summaryText(summary: RequestSummary, workersListed: boolean): string {
  const scope = workersListed ? 'since this page loaded' : 'by the page since it loaded (its workers’ are still being asked for)';
  const requests = `${count(summary.total)} request${summary.total === 1 ? '' : 's'} ${scope}`;
  const beacons = summary.beacons === 0 ? 'none was a beacon' : `${count(summary.beacons)} ${summary.beacons === 1 ? 'was a beacon' : 'were beacons'}`;
  if (summary.external > 0) return `${requests}: ${count(summary.external)} went outside this app (listed first); ${beacons}.`;
  const local = summary.local > 0 ? ` (${count(summary.local)} to data: or blob: URLs inside the browser)` : '';
  return `${requests}, all to this app’s own files${local}; ${beacons}.`;
}
