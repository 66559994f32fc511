// A network bundle with its weights quantised, and what that costs: the float32 weights decoded
// from the bundle as stored, quantised as the tfjs converter quantises them, loaded back through
// the path every bundle loads by (tfjs decodes quantised weight specs itself), then scored against
// the float32 model on the reference applicants and, for a model trained in this session, on its
// held-out test rows. The reference applicants keep the probabilities of the quantised model, so
// the file checks itself as tightly as a float32 one.
import { decodeBase64, encodeBase64 } from '../core/bundle/base64';
import { dequantizeWeights, quantizationTolerance, quantizeWeights } from '../core/bundle/quantize';
import type { ModelBundle, NetworkMember, NetworkModel, QuantizationEffect, ReferenceApplicant, WeightQuantization } from '../core/bundle/types';
import { materialise } from '../core/features/encodedRows';
import { computeLogLoss } from '../core/metrics/binary';
import { aucFromRanked, rankScores } from '../core/metrics/rank';
import { predictCalibrated } from '../model/scoringModel';
import type { LoadedModel } from './models';
import { disposeScorer, referenceOf, rulesOf, scoreApplicant, scorerOf, type Scorer } from './scorer';

/** A member whose weights are stored as float32, with the same weights stored in `mode`. Throws for weights stored quantised already. */
export function quantizeMember(member: NetworkMember, mode: WeightQuantization): NetworkMember {
  if (member.weightSpecs.some((spec) => spec.quantization !== undefined)) throw new Error('Only weights stored as float32 are quantised.');
  const values = dequantizeWeights(member.weightSpecs, decodeBase64(member.weightData));
  const { specs, data } = quantizeWeights(
    member.weightSpecs.map((spec, i) => ({ name: spec.name, shape: spec.shape, values: values[i] })),
    mode,
  );
  return { ...member, weightSpecs: specs, weightData: encodeBase64(data) };
}

/** What the float32 model scores, the yardstick a quantised copy is measured by. */
export interface FullPrecision {
  /** Its probability of bad for each of the bundle's reference applicants (NaN where one does not score). */
  readonly reference: readonly number[];
  /** The session's test rows (1 = bad), their inputs and the model's AUC and log loss on them; null without test rows. */
  readonly test: { readonly bad: Float32Array; readonly x: Float32Array; readonly auc: number; readonly logLoss: number } | null;
}

/**
 * The float32 model's scores on `bundle`'s reference applicants and on the session's test rows,
 * scored now by the loaded model (so on the backend its quantised copy will be scored on).
 * Synchronous: computed before anything awaits, so a release in between cannot pull the weights away.
 */
export function fullPrecisionOf(model: LoadedModel, bundle: ModelBundle): FullPrecision {
  const rules = rulesOf(bundle);
  const reference = bundle.referenceApplicants.map(({ record }) => {
    const scored = scoreApplicant(model.scorer, rules, record, bundle.policy.scale, false);
    return scored.ok ? scored.data.probabilityOfBad : Number.NaN;
  });
  const inputs = model.rows?.testInputs ?? null;
  if (inputs === null || inputs.rows === 0 || model.scorer.kind !== 'network') return { reference, test: null };
  const bad = model.rows!.test.bad;
  const x = materialise(inputs);
  const pBad = testProbabilitiesOfBad(model.scorer, x, bundle.policy.positiveIsBad);
  return { reference, test: { bad, x, auc: aucFromRanked(rankScores(bad, pBad)), logLoss: computeLogLoss(bad, pBad) } };
}

/** A quantised bundle and what quantising cost. */
export interface QuantizedBundle {
  readonly bundle: ModelBundle;
  readonly effect: QuantizationEffect;
}

/**
 * `bundle` (a network stored as float32) with its weights stored in `mode`, `model.quantization`
 * and `quantizationEffect` set, its reference applicants scored by the quantised model and their
 * tolerance that of float32 storage (only float rounding across backends remains). A reference
 * applicant the quantised model cannot score counts as an infinite change. Throws when tfjs cannot
 * load the quantised weights.
 */
export async function quantizeBundle(
  bundle: ModelBundle & { readonly model: NetworkModel },
  mode: Exclude<WeightQuantization, 'none'>,
  full: FullPrecision,
): Promise<QuantizedBundle> {
  const { quantizationEffect: _none, ...float32 } = bundle.model;
  const quantized: NetworkModel = { ...float32, members: bundle.model.members.map((member) => quantizeMember(member, mode)), quantization: mode };
  const scorer = await scorerOf(quantized);
  try {
    const rules = rulesOf(bundle);
    let maxReferenceChange = 0;
    const referenceApplicants = bundle.referenceApplicants.map(({ record, probabilityOfBad }, i): ReferenceApplicant => {
      const scored = referenceOf(scorer, rules, record, bundle.policy.scale);
      const change = scored.ok ? Math.abs(scored.data.probabilityOfBad - full.reference[i]) : Number.POSITIVE_INFINITY;
      // NaN: the float32 model does not score this applicant, so nothing vouches for the quantised one.
      maxReferenceChange = Math.max(maxReferenceChange, Number.isNaN(change) ? Number.POSITIVE_INFINITY : change);
      return scored.ok ? scored.data : { record, probabilityOfBad };
    });
    let testAucChange: number | null = null;
    let testLogLossChange: number | null = null;
    if (full.test !== null && scorer.kind === 'network') {
      const pBad = testProbabilitiesOfBad(scorer, full.test.x, bundle.policy.positiveIsBad);
      testAucChange = aucFromRanked(rankScores(full.test.bad, pBad)) - full.test.auc;
      testLogLossChange = computeLogLoss(full.test.bad, pBad) - full.test.logLoss;
    }
    const effect: QuantizationEffect = { maxReferenceChange, testAucChange, testLogLossChange };
    return {
      bundle: { ...bundle, model: { ...quantized, quantizationEffect: effect }, referenceApplicants, referenceTolerance: quantizationTolerance('none') },
      effect,
    };
  } finally {
    disposeScorer(scorer);
  }
}

/** Probabilities of bad of row-major test inputs `x` (label 1's calibrated probability turned round when label 1 is good). */
function testProbabilitiesOfBad(scorer: Extract<Scorer, { kind: 'network' }>, x: Float32Array, positiveIsBad: boolean): Float64Array {
  const p = predictCalibrated(scorer.model, x);
  return positiveIsBad ? p : p.map((v) => 1 - v);
}
