import { memo, useState, type DragEvent } from 'react';
import { useT } from '../i18n';

interface Props {
  readonly busy: boolean;
  readonly onFile: (file: File) => void;
  readonly onSample: () => void;
}

/** Step 1: a file picker, a drop zone and the bundled sample loan book. */
export const DataLoader = memo(function DataLoader({ busy, onFile, onSample }: Props) {
  const { t } = useT();
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };

  return (
    <section className="card" aria-labelledby="load-heading">
      <h2 id="load-heading" tabIndex={-1}>
        {t('data.loader.title')}
      </h2>
      <div className="load-row">
        <label
          className={`dropzone${dragging ? ' dragging' : ''}`}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <span>{t('data.loader.drop')}</span>
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            data-testid="dataset-input"
            disabled={busy}
            onChange={(event) => {
              const file = event.target.files?.[0];
              // Clear the input so choosing the same file again still triggers a load.
              event.target.value = '';
              if (file) onFile(file);
            }}
          />
        </label>
        <span className="or">{t('data.loader.or')}</span>
        <button type="button" data-testid="sample-data-button" disabled={busy} onClick={onSample}>
          {t('data.loader.sample')}
        </button>
      </div>
      <p className="hint">{t('data.loader.privacy')}</p>
    </section>
  );
});
