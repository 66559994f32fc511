import { pointsScaleConstants, type PointsScale } from '../../core/scoring/points';
import { useT } from '../i18n';
import { NumberField } from '../shared/NumberField';
import { pointsFormulaText } from './pointsFormulaText';

/** The points scale (base score at base odds, points to double the odds) and the formula to check a score by hand. */
export function ScorecardScale({ scale, onScale }: { scale: PointsScale; onScale: (scale: PointsScale) => void }) {
  const { t } = useT();
  const { offset, factor } = pointsScaleConstants(scale);
  return (
    <div className="scorecard">
      <div className="field-row">
        <NumberField
          label={t('evaluate.scale.baseScore')}
          testId="base-score-input"
          value={scale.baseScore}
          min={0}
          max={10000}
          step={10}
          onChange={(baseScore) => onScale({ ...scale, baseScore })}
        />
        <NumberField
          label={t('evaluate.scale.baseOdds')}
          testId="base-odds-input"
          value={scale.baseOdds}
          min={0.01}
          max={100000}
          step={1}
          onChange={(baseOdds) => onScale({ ...scale, baseOdds })}
        />
        <NumberField
          label={t('evaluate.scale.pdo')}
          testId="pdo-input"
          value={scale.pointsToDoubleOdds}
          min={1}
          max={1000}
          step={1}
          onChange={(pointsToDoubleOdds) => onScale({ ...scale, pointsToDoubleOdds })}
        />
      </div>
      <p>
        {/* The formula's figures as plain numbers too (offset and factor to the formula's two decimals), for checks that must not read words. */}
        <code
          data-testid="points-formula"
          data-offset={Number(offset.toFixed(2))}
          data-factor={Number(factor.toFixed(2))}
          data-base-odds={scale.baseOdds}
          data-base-score={scale.baseScore}
          data-pdo={scale.pointsToDoubleOdds}
        >
          {pointsFormulaText(scale)}
        </code>
      </p>
      <p className="hint">{t('evaluate.scale.hint')}</p>
    </div>
  );
}
