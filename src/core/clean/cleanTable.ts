import { parseNumberCell, type DecimalMark } from '../csv/cells';
import type { Problem } from '../problems';
import { failBecause, failWith, ok, type Result } from '../result';
import { selectRows, type Column, type NumericColumn, type Table } from '../table';
import { findDuplicates } from './duplicates';
import { extractLabels } from './labels';
import { rangeText, type CleaningPlan, type ColumnPlan, type MissingStrategy, type OutlierRule } from './plan';
import { REMOVAL_REASONS, type RemovalRule, type RemovedRows } from './removedRows';

/** The cleaning steps that remove rows, in the order they run. */
export type CleaningStepKind = 'duplicates' | 'no-label' | 'out-of-range' | 'missing-value' | 'outlier';

/**
 * Rows one step removed for one column (or for the whole row: column null), with the rule in words.
 * An outlier step's bounds are fitted on the training rows: `rows` counts training rows dropped,
 * and `testRowsOutside` the test rows outside the bounds (kept, scored and flagged).
 */
export interface CleaningStep {
  readonly step: CleaningStepKind;
  readonly column: string | null;
  readonly rows: number;
  /** The rule in English (the removed-rows file, the model card, logs). */
  readonly rule: string;
  /** The rule as a code with its values, for the UI to word in the reader's language (absent in bundles made before it: the UI shows `rule`). */
  readonly because?: StepRule;
  readonly testRowsOutside?: number;
}

/** The rule a cleaning step applied, as a code with its values. */
export type StepRule =
  | { readonly code: 'duplicates.off' }
  | { readonly code: 'duplicates.all' }
  | { readonly code: 'duplicates.byId'; readonly column: string }
  | { readonly code: 'label.unusable'; readonly target: string; readonly positive: string; readonly negative: string }
  | { readonly code: 'range.allowed'; readonly min: number | null; readonly max: number | null }
  | { readonly code: 'missing.drop' }
  | { readonly code: 'outlier.bounds'; readonly method: OutlierRule['method']; readonly threshold: number; readonly lower: number; readonly upper: number }
  | { readonly code: 'outlier.noValues'; readonly method: OutlierRule['method']; readonly threshold: number };

/** Missing cells of a feature in the training rows left after row removal and forward fill, and what will fill them. */
export interface MissingSummary {
  readonly column: string;
  readonly missing: number;
  readonly strategy: MissingStrategy;
  /** Human text, e.g. "the median of the training rows". */
  readonly filledBy: string;
  /** What fills them, for the UI to word: the column's kind, the constant (if one) and whether a "was missing" input is added (absent in older bundles). */
  readonly fill?: { readonly kind: 'numeric' | 'categorical'; readonly constant: string | null; readonly indicator: boolean };
}

/** A feature whose outliers are clipped to bounds fitted on the training rows. */
export interface ClipSummary {
  readonly column: string;
  readonly rule: string;
  /** Absent in older bundles. */
  readonly outliers?: OutlierRule;
}

/** Why a chosen feature cannot help a model: no values, or a single value. */
export type ExclusionReason = 'all-missing' | 'constant';

/** A chosen feature left out of the model, with a note to show the user. */
export interface ExcludedFeature {
  readonly column: string;
  readonly reason: ExclusionReason;
  readonly note: string;
  /** The one value of a constant column. */
  readonly value?: string;
}

/** What the row rules that need no fitting did (duplicates, labels, ranges, 'drop-row'): the same whatever the split. */
export interface RowCleaningReport {
  readonly rowsBefore: number;
  readonly rowsAfter: number;
  readonly positives: number;
  readonly negatives: number;
  /** One entry per step and column in run order, including rules that removed nothing. */
  readonly steps: readonly CleaningStep[];
}

/**
 * Every count the cleaning produced, so nothing disappears silently: the row rules, then what was
 * fitted on the training rows (outlier 'drop' bounds, forward fill, feature screening, fills).
 */
export interface CleaningReport extends RowCleaningReport {
  /** One entry per final feature (zero counts included), counted on the training rows. */
  readonly missing: readonly MissingSummary[];
  readonly clipped: readonly ClipSummary[];
  readonly excludedFeatures: readonly ExcludedFeature[];
  /** The features that go on to the model, in plan order. */
  readonly features: readonly string[];
}

/**
 * Cleaning without copying the table: `source` is the input table (every row); `rows` are the kept
 * rows' original indices, ascending. Nothing here is fitted: what is (forward fill, outlier
 * bounds, screening) happens per split, on its training rows (see fitCleaning).
 */
export interface CleanedRows {
  readonly source: Table;
  readonly rows: Int32Array;
  /** 0/1 per kept row. */
  readonly labels: Uint8Array;
  readonly report: RowCleaningReport;
  readonly removed: RemovedRows;
}

/** The kept rows as a table (file order), their 0/1 labels, the report and the removed rows. */
export interface CleanedData {
  readonly table: Table;
  readonly labels: Uint8Array;
  readonly report: RowCleaningReport;
  readonly removed: RemovedRows;
}

/** Minimum rows per class: a stratified split needs at least one of each on both sides. */
export const MIN_ROWS_PER_CLASS = 2;

const DUPLICATE = 1 + REMOVAL_REASONS.indexOf('duplicate');
const NO_LABEL = 1 + REMOVAL_REASONS.indexOf('no-label');
const OUT_OF_RANGE = 1 + REMOVAL_REASONS.indexOf('out-of-range');
const MISSING_VALUE = 1 + REMOVAL_REASONS.indexOf('missing-value');

/** Applies the plan and returns the kept rows, their labels, the removed rows and the report (see cleanRows). */
export function cleanTable(table: Table, plan: CleaningPlan, decimal: DecimalMark = '.'): Result<CleanedData> {
  const cleaned = cleanRows(table, plan, decimal);
  if (!cleaned.ok) return cleaned;
  const { source, rows, labels, report, removed } = cleaned.data;
  return ok({ table: selectRows(source, rows), labels, report, removed });
}

/**
 * Applies the plan's row rules that need no fitting, in order, each row counted once under the
 * first that removes it: duplicates (over all rows, so a row and its copy never straddle the
 * split) → rows without a label → range rules (impossible values) → 'drop-row' missing values.
 * Fails with a human reason for an invalid plan or fewer than MIN_ROWS_PER_CLASS rows of a class.
 */
export function cleanRows(table: Table, plan: CleaningPlan, decimal: DecimalMark = '.'): Result<CleanedRows> {
  const indexOf = new Map(table.columns.map((c, i) => [c.name, i]));
  const problem = findPlanProblem(table, plan, indexOf, decimal);
  if (problem !== null) return failBecause(problem);

  const n = table.rowCount;
  const plans = plan.features.map((name) => plan.columns.find((c) => c.column === name)!);
  const columnOf = (p: ColumnPlan): Column => table.columns[indexOf.get(p.column)!];
  // Per row: 0 kept, else 1 + index into REMOVAL_REASONS; and the column that removed it.
  const status = new Uint8Array(n);
  const cause = new Int32Array(n).fill(-1);
  const steps: CleaningStep[] = [];
  const rules: RemovalRule[] = [];

  // 1. Duplicates, over every row (a repeat of a row dropped later for another reason is still a repeat).
  let duplicateOf: Int32Array = new Int32Array(0);
  if (plan.duplicates.kind === 'keep') {
    steps.push({ step: 'duplicates', column: null, rows: 0, rule: 'not checked: duplicate rows are kept', because: { code: 'duplicates.off' } });
  } else {
    const idName = plan.duplicates.kind === 'by-column' ? plan.duplicates.column : null;
    const byColumn = idName === null ? -1 : indexOf.get(idName)!;
    duplicateOf = findDuplicates(byColumn < 0 ? table.columns : [table.columns[byColumn]], n, byColumn >= 0);
    let count = 0;
    for (let r = 0; r < n; r++) {
      if (duplicateOf[r] >= 0) {
        status[r] = DUPLICATE;
        cause[r] = byColumn;
        count++;
      }
    }
    const rule = idName === null ? 'identical in every column; the first is kept' : `same ${idName}; the first is kept (a missing ${idName} matches nothing)`;
    steps.push({ step: 'duplicates', column: idName, rows: count, rule, because: idName === null ? { code: 'duplicates.all' } : { code: 'duplicates.byId', column: idName } });
  }

  // 2. Rows without a usable label.
  const targetIndex = indexOf.get(plan.target)!;
  const labelOf = extractLabels(table.columns[targetIndex], plan.positive, plan.negative);
  let unlabeled = 0;
  for (let r = 0; r < n; r++) {
    if (status[r] === 0 && labelOf[r] < 0) {
      status[r] = NO_LABEL;
      cause[r] = targetIndex;
      unlabeled++;
    }
  }
  steps.push({
    step: 'no-label',
    column: plan.target,
    rows: unlabeled,
    rule: `${plan.target} is missing or neither "${plan.positive}" nor "${plan.negative}"`,
    because: { code: 'label.unusable', target: plan.target, positive: plan.positive, negative: plan.negative },
  });

  // 3. Impossible values: present values outside the range; missing values stay for the fill.
  for (const p of plans) {
    if (p.range === null) continue;
    const values = (columnOf(p) as NumericColumn).values;
    const min = p.range.min ?? Number.NEGATIVE_INFINITY;
    const max = p.range.max ?? Number.POSITIVE_INFINITY;
    const columnIndex = indexOf.get(p.column)!;
    let count = 0;
    for (let r = 0; r < n; r++) {
      const v = values[r];
      if (status[r] === 0 && (v < min || v > max)) {
        status[r] = OUT_OF_RANGE;
        cause[r] = columnIndex;
        count++;
      }
    }
    steps.push({
      step: 'out-of-range',
      column: p.column,
      rows: count,
      rule: `allowed ${rangeText(p.range)}`,
      because: { code: 'range.allowed', min: p.range.min, max: p.range.max },
    });
    rules.push({ reason: 'out-of-range', column: columnIndex, text: rangeText(p.range) });
  }

  // 4. Missing values whose rows the user chose to drop.
  for (const p of plans) {
    if (p.missing !== 'drop-row') continue;
    const column = columnOf(p);
    const columnIndex = indexOf.get(p.column)!;
    let count = 0;
    for (let r = 0; r < n; r++) {
      if (status[r] === 0 && isMissingAt(column, r)) {
        status[r] = MISSING_VALUE;
        cause[r] = columnIndex;
        count++;
      }
    }
    steps.push({ step: 'missing-value', column: p.column, rows: count, rule: 'rows with a missing value are dropped', because: { code: 'missing.drop' } });
  }

  const rows = new Int32Array(countKept(status));
  for (let r = 0, j = 0; r < n; r++) if (status[r] === 0) rows[j++] = r;
  const labels = new Uint8Array(rows.length);
  let positives = 0;
  for (let i = 0; i < rows.length; i++) {
    labels[i] = labelOf[rows[i]];
    positives += labels[i];
  }
  const negatives = rows.length - positives;
  if (positives < MIN_ROWS_PER_CLASS || negatives < MIN_ROWS_PER_CLASS) {
    const which = positives < MIN_ROWS_PER_CLASS ? plan.positive : plan.negative;
    return failWith('target.tooFewOfClass', { column: plan.target, value: which, minimum: MIN_ROWS_PER_CLASS });
  }

  const removedCount = n - rows.length;
  const removed: RemovedRows = {
    rows: new Int32Array(removedCount),
    reasons: new Uint8Array(removedCount),
    columns: new Int32Array(removedCount),
    duplicateOf: new Int32Array(removedCount),
    rules,
  };
  for (let r = 0, j = 0; r < n; r++) {
    if (status[r] === 0) continue;
    removed.rows[j] = r;
    removed.reasons[j] = status[r] - 1;
    removed.columns[j] = cause[r];
    removed.duplicateOf[j] = status[r] === DUPLICATE ? duplicateOf[r] : -1;
    j++;
  }

  return ok({ source: table, rows, labels, removed, report: { rowsBefore: n, rowsAfter: rows.length, positives, negatives, steps } });
}

/** The first reason the plan cannot run on this table, or null. */
function findPlanProblem(table: Table, plan: CleaningPlan, indexOf: ReadonlyMap<string, number>, decimal: DecimalMark): Problem | null {
  if (!indexOf.has(plan.target)) return { code: 'plan.targetMissing', params: { column: plan.target } };
  if (plan.features.length === 0) return { code: 'plan.noFeatures', params: {} };
  if (plan.features.includes(plan.target)) return { code: 'plan.targetIsFeature', params: { column: plan.target } };
  if (plan.duplicates.kind === 'by-column' && !indexOf.has(plan.duplicates.column)) return { code: 'plan.idColumnMissing', params: { column: plan.duplicates.column } };
  const seen = new Set<string>();
  for (const name of plan.features) {
    const column = { column: name };
    if (!indexOf.has(name)) return { code: 'plan.columnMissing', params: column };
    if (seen.has(name)) return { code: 'plan.featureTwice', params: column };
    seen.add(name);
    const p = plan.columns.find((c) => c.column === name);
    if (!p) return { code: 'plan.noChoices', params: column };
    if (table.columns[indexOf.get(name)!].kind === 'categorical') {
      if (p.missing === 'median' || p.missing === 'mean') return { code: 'plan.textFill', params: { column: name, fill: p.missing } };
      if (p.range !== null) return { code: 'plan.textRange', params: column };
      if (p.outliers !== null) return { code: 'plan.textOutliers', params: column };
      if (p.missing === 'constant' && p.constant.trim() === '') return { code: 'plan.fillTextEmpty', params: column };
    } else {
      if (p.missing === 'constant' && Number.isNaN(parseNumberCell(p.constant, decimal))) {
        return p.constant.trim() === '' ? { code: 'plan.fillNumberEmpty', params: column } : { code: 'plan.fillNotNumber', params: { column: name, value: p.constant } };
      }
      if (p.range !== null) {
        const { min, max } = p.range;
        if ((min !== null && Number.isNaN(min)) || (max !== null && Number.isNaN(max))) return { code: 'plan.rangeNotNumbers', params: column };
        if (min !== null && max !== null && min > max) return { code: 'plan.rangeInverted', params: { column: name, min, max } };
      }
      if (p.outliers !== null && !(p.outliers.threshold > 0 && Number.isFinite(p.outliers.threshold))) return { code: 'plan.outlierThreshold', params: column };
    }
  }
  return null;
}

function countKept(status: Uint8Array): number {
  let kept = 0;
  for (let r = 0; r < status.length; r++) if (status[r] === 0) kept++;
  return kept;
}

function isMissingAt(column: Column, row: number): boolean {
  return column.kind === 'numeric' ? column.values[row] !== column.values[row] : column.codes[row] < 0;
}
