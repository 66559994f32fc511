import { pointsScaleConstants, type PointsScale } from '../../core/scoring/points';
import { translate } from '../i18n';

// The scale's figures as the core's pointsFormula writes them (two decimals at most, a true minus
// sign), so the English line reads exactly as the command line's and a person can check by hand.
function figure(value: number): string {
  const text = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
  return value < 0 ? `−${text.slice(1)}` : text;
}

/** The scale's constants with the figures the formula shows: offset and factor to two decimals. */
function pointsFormulaFigures(scale: PointsScale): { offset: string; factor: string; odds: string; score: string; pdo: string } {
  const { factor, offset } = pointsScaleConstants(scale);
  return {
    offset: offset < 0 ? `−${Math.abs(offset).toFixed(2)}` : offset.toFixed(2),
    factor: factor.toFixed(2),
    odds: figure(scale.baseOdds),
    score: figure(scale.baseScore),
    pdo: figure(scale.pointsToDoubleOdds),
  };
}

/** "points = 487.12 + 28.85 × ln(odds good:bad); odds 50:1 → 600, …" in the active language. */
export function pointsFormulaText(scale: PointsScale): string {
  return translate('evaluate.scale.formula', pointsFormulaFigures(scale));
}
