// The principal reasons for a score (US Regulation B, 12 CFR 1002.9(b)(2): specific, about factors
// actually scored; its commentary finds more than four unlikely to help): the input columns that
// pushed this applicant's risk up the most, each with the applicant's answer and what good
// applicants typically answer. The core reports codes with values; the UI words them.

import { isMissingMarker, parseNumberCell } from '../csv/cells';
import type { ApplicantRecord, Preprocessor } from '../features/preprocessor';
import type { TypicalValues } from './typicalValues';

/** At most this many reasons are given (the Regulation B commentary's four). */
export const MAX_REASONS = 4;

/**
 * Why a column counts against the applicant: a number above or below what good applicants
 * typically have, a missing answer, a category level, or (scorecards) the bin the answer falls in.
 */
export type ReasonCode = 'above-typical' | 'below-typical' | 'missing' | 'level' | 'bin';

/** One reason: the column, why, the applicant's answer, good applicants' typical answer, and its weight. */
export interface Reason {
  readonly column: string;
  readonly code: ReasonCode;
  /** The applicant's answer as given ('' when blank). */
  readonly value: string;
  /** Good applicants' median (numbers, formatted) or mode (categories); null when not known. */
  readonly typical: string | null;
  /** How far this column moved the log-odds of bad up from the reference applicant (scorecards: points below the best bin). */
  readonly weight: number;
}

/** A typical value as reasons show it: four significant digits. */
export function formatTypical(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/** How a model's reasons were computed, for the UI and the model card to say. */
export type ReasonBasis = 'tree-shapley' | 'exact-terms' | 'integrated-gradients' | 'points-below-best';

/** Sums per-input attributions into per-column ones: `slots[c]` lists the encoded inputs of column c (its value, PLE pieces, indicator, one-hot levels). */
export function columnContributions(attributions: ArrayLike<number>, slots: readonly { readonly column: string; readonly slots: readonly number[] }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const group of slots) {
    let sum = 0;
    for (const s of group.slots) sum += attributions[s];
    out.set(group.column, sum);
  }
  return out;
}

/**
 * The reasons for a score from each column's contribution to the log-odds of bad (positive = more
 * risk): the columns with a positive contribution, largest first, at most MAX_REASONS.
 */
export function reasonsFromContributions(contributions: ReadonlyMap<string, number>, record: ApplicantRecord, pre: Preprocessor, typical: TypicalValues | undefined): Reason[] {
  const ranked = [...contributions.entries()].filter(([, weight]) => weight > 1e-9).sort((a, b) => b[1] - a[1]);
  return ranked.slice(0, MAX_REASONS).map(([column, weight]) => {
    const feature = pre.features.find((f) => f.name === column);
    const value = record[column] ?? '';
    const typicalValue = typical?.columns[column];
    if (isMissingMarker(value)) return { column, code: 'missing', value: '', typical: typicalText(typicalValue), weight };
    if (feature?.kind === 'numeric' && typicalValue?.kind === 'numeric' && typicalValue.goodMedian !== null) {
      const v = parseNumberCell(value, pre.decimal);
      const code = Number.isNaN(v) || v >= typicalValue.goodMedian ? 'above-typical' : 'below-typical';
      return { column, code, value, typical: formatTypical(typicalValue.goodMedian), weight };
    }
    if (feature?.kind === 'numeric') return { column, code: 'above-typical', value, typical: typicalText(typicalValue), weight };
    return { column, code: 'level', value, typical: typicalText(typicalValue), weight };
  });
}

function typicalText(value: TypicalValues['columns'][string] | undefined): string | null {
  if (!value) return null;
  if (value.kind === 'numeric') return value.goodMedian === null ? null : formatTypical(value.goodMedian);
  return value.goodMode;
}

/**
 * The reference applicant attributions start from: each column's training median or mode (all
 * training rows), as answers; a column with no typical value is left blank (scored as missing).
 */
export function referenceRecord(pre: Preprocessor, typical: TypicalValues): ApplicantRecord {
  const record: Record<string, string> = {};
  for (const feature of pre.features) {
    const t = typical.columns[feature.name];
    if (!t) record[feature.name] = '';
    else if (t.kind === 'numeric') record[feature.name] = t.median === null ? '' : String(t.median).replace('.', pre.decimal);
    else record[feature.name] = t.mode ?? '';
  }
  return record;
}
