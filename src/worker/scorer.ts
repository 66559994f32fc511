// What scores an applicant: a bundle's model made ready to run (tfjs networks loaded from the
// bundle's weights, or the scorecard as stored), and the one scoring function every caller uses:
// the form, the reference applicants written into a bundle, and their check when one is loaded.
import type { BundleProblem } from '../core/bundle/problems';
import type { BundleModel, ModelBundle } from '../core/bundle/types';
import { encodeApplicant, findOutsideTrainedRange, type ApplicantRecord, type Preprocessor } from '../core/features/preprocessor';
import { fail, ok, type Result } from '../core/result';
import type { Scorecard } from '../core/scorecard/types';
import { probabilityOfBad, type PointsScale } from '../core/scoring/points';
import { scoringModelOf } from '../model/bundleNetwork';
import { disposeScoringModel, predictCalibrated, type ScoringModel } from '../model/scoringModel';
import type { ApplicantScore } from './protocol';
import { scoreApplicantOnScorecard } from './scorecardTraining';

/** A model ready to score: a loaded tfjs ensemble, or a scorecard (plain JavaScript). */
export type Scorer = { readonly kind: 'network'; readonly model: ScoringModel } | { readonly kind: 'scorecard'; readonly scorecard: Scorecard };

/** What scoring applies besides the model: the stored preprocessing, and which label is bad. */
export interface ScoringRules {
  readonly preprocessing: Preprocessor;
  readonly positiveIsBad: boolean;
}

/** The bundle's model ready to score; throws when tfjs cannot load a member. */
export async function scorerOf(model: BundleModel): Promise<Scorer> {
  return model.kind === 'network' ? { kind: 'network', model: await scoringModelOf(model) } : { kind: 'scorecard', scorecard: model.scorecard };
}

/** Frees a scorer's tfjs weights (a scorecard holds none). */
export function disposeScorer(scorer: Scorer): void {
  if (scorer.kind === 'network') disposeScoringModel(scorer.model);
}

/**
 * Scores one applicant with the stored preprocessing and calibrated model (never refit): the
 * probability of bad, and any value outside the trained range of a 'drop' rule. A scorecard scores
 * with the integer points of the applicant's bins on `scale`: the probability follows from their total.
 */
export function scoreApplicant(scorer: Scorer, rules: ScoringRules, record: ApplicantRecord, scale: PointsScale): Result<ApplicantScore> {
  const outsideTrainedRange = () => findOutsideTrainedRange(rules.preprocessing, record);
  if (scorer.kind === 'scorecard') {
    const scored = scoreApplicantOnScorecard(scorer.scorecard, record, scale, rules.preprocessing.decimal);
    return scored.ok ? ok({ ...scored.data, outsideTrainedRange: outsideTrainedRange() }) : scored;
  }
  let x: Float32Array;
  try {
    x = encodeApplicant(rules.preprocessing, record);
  } catch (error) {
    return fail((error as Error).message);
  }
  const p = predictCalibrated(scorer.model, x)[0];
  if (!Number.isFinite(p)) return fail('The model gave no valid probability for this applicant.');
  return ok({ probabilityOfBad: probabilityOfBad(p, rules.positiveIsBad), outsideTrainedRange: outsideTrainedRange() });
}

/** The scoring rules a bundle stores. */
export function rulesOf(bundle: Pick<ModelBundle, 'preprocessing' | 'policy'>): ScoringRules {
  return { preprocessing: bundle.preprocessing, positiveIsBad: bundle.policy.positiveIsBad };
}

/**
 * Scores the bundle's reference applicants again (on its policy's scale) and compares each with
 * the probability stored with it: the first that differs by more than the bundle's tolerance (or
 * does not score at all) is the problem; null when all agree.
 */
export function checkReferenceApplicants(scorer: Scorer, bundle: ModelBundle): BundleProblem | null {
  const rules = rulesOf(bundle);
  for (let i = 0; i < bundle.referenceApplicants.length; i++) {
    const { record, probabilityOfBad: expected } = bundle.referenceApplicants[i];
    const scored = scoreApplicant(scorer, rules, record, bundle.policy.scale);
    const actual = scored.ok ? scored.data.probabilityOfBad : Number.NaN;
    // Written so that NaN fails: a reference that no longer scores is a mismatch.
    if (!(Math.abs(actual - expected) <= bundle.referenceTolerance)) {
      return { code: 'reference-mismatch', applicant: i, expected, actual, tolerance: bundle.referenceTolerance };
    }
  }
  return null;
}
