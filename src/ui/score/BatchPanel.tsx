import { useCallback, useEffect, useRef, useState, type ChangeEvent, type UIEvent } from 'react';
import { humanLabel } from '../shared/labels';
import { downloadFile } from '../shared/download';
import { formatCount } from '../shared/format';
import { formatPercent } from '../shared/outcome';
import { newJobId, proxy, type WorkerBridge } from '../../worker/client';
import type { BatchFilter, BatchRow, BatchSummary } from '../../worker/batch';
import type { JobId, ModelId } from '../../worker/protocol';
import { reasonText } from './ReasonList';

/** The height of one result row, in pixels: the table renders only the rows in view (and a few more). */
const ROW_HEIGHT = 30;
const VIEW_ROWS = 14;
const OVERSCAN = 10;

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading' | 'scoring'; done: number; total: number }
  /** `readingNotes`: what the reader decided about the file's column types (cells that were not numbers in a numeric column are read as missing, so scored with the fill). */
  | { kind: 'done'; summary: BatchSummary; readingNotes: readonly string[] }
  | { kind: 'error'; message: string };

/** PSI in words, as lenders read it. */
const READING: Readonly<Record<string, string>> = { stable: 'stable', watch: 'watch', shifted: 'shifted' };

/**
 * Scoring a whole file of applicants with the model in use: read and checked against its schema in
 * the worker, scored with the stored preprocessing, drift against the training rows, results paged
 * through a virtualised table, filters, a summary and a CSV download. Cancel stops it.
 */
export function BatchPanel({ bridge, modelId }: { bridge: WorkerBridge; modelId: ModelId }) {
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
      if (!loaded.ok) return setPhase({ kind: 'error', message: loaded.reason });
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
      setPhase(scored.ok ? { kind: 'done', summary: scored.data, readingNotes: loaded.data.summary.notes.typeNotes } : { kind: 'error', message: scored.reason });
    } catch (error) {
      console.error('Batch scoring failed', error);
      setPhase({ kind: 'error', message: 'The file could not be scored.' });
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
    else setPhase({ kind: 'error', message: csv.reason });
  };

  const busy = phase.kind === 'reading' || phase.kind === 'scoring';
  return (
    <section className="card" aria-labelledby="batch-heading">
      <h2 id="batch-heading">Score a file of applicants</h2>
      <p className="hint">
        A CSV with the model’s input columns (others are passed through). Every row is scored with the model’s stored cleaning and preprocessing, nothing refit, and compared with
        the training rows for drift. The file stays on this device.
      </p>
      <label>
        Applicants file <input type="file" accept=".csv,.txt,.tsv,text/csv" data-testid="batch-input" disabled={busy} onChange={choose} />
      </label>
      {busy && (
        <p>
          <progress data-testid="batch-progress" max={phase.total || 1} value={phase.done} aria-label="Scoring progress" />{' '}
          {phase.kind === 'reading' ? 'Reading the file…' : `Scored ${formatCount(phase.done)} of ${formatCount(phase.total)} rows…`}{' '}
          <button type="button" data-testid="batch-cancel" onClick={cancel}>
            Cancel
          </button>
        </p>
      )}
      {phase.kind === 'error' && (
        <div role="alert" className="alert">
          {phase.message}
        </div>
      )}
      {phase.kind === 'done' && phase.readingNotes.length > 0 && (
        <ul className="hint" data-testid="batch-reading-notes">
          {phase.readingNotes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {summary && <BatchResults bridge={bridge} summary={summary} onDownload={download} />}
    </section>
  );
}

function BatchResults({ bridge, summary, onDownload }: { bridge: WorkerBridge; summary: BatchSummary; onDownload: () => void }) {
  const [filter, setFilter] = useState<BatchFilter>('all');
  const shifted = [
    ...(summary.scoreDrift && summary.scoreDrift.reading === 'shifted' ? ['the score'] : []),
    ...summary.featureDrift.features.filter((f) => f.reading === 'shifted').map((f) => humanLabel(f.column)),
  ];
  const approved = summary.scored - summary.declined;
  return (
    <div data-testid="batch-results" data-batch-id={summary.batchId}>
      {shifted.length > 0 && (
        <div className="notice drift-warning" role="status" data-testid="drift-warning">
          <span aria-hidden="true">⚠ </span>These applicants no longer look like the ones the model learned from: {shifted.join(', ')} shifted (PSI above 0.25). Check the model
          before relying on these scores.
        </div>
      )}
      <p>
        <strong data-testid="batch-row-count" data-rows={summary.rows}>
          {formatCount(summary.rows)}
        </strong>{' '}
        rows: {formatCount(summary.scored)} scored, {formatCount(approved)} approved ({summary.scored > 0 ? formatPercent(approved / summary.scored) : '–'}),{' '}
        {formatCount(summary.declined)} declined;{' '}
        <strong data-testid="batch-flagged-count" data-rows={summary.flaggedRows}>
          {formatCount(summary.flaggedRows)}
        </strong>{' '}
        flagged ({flagText(summary)}){summary.unscorable > 0 ? `; ${formatCount(summary.unscorable)} could not be scored` : ''}.
        {summary.extraColumns.length > 0 && ` Passed through: ${summary.extraColumns.join(', ')}.`}
      </p>
      <ScoreDistribution summary={summary} />
      <DriftTable summary={summary} />
      <div className="field-row">
        <label>
          Show{' '}
          <select data-testid="batch-filter" value={filter} onChange={(e) => setFilter(e.target.value as BatchFilter)}>
            <option value="all">all rows</option>
            <option value="declined">declined</option>
            <option value="flagged">flagged</option>
          </select>
        </label>
        <button type="button" data-testid="download-scores" onClick={onDownload}>
          Download scores (CSV)
        </button>
      </div>
      <ResultTable key={filter} bridge={bridge} batchId={summary.batchId} filter={filter} />
    </div>
  );
}

function flagText(summary: BatchSummary): string {
  const names: Readonly<Record<string, string>> = {
    MISSING: 'missing answers',
    UNSEEN_LEVEL: 'unseen categories',
    OUTSIDE_TRAINED: 'outside the trained range',
    NOT_A_NUMBER: 'text for a number',
    IMPOSSIBLE: 'impossible values',
  };
  const parts = Object.entries(summary.flagCounts)
    .filter(([, n]) => n > 0)
    .map(([flag, n]) => `${formatCount(n)} ${names[flag] ?? flag}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

/** The batch's probabilities of bad in ten bins beside the model's validation rows', as a table with bars. */
function ScoreDistribution({ summary }: { summary: BatchSummary }) {
  const { batch, reference } = summary.scoreHistogram;
  return (
    <table className="score-distribution" data-testid="batch-score-distribution">
      <caption>Probability of bad: this file {reference ? 'against the validation rows' : ''}</caption>
      <thead>
        <tr>
          <th scope="col">Probability of bad</th>
          <th scope="col">This file</th>
          {reference && <th scope="col">Validation rows</th>}
        </tr>
      </thead>
      <tbody>
        {batch.map((share, b) => (
          <tr key={b} data-bin={b} data-share={share}>
            <th scope="row">
              {b * 10}–{b * 10 + 10}%
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
  const rows = [
    ...(summary.scoreDrift ? [{ feature: '(score)', label: 'Score (probability of bad)', psi: summary.scoreDrift.psi, reading: summary.scoreDrift.reading }] : []),
    ...summary.featureDrift.features.map((f) => ({ feature: f.column, label: humanLabel(f.column), psi: f.psi, reading: f.reading })),
  ];
  return (
    <table className="drift-report" data-testid="drift-report">
      <caption>Drift against the training rows (population stability index: under 0.1 stable, 0.1–0.25 watch, above 0.25 shifted; empty bins get half a row on both sides)</caption>
      <thead>
        <tr>
          <th scope="col">Input</th>
          <th scope="col">PSI</th>
          <th scope="col">Reading</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.feature} data-feature={row.feature} data-psi={row.psi} data-reading={row.reading}>
            <th scope="row">{row.label}</th>
            <td>{row.psi.toFixed(3)}</td>
            <td>{READING[row.reading]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The scored rows, only those in view rendered, paged from the worker as the table scrolls. */
function ResultTable({ bridge, batchId, filter }: { bridge: WorkerBridge; batchId: string; filter: BatchFilter }) {
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
            <th scope="col">Row</th>
            <th scope="col">Probability of bad</th>
            <th scope="col">Points</th>
            <th scope="col">Decision</th>
            <th scope="col">Flags</th>
            <th scope="col">Principal reasons</th>
          </tr>
        </thead>
        <tbody>
          <tr style={{ height: offset * ROW_HEIGHT }} aria-hidden="true" />
          {visible.map((row) => (
            <tr key={row.row} data-row={row.row} data-probability={row.probabilityOfBad ?? ''} data-decision={row.decision ?? ''} style={{ height: ROW_HEIGHT }}>
              <td>{row.row}</td>
              <td>{row.probabilityOfBad === null ? '–' : formatPercent(row.probabilityOfBad)}</td>
              <td>{row.points ?? '–'}</td>
              <td>{row.decision === null ? 'not scored' : row.decision === 'decline' ? '✕ decline' : '✓ approve'}</td>
              <td>{row.flags.join(', ').toLowerCase().replaceAll('_', ' ')}</td>
              <td>{row.reasons.map(reasonText).join('; ')}</td>
            </tr>
          ))}
          <tr style={{ height: Math.max(0, total - offset - visible.length) * ROW_HEIGHT }} aria-hidden="true" />
        </tbody>
      </table>
    </div>
  );
}
