// Batch scoring in the worker: a file of applicants checked against the model's schema, scored with
// the bundle's cleaning and preprocessing as stored (never refit), each row with its probability of
// bad, points, decision and reasons; drift of the scores and of every input against the training
// rows; the rows kept here for the page to page through and download.
import { checkBatchColumns, checkBatchRows, batchEncodingTable, batchFlagNames, UNSCORABLE_FLAGS, type BatchRowCheck } from '../core/batch/batchCheck';
import { ensembleLogits } from '../core/boosting/ensemble';
import { applyCalibratorToAll } from '../core/calibration/calibrator';
import { writeCsvChunks, type CsvCell } from '../core/csv/writeCsv';
import { featureDrift, type FeatureDriftReport } from '../core/drift/featureDrift';
import { scoreDrift, type PsiResult } from '../core/drift/psi';
import { createRowEncoder, type ApplicantRecord } from '../core/features/preprocessor';
import type { Reason } from '../core/reasons/reasons';
import { ReasonStore } from '../core/reasons/reasonStore';
import { slotGroups } from '../core/importance/permutationImportance';
import { failWith, ok, type Result } from '../core/result';
import { asProbability, pointsFromProbability } from '../core/scoring/points';
import { cellText, type Column, type Table } from '../core/table';
import { yieldToEventLoop } from '../model/train';
import { predictCalibrated } from '../model/scoringModel';
import { findDataset } from './datasets';
import { findModel } from './models';
import type { DatasetId, ModelId } from './protocol';
import { encodedAttributions, rulesOf, scoreApplicant } from './scorer';

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
// Rows scored between two turns of the event loop (progress out, Cancel in).
const CHUNK_ROWS = 1024;

function recordOf(table: Table, row: number): ApplicantRecord {
  const record: Record<string, string> = {};
  for (const column of table.columns) record[column.name] = cellText(column, row);
  return record;
}

/** The answer of row `row` in a column, by name, as text: what reasons quote. */
function answerOf(byName: ReadonlyMap<string, Column>, row: number): (column: string) => string {
  return (name) => {
    const column = byName.get(name);
    return column ? cellText(column, row) : '';
  };
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
    return failWith('batch.missingColumns', { columns: columns.problem.columns });
  }
  const pre = bundle.preprocessing;
  const checked = checkBatchRows(table, pre, bundle.schema);
  const encodingTable = batchEncodingTable(table, pre);
  const byName = new Map(encodingTable.columns.map((c) => [c.name, c]));
  const encode = createRowEncoder(pre, encodingTable);
  const rules = rulesOf({ preprocessing: pre, policy, reference: bundle.reference });
  const rowCount = table.rowCount;
  const reasons = new ReasonStore(pre, rules.typical, slotGroups(pre), rowCount);
  const probability = new Float64Array(rowCount).fill(Number.NaN);
  const points = new Float64Array(rowCount).fill(Number.NaN);
  const decision = new Int8Array(rowCount).fill(-1);
  const toBad = policy.positiveIsBad ? 1 : -1;
  const width = pre.width;
  const x = new Float32Array(CHUNK_ROWS * width);
  let declined = 0;
  let scored = 0;
  for (let start = 0; start < rowCount; start += CHUNK_ROWS) {
    if (signal.aborted) return failWith('batch.cancelled', {});
    const count = Math.min(CHUNK_ROWS, rowCount - start);
    const positions: number[] = [];
    for (let r = start; r < start + count; r++) if ((checked.flags[r] & UNSCORABLE_FLAGS) === 0) positions.push(r);
    const chunk = x.subarray(0, positions.length * width);
    encode(Int32Array.from(positions), chunk);
    if (scorer.kind === 'scorecard') {
      for (const r of positions) {
        const one = scoreApplicant(scorer, rules, recordOf(encodingTable, r), policy.scale);
        if (!one.ok) continue;
        probability[r] = one.data.probabilityOfBad;
        if (one.data.reasons) reasons.store(r, one.data.reasons);
      }
    } else {
      const p1 =
        scorer.kind === 'network' ? predictCalibrated(scorer.model, chunk) : applyCalibratorToAll(scorer.model.calibrator, ensembleLogits(scorer.model.forests, chunk, width));
      const attributions = rules.typical ? encodedAttributions(scorer, rules.preprocessing, rules.typical, chunk, positions.length) : null;
      positions.forEach((r, k) => {
        probability[r] = policy.positiveIsBad ? p1[k] : 1 - p1[k];
        if (attributions) reasons.rank(r, attributions.subarray(k * width, (k + 1) * width), toBad, answerOf(byName, r));
      });
    }
    for (const r of positions) {
      const pBad = probability[r];
      if (!Number.isFinite(pBad)) continue;
      scored++;
      const decline = pBad >= policy.cutoff;
      if (decline) declined++;
      decision[r] = decline ? 1 : 0;
      points[r] = Math.round(pointsFromProbability(asProbability(pBad), policy.scale));
    }
    onProgress(start + count, rowCount);
    await yieldToEventLoop();
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
  const { table } = batch;
  const header = [...table.columns.map((c) => c.name), 'probability_of_bad', 'points', 'decision', 'reasons', 'flags'];
  const columns = table.columns;
  const record: CsvCell[] = new Array(header.length);
  const flagText = new Map<number, string>();
  return ok(
    writeCsvChunks(header, table.rowCount, (r) => {
      for (let c = 0; c < columns.length; c++) record[c] = cellText(columns[c], r);
      const d = batch.decision[r];
      const f = batch.flags[r];
      let text = flagText.get(f);
      if (text === undefined) flagText.set(f, (text = batchFlagNames(f).join(' ')));
      let at = columns.length;
      record[at++] = d < 0 ? null : batch.probabilityOfBad[r];
      record[at++] = d < 0 ? null : batch.points[r];
      record[at++] = d < 0 ? null : d === 1 ? 'decline' : 'approve';
      record[at++] = d < 0 ? null : batch.reasons.codesOf(r);
      record[at] = text;
      return record;
    }),
  );
}

/** Forgets batch `batchId`. */
export function releaseBatch(batchId: string): void {
  batches.delete(batchId);
}
