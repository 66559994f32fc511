// What a worker fetched since it started, from its own resource timing: a worker's requests (its
// module imports, the wasm binaries, the sample CSV it streams) are in the worker's timeline, not the
// page's, so the Privacy panel asks each worker for its own.

/** Which context made a request: the page, the data worker, the member worker it starts, or the service worker (its offline copies). */
export type RequestSource = 'page' | 'data-worker' | 'member-worker' | 'service-worker';

/** One request as resource timing saw it: a plain, cloneable copy of a PerformanceResourceTiming. */
export interface ResourceRequest {
  /** The absolute URL asked for. */
  readonly url: string;
  /** How it was asked for (`script`, `fetch`, `link`, `navigation`, `other`, …): resource timing's initiatorType. */
  readonly initiatorType: string;
  /** When it started, in ms since 1970 (its context's time origin + startTime: page and workers have different origins). */
  readonly startedAtMs: number;
  /** How long it took, in ms. */
  readonly durationMs: number;
  /** Bytes over the network including headers; 0 from a cache (or cross-origin without Timing-Allow-Origin). */
  readonly transferSizeBytes: number;
  /** Which context made it. */
  readonly source: RequestSource;
}

/** The part of PerformanceResourceTiming this log reads. */
export interface ResourceTimingLike {
  readonly name: string;
  readonly initiatorType: string;
  readonly startTime: number;
  readonly duration: number;
  readonly transferSize: number;
}

/** The part of `performance` this log uses (a test passes its own). */
export interface ResourceTimeline {
  /** The context's time origin, in ms since 1970. */
  readonly timeOrigin: number;
  getEntriesByType(type: 'resource'): readonly ResourceTimingLike[];
  setResourceTimingBufferSize?(size: number): void;
}

/** This context's own resource timing. */
const HERE: ResourceTimeline = {
  get timeOrigin() {
    return performance.timeOrigin;
  },
  getEntriesByType: (type) => performance.getEntriesByType(type) as PerformanceResourceTiming[],
  setResourceTimingBufferSize: (size) => performance.setResourceTimingBufferSize(size),
};

/**
 * Room for this many entries per context: Chromium's default of 250 would silently drop the
 * newest requests of a long session, and an undercount is the one thing this log must not show.
 */
export const RESOURCE_BUFFER_SIZE = 5000;

/** A resource timing entry of a context whose time origin is `timeOriginMs` as a plain request record of `source`. */
export function toResourceRequest(entry: ResourceTimingLike, source: RequestSource, timeOriginMs: number): ResourceRequest {
  return {
    url: entry.name,
    initiatorType: entry.initiatorType,
    startedAtMs: timeOriginMs + entry.startTime,
    durationMs: entry.duration,
    transferSizeBytes: entry.transferSize,
    source,
  };
}

/** Raises this context's resource timing buffer to RESOURCE_BUFFER_SIZE (call at start-up, before the requests to count). */
export function raiseResourceBuffer(timeline: ResourceTimeline = HERE): void {
  timeline.setResourceTimingBufferSize?.(RESOURCE_BUFFER_SIZE);
}

/** Every request this context's resource timing holds, oldest first, as records of `source`. */
export function resourceRequestsHere(source: RequestSource, timeline: ResourceTimeline = HERE): ResourceRequest[] {
  return timeline.getEntriesByType('resource').map((entry) => toResourceRequest(entry, source, timeline.timeOrigin));
}

/** The worker-side API a worker exposes so its requests can be listed. */
export interface ResourceLogApi {
  /** Every request this worker made since it started. */
  resourceRequests(): ResourceRequest[];
}
