import { memo } from 'react';
import type { DatasetSummary, PreparedSummary } from '../../worker/protocol';
import { formatCount, formatDuration } from '../shared/format';

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe', ' ': 'space' };

/** Rows × columns as loaded, then as cleaned (`data-stage`), what the reader noticed, and how long each stage took. */
export const DataSummaryLine = memo(function DataSummaryLine({ dataset, prepared, pending }: { dataset: DatasetSummary; prepared: PreparedSummary | null; pending: boolean }) {
  const stage = prepared ? 'cleaned' : 'loaded';
  const rows = prepared ? prepared.report.rowsAfter : dataset.rowCount;
  const columns = prepared ? prepared.report.features.length + 1 : dataset.columns.length;
  const { notes } = dataset;
  return (
    <div className="data-summary">
      <p>
        <strong>{dataset.fileName}</strong>:{' '}
        <span data-testid="row-count" data-stage={stage}>
          {formatCount(rows)}
        </span>{' '}
        rows ×{' '}
        <span data-testid="column-count" data-stage={stage}>
          {formatCount(columns)}
        </span>{' '}
        columns{' '}
        {prepared
          ? `after cleaning (${formatCount(dataset.rowCount)} × ${dataset.columns.length} in the file; the columns are the features kept and the target)`
          : pending
            ? '(cleaning…)'
            : 'in the file'}
      </p>
      <p
        className="hint"
        data-testid="ingest-timings"
        data-parse-ms={Math.round(dataset.parseMs)}
        data-profile-ms={Math.round(dataset.profileMs)}
        data-clean-ms={prepared ? Math.round(prepared.timings.cleanMs) : undefined}
        data-prepare-ms={prepared ? Math.round(prepared.timings.fitMs + prepared.timings.encodeMs) : undefined}
      >
        {DELIMITER_NAMES[notes.delimiter] ?? notes.delimiter}-separated, {notes.encoding === 'utf-8' ? 'UTF-8' : `decoded as ${notes.encoding} (not valid UTF-8)`}
        {notes.decimal === ',' ? ', decimal commas' : ''}
        {notes.hasHeader ? '' : ', no header row (columns named col1…)'} · read in {formatDuration(dataset.parseMs)}, profiled in {formatDuration(dataset.profileMs)}
        {prepared ? `, cleaned in ${formatDuration(prepared.timings.cleanMs)}, normalised in ${formatDuration(prepared.timings.fitMs + prepared.timings.encodeMs)}` : ''}
      </p>
      {(notes.renamedColumns.length > 0 || notes.raggedRows > 0 || notes.typeNotes.length > 0) && (
        <ul className="notes">
          {notes.renamedColumns.length > 0 && <li>Duplicate or blank column names renamed: {notes.renamedColumns.join(', ')}.</li>}
          {notes.raggedRows > 0 && <li>{formatCount(notes.raggedRows)} rows had a different number of fields than the header (padded with missing cells or cut).</li>}
          {notes.typeNotes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
});
