import { useId } from 'react';
import { useT } from '../i18n';

interface Props {
  readonly busy: boolean;
  readonly onImport: (file: File) => void;
}

/** Choosing a model file (.json, plain or encrypted) to import. */
export function ImportSection({ busy, onImport }: Props) {
  const { t } = useT();
  const id = useId();
  return (
    <section className="models-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('models.import.title')}</h3>
      <div className="field-row">
        <label htmlFor={`${id}-file`}>{t('models.import.file')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          data-testid="import-input"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Cleared, so that choosing the same file again is a new choice.
            e.target.value = '';
            if (file) onImport(file);
          }}
        />
      </div>
    </section>
  );
}
