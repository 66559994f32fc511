import { useT } from '../i18n';
import { BAD_DASH, OKABE_ITO } from '../shared/palette';

/** The loss chart's three series: Okabe–Ito colours, and each its own dash so none relies on colour; `label` is the key of its name. */
export const LOSS_SERIES = [
  { key: 'loss', label: 'train.chart.seriesTraining', colour: OKABE_ITO.blue, axis: 'loss', dash: undefined },
  { key: 'valLoss', label: 'train.chart.seriesValidation', colour: OKABE_ITO.vermillion, axis: 'loss', dash: BAD_DASH },
  { key: 'valAuc', label: 'train.chart.seriesAuc', colour: OKABE_ITO.bluishGreen, axis: 'auc', dash: '2 3' },
] as const;

/** A line swatch as the chart draws the series (colour and dash); the words beside it are in ink. */
export function LineSwatch({ colour, dash }: { colour: string; dash?: string }) {
  return (
    <svg className="swatch" width="28" height="10" aria-hidden="true">
      <line x1="1" y1="5" x2="27" y2="5" stroke={colour} strokeWidth="2.5" strokeDasharray={dash} />
    </svg>
  );
}

/** The live chart's legend. */
export function LossLegend() {
  const { t } = useT();
  return (
    <p className="legend">
      {LOSS_SERIES.map((s) => (
        <span key={s.key} className="legend-item">
          <LineSwatch colour={s.colour} dash={s.dash} /> {t(s.label)}
        </span>
      ))}
    </p>
  );
}
