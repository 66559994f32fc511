import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { App } from './App';
import { createServiceWorkerUpdates, whenLoadedAndIdle } from './pwa/serviceWorkerUpdates';
import { UpdatePrompt } from './shell/UpdatePrompt';
import { TopErrorBoundary } from './shared/TopErrorBoundary';

/**
 * Renders the app into `container`. The first render is a transition, so React renders it in
 * slices of a few milliseconds instead of one long task, and the service worker (vite-plugin-pwa's,
 * precaching every asset, so the app works offline after one visit) installs once the page has
 * loaded and is idle, so the first load is not slowed.
 */
export function renderApp(container: HTMLElement): void {
  const updates = createServiceWorkerUpdates();
  if ('serviceWorker' in navigator) whenLoadedAndIdle(() => updates.register(registerSW));
  const root = createRoot(container);
  startTransition(() =>
    root.render(
      <StrictMode>
        <TopErrorBoundary>
          <App />
          <UpdatePrompt updates={updates} />
        </TopErrorBoundary>
      </StrictMode>,
    ),
  );
}
