import { proxy, wrap, type Remote } from 'comlink';
import type { CreditLabApi } from './creditlab.worker';
import type { JobId } from './protocol';
import { randomId } from './randomId';

export { proxy };

/** A lazily started worker; `onCrash` hears (with the problem code 'worker.stopped') about a worker that died, and `restart` replaces it. */
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
        this.died(worker);
      });
      this.worker = worker;
      this.remote = wrap<CreditLabApi>(worker);
      this.watch(worker, this.remote);
    }
    return this.remote;
  }

  /**
   * Notices the worker's end however it comes: a worker that runs out of memory or is closed fires
   * no error event, and its pending calls never settle. The worker holds a Web Lock for its whole
   * life; the page queues for the same lock, which the browser grants only once the worker is gone.
   */
  private watch(worker: Worker, remote: Remote<CreditLabApi>): void {
    if (typeof navigator === 'undefined' || !('locks' in navigator)) return;
    const lock = `creditlab-worker-${randomId()}`;
    remote
      .holdLifeline(lock)
      .then(() => navigator.locks.request(lock, () => this.died(worker)))
      .catch((cause: unknown) => console.warn('The worker lifeline could not be set up', cause));
  }

  /** A worker this bridge still uses has died: replace it, and tell the page (once per worker; one replaced on purpose is not news). */
  private died(worker: Worker): void {
    if (this.worker !== worker) return;
    this.restart();
    this.onCrash('worker.stopped');
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
