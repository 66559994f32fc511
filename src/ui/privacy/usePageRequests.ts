// The page's own requests: its navigation and every resource timing entry since load, kept up to
// date by a PerformanceObserver (a chunk loaded on demand appears as it arrives).
import { useEffect, useState } from 'react';
import { RESOURCE_BUFFER_SIZE, toResourceRequest, type ResourceRequest } from '../../worker/resourceLog';

// Raised when this module is first imported (with the app's entry), before the buffer's default 250 entries fill.
if (typeof performance !== 'undefined') performance.setResourceTimingBufferSize?.(RESOURCE_BUFFER_SIZE);

/** The page's navigation and resource entries so far, as request records of the page. */
function pageRequestsNow(): ResourceRequest[] {
  const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
  return entries.map((entry) => toResourceRequest(entry, 'page', performance.timeOrigin));
}

/** Every request the page made since it loaded (not its workers'), updated as new ones finish. */
export function usePageRequests(): readonly ResourceRequest[] {
  const [requests, setRequests] = useState<readonly ResourceRequest[]>(pageRequestsNow);
  useEffect(() => {
    if (typeof PerformanceObserver === 'undefined') return;
    // The observer says that something changed; the timeline itself is re-read so nothing is counted twice.
    const observer = new PerformanceObserver(() => setRequests(pageRequestsNow()));
    observer.observe({ type: 'resource', buffered: true });
    return () => observer.disconnect();
  }, []);
  return requests;
}
