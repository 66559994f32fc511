import { memo } from 'react';
import { localFixed, translate, useT } from '../i18n';
import { formatCount } from '../shared/format';

interface Props {
  readonly bytesRead: number;
  /** The file's size; 0 when unknown (the bar then shows activity without a fraction). */
  readonly totalBytes: number;
  readonly rowsRead: number;
  readonly onCancel: () => void;
}

/** A size in decimal units: "512 B", "48 KB", "12.3 MB", "1.25 GB". */
function formatBytes(sizeBytes: number): string {
  if (sizeBytes >= 1e9) return translate('data.bytes.gb', { value: localFixed(sizeBytes / 1e9, 2) });
  if (sizeBytes >= 1e6) return translate('data.bytes.mb', { value: localFixed(sizeBytes / 1e6, 1) });
  if (sizeBytes >= 1e3) return translate('data.bytes.kb', { value: localFixed(Math.round(sizeBytes / 1e3), 0) });
  return translate('data.bytes.b', { value: localFixed(Math.round(sizeBytes), 0) });
}

/** Progress while a file is read: a bar, "Reading… 12.3 MB of 69.5 MB · 150,000 rows" and a Cancel button. */
export const ParseProgress = memo(function ParseProgress({ bytesRead, totalBytes, rowsRead, onCancel }: Props) {
  const { t } = useT();
  const known = totalBytes > 0;
  const read = known ? Math.min(bytesRead, totalBytes) : bytesRead;
  const text = known
    ? t('data.progress.readingOf', { read: formatBytes(read), total: formatBytes(totalBytes), rows: formatCount(rowsRead) })
    : t('data.progress.reading', { read: formatBytes(read), rows: formatCount(rowsRead) });
  return (
    <div className="parse-progress" data-testid="parse-progress">
      {known ? <progress value={read} max={totalBytes} aria-label={t('data.progress.label')} /> : <progress aria-label={t('data.progress.label')} />}
      <span className="parse-progress-text">{text}</span>
      <button type="button" data-testid="cancel-load-button" onClick={onCancel}>
        {t('data.progress.cancel')}
      </button>
    </div>
  );
});
