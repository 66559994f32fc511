// The cut-off planner's table holds the test portfolio at fixed steps (0, 0.01, …, 1); the policy's
// cut-off may lie between them, in which case the card shows the nearest step and says so rather
// than interpolating a portfolio that was never measured.

import type { CutoffEvaluation } from '../scoring/cutoff';

/** Steps closer than this to the cut-off count as the cut-off itself (k / 100 is not exact in binary). */
const SAME_CUTOFF = 1e-9;

/** The table's row for a cut-off: the exact step, or the nearest one (the lower on a tie). */
export interface CutoffStep {
  readonly row: CutoffEvaluation;
  readonly exact: boolean;
}

/** The row of `table` at `cutoff`, or its nearest step; null for an empty table. */
export function cutoffStep(table: readonly CutoffEvaluation[], cutoff: number): CutoffStep | null {
  let best: CutoffEvaluation | null = null;
  for (const row of table) {
    const gap = Math.abs(row.cutoff - cutoff);
    if (best === null) best = row;
    else {
      const bestGap = Math.abs(best.cutoff - cutoff);
      if (gap < bestGap - SAME_CUTOFF || (Math.abs(gap - bestGap) <= SAME_CUTOFF && row.cutoff < best.cutoff)) best = row;
    }
  }
  return best === null ? null : { row: best, exact: Math.abs(best.cutoff - cutoff) <= SAME_CUTOFF };
}
