// The service worker's life as the page sees it: registered once the page is idle, and a new
// version waiting to take over. A tiny store (useSyncExternalStore) so the notice re-renders when
// the worker reports, and so a test can drive it with a fake register function.

/** What the update notice shows: nothing yet, or a new version installed and waiting. */
export type UpdateState = 'current' | 'update-waiting';

/** The options of vite-plugin-pwa's registerSW (virtual:pwa-register) that the app uses. */
export interface RegisterOptions {
  readonly immediate?: boolean;
  readonly onNeedRefresh?: () => void;
  readonly onNeedReload?: () => void;
  readonly onOfflineReady?: () => void;
  readonly onRegisterError?: (error: unknown) => void;
}

/** registerSW's shape: registers, and returns the function that activates a waiting version (then reloads). */
export type RegisterServiceWorker = (options: RegisterOptions) => (reloadPage?: boolean) => Promise<void>;

/** The page's view of its service worker, for UpdatePrompt. */
export interface ServiceWorkerUpdates {
  /** useSyncExternalStore's subscribe. */
  subscribe(listener: () => void): () => void;
  /** useSyncExternalStore's getSnapshot. */
  getSnapshot(): UpdateState;
  /** Registers the worker with `register` (once; later calls do nothing). */
  register(register: RegisterServiceWorker): void;
  /** Lets the waiting version take over; the page reloads when it controls it. */
  applyUpdate(): Promise<void>;
  /** Hides the notice until the next new version (the waiting one takes over at the next full restart). */
  dismiss(): void;
}

/** What the store needs of the browser once the user asks for the new version (a fake in tests). */
export interface PageControl {
  /** Calls `listener` once, when a new service worker takes control of the page. */
  onceControllerChanges(listener: () => void): void;
  reload(): void;
}

const browserPage: PageControl = {
  onceControllerChanges: (listener) => navigator.serviceWorker.addEventListener('controllerchange', listener, { once: true }),
  reload: () => window.location.reload(),
};

/** A fresh store; main.tsx makes the app's one. */
export function createServiceWorkerUpdates(page: PageControl = browserPage): ServiceWorkerUpdates {
  let state: UpdateState = 'current';
  let update: ((reloadPage?: boolean) => Promise<void>) | null = null;
  const listeners = new Set<() => void>();
  const set = (next: UpdateState) => {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener();
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    register(register) {
      if (update) return;
      update = register({
        // The caller already waited for the page to load and go idle: do not wait for `load` again.
        immediate: true,
        onNeedRefresh: () => set('update-waiting'),
        // The page reloads itself when the new version takes control (applyUpdate). registerSW's own
        // reload waits for workbox-window's isUpdate, which is false when the first install happened
        // in this same page session: Reload would then do nothing visible.
        onNeedReload: () => undefined,
        onRegisterError: (error) => console.error('CreditLab: the service worker did not register; the app works online only', error),
      });
    },
    async applyUpdate() {
      if (!update) return;
      page.onceControllerChanges(() => page.reload());
      await update(true);
    },
    dismiss: () => set('current'),
  };
}

/** Minimal window surface for whenLoadedAndIdle (a fake in tests). */
export interface IdleWindow {
  readonly document: { readonly readyState: DocumentReadyState };
  addEventListener(type: 'load', listener: () => void, options: { once: true }): void;
  requestIdleCallback?(callback: () => void, options: { timeout: number }): number;
  setTimeout(callback: () => void, ms: number): number;
}

/**
 * Runs `task` after the page's `load` event, when the main thread is next idle: installing the
 * service worker precaches every asset, which must not compete with the first load or a first click.
 */
export function whenLoadedAndIdle(task: () => void, win: IdleWindow = window): void {
  const idle = () => {
    // Within 10 s at the latest, so a page that is never idle still becomes available offline.
    if (win.requestIdleCallback) win.requestIdleCallback(task, { timeout: 10_000 });
    else win.setTimeout(task, 0);
  };
  if (win.document.readyState === 'complete') idle();
  else win.addEventListener('load', idle, { once: true });
}
