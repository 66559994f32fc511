import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESOURCE_BUFFER_SIZE, raiseResourceBuffer, resourceRequestsHere, toResourceRequest, type ResourceTimeline } from './resourceLog';

describe('the resource log', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((_, response) => response.end('id,default\n1,0\n'));
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

  it('lists a fetch this context made, as Node’s own resource timing recorded it', async () => {
    // Node (undici) keeps resource timing for fetch as a browser does: an independent recorder of the request.
    const url = `${base}/sample-loan-book.csv?${Math.random()}`;
    const before = Date.now();
    await (await fetch(url)).text();
    // The entry is added once the body is read; give the timeline a turn.
    await new Promise((turn) => setTimeout(turn, 10));
    const listed = resourceRequestsHere('data-worker').filter((request) => request.url === url);
    expect(listed).toHaveLength(1);
    const [request] = listed;
    expect(request.initiatorType).toBe('fetch');
    expect(request.source).toBe('data-worker');
    // On the wall clock (time origin + startTime), not the context's own: within a second of when it was made
    // (the monotonic and wall clocks may drift apart by a little; a missing time origin would be decades off).
    expect(Math.abs(request.startedAtMs - before)).toBeLessThan(1000);
    expect(request.transferSizeBytes, 'headers and the 16-byte body came over the network').toBeGreaterThan(16);
  });

  it('maps each entry to a plain record on the wall clock, in the timeline’s order', () => {
    const timeline: ResourceTimeline = {
      timeOrigin: 1_700_000_000_000,
      getEntriesByType: () => [
        { name: 'http://localhost:4173/assets/index.js', initiatorType: 'script', startTime: 12.5, duration: 3.25, transferSize: 1200 },
        { name: 'http://localhost:4173/assets/tfjs-backend-wasm-simd.wasm', initiatorType: 'fetch', startTime: 400, duration: 20, transferSize: 0 },
      ],
    };
    expect(resourceRequestsHere('member-worker', timeline)).toEqual([
      {
        url: 'http://localhost:4173/assets/index.js',
        initiatorType: 'script',
        startedAtMs: 1_700_000_000_012.5,
        durationMs: 3.25,
        transferSizeBytes: 1200,
        source: 'member-worker',
      },
      {
        url: 'http://localhost:4173/assets/tfjs-backend-wasm-simd.wasm',
        initiatorType: 'fetch',
        startedAtMs: 1_700_000_000_400,
        durationMs: 20,
        transferSizeBytes: 0,
        source: 'member-worker',
      },
    ]);
    // A record survives structured cloning (postMessage) unchanged: no getters or methods of the entry.
    const record = toResourceRequest(timeline.getEntriesByType('resource')[0], 'page', 0);
    expect(structuredClone(record)).toEqual(record);
  });

  it('raises the buffer above the browser’s default of 250 entries', () => {
    const sizes: number[] = [];
    raiseResourceBuffer({ timeOrigin: 0, getEntriesByType: () => [], setResourceTimingBufferSize: (size) => sizes.push(size) });
    expect(sizes).toEqual([RESOURCE_BUFFER_SIZE]);
    expect(RESOURCE_BUFFER_SIZE).toBeGreaterThan(250);
  });
});
