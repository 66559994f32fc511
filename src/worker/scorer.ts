// What scores an applicant: a bundle's model made ready to run (tfjs networks loaded from the
// bundle's weights, or the scorecard as stored), and the one scoring function every caller uses:
// the form, the reference applicants written into a bundle, and their check when one is loaded.
import type { BundleProblem } from '../core/bundle/problems';
import { ensembleLogits } from '../core/boosting/ensemble';
import { forestShapley } from '../core/boosting/treeShap';
import { columnContributions, reasonsFromContributions, referenceRecord, type Reason, type ReasonBasis } from '../core/reasons/reasons';
import type { TypicalValues } from '../core/reasons/typicalValues';
import { scorecardPoints } from '../core/scorecard/scorecardPoints';
import { integratedGradients, integratedGradientsOfRows } from '../model/attributions';
import type { BoostedModel, BundleModel, ModelBundle, ReferenceApplicant } from '../core/bundle/types';
import { applyCalibrator } from '../core/calibration/calibrator';
import { encodeApplicant, findOutsideTrainedRange, type ApplicantRecord, type Preprocessor } from '../core/features/preprocessor';
import { slotGroups } from '../core/importance/permutationImportance';
import { failWith, ok, type Result } from '../core/result';
import type { Scorecard } from '../core/scorecard/types';
import { probabilityOfBad, type PointsScale } from '../core/scoring/points';
import { scoringModelOf } from '../model/bundleNetwork';
import { disposeScoringModel, predictCalibrated, predictEnsembleLogits, type ScoringModel } from '../model/scoringModel';
import type { ApplicantBin, ApplicantScore } from './protocol';
import { scoreApplicantOnScorecard } from './scorecardTraining';

/** A model ready to score: a loaded tfjs ensemble, or a scorecard or boosted trees (plain JavaScript). */
export type Scorer =
  /** `logistic`: the network has no hidden layer, so its integrated gradients are its exact terms w·(x − r). */
  | { readonly kind: 'network'; readonly model: ScoringModel; readonly logistic?: boolean }
  | { readonly kind: 'scorecard'; readonly scorecard: Scorecard }
  | { readonly kind: 'boosted'; readonly model: BoostedModel };

/** What scoring applies besides the model: the stored preprocessing, which label is bad, and the typical answers reasons start from and compare with. */
export interface ScoringRules {
  readonly preprocessing: Preprocessor;
  readonly positiveIsBad: boolean;
  /** Absent in bundles made before reasons: then no reasons are given. */
  readonly typical?: TypicalValues;
}

/** The bundle's model ready to score; throws when tfjs cannot load a member. */
export async function scorerOf(model: BundleModel): Promise<Scorer> {
  if (model.kind === 'network')
    return { kind: 'network', model: await scoringModelOf(model), logistic: model.network.kind === 'logistic' || model.network.hiddenUnits.length === 0 };
  return model.kind === 'boosted' ? { kind: 'boosted', model } : { kind: 'scorecard', scorecard: model.scorecard };
}

/** Frees a scorer's tfjs weights (a scorecard holds none). */
export function disposeScorer(scorer: Scorer): void {
  if (scorer.kind === 'network') disposeScoringModel(scorer.model);
}

/**
 * Scores one applicant with the stored preprocessing and calibrated model (never refit): the
 * probability of bad, any value outside the trained range of a 'drop' rule, and (with `explain` and
 * typical values in the rules) up to four reasons that pushed the risk up. A scorecard scores with
 * the integer points of the applicant's bins on `scale`: the probability follows from their total.
 */
export function scoreApplicant(scorer: Scorer, rules: ScoringRules, record: ApplicantRecord, scale: PointsScale, explain = true): Result<ApplicantScore> {
  const outsideTrainedRange = () => findOutsideTrainedRange(rules.preprocessing, record);
  if (scorer.kind === 'scorecard') {
    const scored = scoreApplicantOnScorecard(scorer.scorecard, record, scale, rules.preprocessing.decimal);
    if (!scored.ok) return scored;
    const reasons = explain ? scorecardReasons(scorer.scorecard, scored.data.scorecardBins ?? [], record, scale, rules) : null;
    return ok({ ...scored.data, outsideTrainedRange: outsideTrainedRange(), ...(reasons ? { reasons, reasonBasis: 'points-below-best' as const } : {}) });
  }
  let x: Float32Array;
  try {
    x = encodeApplicant(rules.preprocessing, record);
  } catch (error) {
    return failWith('applicant.encodingFailed', { detail: (error as Error).message });
  }
  const p = scorer.kind === 'boosted' ? applyCalibrator(scorer.model.calibrator, boostedLogit(scorer.model, x)) : predictCalibrated(scorer.model, x)[0];
  if (!Number.isFinite(p)) return failWith('applicant.invalidProbability', {});
  const explained = explain && rules.typical ? explainEncoded(scorer, rules, record, x, rules.typical) : null;
  return ok({ probabilityOfBad: probabilityOfBad(p, rules.positiveIsBad), outsideTrainedRange: outsideTrainedRange(), ...explained });
}

/**
 * The reasons of a network or boosted-tree score: each encoded input's contribution to the logit of
 * bad from the reference applicant (the training medians and modes), summed per column. Boosted
 * trees: exact Shapley values; networks: integrated gradients (a logistic regression's are its exact terms).
 */
export function explainEncoded(
  scorer: Exclude<Scorer, { kind: 'scorecard' }>,
  rules: ScoringRules,
  record: ApplicantRecord,
  x: Float32Array,
  typical: TypicalValues,
): { reasons: Reason[]; reasonBasis: ReasonBasis } | null {
  const context = explanationContext(rules.preprocessing, typical);
  if (context === null) return null;
  const { reference, slots } = context;
  const toBad = rules.positiveIsBad ? 1 : -1;
  const attributions =
    scorer.kind === 'boosted' ? forestShapley(scorer.model.forests, x, reference, scorer.model.inputWidth) : integratedGradients(scorer.model, x, reference).attributions;
  const perColumn = columnContributions(
    attributions.map((a) => toBad * a),
    slots,
  );
  const reasonBasis: ReasonBasis = scorer.kind === 'boosted' ? 'tree-shapley' : scorer.logistic ? 'exact-terms' : 'integrated-gradients';
  return { reasons: reasonsFromContributions(perColumn, record, rules.preprocessing, typical), reasonBasis };
}

/**
 * Each encoded input's contribution to the logit of label 1 from the reference applicant, for
 * `rows` encoded rows of `x` (row-major): exact Shapley values for boosted trees, integrated
 * gradients for a network (one tf.grad pass for the whole chunk). Null when the reference does not encode.
 */
export function encodedAttributions(scorer: Exclude<Scorer, { kind: 'scorecard' }>, pre: Preprocessor, typical: TypicalValues, x: Float32Array, rows: number): Float64Array | null {
  const context = explanationContext(pre, typical);
  if (context === null) return null;
  const width = pre.width;
  if (scorer.kind === 'network') return integratedGradientsOfRows(scorer.model, x, rows, context.reference);
  const out = new Float64Array(rows * width);
  for (let k = 0; k < rows; k++) forestShapley(scorer.model.forests, x.subarray(k * width, (k + 1) * width), context.reference, width, out.subarray(k * width, (k + 1) * width));
  return out;
}

// The encoded reference applicant and the columns' input slots, per bundle (its typical values and
// preprocessing never change): computed once, not for every applicant of a batch or every edit.
const contexts = new WeakMap<TypicalValues, { readonly pre: Preprocessor; readonly reference: Float32Array; readonly slots: ReturnType<typeof slotGroups> } | null>();

function explanationContext(pre: Preprocessor, typical: TypicalValues) {
  const cached = contexts.get(typical);
  if (cached !== undefined && (cached === null || cached.pre === pre)) return cached;
  let context = null;
  try {
    context = { pre, reference: encodeApplicant(pre, referenceRecord(pre, typical)), slots: slotGroups(pre) };
  } catch (error) {
    console.error('The reference applicant did not encode; no reasons given', error);
  }
  contexts.set(typical, context);
  return context;
}

/**
 * A scorecard's reasons, the usual adverse-action method: per characteristic, the points the
 * applicant's bin falls short of the characteristic's best bin; the largest shortfalls first.
 */
function scorecardReasons(scorecard: Scorecard, bins: readonly ApplicantBin[], record: ApplicantRecord, scale: PointsScale, rules: ScoringRules): Reason[] {
  const table = scorecardPoints(scorecard, scale);
  const shortfalls = new Map<string, number>();
  for (const { characteristic, binIndex } of bins) {
    const rows = table.rows.filter((r) => r.characteristic === characteristic);
    const best = Math.max(...rows.map((r) => r.points));
    const own = rows.find((r) => r.binIndex === binIndex)?.points ?? best;
    shortfalls.set(characteristic, best - own);
  }
  return reasonsFromContributions(shortfalls, record, rules.preprocessing, rules.typical).map((reason) => ({ ...reason, code: reason.code === 'missing' ? 'missing' : 'bin' }));
}

/** The boosted model's logit of label 1 (before calibration) for one encoded row. */
function boostedLogit(model: BoostedModel, x: Float32Array): number {
  return ensembleLogits(model.forests, x, model.inputWidth)[0];
}

/** The scoring rules a bundle stores. */
export function rulesOf(bundle: Pick<ModelBundle, 'preprocessing' | 'policy'> & { readonly reference?: Pick<ModelBundle['reference'], 'typical'> }): ScoringRules {
  const typical = bundle.reference?.typical;
  return { preprocessing: bundle.preprocessing, positiveIsBad: bundle.policy.positiveIsBad, ...(typical ? { typical } : {}) };
}

/**
 * A reference applicant as a bundle stores it: the probability of bad and, for a network, the
 * ensemble's mean logit before calibration (an isotonic step can hide a changed weight; the logit cannot).
 */
export function referenceOf(scorer: Scorer, rules: ScoringRules, record: ApplicantRecord, scale: PointsScale): Result<ReferenceApplicant> {
  const scored = scoreApplicant(scorer, rules, record, scale, false);
  if (!scored.ok) return scored;
  if (scorer.kind === 'scorecard') return ok({ record, probabilityOfBad: scored.data.probabilityOfBad });
  const x = encodeApplicant(rules.preprocessing, record);
  const logit = scorer.kind === 'boosted' ? boostedLogit(scorer.model, x) : predictEnsembleLogits(scorer.model, x)[0];
  return ok({ record, probabilityOfBad: scored.data.probabilityOfBad, logit });
}

/**
 * The largest accepted change of a reference logit: the bundle's probability tolerance carried to the
 * logit scale (dp ≤ dz / 4), relative for large logits, where float32 rounding grows with them.
 */
export function logitTolerance(bundle: Pick<ModelBundle, 'referenceTolerance'>, logit: number): number {
  return 4 * bundle.referenceTolerance * Math.max(1, Math.abs(logit));
}

/**
 * Scores the bundle's reference applicants again (on its policy's scale) and compares each with
 * what is stored with it, the probability and (networks) the logit: the first that differs by more
 * than the bundle's tolerance (or does not score at all) is the problem; null when all agree.
 */
export function checkReferenceApplicants(scorer: Scorer, bundle: ModelBundle): BundleProblem | null {
  const rules = rulesOf(bundle);
  for (let i = 0; i < bundle.referenceApplicants.length; i++) {
    const stored = bundle.referenceApplicants[i];
    const again = referenceOf(scorer, rules, stored.record, bundle.policy.scale);
    const actual = again.ok ? again.data.probabilityOfBad : Number.NaN;
    // Written so that NaN fails: a reference that no longer scores is a mismatch.
    if (!(Math.abs(actual - stored.probabilityOfBad) <= bundle.referenceTolerance)) {
      return { code: 'reference-mismatch', applicant: i, expected: stored.probabilityOfBad, actual, tolerance: bundle.referenceTolerance };
    }
    if (stored.logit === undefined) continue;
    const logit = again.ok ? (again.data.logit ?? Number.NaN) : Number.NaN;
    const tolerance = logitTolerance(bundle, stored.logit);
    if (!(Math.abs(logit - stored.logit) <= tolerance)) return { code: 'reference-mismatch', applicant: i, expected: stored.logit, actual: logit, tolerance, on: 'logit' };
  }
  return null;
}
