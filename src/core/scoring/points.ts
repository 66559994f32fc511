// Scorecard points: a log-odds scale where higher points mean a safer applicant.
//   odds   = (1 − pBad) / pBad            (good : bad)
//   factor = pointsToDoubleOdds / ln 2
//   offset = baseScore − factor · ln(baseOdds)
//   points = offset + factor · ln(odds)
// so odds of baseOdds:1 score baseScore and each doubling of the odds adds pointsToDoubleOdds.

/** A probability in [0, 1]; make one with asProbability. */
export type Probability = number & { readonly __brand: 'Probability' };

/** A finite score on a points scale (higher is safer); make one with asPoints. */
export type Points = number & { readonly __brand: 'Points' };

/** How probabilities map to points. */
export interface PointsScale {
  /** Points given at odds of baseOdds:1 (good:bad). */
  readonly baseScore: number;
  /** Good:bad odds (> 0) that score baseScore. */
  readonly baseOdds: number;
  /** Points added each time the good:bad odds double (> 0). */
  readonly pointsToDoubleOdds: number;
}

/** The common scale: 600 points at 50:1 good:bad, 20 points to double the odds. */
export const DEFAULT_POINTS_SCALE: PointsScale = Object.freeze({ baseScore: 600, baseOdds: 50, pointsToDoubleOdds: 20 });

/**
 * pBad is clamped to [PROBABILITY_OF_BAD_CLAMP, 1 − PROBABILITY_OF_BAD_CLAMP] before taking odds,
 * so p of exactly 0 or 1 (float32 sigmoids saturate) gives finite points: about 886 and 88 on the
 * default scale (odds 999999:1 and 1:999999).
 */
export const PROBABILITY_OF_BAD_CLAMP = 1e-6;

/** Brands `value` as a Probability; throws RangeError unless 0 ≤ value ≤ 1. */
export function asProbability(value: number): Probability {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`A probability must be in [0, 1], got ${value}.`);
  return value as Probability;
}

/** Brands `value` as Points; throws RangeError unless it is finite. */
export function asPoints(value: number): Points {
  if (!Number.isFinite(value)) throw new RangeError(`Points must be a finite number, got ${value}.`);
  return value as Points;
}

/** Probability of the bad outcome from the model's probability of the positive class (label 1). */
export function probabilityOfBad(pPositive: number, positiveIsBad: boolean): Probability {
  const p = asProbability(pPositive);
  return asProbability(positiveIsBad ? p : 1 - p);
}

/** Throws RangeError unless the scale has finite numbers, baseOdds > 0 and pointsToDoubleOdds > 0. */
export function assertPointsScale(scale: PointsScale): void {
  if (!Number.isFinite(scale.baseScore)) throw new RangeError(`baseScore must be a finite number, got ${scale.baseScore}.`);
  if (!(scale.baseOdds > 0 && Number.isFinite(scale.baseOdds))) throw new RangeError(`baseOdds must be positive, got ${scale.baseOdds}.`);
  if (!(scale.pointsToDoubleOdds > 0 && Number.isFinite(scale.pointsToDoubleOdds))) {
    throw new RangeError(`pointsToDoubleOdds must be positive, got ${scale.pointsToDoubleOdds}.`);
  }
}

/** The scale's constants: points = offset + factor · ln(odds good:bad); factor in points per nat of odds. */
export function pointsScaleConstants(scale: PointsScale = DEFAULT_POINTS_SCALE): { readonly factor: number; readonly offset: number } {
  assertPointsScale(scale);
  const factor = scale.pointsToDoubleOdds / Math.LN2;
  return { factor, offset: scale.baseScore - factor * Math.log(scale.baseOdds) };
}

/** Points for a probability of bad: offset + factor · ln((1 − pBad) / pBad), pBad clamped (see PROBABILITY_OF_BAD_CLAMP). */
export function pointsFromProbability(pBad: Probability, scale: PointsScale = DEFAULT_POINTS_SCALE): Points {
  const { factor, offset } = pointsScaleConstants(scale);
  const p = Math.min(1 - PROBABILITY_OF_BAD_CLAMP, Math.max(PROBABILITY_OF_BAD_CLAMP, asProbability(pBad)));
  return asPoints(offset + factor * Math.log((1 - p) / p));
}

/** Probability of bad for a number of points: 1 / (1 + odds), odds = exp((points − offset) / factor); not clamped. */
export function probabilityFromPoints(points: Points, scale: PointsScale = DEFAULT_POINTS_SCALE): Probability {
  const { factor, offset } = pointsScaleConstants(scale);
  const logOdds = (asPoints(points) - offset) / factor;
  return asProbability(1 / (1 + Math.exp(logOdds)));
}

function formatNumber(value: number): string {
  const text = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
  return value < 0 ? `−${text.slice(1)}` : text;
}

/** The scale as text a person can check by hand, e.g. "points = 487.12 + 28.85 × ln(odds good:bad); odds 50:1 → 600, …". */
export function pointsFormula(scale: PointsScale = DEFAULT_POINTS_SCALE): string {
  const { factor, offset } = pointsScaleConstants(scale);
  const offsetText = offset < 0 ? `−${Math.abs(offset).toFixed(2)}` : offset.toFixed(2);
  return (
    `points = ${offsetText} + ${factor.toFixed(2)} × ln(odds good:bad); ` +
    `odds ${formatNumber(scale.baseOdds)}:1 → ${formatNumber(scale.baseScore)}, ` +
    `each doubling of the odds adds ${formatNumber(scale.pointsToDoubleOdds)}`
  );
}
