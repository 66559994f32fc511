// The WebGL renderer, asked of a throwaway worker with a time limit, so that the data worker never
// blocks on a WebGL context (see webglProbe.worker.ts).

/** How long the probe may take before WebGL counts as unavailable. */
export const RENDERER_PROBE_TIMEOUT_MS = 5000;

/** The renderer string from a probe worker, or null when WebGL is unavailable, the worker fails, or it has not answered in `timeoutMs`. */
export function probeRendererInWorker(timeoutMs = RENDERER_PROBE_TIMEOUT_MS): Promise<string | null> {
  if (typeof Worker === 'undefined') return Promise.resolve(null);
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./webglProbe.worker.ts', import.meta.url), { type: 'module', name: 'creditlab-webgl-probe' });
    } catch {
      resolve(null);
      return;
    }
    const finish = (renderer: string | null) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(renderer);
    };
    const timer = setTimeout(() => {
      console.warn(`The WebGL probe did not answer in ${timeoutMs} ms; WebGL counts as unavailable`);
      finish(null);
    }, timeoutMs);
    worker.onmessage = (event: MessageEvent<unknown>) => finish(typeof event.data === 'string' ? event.data : null);
    worker.onerror = () => finish(null);
  });
}
