// Batch scoring in the worker: a file of applicants checked against the model's schema, scored with
// the bundle's cleaning and preprocessing as stored (never refit), each row with its probability of
// bad, points, decision and reasons; drift of the scores and of every input against the training
// rows; the rows kept here for the page to page through and download.
import { checkBatchColumns, checkBatchRows, batchEncodingTable, batchFlagNames, UNSCORABLE_FLAGS, type BatchRowCheck } from '../core/batch/batchCheck';
import { ensembleLogits } from '../core/boosting/ensemble';
import { applyCalibratorToAll } from '../core/calibration/calibrator';
import { writeCsv, type CsvCell } from '../core/csv/writeCsv';
import { featureDrift, type FeatureDriftReport } from '../core/drift/featureDrift';
import { scoreDrift, type PsiResult } from '../core/drift/psi';
import { createRowEncoder, type ApplicantRecord } from '../core/features/preprocessor';
import type { Reason } from '../core/reasons/reasons';
import { fail, ok, type Result } from '../core/result';
import { asProbability, pointsFromProbability } from '../core/scoring/points';
import { cellText, type Table } from '../core/table';
import { yieldToEventLoop } from '../model/train';
import { predictCalibrated } from '../model/scoringModel';
import { findDataset } from './datasets';
import { findModel } from './models';
import type { DatasetId, ModelId } from './protocol';
import { explainEncoded, rulesOf, scoreApplicant } from './scorer';

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
  /** Reasons are given for every row, or (an MLP, whose integrated gradients cost a pass per row) for declined rows only. */
  readonly reasonsFor: 'all' | 'declined';
}

/** Which rows the table shows. */
export type BatchFilter = 'all' | 'declined' | 'flagged';

interface StoredBatch {
  readonly summary: BatchSummary;
  readonly table: Table;
  readonly rows: readonly BatchRow[];
}

const batches = new Map<string, StoredBatch>();
let nextBatch = 1;
// Rows scored between two turns of the event loop (progress out, Cancel in).
const CHUNK_ROWS = 1024;

function recordOf(table: Table, row: number): ApplicantRecord {
  const record: Record<string, string> = {};
  for (const column of table.columns) record[column.name] = cellText(column, row);
  return record;
}

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
    const n = columns.problem.columns.length;
    return fail(`The file lacks ${n === 1 ? 'the column' : `${n} columns`} the model scores with: ${columns.problem.columns.join(', ')}.`);
  }
  const pre = bundle.preprocessing;
  const checked = checkBatchRows(table, pre, bundle.schema);
  const encodingTable = batchEncodingTable(table, pre);
  const encode = createRowEncoder(pre, encodingTable);
  const rules = rulesOf({ preprocessing: pre, policy, reference: bundle.reference });
  const mlp = scorer.kind === 'network' && !scorer.logistic;
  const rows: BatchRow[] = [];
  const scoredP: number[] = [];
  const width = pre.width;
  const x = new Float32Array(CHUNK_ROWS * width);
  let declined = 0;
  for (let start = 0; start < table.rowCount; start += CHUNK_ROWS) {
    if (signal.aborted) return fail('Scoring the file was cancelled.');
    const count = Math.min(CHUNK_ROWS, table.rowCount - start);
    const positions: number[] = [];
    for (let r = start; r < start + count; r++) if ((checked.flags[r] & UNSCORABLE_FLAGS) === 0) positions.push(r);
    const chunk = x.subarray(0, positions.length * width);
    encode(Int32Array.from(positions), chunk);
    const p1 =
      scorer.kind === 'network'
        ? predictCalibrated(scorer.model, chunk)
        : scorer.kind === 'boosted'
          ? applyCalibratorToAll(scorer.model.calibrator, ensembleLogits(scorer.model.forests, chunk, width))
          : null;
    let k = 0;
    for (let r = start; r < start + count; r++) {
      const flags = batchFlagNames(checked.flags[r]);
      if ((checked.flags[r] & UNSCORABLE_FLAGS) !== 0) {
        rows.push({ row: r + 1, probabilityOfBad: null, points: null, decision: null, flags, reasons: [] });
        continue;
      }
      const record = recordOf(encodingTable, r);
      let pBad: number;
      let reasons: readonly Reason[] = [];
      if (p1 === null || scorer.kind === 'scorecard') {
        const scored = scoreApplicant(scorer, rules, record, policy.scale);
        if (!scored.ok) {
          rows.push({ row: r + 1, probabilityOfBad: null, points: null, decision: null, flags, reasons: [] });
          k++;
          continue;
        }
        pBad = scored.data.probabilityOfBad;
        reasons = scored.data.reasons ?? [];
      } else {
        pBad = policy.positiveIsBad ? p1[k] : 1 - p1[k];
        const decline = pBad >= policy.cutoff;
        if (rules.typical && (!mlp || decline)) reasons = explainEncoded(scorer, rules, record, chunk.subarray(k * width, (k + 1) * width), rules.typical)?.reasons ?? [];
      }
      k++;
      const decline = pBad >= policy.cutoff;
      if (decline) declined++;
      scoredP.push(pBad);
      rows.push({
        row: r + 1,
        probabilityOfBad: pBad,
        points: Math.round(pointsFromProbability(asProbability(pBad), policy.scale)),
        decision: decline ? 'decline' : 'approve',
        flags,
        reasons,
      });
    }
    onProgress(start + count, table.rowCount);
    await yieldToEventLoop();
  }
  const histogram = (values: ArrayLike<number>) => {
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < values.length; i++) bins[Math.min(9, Math.floor(values[i] * 10))]++;
    return bins.map((n) => (values.length > 0 ? n / values.length : 0));
  };
  const reference = bundle.reference.score ?? null;
  const batchId = `batch-${nextBatch++}`;
  const summary: BatchSummary = {
    batchId,
    rows: table.rowCount,
    scored: scoredP.length,
    declined,
    flaggedRows: checked.flaggedRows,
    unscorable: table.rowCount - scoredP.length,
    flagCounts: checked.counts,
    extraColumns: columns.extra,
    scoreHistogram: { batch: histogram(scoredP), reference: reference ? reference.histogram : null },
    scoreDrift: reference ? scoreDrift(reference.bins, scoredP) : null,
    featureDrift: featureDrift(bundle.reference, encodingTable, null, pre.decimal),
    reasonsFor: mlp ? 'declined' : 'all',
  };
  batches.set(batchId, { summary, table, rows });
  return ok(summary);
}

/** Rows `start … start + count − 1` of batch `batchId` among those `filter` keeps, and how many it keeps. */
export function batchRows(batchId: string, filter: BatchFilter, start: number, count: number): Result<{ total: number; rows: BatchRow[] }> {
  const batch = batches.get(batchId);
  if (!batch) return fail('These results are no longer held; score the file again.');
  const kept = filter === 'all' ? batch.rows : batch.rows.filter((r) => (filter === 'declined' ? r.decision === 'decline' : r.flags.length > 0));
  return ok({ total: kept.length, rows: kept.slice(start, start + count) });
}

/** The batch as CSV: the file's own columns, then probability of bad, points, decision, flags and reasons (column:code), through the one injection-safe writer. */
export function batchCsv(batchId: string): Result<string> {
  const batch = batches.get(batchId);
  if (!batch) return fail('These results are no longer held; score the file again.');
  const { table, rows } = batch;
  const header = [...table.columns.map((c) => c.name), 'probability_of_bad', 'points', 'decision', 'flags', 'reasons'];
  const lines: CsvCell[][] = rows.map((r) => [
    ...table.columns.map((c) => cellText(c, r.row - 1)),
    r.probabilityOfBad,
    r.points,
    r.decision,
    r.flags.join(' '),
    r.reasons.map((reason) => `${reason.column}:${reason.code}`).join(' '),
  ]);
  return ok(writeCsv(header, lines));
}

/** Forgets batch `batchId`. */
export function releaseBatch(batchId: string): void {
  batches.delete(batchId);
}
