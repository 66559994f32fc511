// Calls on a loaded model by its id: scoring an applicant, the cut-off planner, the decision
// policy, and the bundle as it stands (what "save" writes).
import type { DecisionPolicy, ModelBundle, ReferenceApplicant } from '../core/bundle/types';
import type { ApplicantRecord } from '../core/features/preprocessor';
import { failWith, ok, type Result } from '../core/result';
import { assertPointsScale, type PointsScale } from '../core/scoring/points';
import { planCutoffs } from './evaluation';
import { findModel } from './models';
import type { ApplicantScore, CutoffPlan, ModelId, ModelPolicy } from './protocol';
import { referenceOf, rulesOf, scoreApplicant } from './scorer';

/** Scores one applicant with model `modelId` (a scorecard on `scale`, by default its policy's). */
export function score(modelId: ModelId, record: ApplicantRecord, scale?: PointsScale): Result<ApplicantScore> {
  const found = findModel(modelId);
  if (!found.ok) return found;
  const model = found.data;
  try {
    return scoreApplicant(
      model.scorer,
      rulesOf({ preprocessing: model.bundle.preprocessing, policy: model.policy, reference: model.bundle.reference }),
      record,
      scale ?? model.policy.scale,
    );
  } catch (error) {
    console.error('Scoring failed', error);
    return failWith('applicant.notScored', {});
  }
}

/**
 * The cut-off planner of model `modelId`. A model trained in this session: the test rows' table and
 * cut-offs for maximum profit, maximum KS and a target approval rate (0–1) searched on its
 * validation (or out-of-fold) rows. A loaded bundle has only its stored test table: that table, its
 * profit recomputed for this money, no suggestions, and `searchable` false.
 */
export function cutoffPlan(modelId: ModelId, profitPerGood: number, lossPerBad: number, targetApprovalRate: number): Result<CutoffPlan> {
  const found = findModel(modelId);
  if (!found.ok) return found;
  if (!(targetApprovalRate >= 0 && targetApprovalRate <= 1)) return failWith('policy.approvalRate', {});
  const model = found.data;
  if (model.rows) return ok(planCutoffs(model.rows.test, model.rows.search, { profitPerGood, lossPerBad }, targetApprovalRate));
  const table = model.bundle.metrics.cutoffTable;
  if (!table) return failWith('policy.noCutoffTable', {});
  if (!Number.isFinite(profitPerGood) || !Number.isFinite(lossPerBad)) return failWith('policy.economicsNotNumbers', {});
  return ok({
    table: table.map((row) => ({ ...row, expectedProfit: row.goodsApproved * profitPerGood - row.badsApproved * lossPerBad })),
    suggestions: [],
    searchable: false,
  });
}

/** Sets model `modelId`'s decision policy (the cut-off on the probability of bad, and the points scale); it goes into the bundle. */
export function setPolicy(modelId: ModelId, policy: ModelPolicy): Result<DecisionPolicy> {
  const found = findModel(modelId);
  if (!found.ok) return found;
  if (!(policy.cutoff >= 0 && policy.cutoff <= 1)) return failWith('policy.cutoffRange', {});
  try {
    assertPointsScale(policy.scale);
  } catch {
    return failWith('policy.scale', {});
  }
  const model = found.data;
  model.policy = { ...model.policy, cutoff: policy.cutoff, scale: { ...policy.scale } };
  return ok(model.policy);
}

/**
 * Model `modelId`'s bundle with its policy as now set. A scorecard's probabilities follow from
 * whole points on the scale, so its reference applicants are scored again on a changed scale:
 * the saved bundle checks itself against the scale it carries.
 */
export function bundleOf(modelId: ModelId): Result<ModelBundle> {
  const found = findModel(modelId);
  if (!found.ok) return found;
  const { bundle, policy, scorer } = found.data;
  const current: ModelBundle = { ...bundle, policy };
  const rescore = scorer.kind === 'scorecard' && JSON.stringify(policy.scale) !== JSON.stringify(bundle.policy.scale);
  if (!rescore) return ok(current);
  const rules = rulesOf(current);
  const referenceApplicants: ReferenceApplicant[] = [];
  for (const { record } of bundle.referenceApplicants) {
    const scored = referenceOf(scorer, rules, record, policy.scale);
    if (!scored.ok) return failWith('policy.referenceNotScored', {});
    referenceApplicants.push(scored.data);
  }
  return ok({ ...current, referenceApplicants });
}
