import { Fragment, memo, type ReactNode } from 'react';
import type { TextEncodingCode } from '../../core/csv/encoding';
import type { DatasetSummary, PreparedSummary } from '../../worker/protocol';
import { translate, useT } from '../i18n';
import { formatCount, formatDuration } from '../shared/format';
import { dataMarks } from '../shared/messageParts';
import { renamedText, typeNoteKey, typeNoteText } from './readingNotes';

/** The encodings' own names, as their standards spell them. */
const ENCODING_NAMES: Readonly<Record<TextEncodingCode, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GB18030',
  'windows-1252': 'Windows-1252',
};

const DELIMITER_KEYS = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe', ' ': 'space' } as const;

function isKnownDelimiter(delimiter: string): delimiter is keyof typeof DELIMITER_KEYS {
  return Object.hasOwn(DELIMITER_KEYS, delimiter);
}

/** "no header row (columns named col1…)": the positional name is a column name, so data. */
function noHeaderText(): ReactNode {
  const { mark, render } = dataMarks();
  return render(translate('data.summary.noHeader', { first: mark('col1') }));
}

/** Rows × columns as loaded, then as cleaned (`data-stage`), what the reader noticed, and how long each stage took. */
export const DataSummaryLine = memo(function DataSummaryLine({ dataset, prepared, pending }: { dataset: DatasetSummary; prepared: PreparedSummary | null; pending: boolean }) {
  const stage = prepared ? 'cleaned' : 'loaded';
  const rows = prepared ? prepared.report.rowsAfter : dataset.rowCount;
  const columns = prepared ? prepared.report.features.length + 1 : dataset.columns.length;
  const { notes } = dataset;
  const { t } = useT();
  const delimiter = isKnownDelimiter(notes.delimiter) ? t(`data.summary.delimiter.${DELIMITER_KEYS[notes.delimiter]}`) : notes.delimiter;
  const reading: ReactNode[] = [
    t('data.summary.separated', { delimiter }),
    // UTF-16 is announced by its byte-order mark; GB18030 and Windows-1252 are what a file that is not UTF-8 was read as.
    notes.encoding === 'utf-8'
      ? t('data.summary.utf8')
      : notes.encoding === 'utf-16le' || notes.encoding === 'utf-16be'
        ? t('data.summary.utf16', { encoding: ENCODING_NAMES[notes.encoding] })
        : t('data.summary.decoded', { encoding: ENCODING_NAMES[notes.encoding] }),
    ...(notes.decimal === ',' ? [t('data.summary.decimalCommas')] : []),
    ...(notes.hasHeader ? [] : [noHeaderText()]),
  ];
  return (
    <div className="data-summary">
      <p>
        <strong translate="no">{dataset.fileName}</strong>:{' '}
        <span data-testid="row-count" data-stage={stage}>
          {formatCount(rows)}
        </span>{' '}
        {t('data.summary.rowsTimes')}{' '}
        <span data-testid="column-count" data-stage={stage}>
          {formatCount(columns)}
        </span>{' '}
        {t('data.summary.columns')}{' '}
        {prepared
          ? t('data.summary.afterCleaning', { rows: formatCount(dataset.rowCount), columns: formatCount(dataset.columns.length) })
          : pending
            ? t('data.summary.cleaning')
            : t('data.summary.inFile')}
      </p>
      <p
        className="hint"
        data-testid="ingest-timings"
        data-encoding={notes.encoding}
        data-delimiter={isKnownDelimiter(notes.delimiter) ? DELIMITER_KEYS[notes.delimiter] : notes.delimiter}
        data-decimal={notes.decimal}
        data-header={notes.hasHeader}
        data-parse-ms={Math.round(dataset.parseMs)}
        data-profile-ms={Math.round(dataset.profileMs)}
        data-clean-ms={prepared ? Math.round(prepared.timings.cleanMs) : undefined}
        data-prepare-ms={prepared ? Math.round(prepared.timings.fitMs + prepared.timings.encodeMs) : undefined}
      >
        {reading.map((part, i) => (
          <Fragment key={i}>
            {i > 0 && t('data.summary.separator')}
            {part}
          </Fragment>
        ))}
        {t('data.summary.timings', { read: formatDuration(dataset.parseMs), profiled: formatDuration(dataset.profileMs) })}
        {prepared
          ? t('data.summary.cleanTimings', { cleaned: formatDuration(prepared.timings.cleanMs), normalised: formatDuration(prepared.timings.fitMs + prepared.timings.encodeMs) })
          : ''}
      </p>
      {(notes.renamedColumns.length > 0 || notes.raggedRows > 0 || notes.typeNotes.length > 0) && (
        <ul className="notes" data-testid="reading-notes">
          {notes.renamedColumns.length > 0 && <li data-code="csv.renamed">{renamedText(notes.renamedColumns)}</li>}
          {notes.raggedRows > 0 && (
            <li data-code="csv.ragged" data-rows={notes.raggedRows}>
              {t('data.summary.ragged', { count: notes.raggedRows, rows: formatCount(notes.raggedRows) })}
            </li>
          )}
          {notes.typeNotes.map((note) => (
            <li key={typeNoteKey(note)} data-code={note.code} data-column={note.params.column}>
              {typeNoteText(note)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
