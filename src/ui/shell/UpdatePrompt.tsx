import { useState, useSyncExternalStore } from 'react';
import { useT } from '../i18n';
import type { ServiceWorkerUpdates } from '../pwa/serviceWorkerUpdates';

/**
 * A small, non-modal notice when a new version of the app has been installed and is waiting:
 * Reload lets it take over (the page reloads once it controls it); Later keeps the current one.
 * Work in progress is not interrupted: nothing happens until the user chooses.
 */
export function UpdatePrompt({ updates }: { readonly updates: ServiceWorkerUpdates }) {
  const state = useSyncExternalStore(updates.subscribe, updates.getSnapshot, updates.getSnapshot);
  const { t } = useT();
  const [reloading, setReloading] = useState(false);
  if (state !== 'update-waiting') return null;
  const reload = () => {
    setReloading(true);
    updates.applyUpdate().catch((error: unknown) => {
      console.error('CreditLab: the new version could not take over', error);
      setReloading(false);
    });
  };
  return (
    <div className="update-prompt" role="status" data-testid="update-prompt" data-state={state}>
      <span>{t('update.ready')}</span>
      <button type="button" className="primary" data-testid="update-reload-button" onClick={reload} disabled={reloading}>
        {t('update.reload')}
      </button>{' '}
      <button type="button" className="link" data-testid="update-later-button" onClick={updates.dismiss}>
        {t('update.later')}
      </button>
    </div>
  );
}
