// Applying a scorecard: the calibrated log-odds of bad, a sum of one term per characteristic. The WoE
// of a value comes from the binning engine, so a row and a typed answer land in the same bin.

import { woeOfRows, woeOfValue } from '../binning';
import type { DecimalMark } from '../csv/cells';
import type { Table } from '../table';
import type { Scorecard } from './types';

/** The parts of a scorecard its log-odds need (a fold's provisional model has just these). */
export type ScorecardTerms = Pick<Scorecard, 'intercept' | 'characteristics'>;

/** Log-odds of bad (calibrated) of each of `rows` of `table`, in their order: intercept + Σ coefficient · WoE. */
export function scorecardLogitOfRows(sc: ScorecardTerms, table: Table, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length).fill(sc.intercept);
  for (const c of sc.characteristics) {
    const woe = woeOfRows(c.binning, table, rows);
    for (let i = 0; i < rows.length; i++) out[i] += c.coefficient * woe[i];
  }
  return out;
}

/**
 * Log-odds of bad (calibrated) of one applicant's typed answers, keyed by column. An absent key is a
 * missing answer; numbers are read with `decimal`; throws when a numeric answer is not a number.
 */
export function scorecardLogitOfRecord(sc: ScorecardTerms, record: Readonly<Record<string, string>>, decimal: DecimalMark = '.'): number {
  let logit = sc.intercept;
  for (const c of sc.characteristics) logit += c.coefficient * woeOfValue(c.binning, answerOf(record, c.column), decimal);
  return logit;
}

/** The answer for `column`, '' (missing) when the record has no such own key. */
export function answerOf(record: Readonly<Record<string, string>>, column: string): string {
  return Object.prototype.hasOwnProperty.call(record, column) ? record[column] : '';
}
