// Scores the applicants of one request with the app's batch row scoring (scoreChunk: the same row
// checks, encoding, model calls, reasons and rounding as src/worker/batch.ts) on a table of just
// this request's applicants, with the bundle's stored preprocessing and calibrator: never refit,
// and nothing carried from one request to the next.
import { batchFlagNames } from '../core/batch/batchCheck';
import type { ModelBundle } from '../core/bundle/types';
import type { Reason } from '../core/reasons/reasons';
import { cellText, MISSING_CODE, type Column, type Table } from '../core/table';
import { chunkScoringOf, scoreChunk, type ChunkScoring } from '../worker/scoreRows';
import type { Scorer } from '../worker/scorer';

/** An applicant as the request body carries it (validated against applicantSchema first). */
export type ApplicantJson = Readonly<Record<string, number | string | null>>;

/** One applicant's answer, in the API's snake_case. */
export interface PredictResult {
  readonly probability_of_bad: number | null;
  readonly points: number | null;
  readonly decision: 'approve' | 'decline' | null;
  readonly reasons: readonly Reason[];
  readonly flags: readonly string[];
}

/** What scoring a request needs, made once when the server starts. */
export type ServedModel = ChunkScoring;

/** The served model of `bundle` with its loaded `scorer`; `reasons` false skips them (most of a network's scoring time: integrated gradients). */
export function servedModelOf(bundle: ModelBundle, scorer: Scorer, reasons = true): ServedModel {
  return chunkScoringOf(bundle, scorer, reasons);
}

/**
 * The applicants as a table, as the CSV reader would hold them: numeric columns as numbers (NaN
 * for null), categorical ones dictionary-coded (null or blank text missing). Numbers stay numbers,
 * never text read back with the bundle's decimal mark.
 */
export function tableOf(applicants: readonly ApplicantJson[], bundle: Pick<ModelBundle, 'schema'>): Table {
  const columns = bundle.schema.columns.map((column): Column => {
    if (column.kind === 'numeric') {
      return { kind: 'numeric', name: column.name, values: Float64Array.from(applicants, (a) => (typeof a[column.name] === 'number' ? (a[column.name] as number) : Number.NaN)) };
    }
    const levels: string[] = [];
    const codeOf = new Map<string, number>();
    const codes = Int32Array.from(applicants, (a) => {
      const value = a[column.name];
      const text = typeof value === 'string' ? value.trim() : '';
      if (text === '') return MISSING_CODE;
      let code = codeOf.get(text);
      if (code === undefined) {
        code = levels.length;
        levels.push(text);
        codeOf.set(text, code);
      }
      return code;
    });
    return { kind: 'categorical', name: column.name, codes, levels };
  });
  return { rowCount: applicants.length, columns };
}

/** Each applicant's result, in request order. A row the batch would not score (it cannot happen after validation) answers nulls with its flags. */
export function scoreApplicants(model: ServedModel, applicants: readonly ApplicantJson[]): PredictResult[] {
  const table = tableOf(applicants, model.bundle);
  const scored = scoreChunk(model, table);
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const results: PredictResult[] = new Array(applicants.length);
  for (let r = 0; r < applicants.length; r++) {
    const d = scored.decision[r];
    const flags = batchFlagNames(scored.flags[r]);
    results[r] =
      d < 0
        ? { probability_of_bad: null, points: null, decision: null, reasons: [], flags }
        : {
            probability_of_bad: scored.probabilityOfBad[r],
            points: scored.points[r],
            decision: d === 1 ? 'decline' : 'approve',
            reasons: scored.reasons ? scored.reasons.reasonsOf(r, (name) => cellOf(byName, name, r)) : [],
            flags,
          };
  }
  return results;
}

function cellOf(byName: ReadonlyMap<string, Column>, name: string, row: number): string {
  const column = byName.get(name);
  return column ? cellText(column, row) : '';
}
