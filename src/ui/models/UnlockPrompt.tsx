import { useId, useState } from 'react';
import { useT } from '../i18n';
import { slot, withData } from '../shared/messageParts';
import type { UnlockRequest } from './types';

interface Props {
  readonly request: UnlockRequest;
  readonly busy: boolean;
  readonly onUnlock: (passphrase: string) => void;
  readonly onCancel: () => void;
}

/** Asks for the passphrase of a locked model (a chosen file or a saved one); a wrong one is reported in the panel's alert. */
export function UnlockPrompt({ request, busy, onUnlock, onCancel }: Props) {
  const { t } = useT();
  const [passphrase, setPassphrase] = useState('');
  const id = useId();
  return (
    <form
      className="unlock-prompt"
      data-testid="unlock-prompt"
      data-source={request.source}
      data-name={request.name}
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (passphrase) onUnlock(passphrase);
      }}
    >
      <p id={`${id}-title`}>
        <span aria-hidden="true">🔒 </span>
        {withData(t(request.source === 'file' ? 'models.unlock.file' : 'models.unlock.saved', { name: slot('name') }), { name: request.name })}
      </p>
      <div className="field-row">
        <label htmlFor={`${id}-passphrase`}>{t('models.unlock.passphrase')}</label>
        <input
          id={`${id}-passphrase`}
          type="password"
          autoComplete="off"
          data-testid="unlock-passphrase-input"
          value={passphrase}
          disabled={busy}
          onChange={(e) => setPassphrase(e.target.value)}
        />
        <button type="submit" className="primary" data-testid="unlock-button" disabled={busy || !passphrase}>
          {t('models.unlock.open')}
        </button>
        <button type="button" data-testid="unlock-cancel-button" disabled={busy} onClick={onCancel}>
          {t('models.unlock.cancel')}
        </button>
      </div>
    </form>
  );
}
