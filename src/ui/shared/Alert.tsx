import type { ReactNode } from 'react';
import { useT } from '../i18n';

/** A short, human error message for the user (details go to the console), as text or as words with marked data values (DataText); `code` is the problem's code, shown as `data-problem-code`. */
export function Alert({ message, code, onDismiss }: { message: ReactNode; code?: string; onDismiss?: () => void }) {
  const { t } = useT();
  if (message === null || message === undefined || message === false || message === '') return null;
  return (
    <div role="alert" className="alert" data-problem-code={code}>
      <span>{message}</span>
      {onDismiss && (
        <button type="button" className="link" onClick={onDismiss} aria-label={t('alert.dismiss')}>
          ×
        </button>
      )}
    </div>
  );
}
