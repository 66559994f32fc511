import { memo } from 'react';
import { Curve, Surface } from 'recharts';
import type { CharacteristicBin } from '../../worker/protocol';

const WIDTH = 860;
const HEIGHT = 240;
const PAD = { left: 52, right: 52, top: 12, bottom: 40 };
// Bad has one colour everywhere and a second cue besides it: hatched bars.
const BAD = 'var(--bad)';
const BAD_HATCH = 'bin-bad-hatch';
const WOE = 'var(--accent)';
// Labels longer than this are cut in the chart (the table beside it has them whole).
const LABEL_CHARS = 16;

/**
 * Bad rate per bin as hatched bars (left axis) and WoE as a line with dots (right axis), drawn with
 * recharts' Surface and Curve primitives. A recharts ComposedChart cost 70–120 ms of main-thread
 * CPU to mount for each selected feature and re-rendered through its store in one 110–280 ms task
 * when a run started (traced on credit_risk); the primitives render straight to SVG in well under
 * a millisecond, as the live loss chart found.
 */
export const BinChartView = memo(function BinChartView({ bins }: { bins: readonly CharacteristicBin[] }) {
  const n = Math.max(1, bins.length);
  const band = (WIDTH - PAD.left - PAD.right) / n;
  const bottom = HEIGHT - PAD.bottom;
  const plotHeight = bottom - PAD.top;
  const maxRate = Math.max(0.01, ...bins.map((b) => b.badRate)) * 1.1;
  const woes = bins.map((b) => b.woe);
  const woeLo = Math.min(0, ...woes);
  const woeHi = Math.max(0, ...woes);
  const woeSpan = woeHi - woeLo || 1;
  const xMid = (i: number) => PAD.left + (i + 0.5) * band;
  const yRate = (rate: number) => bottom - (rate / maxRate) * plotHeight;
  const yWoe = (woe: number) => PAD.top + (1 - (woe - (woeLo - 0.05 * woeSpan)) / (1.1 * woeSpan)) * plotHeight;
  const woePoints = bins.map((b, i) => ({ x: xMid(i), y: yWoe(b.woe) }));
  return (
    <div className="chart" data-testid="bin-chart" data-bins={bins.length} aria-label="Bad rate and weight of evidence per bin">
      <Surface
        width={WIDTH}
        height={HEIGHT}
        viewBox={{ x: 0, y: 0, width: WIDTH, height: HEIGHT }}
        style={{ width: '100%', height: 'auto' }}
        role="img"
        title="Bad rate and WoE per bin"
      >
        <defs>
          <pattern id={BAD_HATCH} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={BAD} />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" strokeWidth="2.5" />
          </pattern>
        </defs>
        <line x1={PAD.left} y1={bottom} x2={WIDTH - PAD.right} y2={bottom} stroke="#999" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={bottom} stroke="#999" />
        <line x1={WIDTH - PAD.right} y1={PAD.top} x2={WIDTH - PAD.right} y2={bottom} stroke="#999" />
        <line x1={PAD.left} y1={yWoe(0)} x2={WIDTH - PAD.right} y2={yWoe(0)} stroke="#bbb" strokeDasharray="3 3" />
        <text x={PAD.left - 6} y={yRate(maxRate / 1.1) + 4} textAnchor="end" fontSize="11">
          {`${(100 * (maxRate / 1.1)).toFixed(0)}%`}
        </text>
        <text x={PAD.left - 6} y={bottom + 4} textAnchor="end" fontSize="11">
          0%
        </text>
        <text x={WIDTH - PAD.right + 6} y={yWoe(woeHi) + 4} fontSize="11">
          {woeHi.toFixed(2)}
        </text>
        <text x={WIDTH - PAD.right + 6} y={yWoe(woeLo) + 4} fontSize="11">
          {woeLo.toFixed(2)}
        </text>
        {bins.map((b, i) => (
          <g key={b.index}>
            <rect
              className="series-bad"
              x={xMid(i) - band * 0.35}
              y={yRate(b.badRate)}
              width={band * 0.7}
              height={bottom - yRate(b.badRate)}
              fill={`url(#${BAD_HATCH})`}
              stroke={BAD}
            >
              <title>{`${b.label}: bad rate ${(100 * b.badRate).toFixed(1)}%, WoE ${b.woe.toFixed(4)}`}</title>
            </rect>
            <text x={xMid(i)} y={bottom + 14} textAnchor="middle" fontSize="10">
              {b.label.length > LABEL_CHARS ? `${b.label.slice(0, LABEL_CHARS - 1)}…` : b.label}
            </text>
          </g>
        ))}
        <Curve type="linear" points={woePoints} fill="none" stroke={WOE} strokeWidth={2} />
        {woePoints.map((p, i) => (
          <circle key={bins[i].index} cx={p.x} cy={p.y} r={3.5} fill={WOE} />
        ))}
      </Surface>
      <p className="legend">
        <span className="outcome-bad">▨ bad rate (left)</span> <span style={{ color: WOE }}>━● WoE (right)</span>
      </p>
    </div>
  );
});
