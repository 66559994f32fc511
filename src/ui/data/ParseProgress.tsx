import { memo } from 'react';
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
  if (sizeBytes >= 1e9) return `${(sizeBytes / 1e9).toFixed(2)} GB`;
  if (sizeBytes >= 1e6) return `${(sizeBytes / 1e6).toFixed(1)} MB`;
  if (sizeBytes >= 1e3) return `${Math.round(sizeBytes / 1e3)} KB`;
  return `${Math.round(sizeBytes)} B`;
}

/** Progress while a file is read: a bar, "Reading… 12.3 MB of 69.5 MB · 150,000 rows" and a Cancel button. */
export const ParseProgress = memo(function ParseProgress({ bytesRead, totalBytes, rowsRead, onCancel }: Props) {
  const known = totalBytes > 0;
  const read = known ? Math.min(bytesRead, totalBytes) : bytesRead;
  const text = `Reading… ${formatBytes(read)}${known ? ` of ${formatBytes(totalBytes)}` : ''} · ${formatCount(rowsRead)} rows`;
  return (
    <div className="parse-progress" data-testid="parse-progress">
      {known ? <progress value={read} max={totalBytes} aria-label="Reading the file" /> : <progress aria-label="Reading the file" />}
      <span className="parse-progress-text">{text}</span>
      <button type="button" data-testid="cancel-load-button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
});
