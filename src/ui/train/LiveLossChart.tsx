import type { EpochReport } from '../../model/train';

const WIDTH = 800;
const HEIGHT = 240;
const PAD = { left: 56, right: 40, top: 10, bottom: 28 };
const SERIES = [
  { key: 'loss', label: 'training loss', color: '#1f4e79', axis: 'loss', dash: undefined },
  { key: 'valLoss', label: 'validation loss', color: '#d9822b', axis: 'loss', dash: undefined },
  { key: 'valAuc', label: 'validation AUC (right)', color: '#1d7a46', axis: 'auc', dash: '4 2' },
] as const;

/** The loss curves as plain SVG: a few microseconds per epoch, for the live view while training. */
export function LiveLossChart({ history }: { history: readonly EpochReport[] }) {
  const epochs = Math.max(2, history.length);
  const losses = history.flatMap((h) => (h.valLoss === null ? [h.loss] : [h.loss, h.valLoss]));
  const lo = losses.length ? Math.min(...losses) : 0;
  const hi = losses.length ? Math.max(...losses) : 1;
  const span = hi - lo || 1;
  const x = (epoch: number) => PAD.left + ((epoch - 1) / (epochs - 1)) * (WIDTH - PAD.left - PAD.right);
  const y = (value: number, axis: 'loss' | 'auc') => {
    const share = axis === 'loss' ? (value - (lo - 0.05 * span)) / (1.1 * span) : (value - 0.5) / 0.5;
    return PAD.top + (1 - Math.min(1, Math.max(0, share))) * (HEIGHT - PAD.top - PAD.bottom);
  };
  const path = (key: (typeof SERIES)[number]['key'], axis: 'loss' | 'auc') =>
    history
      .filter((h) => h[key] !== null)
      .map((h, i) => `${i === 0 ? 'M' : 'L'}${x(h.epoch).toFixed(1)},${y(h[key] as number, axis).toFixed(1)}`)
      .join('');
  return (
    <div className="chart" data-testid="loss-chart" aria-label="Training and validation loss and validation AUC per epoch">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" height={HEIGHT} role="img">
        <title>Loss per epoch while training</title>
        <line x1={PAD.left} y1={HEIGHT - PAD.bottom} x2={WIDTH - PAD.right} y2={HEIGHT - PAD.bottom} stroke="#999" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={HEIGHT - PAD.bottom} stroke="#999" />
        {losses.length > 0 && (
          <>
            <text x={PAD.left - 6} y={y(hi, 'loss') + 4} textAnchor="end" fontSize="11">
              {hi.toFixed(3)}
            </text>
            <text x={PAD.left - 6} y={y(lo, 'loss') + 4} textAnchor="end" fontSize="11">
              {lo.toFixed(3)}
            </text>
          </>
        )}
        <text x={WIDTH - PAD.right + 4} y={y(1, 'auc') + 4} fontSize="11">
          1.0
        </text>
        <text x={WIDTH - PAD.right + 4} y={y(0.5, 'auc') + 4} fontSize="11">
          0.5
        </text>
        <text x={(WIDTH + PAD.left - PAD.right) / 2} y={HEIGHT - 6} textAnchor="middle" fontSize="11">
          epoch {history.length}
        </text>
        {SERIES.map((s) => (
          <path key={s.key} d={path(s.key, s.axis)} fill="none" stroke={s.color} strokeWidth={2} strokeDasharray={s.dash} />
        ))}
      </svg>
      <p className="legend">
        {SERIES.map((s) => (
          <span key={s.key} style={{ color: s.color }}>
            ━ {s.label}{' '}
          </span>
        ))}
      </p>
    </div>
  );
}
