/**
 * The cleaning steps that learn from data, fitted on one split's training rows only: outlier
 * 'drop' bounds, forward fill and the screening of features that carry no information. A test row
 * (or a scored applicant) never shapes them; each fitted rule is then applied the same way to
 * every set of rows: forward fill runs along each part on its own, and a test row outside a drop
 * rule's bounds is kept and flagged rather than silently removed from the evaluation.
 */

import { parseNumberCell, type DecimalMark } from '../csv/cells';
import { computeOutlierBounds, formatNumber, outlierRuleText } from '../features/statistics';
import type { Column, NumericColumn, Table } from '../table';
import type { CleanedRows, CleaningStep, ClipSummary, ExcludedFeature, MissingSummary, StepRule } from './cleanTable';
import { MISSING_LEVEL, type ColumnPlan } from './plan';
import type { RemovalRule } from './removedRows';

/** Bounds of an outlier 'drop' rule fitted on the training rows: the range the model was trained on. */
export interface TrainedRange {
  readonly lower: number;
  readonly upper: number;
  /** The rule and its fitted bounds in words: "IQR, k = 1.5, bounds -2 to 13". */
  readonly rule: string;
}

/** What fitting the cleaning on one split's training rows produced. */
export interface FittedCleaning {
  /** The input table with forward fill applied, along the training rows and along the test rows separately. */
  readonly source: Table;
  /** Training positions (into the cleaned rows, ascending) kept after outlier 'drop' rules. */
  readonly trainPositions: Int32Array;
  /** Training positions an outlier 'drop' rule removed, ascending, and the table column index that removed each. */
  readonly droppedPositions: Int32Array;
  readonly droppedCauses: Int32Array;
  /** One 'outlier' step per drop rule: training rows dropped, test rows outside (kept and flagged). */
  readonly outlierSteps: readonly CleaningStep[];
  readonly outlierRules: readonly RemovalRule[];
  /** The fitted drop bounds per column, carried into the preprocessing to flag applicants outside them. */
  readonly trainedRanges: ReadonlyMap<string, TrainedRange>;
  /** The features that go on to the model, in plan order, and those screened out (on the training rows). */
  readonly features: readonly string[];
  readonly excludedFeatures: readonly ExcludedFeature[];
  readonly missing: readonly MissingSummary[];
  readonly clipped: readonly ClipSummary[];
}

/**
 * Fits the data-dependent cleaning on `trainPositions` (ascending positions into `cleaned.rows`)
 * and applies it to both parts: drop bounds from the training rows' present values (rows outside
 * leave training; test rows outside are only counted), then forward fill along each part in file
 * order, then screening of all-missing and single-valued features on the kept training rows.
 */
export function fitCleaning(cleaned: CleanedRows, plans: readonly ColumnPlan[], trainPositions: Int32Array, testPositions: Int32Array, decimal: DecimalMark): FittedCleaning {
  const table = cleaned.source;
  const indexOf = new Map(table.columns.map((c, i) => [c.name, i]));
  const columnOf = (p: ColumnPlan): Column => table.columns[indexOf.get(p.column)!];
  const tableRow = (position: number) => cleaned.rows[position];

  // 1. Outlier 'drop' bounds. Every column's bounds come from the same training rows, so they do
  // not depend on the order of the columns.
  const dropped = new Int32Array(trainPositions.length).fill(-1);
  const outlierSteps: CleaningStep[] = [];
  const outlierRules: RemovalRule[] = [];
  const trainedRanges = new Map<string, TrainedRange>();
  const dropPlans = plans.filter((p) => p.outliers !== null && p.outliers.action === 'drop');
  if (dropPlans.length > 0) {
    const scratch = new Float64Array(trainPositions.length);
    const fitted = dropPlans.map((p) => {
      const values = (columnOf(p) as NumericColumn).values;
      let m = 0;
      for (let i = 0; i < trainPositions.length; i++) {
        const v = values[tableRow(trainPositions[i])];
        if (v === v) scratch[m++] = v;
      }
      return computeOutlierBounds(scratch, m, p.outliers!);
    });
    dropPlans.forEach((p, k) => {
      const values = (columnOf(p) as NumericColumn).values;
      const columnIndex = indexOf.get(p.column)!;
      const bounds = fitted[k];
      const rule =
        bounds === null ? `${outlierRuleText(p.outliers!)}, no values` : `${outlierRuleText(p.outliers!)}, bounds ${formatNumber(bounds.lower)} to ${formatNumber(bounds.upper)}`;
      let trainingRows = 0;
      let testRowsOutside = 0;
      if (bounds !== null) {
        trainedRanges.set(p.column, { lower: bounds.lower, upper: bounds.upper, rule });
        const outside = (v: number) => v < bounds.lower || v > bounds.upper;
        for (let i = 0; i < trainPositions.length; i++) {
          if (dropped[i] < 0 && outside(values[tableRow(trainPositions[i])])) {
            dropped[i] = columnIndex;
            trainingRows++;
          }
        }
        for (let i = 0; i < testPositions.length; i++) if (outside(values[tableRow(testPositions[i])])) testRowsOutside++;
      }
      const { method, threshold } = p.outliers!;
      const because: StepRule =
        bounds === null ? { code: 'outlier.noValues', method, threshold } : { code: 'outlier.bounds', method, threshold, lower: bounds.lower, upper: bounds.upper };
      outlierSteps.push({ step: 'outlier', column: p.column, rows: trainingRows, rule, because, testRowsOutside });
      outlierRules.push({ reason: 'outlier', column: columnIndex, text: rule });
    });
  }
  let droppedCount = 0;
  for (const cause of dropped) if (cause >= 0) droppedCount++;
  const kept = new Int32Array(trainPositions.length - droppedCount);
  const droppedPositions = new Int32Array(droppedCount);
  const droppedCauses = new Int32Array(droppedCount);
  for (let i = 0, a = 0, b = 0; i < trainPositions.length; i++) {
    if (dropped[i] < 0) kept[a++] = trainPositions[i];
    else {
      droppedPositions[b] = trainPositions[i];
      droppedCauses[b++] = dropped[i];
    }
  }

  // 2. Forward fill along each part in file order: a training gap takes the previous training
  // row's value, a test gap the previous test row's, as a batch file would be filled along itself.
  const filledColumns = new Map<string, Column>();
  const trainRows = Int32Array.from(kept, tableRow);
  const testRows = Int32Array.from(testPositions, tableRow);
  for (const p of plans) if (p.missing === 'forward-fill') filledColumns.set(p.column, forwardFill(columnOf(p), [trainRows, testRows]));
  const source: Table = filledColumns.size === 0 ? table : { rowCount: table.rowCount, columns: table.columns.map((c) => filledColumns.get(c.name) ?? c) };

  // 3. Screening on the kept training rows: what is left to fill, and which features carry no information.
  const missing: MissingSummary[] = [];
  const excludedFeatures: ExcludedFeature[] = [];
  const features: string[] = [];
  for (const p of plans) {
    const column = source.columns[indexOf.get(p.column)!];
    const screen = screenColumn(column, trainRows);
    if (screen.missing === trainRows.length) {
      excludedFeatures.push({ column: p.column, reason: 'all-missing', note: `${p.column} has no values in the training rows, so it is left out of the features.` });
      continue;
    }
    if (!screen.varies && (screen.missing === 0 || fillMatches(p, column, screen.first, decimal))) {
      const value = column.kind === 'numeric' ? String(screen.first) : column.levels[screen.first];
      excludedFeatures.push({
        column: p.column,
        reason: 'constant',
        value,
        note: `${p.column} is "${value}" in every training row, so it cannot tell outcomes apart and is left out of the features.`,
      });
      continue;
    }
    features.push(p.column);
    missing.push({
      column: p.column,
      missing: screen.missing,
      strategy: p.missing,
      filledBy: filledByText(column, p, screen.missing > 0),
      fill: {
        kind: column.kind,
        constant: p.missing === 'constant' ? p.constant.trim() : null,
        indicator: column.kind === 'numeric' && screen.missing > 0 && (p.indicator || p.missing === 'indicator'),
      },
    });
  }
  const featureSet = new Set(features);
  const clipped = plans
    .filter((p) => featureSet.has(p.column) && p.outliers !== null && p.outliers.action === 'clip')
    .map((p) => ({ column: p.column, rule: `${outlierRuleText(p.outliers!)}, bounds fitted on the training rows`, outliers: p.outliers! }));

  return { source, trainPositions: kept, droppedPositions, droppedCauses, outlierSteps, outlierRules, trainedRanges, features, excludedFeatures, missing, clipped };
}

/** A copy of the column where each missing cell takes the previous row's value within the same part (rows ascending); a leading gap stays for the fitted fallback. */
function forwardFill(column: Column, parts: readonly Int32Array[]): Column {
  if (column.kind === 'numeric') {
    const values = column.values.slice(); // same element type: a filled cell is another cell's value
    for (const rows of parts) {
      let last = Number.NaN;
      for (let i = 0; i < rows.length; i++) {
        const v = values[rows[i]];
        if (v === v) last = v;
        else values[rows[i]] = last;
      }
    }
    return { kind: 'numeric', name: column.name, values };
  }
  const codes = Int32Array.from(column.codes);
  for (const rows of parts) {
    let last = -1;
    for (let i = 0; i < rows.length; i++) {
      const code = codes[rows[i]];
      if (code >= 0) last = code;
      else codes[rows[i]] = last;
    }
  }
  return { kind: 'categorical', name: column.name, codes, levels: column.levels };
}

/** Missing cells among `rows`, the first present value (number, or level code) and whether any other differs. */
function screenColumn(column: Column, rows: Int32Array): { missing: number; first: number; varies: boolean } {
  let missing = 0;
  let varies = false;
  if (column.kind === 'numeric') {
    let first = Number.NaN;
    for (let i = 0; i < rows.length; i++) {
      const v = column.values[rows[i]];
      if (v !== v) missing++;
      else if (first !== first) first = v;
      else if (v !== first) varies = true;
    }
    return { missing, first, varies };
  }
  let first = -1;
  for (let i = 0; i < rows.length; i++) {
    const code = column.codes[rows[i]];
    if (code < 0) missing++;
    else if (first < 0) first = code;
    else if (code !== first) varies = true;
  }
  return { missing, first, varies };
}

/**
 * True when the fill of a column with one present value gives that same value, so the encoded
 * column is constant: every fitted fill (median, mean, mode) does; an indicator or a different constant does not.
 */
function fillMatches(p: ColumnPlan, column: Column, first: number, decimal: DecimalMark): boolean {
  if (p.missing === 'indicator' || (p.indicator && column.kind === 'numeric')) return false;
  if (p.missing !== 'constant') return true;
  return column.kind === 'numeric' ? parseNumberCell(p.constant, decimal) === first : p.constant.trim() === column.levels[first];
}

/** What fills a feature's missing cells, in words. */
function filledByText(column: Column, p: ColumnPlan, hasMissing: boolean): string {
  const fitted = column.kind === 'numeric' ? 'the median of the training rows' : 'the most frequent value in the training rows';
  const flagged = column.kind === 'numeric' && hasMissing && (p.indicator || p.missing === 'indicator') ? `, plus a "${p.column} was missing" input` : '';
  switch (p.missing) {
    case 'median':
      return `the median of the training rows${flagged}`;
    case 'mean':
      return `the mean of the training rows${flagged}`;
    case 'mode':
      return `the most frequent value in the training rows${flagged}`;
    case 'constant':
      return `the value "${p.constant.trim()}"${flagged}`;
    case 'indicator':
      return column.kind === 'numeric' ? `the median of the training rows${flagged}` : `a category of its own, "${MISSING_LEVEL}"`;
    case 'forward-fill':
      return `the previous row's value; ${fitted} where there is none${flagged}`;
    case 'drop-row':
      return `rows with a missing value are dropped; ${fitted} when scoring`;
  }
}
