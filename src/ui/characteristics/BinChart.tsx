import { memo, type SVGProps, useRef } from 'react';
import { Curve, Surface } from 'recharts';
import type { Binning } from '../../core/binning/types';
import type { CharacteristicBin } from '../../worker/protocol';
import { localFixed, localPercent, useT } from '../i18n';
import { AXIS_COLOUR } from '../shared/palette';
import { niceTicks, stepDecimals } from '../shared/ticks';
import { useElementWidth } from '../shared/useElementWidth';
import { binLabelText, binShowsLevels } from './binLabel';

const HEIGHT = 280;
const PAD = { left: 58, right: 52, top: 14, bottom: 44 };
/** Slanted labels need more room below the axis. */
const SLANTED_BOTTOM = 66;
// Bad has one colour everywhere and a second cue besides it: hatched bars.
const BAD = 'var(--bad)';
const BAD_HATCH = 'bin-bad-hatch';
const WOE = 'var(--accent)';
/** Below this band per bin the labels are set at a slant, and cut shorter (the bin table has them whole). */
const FLAT_LABEL_PX = 72;
const PX_PER_CHAR = 6;

// React's SVG types lack the global translate attribute; a group holding the user's levels needs it.
const NO_TRANSLATE = { translate: 'no' } as SVGProps<SVGGElement>;

/** A bin's label cut to `chars` characters. */
const cut = (label: string, chars: number) => (label.length > chars ? `${label.slice(0, Math.max(1, chars - 1))}…` : label);

/**
 * Bad rate per bin as hatched bars (left axis) and WoE as a line with dots (right axis), drawn with
 * recharts' Surface and Curve primitives at the chart's own width. A recharts ComposedChart cost
 * 70–120 ms of main-thread CPU to mount for each selected feature and re-rendered through its store
 * in one 110–280 ms task when a run started (traced on credit_risk); the primitives render straight
 * to SVG in well under a millisecond, as the live loss chart found. Its numbers are the bin table's.
 */
export const BinChartView = memo(function BinChartView({ bins, binning }: { bins: readonly CharacteristicBin[]; binning: Binning }) {
  const { t } = useT();
  const box = useRef<HTMLDivElement>(null);
  const width = Math.max(280, useElementWidth(box, 760));
  const n = Math.max(1, bins.length);
  const plotRight = width - PAD.right;
  const band = (plotRight - PAD.left) / n;
  const slanted = band < FLAT_LABEL_PX;
  const bottom = HEIGHT - (slanted ? SLANTED_BOTTOM : PAD.bottom);
  const plotHeight = bottom - PAD.top;
  const rateTicks = niceTicks(0, Math.max(0.01, ...bins.map((b) => b.badRate)), 5);
  const maxRate = rateTicks[rateTicks.length - 1];
  const rateDigits = Math.max(0, stepDecimals(rateTicks[1] - rateTicks[0]) - 2);
  const woes = bins.map((b) => b.woe);
  const woeTicks = niceTicks(Math.min(0, ...woes), Math.max(0, ...woes), 5);
  const woeLo = woeTicks[0];
  const woeSpan = woeTicks[woeTicks.length - 1] - woeLo || 1;
  const woeDigits = stepDecimals(woeTicks.length > 1 ? woeTicks[1] - woeTicks[0] : 1);
  const xMid = (i: number) => PAD.left + (i + 0.5) * band;
  const yRate = (rate: number) => bottom - (rate / maxRate) * plotHeight;
  const yWoe = (woe: number) => PAD.top + (1 - (woe - woeLo) / woeSpan) * plotHeight;
  const woePoints = bins.map((b, i) => ({ x: xMid(i), y: yWoe(b.woe) }));
  const rates = bins.map((b) => b.badRate);
  const title = bins.length
    ? t('characteristics.chart.title', { bins: bins.length, low: localPercent(Math.min(...rates), 1), high: localPercent(Math.max(...rates), 1) })
    : t('characteristics.chart.titleEmpty');
  return (
    <div>
      <div ref={box} className="chart" data-testid="bin-chart" data-bins={bins.length}>
        <Surface width={width} height={HEIGHT} viewBox={{ x: 0, y: 0, width, height: HEIGHT }} style={{ width: '100%', height: HEIGHT }} role="img" title={title}>
          <defs>
            <pattern id={BAD_HATCH} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill={BAD} />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" strokeWidth="2.5" />
            </pattern>
          </defs>
          <g fontSize="11" fill="currentColor">
            {rateTicks.map((tick) => (
              <g key={`r${tick}`}>
                <line x1={PAD.left} y1={yRate(tick)} x2={plotRight} y2={yRate(tick)} stroke="#e3e7ec" />
                <text x={PAD.left - 6} y={yRate(tick) + 4} textAnchor="end">
                  {localPercent(tick, rateDigits)}
                </text>
              </g>
            ))}
            {woeTicks.map((tick) => (
              <text key={`w${tick}`} x={plotRight + 6} y={yWoe(tick) + 4}>
                {localFixed(tick, woeDigits)}
              </text>
            ))}
            <line x1={PAD.left} y1={bottom} x2={plotRight} y2={bottom} stroke={AXIS_COLOUR} />
            <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={bottom} stroke={AXIS_COLOUR} />
            <line x1={plotRight} y1={PAD.top} x2={plotRight} y2={bottom} stroke={AXIS_COLOUR} />
            <line x1={PAD.left} y1={yWoe(0)} x2={plotRight} y2={yWoe(0)} stroke={AXIS_COLOUR} strokeDasharray="3 3" />
            <text transform={`translate(14 ${(PAD.top + bottom) / 2}) rotate(-90)`} textAnchor="middle" fontSize="12">
              {t('characteristics.chart.rateAxis')}
            </text>
            <text transform={`translate(${width - 10} ${(PAD.top + bottom) / 2}) rotate(90)`} textAnchor="middle" fontSize="12">
              {t('characteristics.chart.woeAxis')}
            </text>
            <text x={(PAD.left + plotRight) / 2} y={HEIGHT - 4} textAnchor="middle" fontSize="12">
              {t('characteristics.chart.binAxis')}
            </text>
          </g>
          {bins.map((b, i) => (
            <g key={b.index} {...(binShowsLevels(binning, b.index) ? NO_TRANSLATE : {})}>
              <rect
                className="series-bad"
                x={xMid(i) - band * 0.35}
                y={yRate(b.badRate)}
                width={band * 0.7}
                height={bottom - yRate(b.badRate)}
                fill={`url(#${BAD_HATCH})`}
                stroke={BAD}
              >
                <title>{t('characteristics.chart.bar', { label: binLabelText(binning, b.index), rate: localPercent(b.badRate, 1), woe: localFixed(b.woe, 4) })}</title>
              </rect>
              {slanted ? (
                <text transform={`translate(${xMid(i) + 3} ${bottom + 12}) rotate(-35)`} textAnchor="end" fontSize="10" fill="currentColor">
                  {cut(binLabelText(binning, b.index), 9)}
                </text>
              ) : (
                <text x={xMid(i)} y={bottom + 14} textAnchor="middle" fontSize="10" fill="currentColor">
                  {cut(binLabelText(binning, b.index), Math.floor(band / PX_PER_CHAR))}
                </text>
              )}
            </g>
          ))}
          <Curve type="linear" points={woePoints} fill="none" stroke={WOE} strokeWidth={2} />
          {woePoints.map((p, i) => (
            <circle key={bins[i].index} cx={p.x} cy={p.y} r={3.5} fill={WOE} />
          ))}
        </Surface>
      </div>
      <p className="legend">
        <span className="legend-item">
          <svg className="swatch" width="14" height="12" aria-hidden="true">
            <rect x="1" y="1" width="12" height="10" fill={`url(#${BAD_HATCH})`} stroke={BAD} />
          </svg>{' '}
          {t('characteristics.chart.legendRate')}
        </span>{' '}
        <span className="legend-item">
          <svg className="swatch" width="28" height="12" aria-hidden="true">
            <line x1="1" y1="6" x2="27" y2="6" stroke={WOE} strokeWidth="2" />
            <circle cx="14" cy="6" r="3.5" fill={WOE} />
          </svg>{' '}
          {t('characteristics.chart.legendWoe')}
        </span>
      </p>
    </div>
  );
});
