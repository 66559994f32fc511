import { Fragment, useCallback, useEffect, useRef, useState, type ChangeEvent, type UIEvent } from 'react';
import { localCount, localFixed, problemCode, problemText, translate, useT } from '../i18n';
import { Alert } from '../shared/Alert';
import { humanLabel } from '../shared/labels';
import { downloadFile } from '../shared/download';
import { formatCount } from '../shared/format';
import { formatPercent } from '../shared/outcome';
import { newJobId, proxy, type WorkerBridge } from '../../worker/client';
import type { BatchFilter, BatchRow, BatchSummary } from '../../worker/batch';
import type { JobId, ModelId } from '../../worker/protocol';
import { ReasonWords } from './ReasonList';
import { slot, withData } from '../shared/messageParts';
import type { TypeNote } from '../../core/csv/notes';
import { typeNoteKey, typeNoteText } from '../data/readingNotes';

/** The height of one result row, in pixels: the table renders only the rows in view (and a few more). */
const ROW_HEIGHT = 30;
const VIEW_ROWS = 14;
const OVERSCAN = 10;

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading' | 'scoring'; done: number; total: number }
  /** `readingNotes`: what the reader decided about the file's column types (cells that were not numbers in a numeric column are read as missing, so scored with the fill). */
  | { kind: 'done'; summary: BatchSummary; readingNotes: readonly TypeNote[] }
  | { kind: 'error'; message: string; code?: string };

/** PSI in words, as lenders read it, in the active language; an unknown reading as itself. */
function readingText(reading: string): string {
  return reading === 'stable' || reading === 'watch' || reading === 'shifted' ? translate(`score.batch.drift.${reading}`) : reading;
}

/**
 * Scoring a whole file of applicants with the model in use: read and checked against its schema in
 * the worker, scored with the stored preprocessing, drift against the training rows, results paged
 * through a virtualised table, filters, a summary and a CSV download. Cancel stops it.
 */
export function BatchPanel({ bridge, modelId }: { bridge: WorkerBridge; modelId: ModelId }) {
  const { t } = useT();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const job = useRef<JobId | null>(null);
  const summary = phase.kind === 'done' ? phase.summary : null;
  // The worker holds a scored file's rows until told to let go: the one shown now, and no other.
  const shownBatch = summary?.batchId ?? null;
  useEffect(
    () => () => {
      if (shownBatch) void bridge.api.releaseBatch(shownBatch);
    },
    [bridge, shownBatch],
  );

  useEffect(
    () => () => {
      if (job.current) void bridge.api.cancel(job.current);
    },
    [bridge],
  );

  const run = async (file: File) => {
    const reading = newJobId();
    job.current = reading;
    setPhase({ kind: 'reading', done: 0, total: file.size });
    try {
      const loaded = await bridge.api.loadFile(
        reading,
        file,
        file.name,
        // Progress comes over its own port, so a last message can arrive after the result: only the job still running may report.
        proxy((p) => {
          if (job.current === reading) setPhase({ kind: 'reading', done: p.bytesRead, total: p.totalBytes || file.size });
        }),
      );
      if (job.current !== reading) return;
      if (!loaded.ok) return setPhase({ kind: 'error', message: problemText(loaded), code: problemCode(loaded) });
      const scoring = newJobId();
      job.current = scoring;
      const datasetId = loaded.data.datasetId;
      const scored = await bridge.api.scoreBatch(
        scoring,
        datasetId,
        modelId,
        proxy((done: number, total: number) => {
          if (job.current === scoring) setPhase({ kind: 'scoring', done, total });
        }),
      );
      void bridge.api.releaseDataset(datasetId);
      if (job.current !== scoring) return;
      job.current = null;
      setPhase(
        scored.ok
          ? { kind: 'done', summary: scored.data, readingNotes: loaded.data.summary.notes.typeNotes }
          : { kind: 'error', message: problemText(scored), code: problemCode(scored) },
      );
    } catch (error) {
      console.error('Batch scoring failed', error);
      setPhase({ kind: 'error', message: translate('score.batch.failed') });
    }
  };

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (file) void run(file);
  };

  const cancel = () => {
    if (job.current) void bridge.api.cancel(job.current);
    job.current = null;
    setPhase({ kind: 'idle' });
  };

  const download = async () => {
    if (!summary) return;
    const csv = await bridge.api.batchCsv(summary.batchId);
    if (csv.ok) downloadFile(csv.data as Uint8Array<ArrayBuffer>[], 'scores.csv', 'text/csv');
    else setPhase({ kind: 'error', message: problemText(csv), code: problemCode(csv) });
  };

  const busy = phase.kind === 'reading' || phase.kind === 'scoring';
  return (
    <section className="card" aria-labelledby="batch-heading">
      <h2 id="batch-heading">{t('score.batch.title')}</h2>
      <p className="hint">{t('score.batch.hint')}</p>
      <label>
        {t('score.batch.file')} <input type="file" accept=".csv,.txt,.tsv,text/csv" data-testid="batch-input" disabled={busy} onChange={choose} />
      </label>
      {busy && (
        <p>
          {/* Cancel before the counts: the text changes width as rows are scored, and a button after it would move under the pointer. */}
          <progress data-testid="batch-progress" max={phase.total || 1} value={phase.done} aria-label={t('score.batch.progress')} />{' '}
          <button type="button" data-testid="batch-cancel" onClick={cancel}>
            {t('score.batch.cancel')}
          </button>{' '}
          {phase.kind === 'reading' ? t('score.batch.reading') : t('score.batch.scoring', { done: formatCount(phase.done), total: formatCount(phase.total) })}
        </p>
      )}
      {phase.kind === 'error' && <Alert message={phase.message} code={phase.code} />}
      {phase.kind === 'done' && phase.readingNotes.length > 0 && (
        <ul className="hint" data-testid="batch-reading-notes">
          {phase.readingNotes.map((note) => (
            <li key={typeNoteKey(note)} data-code={note.code} data-column={note.params.column}>
              {typeNoteText(note)}
            </li>
          ))}
        </ul>
      )}
      {summary && <BatchResults bridge={bridge} summary={summary} onDownload={download} />}
    </section>
  );
}

function BatchResults({ bridge, summary, onDownload }: { bridge: WorkerBridge; summary: BatchSummary; onDownload: () => void }) {
  const { t } = useT();
  const [filter, setFilter] = useState<BatchFilter>('all');
  const shifted = [
    ...(summary.scoreDrift && summary.scoreDrift.reading === 'shifted' ? [t('score.batch.theScore')] : []),
    ...summary.featureDrift.features.filter((f) => f.reading === 'shifted').map((f) => humanLabel(f.column)),
  ];
  const approved = summary.scored - summary.declined;
  return (
    <div data-testid="batch-results" data-batch-id={summary.batchId}>
      {shifted.length > 0 && (
        <div className="notice drift-warning" role="status" data-testid="drift-warning">
          <span aria-hidden="true">⚠ </span>
          {t('score.batch.driftWarning', { inputs: shifted.join(t('score.batch.listSeparator')) })}
        </div>
      )}
      <p>
        <strong data-testid="batch-row-count" data-rows={summary.rows}>
          {formatCount(summary.rows)}
        </strong>
        {t('score.batch.rows', {
          scored: formatCount(summary.scored),
          approved: formatCount(approved),
          share: summary.scored > 0 ? formatPercent(approved / summary.scored) : '–',
          declined: formatCount(summary.declined),
        })}
        <strong data-testid="batch-flagged-count" data-rows={summary.flaggedRows}>
          {formatCount(summary.flaggedRows)}
        </strong>
        {t('score.batch.flagged', { flags: flagText(summary) })}
        {summary.unscorable > 0 ? t('score.batch.unscorable', { rows: formatCount(summary.unscorable) }) : ''}
        {t('score.batch.end')}
        {summary.extraColumns.length > 0 && withData(t('score.batch.passedThrough', { columns: slot('columns') }), { columns: summary.extraColumns.join(', ') })}
      </p>
      <ScoreDistribution summary={summary} />
      <DriftTable summary={summary} />
      <div className="field-row">
        <label>
          {t('score.batch.show')}{' '}
          <select data-testid="batch-filter" value={filter} onChange={(e) => setFilter(e.target.value as BatchFilter)}>
            <option value="all">{t('score.batch.filter.all')}</option>
            <option value="declined">{t('score.batch.filter.declined')}</option>
            <option value="flagged">{t('score.batch.filter.flagged')}</option>
          </select>
        </label>
        <button type="button" data-testid="download-scores" onClick={onDownload}>
          {t('score.batch.download')}
        </button>
      </div>
      <ResultTable key={filter} bridge={bridge} batchId={summary.batchId} filter={filter} />
    </div>
  );
}

// The worker's row flags, by their key under score.batch.flag / flagName.
const FLAG_KEYS = { MISSING: 'missing', UNSEEN_LEVEL: 'unseenLevel', OUTSIDE_TRAINED: 'outsideTrained', NOT_A_NUMBER: 'notANumber', IMPOSSIBLE: 'impossible' } as const;
const isKnown = (flag: string): flag is keyof typeof FLAG_KEYS => Object.hasOwn(FLAG_KEYS, flag);

/** One row's flag in words ("outside trained"); an unknown flag in lower case. */
function flagName(flag: string): string {
  return isKnown(flag) ? translate(`score.batch.flagName.${FLAG_KEYS[flag]}`) : flag.toLowerCase().replaceAll('_', ' ');
}

function flagText(summary: BatchSummary): string {
  const keys = FLAG_KEYS;
  const parts = Object.entries(summary.flagCounts)
    .filter(([, n]) => n > 0)
    .map(([flag, n]) => (isKnown(flag) ? translate(`score.batch.flag.${keys[flag]}`, { n: formatCount(n) }) : `${formatCount(n)} ${flag}`));
  return parts.length > 0 ? parts.join(translate('score.batch.listSeparator')) : translate('score.batch.flag.none');
}

/** The batch's probabilities of bad in ten bins beside the model's validation rows', as a table with bars. */
function ScoreDistribution({ summary }: { summary: BatchSummary }) {
  const { t } = useT();
  const { batch, reference } = summary.scoreHistogram;
  return (
    <table className="score-distribution" data-testid="batch-score-distribution">
      <caption>{reference ? t('score.batch.distribution.captionWithReference') : t('score.batch.distribution.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('score.batch.distribution.probability')}</th>
          <th scope="col">{t('score.batch.distribution.thisFile')}</th>
          {reference && <th scope="col">{t('score.batch.distribution.validation')}</th>}
        </tr>
      </thead>
      <tbody>
        {batch.map((share, b) => (
          <tr key={b} data-bin={b} data-share={share}>
            <th scope="row">
              {localCount(b * 10)}–{formatPercent((b + 1) / 10, 0)}
            </th>
            <td>
              <span className="bar" style={{ width: `${Math.round(share * 100)}%` }} /> {formatPercent(share)}
            </td>
            {reference && (
              <td>
                <span className="bar reference" style={{ width: `${Math.round(reference[b] * 100)}%` }} /> {formatPercent(reference[b])}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** PSI of the score and of each input against the training rows, with the usual reading. */
function DriftTable({ summary }: { summary: BatchSummary }) {
  const { t } = useT();
  const rows = [
    ...(summary.scoreDrift ? [{ feature: '(score)', label: t('score.batch.drift.score'), psi: summary.scoreDrift.psi, reading: summary.scoreDrift.reading }] : []),
    ...summary.featureDrift.features.map((f) => ({ feature: f.column, label: humanLabel(f.column), psi: f.psi, reading: f.reading })),
  ];
  return (
    <table className="drift-report" data-testid="drift-report">
      <caption>{t('score.batch.drift.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('score.batch.drift.input')}</th>
          <th scope="col">{t('score.batch.drift.psi')}</th>
          <th scope="col">{t('score.batch.drift.reading')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.feature} data-feature={row.feature} data-psi={row.psi} data-reading={row.reading}>
            <th scope="row" translate={row.feature === '(score)' ? undefined : 'no'}>
              {row.label}
            </th>
            <td>{localFixed(row.psi, 3)}</td>
            <td>{readingText(row.reading)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The scored rows, only those in view rendered, paged from the worker as the table scrolls. */
function ResultTable({ bridge, batchId, filter }: { bridge: WorkerBridge; batchId: string; filter: BatchFilter }) {
  const { t } = useT();
  const [total, setTotal] = useState(0);
  const [first, setFirst] = useState(0);
  const [rows, setRows] = useState<{ start: number; rows: readonly BatchRow[] }>({ start: 0, rows: [] });
  const fetchAt = useCallback(
    async (start: number) => {
      const page = await bridge.api.batchRows(batchId, filter, start, VIEW_ROWS + 2 * OVERSCAN);
      if (!page.ok) return;
      setTotal(page.data.total);
      setRows({ start, rows: page.data.rows });
    },
    [bridge, batchId, filter],
  );
  useEffect(() => void fetchAt(0), [fetchAt]);
  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const top = Math.floor(event.currentTarget.scrollTop / ROW_HEIGHT);
    setFirst(top);
    const start = Math.max(0, top - OVERSCAN);
    if (start < rows.start || top + VIEW_ROWS > rows.start + rows.rows.length) void fetchAt(start);
  };
  const visible = rows.rows.filter((_, i) => rows.start + i >= first - OVERSCAN && rows.start + i < first + VIEW_ROWS + OVERSCAN);
  const offset = Math.max(rows.start, first - OVERSCAN);
  return (
    <div className="batch-table" data-testid="batch-table" data-total={total} style={{ height: ROW_HEIGHT * (VIEW_ROWS + 1), overflowY: 'auto' }} onScroll={onScroll}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('score.batch.table.row')}</th>
            <th scope="col">{t('score.batch.table.probability')}</th>
            <th scope="col">{t('score.batch.table.points')}</th>
            <th scope="col">{t('score.batch.table.decision')}</th>
            <th scope="col">{t('score.batch.table.flags')}</th>
            <th scope="col">{t('score.batch.table.reasons')}</th>
          </tr>
        </thead>
        <tbody>
          <tr style={{ height: offset * ROW_HEIGHT }} aria-hidden="true" />
          {visible.map((row) => (
            <tr key={row.row} data-row={row.row} data-probability={row.probabilityOfBad ?? ''} data-decision={row.decision ?? ''} style={{ height: ROW_HEIGHT }}>
              <td>{row.row}</td>
              <td>{row.probabilityOfBad === null ? '–' : formatPercent(row.probabilityOfBad)}</td>
              <td>{row.points ?? '–'}</td>
              <td>{row.decision === null ? t('score.batch.table.notScored') : row.decision === 'decline' ? t('score.batch.table.decline') : t('score.batch.table.approve')}</td>
              <td>{row.flags.map(flagName).join(t('score.batch.listSeparator'))}</td>
              <td>
                {row.reasons.map((reason, i) => (
                  <Fragment key={i}>
                    {i > 0 && t('score.reasons.separator')}
                    <ReasonWords reason={reason} />
                  </Fragment>
                ))}
              </td>
            </tr>
          ))}
          <tr style={{ height: Math.max(0, total - offset - visible.length) * ROW_HEIGHT }} aria-hidden="true" />
        </tbody>
      </table>
    </div>
  );
}
