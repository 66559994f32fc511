// Batch scoring in the worker: a file of applicants checked against the model's schema, scored with
// the bundle's cleaning and preprocessing as stored (never refit), each row with its probability of
// bad, points, decision and reasons; drift of the scores and of every input against the training
// rows; the rows kept here for the page to page through and download.
import { batchFlagNames, checkBatchColumns, type BatchRowCheck } from '../core/batch/batchCheck';
import { featureDrift, type FeatureDriftReport } from '../core/drift/featureDrift';
import { scoreDrift, type PsiResult } from '../core/drift/psi';
import type { Reason } from '../core/reasons/reasons';
import type { ReasonStore } from '../core/reasons/reasonStore';
import { failWith, ok, type Result } from '../core/result';
import type { Column, Table } from '../core/table';
import { yieldToEventLoop } from '../model/train';
import { findDataset } from './datasets';
import { findModel } from './models';
import type { DatasetId, ModelId } from './protocol';
import { answerOf, chunkScoringOf, headerRecord, RUN_ROWS, scoreRun, scoredCsv, scoredHeader, startScoring } from './scoreRows';

/** One scored (or refused) row of a batch. */
export interface BatchRow {
  /** 1-based row of the batch file. */
  readonly row: number;
  readonly probabilityOfBad: number | null;
  readonly points: number | null;
  readonly decision: 'approve' | 'decline' | null;
  /** BatchFlag names of the row's cells. */
  readonly flags: readonly string[];
  readonly reasons: readonly Reason[];
}

/** What a batch run found, for the summary above its table. */
export interface BatchSummary {
  readonly batchId: string;
  readonly rows: number;
  readonly scored: number;
  readonly declined: number;
  readonly flaggedRows: number;
  /** Rows that could not be scored (text where a number belongs, an impossible value). */
  readonly unscorable: number;
  readonly flagCounts: BatchRowCheck['counts'];
  readonly extraColumns: readonly string[];
  /** Probabilities of bad of the scored rows in ten bins of 0.1, against the model's validation rows in the same bins (null when the bundle has none). */
  readonly scoreHistogram: { readonly batch: readonly number[]; readonly reference: readonly number[] | null };
  readonly scoreDrift: PsiResult | null;
  readonly featureDrift: FeatureDriftReport;
}

/** Which rows the table shows. */
export type BatchFilter = 'all' | 'declined' | 'flagged';

/** A scored file kept for paging and download: one entry per row in typed arrays, Reason objects made only for the rows asked for. */
interface StoredBatch {
  readonly summary: BatchSummary;
  readonly table: Table;
  /** The table as the model reads it (trimmed column names): the answers reasons quote. */
  readonly encodingTable: Table;
  /** NaN where the row was not scored. */
  readonly probabilityOfBad: Float64Array;
  readonly points: Float64Array;
  /** 1 decline, 0 approve, −1 not scored. */
  readonly decision: Int8Array;
  readonly flags: Uint8Array;
  readonly reasons: ReasonStore;
}

const batches = new Map<string, StoredBatch>();
let nextBatch = 1;

/** Scores every row of data set `datasetId` with model `modelId`; `onProgress` hears rows done; an aborted `signal` stops and keeps nothing. */
export async function scoreBatch(datasetId: DatasetId, modelId: ModelId, onProgress: (done: number, total: number) => void, signal: AbortSignal): Promise<Result<BatchSummary>> {
  const dataset = findDataset(datasetId);
  if (!dataset.ok) return dataset;
  const found = findModel(modelId);
  if (!found.ok) return found;
  const { bundle, scorer, policy } = found.data;
  const table = dataset.data.table;
  const columns = checkBatchColumns(table, bundle.schema);
  if (!columns.ok) {
    return failWith('batch.missingColumns', { columns: columns.problem.columns });
  }
  const pre = bundle.preprocessing;
  const rows = startScoring(chunkScoringOf(bundle, scorer, true, policy), table);
  const { check: checked, encodingTable } = rows;
  const { probabilityOfBad: probability, points, decision } = rows.scored;
  const reasons = rows.scored.reasons!;
  const rowCount = table.rowCount;
  // One run between two turns of the event loop (progress out, Cancel in).
  for (let start = 0; start < rowCount; start += RUN_ROWS) {
    if (signal.aborted) return failWith('batch.cancelled', {});
    scoreRun(rows, start);
    onProgress(Math.min(start + RUN_ROWS, rowCount), rowCount);
    await yieldToEventLoop();
  }
  let scored = 0;
  let declined = 0;
  for (let r = 0; r < rowCount; r++) {
    if (decision[r] >= 0) scored++;
    if (decision[r] === 1) declined++;
  }
  const scoredP = new Float64Array(scored);
  for (let r = 0, k = 0; r < rowCount; r++) if (decision[r] >= 0) scoredP[k++] = probability[r];
  const histogram = (values: ArrayLike<number>) => {
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < values.length; i++) bins[Math.min(9, Math.floor(values[i] * 10))]++;
    return bins.map((n) => (values.length > 0 ? n / values.length : 0));
  };
  const reference = bundle.reference.score ?? null;
  const batchId = `batch-${nextBatch++}`;
  const summary: BatchSummary = {
    batchId,
    rows: rowCount,
    scored,
    declined,
    flaggedRows: checked.flaggedRows,
    unscorable: rowCount - scored,
    flagCounts: checked.counts,
    extraColumns: columns.extra,
    scoreHistogram: { batch: histogram(scoredP), reference: reference ? reference.histogram : null },
    scoreDrift: reference ? scoreDrift(reference.bins, scoredP) : null,
    featureDrift: featureDrift(bundle.reference, encodingTable, null, pre.decimal),
  };
  batches.set(batchId, { summary, table, encodingTable, probabilityOfBad: probability, points, decision, flags: checked.flags, reasons });
  return ok(summary);
}

function rowOf(batch: StoredBatch, r: number, byName: ReadonlyMap<string, Column>): BatchRow {
  const d = batch.decision[r];
  return {
    row: r + 1,
    probabilityOfBad: d < 0 ? null : batch.probabilityOfBad[r],
    points: d < 0 ? null : batch.points[r],
    decision: d < 0 ? null : d === 1 ? 'decline' : 'approve',
    flags: batchFlagNames(batch.flags[r]),
    reasons: d < 0 ? [] : batch.reasons.reasonsOf(r, answerOf(byName, r)),
  };
}

/** Rows `start … start + count − 1` of batch `batchId` among those `filter` keeps, and how many it keeps. */
export function batchRows(batchId: string, filter: BatchFilter, start: number, count: number): Result<{ total: number; rows: BatchRow[] }> {
  const batch = batches.get(batchId);
  if (!batch) return failWith('batch.gone', {});
  const n = batch.decision.length;
  const keeps = filter === 'all' ? null : filter === 'declined' ? (r: number) => batch.decision[r] === 1 : (r: number) => batch.flags[r] !== 0;
  const byName = new Map(batch.encodingTable.columns.map((c) => [c.name, c]));
  const rows: BatchRow[] = [];
  let total = 0;
  for (let r = 0; r < n; r++) {
    if (keeps && !keeps(r)) continue;
    if (total >= start && total < start + count) rows.push(rowOf(batch, r, byName));
    total++;
  }
  return ok({ total, rows });
}

/**
 * The batch as CSV, UTF-8 in chunks: the file's own columns, then probability of bad, points,
 * decision, reasons (column:code, the largest first) and flags, through the one injection-safe
 * writer (the order `creditlab score` writes too).
 */
export function batchCsv(batchId: string): Result<Uint8Array[]> {
  const batch = batches.get(batchId);
  if (!batch) return failWith('batch.gone', {});
  const header = scoredHeader(batch.table);
  return ok([headerRecord(header), ...scoredCsv(batch.table, batch, header)]);
}

/** Forgets batch `batchId`. */
export function releaseBatch(batchId: string): void {
  batches.delete(batchId);
}
