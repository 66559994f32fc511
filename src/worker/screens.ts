// The model screens a validator asks for, on the session's held-out test rows: which inputs the model
// relies on (permutation importance: the drop in AUC when a column's values are shuffled among the
// rows), and a fair-lending screen (approval rates per group of a protected attribute at the cut-off,
// the adverse impact ratio, Fisher's exact test). Both describe the model on these rows, not the world.
import { adverseImpact, type AdverseImpact } from '../core/fairness/adverseImpact';
import { materialise } from '../core/features/encodedRows';
import { permutationImportance, slotGroups } from '../core/importance/permutationImportance';
import { failWith, ok, type Result } from '../core/result';
import { cellText, type Table } from '../core/table';
import { predictCalibrated } from '../model/scoringModel';
import { boostedProbabilities } from './boostedTraining';
import { findDataset } from './datasets';
import { findModel } from './models';
import type { DatasetId, ModelId } from './protocol';

/** Permutation importance of each input column: mean and spread of the AUC drop over the repeats. */
export interface ImportanceReport {
  readonly baselineAuc: number;
  readonly repeats: number;
  readonly rows: number;
  readonly columns: readonly { readonly column: string; readonly meanDrop: number; readonly sd: number }[];
}

/** Shuffles of each column: enough for a spread, few enough to take seconds on 6,500 test rows. */
const IMPORTANCE_REPEATS = 5;

/** Permutation importance of model `modelId` on its test rows (networks and boosted trees; a scorecard's characteristics report shows each one's IV instead). */
export function importance(modelId: ModelId, seed = 42): Result<ImportanceReport> {
  const found = findModel(modelId);
  if (!found.ok) return found;
  const { scorer, rows, bundle } = found.data;
  if (!rows || !rows.testInputs || rows.test.bad.length === 0) return failWith('importance.needsTestRows', {});
  if (scorer.kind === 'scorecard') return failWith('screen.scorecardImportance', {});
  const positiveIsBad = found.data.policy.positiveIsBad;
  const score = (x: Float32Array): Float64Array => {
    const p = scorer.kind === 'boosted' ? boostedProbabilities(scorer.model, x) : predictCalibrated(scorer.model, x);
    return positiveIsBad ? p : p.map((v) => 1 - v);
  };
  const x = materialise(rows.testInputs);
  const result = permutationImportance({
    x,
    width: bundle.preprocessing.width,
    labels: Float32Array.from(rows.test.bad),
    groups: slotGroups(bundle.preprocessing),
    score,
    repeats: IMPORTANCE_REPEATS,
    seed,
  });
  return ok({
    baselineAuc: result.baselineAuc,
    repeats: IMPORTANCE_REPEATS,
    rows: rows.test.bad.length,
    columns: [...result.columns].sort((a, b) => b.meanDrop - a.meanDrop).map(({ column, meanDrop, sd }) => ({ column, meanDrop, sd })),
  });
}

/** Most groups a screen compares: a column with more values is not a grouping (an age in years, an income). */
const MAX_GROUPS = 20;

/** The fair-lending screen of one protected column on the test rows, at the cut-off in force. */
export interface FairnessReport extends AdverseImpact {
  readonly column: string;
  readonly cutoff: number;
  readonly rows: number;
  /** True when the column is one of the model's inputs (it should be left out of the features). */
  readonly usedByModel: boolean;
  /** Where the column was read: the session's data, or a separate file joined to it row by row. */
  readonly source: 'session' | 'file';
}

/** The columns of the session's data a screen can group by (any column of the file but the target). */
export function protectedCandidates(modelId: ModelId): Result<string[]> {
  const found = findModel(modelId);
  if (!found.ok) return found;
  const table = found.data.rows?.testTable?.table;
  if (!table) return ok([]);
  return ok(table.columns.map((c) => c.name).filter((name) => name !== found.data.bundle.schema.outcome.target));
}

/**
 * Approval rates per value of `column` among the test rows at the cut-off in force, each group's
 * adverse impact ratio against the most-approved group and Fisher's exact test. The column is read
 * from the session's data or, with `groupsFrom`, from a separate file whose row i belongs to row i
 * of the training file (so it must have as many rows), for this screen only: nothing of it goes
 * into the bundle.
 */
export function fairness(modelId: ModelId, column: string, groupsFrom?: DatasetId): Result<FairnessReport> {
  const found = findModel(modelId);
  if (!found.ok) return found;
  const { rows, policy, bundle } = found.data;
  const testTable = rows?.testTable;
  if (!rows || !testTable) return failWith('screen.needsTestRows', {});
  let source: Table = testTable.table;
  if (groupsFrom !== undefined) {
    const groups = findDataset(groupsFrom);
    if (!groups.ok) return groups;
    source = groups.data.table;
    if (source.rowCount !== testTable.table.rowCount) return failWith('screen.groupRowsDiffer', { groupRows: source.rowCount, trainingRows: testTable.table.rowCount });
  }
  const col = source.columns.find((c) => c.name === column);
  if (!col) return failWith('screen.noColumn', { column, inGroupsFile: groupsFrom !== undefined });
  const counts = new Map<string, { applicants: number; approved: number }>();
  let distinct = 0;
  for (let i = 0; i < testTable.rows.length; i++) {
    const group = cellText(col, testTable.rows[i]) || '(blank)';
    const entry = counts.get(group) ?? { applicants: 0, approved: 0 };
    if (entry.applicants === 0 && ++distinct > MAX_GROUPS) return failWith('screen.tooManyGroups', { column, maximum: MAX_GROUPS });
    entry.applicants++;
    if (rows.test.pBad[i] < policy.cutoff) entry.approved++;
    counts.set(group, entry);
  }
  const groups = [...counts.entries()].map(([group, c]) => ({ group, ...c }));
  return ok({
    ...adverseImpact(groups),
    column,
    cutoff: policy.cutoff,
    rows: testTable.rows.length,
    usedByModel: bundle.schema.columns.some((c) => c.name === column),
    source: groupsFrom === undefined ? 'session' : 'file',
  });
}
