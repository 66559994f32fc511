import { proxy, wrap, type Remote } from 'comlink';
import type { CreditLabApi } from './creditlab.worker';
import type { JobId } from './protocol';
import { randomId } from './randomId';

export { proxy };

/** A lazily started worker; `onCrash` hears about a worker that died, and `restart` replaces it. */
export class WorkerBridge {
  private worker: Worker | null = null;
  private remote: Remote<CreditLabApi> | null = null;

  constructor(private readonly onCrash: (message: string) => void) {}

  /** The worker API, starting the worker on first use. */
  get api(): Remote<CreditLabApi> {
    if (!this.remote) {
      const worker = new Worker(new URL('./creditlab.worker.ts', import.meta.url), { type: 'module', name: 'creditlab' });
      worker.addEventListener('error', (event) => {
        console.error('CreditLab worker error', event);
        this.restart();
        this.onCrash('The background worker stopped unexpectedly. Please load the data again.');
      });
      this.worker = worker;
      this.remote = wrap<CreditLabApi>(worker);
    }
    return this.remote;
  }

  /**
   * Starts the worker while the page is idle, so its start-up is not paid when the first file
   * arrives, and has it load its tfjs backend, so training needs no network once the page is up.
   */
  warmUp(): void {
    const start = () => void this.api.preloadBackend().catch((error: unknown) => console.warn('Worker warm-up failed', error));
    if ('requestIdleCallback' in globalThis) requestIdleCallback(start, { timeout: 2000 });
    else setTimeout(start, 200);
  }

  /** Terminates the worker; the next call to `api` starts a fresh one. */
  restart(): void {
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
  }
}

/** A fresh job id, to name a long call so that `cancel` can stop it. */
export function newJobId(): JobId {
  return randomId() as JobId;
}
