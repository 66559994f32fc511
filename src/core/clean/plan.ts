/** The user's cleaning choices: what to drop, how to fill, which rules apply. Plain JSON. */

import { nameWords } from '../columns/names';
import type { ColumnInfo } from '../columns/profile';

/** How the missing cells of one column are handled. Fill values are fitted on training rows only. */
export type MissingStrategy = 'median' | 'mean' | 'mode' | 'constant' | 'indicator' | 'forward-fill' | 'drop-row';

/** Values outside [min, max] are impossible: the row is dropped. A null bound is open. */
export interface RangeRule {
  readonly min: number | null;
  readonly max: number | null;
}

/** Outlier handling: IQR (k × IQR beyond the quartiles) or z-score (|z| > threshold); clip to the bounds or drop the row. */
export interface OutlierRule {
  readonly method: 'iqr' | 'zscore';
  /** k for IQR (1.5 is Tukey's fence), the |z| limit for z-score (3 is usual). */
  readonly threshold: number;
  readonly action: 'clip' | 'drop';
}

/** Cleaning choices for one feature column. */
export interface ColumnPlan {
  readonly column: string;
  readonly missing: MissingStrategy;
  /** The fill value for 'constant' (text; parsed as a number for numeric columns). */
  readonly constant: string;
  readonly range: RangeRule | null;
  readonly outliers: OutlierRule | null;
  /**
   * Numeric columns: add a 0/1 "was missing" input next to the fill (missingness itself predicts
   * default in credit data). Added only when the training rows have missing cells in the column.
   */
  readonly indicator: boolean;
}

/** Which rows count as duplicates: identical in every column, or sharing an ID; or none dropped. */
export type DuplicatePolicy = { readonly kind: 'exact' } | { readonly kind: 'by-column'; readonly column: string } | { readonly kind: 'keep' };

/** Everything the cleaning step needs. `columns` holds a plan for every feature, looked up by name; plans of other columns are ignored. */
export interface CleaningPlan {
  readonly target: string;
  readonly positive: string;
  readonly negative: string;
  readonly features: readonly string[];
  readonly duplicates: DuplicatePolicy;
  readonly columns: readonly ColumnPlan[];
}

/** The category a missing text cell becomes under the 'indicator' strategy. */
export const MISSING_LEVEL = '(missing)';

/** Why a row was removed; stored per removed row and written into the removed-rows download. */
export type RemovalReason = 'duplicate' | 'no-label' | 'out-of-range' | 'missing-value' | 'outlier';

/** The impossible-value rule a loan officer would expect for a column: age outside 0–150 for a numeric column named like an age; else null. */
export function proposeRangeRule(column: ColumnInfo): RangeRule | null {
  return column.role === 'numeric' && nameWords(column.name).includes('age') ? { min: 0, max: 150 } : null;
}

/**
 * Default cleaning choices for a data set: every column except the target and identifiers is a
 * feature; exact duplicates dropped; numeric gaps filled with the median and flagged by a "was
 * missing" input, text gaps with the mode; age 0–150; no outlier rule.
 */
export function proposeCleaningPlan(columns: readonly ColumnInfo[], target: string, positive: string, negative: string): CleaningPlan {
  const features = columns.filter((c) => c.name !== target && c.role !== 'identifier');
  return {
    target,
    positive,
    negative,
    features: features.map((c) => c.name),
    duplicates: { kind: 'exact' },
    columns: features.map(defaultColumnPlan),
  };
}

/** The default plan for one column: median plus a "was missing" input for numbers, most frequent for text, the proposed range rule. */
export function defaultColumnPlan(column: ColumnInfo): ColumnPlan {
  const numeric = column.role === 'numeric';
  return { column: column.name, missing: numeric ? 'median' : 'mode', constant: '', range: proposeRangeRule(column), outliers: null, indicator: numeric };
}

/** The plan with `column` added to or removed from the features (its column plan is kept either way). */
export function setFeature(plan: CleaningPlan, column: ColumnInfo, on: boolean): CleaningPlan {
  const columns = plan.columns.some((c) => c.column === column.name) ? plan.columns : [...plan.columns, defaultColumnPlan(column)];
  const features = on ? (plan.features.includes(column.name) ? plan.features : [...plan.features, column.name]) : plan.features.filter((f) => f !== column.name);
  return { ...plan, features, columns };
}

/** Human text of a range: "0–150", "≥ 0", "≤ 150", or "any value". */
export function rangeText(range: RangeRule): string {
  if (range.min !== null && range.max !== null) return `${range.min}–${range.max}`;
  if (range.min !== null) return `≥ ${range.min}`;
  if (range.max !== null) return `≤ ${range.max}`;
  return 'any value';
}
