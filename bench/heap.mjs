// Samples the JS heap of a page and of every worker it starts, through the Chrome DevTools Protocol.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Bytes a V8 isolate holds per Runtime.getHeapUsage: the JS heap in use plus the backing stores of
 * ArrayBuffers / external strings (typed-array columns live there, not in the heap proper).
 */
const heapBytes = (usage) => usage.usedSize + (usage.backingStorageSize ?? 0);

/**
 * Starts sampling every `intervalMs`: the page's isolate and each dedicated worker's (attached with
 * Target.setAutoAttach on the page's CDP session, non-flat, so commands reach the worker through
 * Target.sendMessageToTarget). stop() returns peak figures in bytes; the peak total is the largest
 * page + workers sum seen in one sample (v8OnlyBytes: the same without ArrayBuffer backing stores).
 */
export async function startHeapSampler(page, { intervalMs = 50 } = {}) {
  const session = await page.context().newCDPSession(page);
  const workers = new Map(); // sessionId → url
  const pending = new Map();
  let nextId = 1;
  session.on('Target.attachedToTarget', (event) => {
    if (event.targetInfo.type === 'worker') workers.set(event.sessionId, event.targetInfo.url);
  });
  session.on('Target.detachedFromTarget', (event) => workers.delete(event.sessionId));
  session.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message);
    const resolve = pending.get(message.id);
    if (resolve) {
      pending.delete(message.id);
      resolve(message);
    }
  });
  await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });

  const workerHeap = async (sessionId) => {
    const id = nextId++;
    const reply = new Promise((resolve) => pending.set(id, resolve));
    await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) });
    const message = await Promise.race([reply, sleep(2_000).then(() => null)]);
    pending.delete(id);
    return message?.result ?? null;
  };

  const peak = { totalBytes: 0, v8OnlyBytes: 0, pageBytes: 0, workerBytes: 0, samples: 0, failedSamples: 0, workersSeen: new Set() };
  let baselineBytes = null;
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = Date.now();
      try {
        const ids = [...workers.keys()];
        ids.forEach((id) => peak.workersSeen.add(workers.get(id)));
        const [pageUsage, ...workerUsages] = await Promise.all([session.send('Runtime.getHeapUsage'), ...ids.map(workerHeap)]);
        const usages = workerUsages.filter(Boolean);
        const pageBytes = heapBytes(pageUsage);
        const workersBytes = usages.reduce((sum, u) => sum + heapBytes(u), 0);
        const v8Only = [pageUsage, ...usages].reduce((sum, u) => sum + u.usedSize, 0);
        baselineBytes ??= pageBytes + workersBytes;
        peak.totalBytes = Math.max(peak.totalBytes, pageBytes + workersBytes);
        peak.v8OnlyBytes = Math.max(peak.v8OnlyBytes, v8Only);
        peak.pageBytes = Math.max(peak.pageBytes, pageBytes);
        peak.workerBytes = Math.max(peak.workerBytes, workersBytes);
        peak.samples++;
      } catch {
        peak.failedSamples++; // a worker going away mid-sample; the next sample carries on
      }
      await sleep(Math.max(0, intervalMs - (Date.now() - started)));
    }
  })();

  return {
    async stop() {
      running = false;
      await loop;
      await session.detach().catch(() => undefined);
      return { ...peak, baselineBytes: baselineBytes ?? 0, workersSeen: [...peak.workersSeen] };
    },
  };
}

/**
 * Peak resident memory (VmHWM, bytes) of the browser's renderer processes, the largest of them; null
 * when /proc or SystemInfo.getProcessInfo is not available. Covers the page, its workers and
 * everything else the renderer holds (Blink, compiled code), so it is an upper bound for the JS heap.
 */
export async function rendererPeakRssBytes(browser) {
  try {
    const session = await browser.newBrowserCDPSession();
    const { processInfo } = await session.send('SystemInfo.getProcessInfo');
    await session.detach();
    let peak = 0;
    for (const p of processInfo.filter((p) => p.type === 'renderer')) {
      const status = readFileSync(`/proc/${p.id}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, kb * 1024);
    }
    return peak || null;
  } catch {
    return null;
  }
}
