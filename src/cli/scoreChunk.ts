// One chunk of a batch file scored as the app's batch scores it (src/worker/batch.ts, scoreBatch):
// the same row checks, the same encoding of the scorable rows in runs of 1,024, the same model
// calls, reasons and rounding, so each row gets the app's probability, points, decision, reasons
// and flags. Kept free of the worker's registries so that it can serve both: batch.ts should call
// this (moved next to it) instead of its own loop; until then src/cli/score.test.ts holds the two
// equal row for row.
import { batchEncodingTable, batchFlagNames, checkBatchRows, UNSCORABLE_FLAGS } from '../core/batch/batchCheck';
import { ensembleLogits } from '../core/boosting/ensemble';
import type { DecisionPolicy, ModelBundle } from '../core/bundle/types';
import { applyCalibratorToAll } from '../core/calibration/calibrator';
import { writeCsvChunks, type CsvCell } from '../core/csv/writeCsv';
import { createRowEncoder, type ApplicantRecord } from '../core/features/preprocessor';
import { slotGroups } from '../core/importance/permutationImportance';
import { ReasonStore } from '../core/reasons/reasonStore';
import { scorecardProbabilityOfRows } from '../core/scorecard/scorecardPoints';
import { asProbability, pointsFromProbability } from '../core/scoring/points';
import { cellText, type Column, type Table } from '../core/table';
import { predictCalibrated } from '../model/scoringModel';
import { encodedAttributions, rulesOf, scoreApplicant, type Scorer, type ScoringRules } from '../worker/scorer';

// The app's batch encodes and scores this many rows at a time; the same runs give the same float32 batches.
const RUN_ROWS = 1024;

/** What scoring a file needs, made once: the bundle, its loaded scorer, the policy in force, and whether to give reasons. */
export interface ChunkScoring {
  readonly bundle: ModelBundle;
  readonly scorer: Scorer;
  readonly policy: DecisionPolicy;
  readonly rules: ScoringRules;
  readonly reasons: boolean;
}

/** A chunk's rows scored: NaN probability and points, and decision −1, where a row was not scored. */
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

/** The scoring of `bundle` with `scorer` at the bundle's own policy; `reasons` false leaves the reasons column empty and skips their cost. */
export function chunkScoringOf(bundle: ModelBundle, scorer: Scorer, reasons: boolean): ChunkScoring {
  const policy = bundle.policy;
  return { bundle, scorer, policy, rules: rulesOf({ preprocessing: bundle.preprocessing, policy, reference: bundle.reference }), reasons };
}

/** Scores every row of `table` (a chunk holding the model's columns; checkBatchColumns first). */
export function scoreChunk(scoring: ChunkScoring, table: Table): ScoredChunk {
  const { bundle, scorer, policy, rules } = scoring;
  const pre = bundle.preprocessing;
  const checked = checkBatchRows(table, pre, bundle.schema);
  const encodingTable = batchEncodingTable(table, pre);
  const byName = new Map(encodingTable.columns.map((c) => [c.name, c]));
  const encode = createRowEncoder(pre, encodingTable);
  const rowCount = table.rowCount;
  const reasons = scoring.reasons ? new ReasonStore(pre, rules.typical, slotGroups(pre), rowCount) : null;
  const probability = new Float64Array(rowCount).fill(Number.NaN);
  const points = new Float64Array(rowCount).fill(Number.NaN);
  const decision = new Int8Array(rowCount).fill(-1);
  const toBad = policy.positiveIsBad ? 1 : -1;
  const width = pre.width;
  const x = new Float32Array(RUN_ROWS * width);
  for (let start = 0; start < rowCount; start += RUN_ROWS) {
    const count = Math.min(RUN_ROWS, rowCount - start);
    const positions: number[] = [];
    for (let r = start; r < start + count; r++) if ((checked.flags[r] & UNSCORABLE_FLAGS) === 0) positions.push(r);
    if (scorer.kind === 'scorecard') {
      if (reasons) {
        for (const r of positions) {
          const one = scoreApplicant(scorer, rules, recordOf(encodingTable, r), policy.scale);
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
  return { probabilityOfBad: probability, points, decision, flags: checked.flags, reasons };
}

/** The columns `creditlab score` (and the app's batch download) writes: the file's own, then the scores. */
export function scoredHeader(table: Table): string[] {
  return [...table.columns.map((c) => c.name), 'probability_of_bad', 'points', 'decision', 'reasons', 'flags'];
}

/**
 * The chunk's rows as CSV records (UTF-8, CRLF ends, no header) through the app's injection-safe
 * writer: the file's cells as read, then probability of bad, points, decision, reasons and flags,
 * cell for cell as the app's batch download writes them.
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
  // The writer always starts with the header; the stream writes it once, before the first chunk.
  chunks[0] = chunks[0].subarray(headerBytes(header));
  return chunks;
}

const headerSizes = new WeakMap<readonly string[], number>();

/** The UTF-8 length of the header record as the writer writes it, CRLF included. */
function headerBytes(header: readonly string[]): number {
  let size = headerSizes.get(header);
  if (size === undefined) headerSizes.set(header, (size = writeCsvChunks(header, 0, () => [])[0].length));
  return size;
}

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
