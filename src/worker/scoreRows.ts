// Rows of a file scored as the app scores them, shared by the app's batch (batch.ts), `creditlab
// score` and `creditlab serve`: the bundle's row checks, the encoding of the scorable rows in runs
// of 1,024 (the same float32 batches everywhere, so the same probabilities), the model calls, the
// reasons and the rounding. Free of the worker's registries: it is given the bundle and its scorer.
import { batchEncodingTable, batchFlagNames, checkBatchRows, UNSCORABLE_FLAGS, type BatchRowCheck } from '../core/batch/batchCheck';
import { ensembleLogits } from '../core/boosting/ensemble';
import type { DecisionPolicy, ModelBundle } from '../core/bundle/types';
import { applyCalibratorToAll } from '../core/calibration/calibrator';
import type { DecimalMark } from '../core/csv/cells';
import { writeCsvChunks, type CsvCell } from '../core/csv/writeCsv';
import { createRowEncoder, type ApplicantRecord } from '../core/features/preprocessor';
import { slotGroups } from '../core/importance/permutationImportance';
import { ReasonStore } from '../core/reasons/reasonStore';
import { scorecardProbabilityOfRows } from '../core/scorecard/scorecardPoints';
import { asProbability, pointsFromProbability } from '../core/scoring/points';
import { cellText, type Column, type Table } from '../core/table';
import { predictCalibrated } from '../model/scoringModel';
import { encodedAttributions, rulesOf, scoreApplicant, type Scorer, type ScoringRules } from './scorer';

/** Rows encoded and scored together: the app's batch yields to its event loop between two runs. */
export const RUN_ROWS = 1024;

/** What scoring rows needs, made once: the bundle, its loaded scorer, the policy in force, and whether to give reasons. */
export interface ChunkScoring {
  readonly bundle: ModelBundle;
  readonly scorer: Scorer;
  readonly policy: DecisionPolicy;
  readonly rules: ScoringRules;
  readonly reasons: boolean;
}

/** A table's rows scored: NaN probability and points, and decision −1, where a row was not scored. */
export interface ScoredChunk {
  readonly probabilityOfBad: Float64Array;
  readonly points: Float64Array;
  /** 1 decline, 0 approve, −1 not scored. */
  readonly decision: Int8Array;
  /** BatchFlag bits per row. */
  readonly flags: Uint8Array;
  /** Null without reasons. */
  readonly reasons: ReasonStore | null;
}

/** A table made ready to score run by run (scoreRun), its results filled in as the runs go. */
export interface RowsInScoring {
  readonly scoring: ChunkScoring;
  readonly check: BatchRowCheck;
  /** The table as the model reads it (trimmed column names): the answers reasons quote. */
  readonly encodingTable: Table;
  readonly scored: ScoredChunk;
  readonly byName: ReadonlyMap<string, Column>;
  readonly encode: (positions: Int32Array, into: Float32Array) => void;
  /** Room for one run's encoded rows. */
  readonly x: Float32Array;
}

/** The scoring of `bundle` with `scorer` at `policy` (the bundle's own unless the user changed it); `reasons` false leaves them out and skips their cost. */
export function chunkScoringOf(bundle: ModelBundle, scorer: Scorer, reasons: boolean, policy: DecisionPolicy = bundle.policy): ChunkScoring {
  return { bundle, scorer, policy, rules: rulesOf({ preprocessing: bundle.preprocessing, policy, reference: bundle.reference }), reasons };
}

/** Checks every row of `table` (which holds the model's columns: checkBatchColumns first) and makes room for its scores. */
export function startScoring(scoring: ChunkScoring, table: Table): RowsInScoring {
  const pre = scoring.bundle.preprocessing;
  const check = checkBatchRows(table, pre, scoring.bundle.schema);
  const encodingTable = batchEncodingTable(table, pre);
  const rowCount = table.rowCount;
  const scored: ScoredChunk = {
    probabilityOfBad: new Float64Array(rowCount).fill(Number.NaN),
    points: new Float64Array(rowCount).fill(Number.NaN),
    decision: new Int8Array(rowCount).fill(-1),
    flags: check.flags,
    reasons: scoring.reasons ? new ReasonStore(pre, scoring.rules.typical, slotGroups(pre), rowCount) : null,
  };
  return {
    scoring,
    check,
    encodingTable,
    scored,
    byName: new Map(encodingTable.columns.map((c) => [c.name, c])),
    encode: createRowEncoder(pre, encodingTable),
    x: new Float32Array(Math.min(RUN_ROWS, rowCount) * pre.width),
  };
}

/** Scores rows `start … start + RUN_ROWS − 1` (fewer at the end) of a table in scoring; rows the check refused stay unscored. */
export function scoreRun(rows: RowsInScoring, start: number): void {
  const { scoring, check, encodingTable, scored, byName, encode, x } = rows;
  const { scorer, policy, rules } = scoring;
  const { probabilityOfBad: probability, points, decision, reasons } = scored;
  const pre = scoring.bundle.preprocessing;
  const width = pre.width;
  const end = Math.min(start + RUN_ROWS, encodingTable.rowCount);
  const positions: number[] = [];
  for (let r = start; r < end; r++) if ((check.flags[r] & UNSCORABLE_FLAGS) === 0) positions.push(r);
  if (scorer.kind === 'scorecard') {
    if (reasons) {
      for (const r of positions) {
        const one = scoreApplicant(scorer, rules, recordOf(encodingTable, r, pre.decimal), policy.scale);
        if (!one.ok) continue;
        probability[r] = one.data.probabilityOfBad;
        if (one.data.reasons) reasons.store(r, one.data.reasons);
      }
    } else {
      // Without reasons the points of all rows' bins are summed column by column: the same whole points as one applicant's.
      const p = scorecardProbabilityOfRows(scorer.scorecard, encodingTable, Int32Array.from(positions), policy.scale);
      positions.forEach((r, k) => {
        probability[r] = p[k];
      });
    }
  } else {
    const chunk = x.subarray(0, positions.length * width);
    encode(Int32Array.from(positions), chunk);
    const p1 =
      scorer.kind === 'network' ? predictCalibrated(scorer.model, chunk) : applyCalibratorToAll(scorer.model.calibrator, ensembleLogits(scorer.model.forests, chunk, width));
    const attributions = reasons && rules.typical ? encodedAttributions(scorer, rules.preprocessing, rules.typical, chunk, positions.length) : null;
    const toBad = policy.positiveIsBad ? 1 : -1;
    positions.forEach((r, k) => {
      probability[r] = policy.positiveIsBad ? p1[k] : 1 - p1[k];
      if (attributions) reasons!.rank(r, attributions.subarray(k * width, (k + 1) * width), toBad, answerOf(byName, r));
    });
  }
  for (const r of positions) {
    const pBad = probability[r];
    if (!Number.isFinite(pBad)) continue;
    decision[r] = pBad >= policy.cutoff ? 1 : 0;
    points[r] = Math.round(pointsFromProbability(asProbability(pBad), policy.scale));
  }
}

/** Scores every row of `table` at once (a chunk of `creditlab score`, a request of `serve`). */
export function scoreChunk(scoring: ChunkScoring, table: Table): ScoredChunk {
  const rows = startScoring(scoring, table);
  for (let start = 0; start < table.rowCount; start += RUN_ROWS) scoreRun(rows, start);
  return rows.scored;
}

/** The columns a scored file has (the app's batch download and `creditlab score`): the file's own, then the scores. */
export function scoredHeader(table: Table): string[] {
  return [...table.columns.map((c) => c.name), 'probability_of_bad', 'points', 'decision', 'reasons', 'flags'];
}

/**
 * The rows as CSV records (UTF-8, CRLF ends, no header) through the app's injection-safe writer:
 * the file's cells as read, then probability of bad, points, decision, reasons (column:code, the
 * largest first) and flags.
 */
export function scoredCsv(table: Table, scored: ScoredChunk, header: readonly string[]): Uint8Array[] {
  const columns = table.columns;
  const record: CsvCell[] = new Array(header.length);
  const flagText = new Map<number, string>();
  const chunks = writeCsvChunks(header, table.rowCount, (r) => {
    for (let c = 0; c < columns.length; c++) record[c] = cellText(columns[c], r);
    const d = scored.decision[r];
    const f = scored.flags[r];
    let text = flagText.get(f);
    if (text === undefined) flagText.set(f, (text = batchFlagNames(f).join(' ')));
    let at = columns.length;
    record[at++] = d < 0 ? null : scored.probabilityOfBad[r];
    record[at++] = d < 0 ? null : scored.points[r];
    record[at++] = d < 0 ? null : d === 1 ? 'decline' : 'approve';
    record[at++] = d < 0 || !scored.reasons ? null : scored.reasons.codesOf(r);
    record[at] = text;
    return record;
  });
  // The writer always starts with the header; a stream writes it once, before the first chunk.
  chunks[0] = chunks[0].subarray(headerRecord(header).length);
  return chunks;
}

const headerRecords = new WeakMap<readonly string[], Uint8Array>();

/** The header record as the writer writes it (UTF-8, CRLF included). */
export function headerRecord(header: readonly string[]): Uint8Array {
  let bytes = headerRecords.get(header);
  if (bytes === undefined) headerRecords.set(header, (bytes = writeCsvChunks(header, 0, () => [])[0]));
  return bytes;
}

/**
 * Row `row` as one applicant's answers. A number is written with the model's decimal mark: the
 * scorer reads the record as the model's files are read, and with a decimal comma "12.375" would
 * be twelve thousand three hundred and seventy-five.
 */
function recordOf(table: Table, row: number, decimal: DecimalMark): ApplicantRecord {
  const record: Record<string, string> = {};
  for (const column of table.columns) {
    const text = cellText(column, row);
    record[column.name] = decimal === ',' && column.kind === 'numeric' ? text.replace('.', ',') : text;
  }
  return record;
}

/** The answer of row `row` in a column, by name, as text: what reasons quote. */
export function answerOf(byName: ReadonlyMap<string, Column>, row: number): (column: string) => string {
  return (name) => {
    const column = byName.get(name);
    return column ? cellText(column, row) : '';
  };
}
