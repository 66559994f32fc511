import { pointsFormula, type PointsScale } from '../../core/scoring/points';
import { NumberField } from '../shared/NumberField';

/** The points scale (base score at base odds, points to double the odds) and the formula to check a score by hand. */
export function ScorecardScale({ scale, onScale }: { scale: PointsScale; onScale: (scale: PointsScale) => void }) {
  return (
    <div className="scorecard">
      <div className="field-row">
        <NumberField
          label="Base score"
          testId="base-score-input"
          value={scale.baseScore}
          min={0}
          max={10000}
          step={10}
          onChange={(baseScore) => onScale({ ...scale, baseScore })}
        />
        <NumberField
          label="at good:bad odds of"
          testId="base-odds-input"
          value={scale.baseOdds}
          min={0.01}
          max={100000}
          step={1}
          onChange={(baseOdds) => onScale({ ...scale, baseOdds })}
        />
        <NumberField
          label="Points to double the odds"
          testId="pdo-input"
          value={scale.pointsToDoubleOdds}
          min={1}
          max={1000}
          step={1}
          onChange={(pointsToDoubleOdds) => onScale({ ...scale, pointsToDoubleOdds })}
        />
      </div>
      <p>
        <code data-testid="points-formula">{pointsFormula(scale)}</code>
      </p>
      <p className="hint">odds = (1 − probability of bad) ÷ probability of bad; higher points are better.</p>
    </div>
  );
}
