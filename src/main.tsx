import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { App } from './ui/App';
import { createServiceWorkerUpdates, whenLoadedAndIdle } from './ui/pwa/serviceWorkerUpdates';
import { UpdatePrompt } from './ui/shell/UpdatePrompt';
import { TopErrorBoundary } from './ui/shared/TopErrorBoundary';
import './ui/styles.css';

// The service worker (vite-plugin-pwa's, precaching every asset) makes the app work offline after
// one visit; it installs once the page has loaded and is idle, so the first load is not slowed.
const updates = createServiceWorkerUpdates();
if ('serviceWorker' in navigator) whenLoadedAndIdle(() => updates.register(registerSW));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <TopErrorBoundary>
      <App />
      <UpdatePrompt updates={updates} />
    </TopErrorBoundary>
  </StrictMode>,
);
