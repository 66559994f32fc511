import type { Confusion } from '../../core/metrics/binary';
import type { CutoffEvaluation } from '../../core/scoring/cutoff';
import type { CutoffPlan, CutoffRule } from '../../worker/protocol';

/** What the planner shows for a cut-off: the test-row evaluation and where it comes from. */
export interface CutoffReading {
  /** On the test rows. */
  readonly evaluation: CutoffEvaluation;
  /** The suggestion whose exact cut-off this is (its onTest figures), or null for a slider step. */
  readonly rule: CutoffRule | null;
  /** False when the cut-off lies between two 1% steps and no suggestion has it: the nearest step is shown. */
  readonly exact: boolean;
}

/**
 * The test rows' figures at `cutoff`: a suggestion's own onTest figures when the cut-off is exactly
 * a suggestion's (those cut-offs are rarely on the 1% grid), else the table's nearest step.
 */
export function readingAt(plan: CutoffPlan, cutoff: number): CutoffReading {
  const suggestion = plan.suggestions.find((s) => s.cutoff === cutoff);
  if (suggestion) return { evaluation: suggestion.onTest, rule: suggestion.rule, exact: true };
  const evaluation = plan.table[Math.round(cutoff * (plan.table.length - 1))];
  return { evaluation, rule: null, exact: Math.abs(evaluation.cutoff - cutoff) < 1e-9 };
}

/**
 * The confusion matrix of declining at the cut-off, with bad as the positive class: bads declined
 * are true positives, goods declined false positives, bads approved false negatives, goods
 * approved true negatives. `bads` is the number of bad rows among the evaluation's rows.
 */
export function confusionAtCutoff(evaluation: CutoffEvaluation, bads: number): Confusion {
  const goods = evaluation.rows - bads;
  return {
    tp: bads - evaluation.badsApproved,
    fn: evaluation.badsApproved,
    fp: goods - evaluation.goodsApproved,
    tn: evaluation.goodsApproved,
  };
}
