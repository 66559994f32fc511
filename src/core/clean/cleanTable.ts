import { fail, ok, type Result } from '../result';
import { countMissing, getColumn, selectRows, type Column, type Table } from '../table';
import { extractLabels } from './labels';

/** Rows whose value in `column` lies outside [min, max] are impossible and dropped. */
export interface RangeRule {
  readonly column: string;
  readonly min: number;
  readonly max: number;
}

/** What the user chose: the target, its positive value, which rules apply. */
export interface CleaningConfig {
  readonly target: string;
  readonly positive: string;
  readonly negative: string;
  readonly features: readonly string[];
  readonly dropDuplicates: boolean;
  readonly rangeRules: readonly RangeRule[];
}

/** Every count the cleaning step produced, so nothing disappears silently. */
export interface CleaningReport {
  readonly rowsBefore: number;
  readonly duplicateRows: number;
  readonly unlabeledRows: number;
  readonly outOfRange: readonly { readonly rule: RangeRule; readonly rows: number }[];
  readonly rowsAfter: number;
  /** Missing cells per feature column that the preprocessing will fill (median / most frequent). */
  readonly missingByColumn: readonly { readonly column: string; readonly missing: number; readonly fill: 'median' | 'most frequent' }[];
  readonly positives: number;
  readonly negatives: number;
}

/** The cleaned table, its labels (0/1 per row) and the report. */
export interface CleanedData {
  readonly table: Table;
  readonly labels: Uint8Array;
  readonly report: CleaningReport;
}

/** Minimum rows per class: a stratified split needs at least one of each on both sides. */
export const MIN_ROWS_PER_CLASS = 2;

/** Drops exact duplicate rows, rows without a label and rows breaking a range rule; fails if a class is too small. */
export function cleanTable(table: Table, config: CleaningConfig): Result<CleanedData> {
  const keep = new Uint8Array(table.rowCount).fill(1);

  const duplicateRows = config.dropDuplicates ? markDuplicates(table, keep) : 0;

  const labels = extractLabels(getColumn(table, config.target), config.positive, config.negative);
  let unlabeledRows = 0;
  for (let r = 0; r < table.rowCount; r++) {
    if (keep[r] && labels[r] < 0) {
      keep[r] = 0;
      unlabeledRows++;
    }
  }

  const outOfRange = config.rangeRules.map((rule) => ({ rule, rows: applyRangeRule(table, rule, keep) }));

  const rows = indicesOf(keep);
  const cleaned = selectRows(table, rows);
  const cleanLabels = new Uint8Array(rows.length);
  let positives = 0;
  for (let i = 0; i < rows.length; i++) {
    cleanLabels[i] = labels[rows[i]];
    positives += cleanLabels[i];
  }
  const negatives = rows.length - positives;
  if (positives < MIN_ROWS_PER_CLASS || negatives < MIN_ROWS_PER_CLASS) {
    const which = positives < MIN_ROWS_PER_CLASS ? config.positive : config.negative;
    return fail(`After cleaning, "${config.target}" has fewer than ${MIN_ROWS_PER_CLASS} rows with the value "${which}"; a model needs examples of both outcomes.`);
  }

  const missingByColumn = config.features
    .map((name) => getColumn(cleaned, name))
    .map((column: Column) => ({
      column: column.name,
      missing: countMissing(column),
      fill: column.kind === 'numeric' ? ('median' as const) : ('most frequent' as const),
    }))
    .filter((entry) => entry.missing > 0);

  return ok({
    table: cleaned,
    labels: cleanLabels,
    report: {
      rowsBefore: table.rowCount,
      duplicateRows,
      unlabeledRows,
      outOfRange,
      rowsAfter: rows.length,
      missingByColumn,
      positives,
      negatives,
    },
  });
}

/** Clears `keep` for every row that repeats an earlier row exactly; returns how many. */
function markDuplicates(table: Table, keep: Uint8Array): number {
  const seen = new Set<string>();
  let duplicates = 0;
  const parts: (number | string)[] = new Array(table.columns.length);
  for (let r = 0; r < table.rowCount; r++) {
    for (let c = 0; c < table.columns.length; c++) {
      const column = table.columns[c];
      // Numbers keep NaN as "NaN", codes keep -1: two missing cells are equal, as in pandas.
      parts[c] = column.kind === 'numeric' ? column.values[r] : column.codes[r];
    }
    const key = parts.join('\u0001');
    if (seen.has(key)) {
      keep[r] = 0;
      duplicates++;
    } else {
      seen.add(key);
    }
  }
  return duplicates;
}

/** Clears `keep` for kept rows whose present value breaks the rule; missing values are left for imputation. */
function applyRangeRule(table: Table, rule: RangeRule, keep: Uint8Array): number {
  const column = getColumn(table, rule.column);
  if (column.kind !== 'numeric') return 0;
  let dropped = 0;
  for (let r = 0; r < table.rowCount; r++) {
    const v = column.values[r];
    if (keep[r] && !Number.isNaN(v) && (v < rule.min || v > rule.max)) {
      keep[r] = 0;
      dropped++;
    }
  }
  return dropped;
}

function indicesOf(mask: Uint8Array): Int32Array {
  let count = 0;
  for (const m of mask) count += m;
  const out = new Int32Array(count);
  for (let i = 0, j = 0; i < mask.length; i++) if (mask[i]) out[j++] = i;
  return out;
}
