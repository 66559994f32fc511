import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import type { EvaluationCharts, OutcomeNames } from '../../worker/protocol';
import { ChartTable, type ChartColumn, evenlySpaced } from '../shared/ChartTable';
import { LazyMount } from '../shared/LazyMount';
import { badName, badValue, formatPercent, goodName, goodValue } from '../shared/outcome';
import { AXIS_COLOUR, BAD_DASH } from '../shared/palette';
import { niceTicks } from '../shared/ticks';

const HEIGHT = 280;
const TICKS_01 = [0, 0.2, 0.4, 0.6, 0.8, 1];
const MARGIN = { top: 8, right: 16, bottom: 30, left: 8 };
const format = (v: unknown) => (typeof v === 'number' ? v.toFixed(3) : String(v));
const percentTick = (v: number) => `${Math.round(100 * v)}`;
// Bad and good have one colour each everywhere (styles.css --bad, --good: Okabe–Ito vermillion and
// blue, apart for every kind of colour vision), and bad a second cue besides colour: a dashed line,
// hatched bars.
const BAD = 'var(--bad)';
const GOOD = 'var(--good)';
const BAD_HATCH = 'bad-hatch';
// Axis titles in ink; a rotated title centred on its axis.
const X_TITLE = { position: 'insideBottom', offset: -18, fill: 'currentColor', fontSize: 12 } as const;
const Y_TITLE = { angle: -90, position: 'insideLeft', offset: 10, fill: 'currentColor', fontSize: 12, style: { textAnchor: 'middle' } } as const;
/** Legend entries in ink (the swatch beside each carries the colour and dash): coloured text failed contrast. */
const legendText = (value: unknown) => <span className="legend-text">{String(value)}</span>;
/** Rows in a long curve's table. */
const TABLE_ROWS = 21;

/** ROC curve with the chance diagonal: bads declined against goods declined as the cut-off falls. */
function RocChart({ points, auc }: { points: EvaluationCharts['roc']; auc: number }) {
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <LineChart data={points} margin={MARGIN}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="fpr"
          type="number"
          domain={[0, 1]}
          ticks={TICKS_01}
          tickFormatter={percentTick}
          interval={0}
          stroke={AXIS_COLOUR}
          label={{ value: 'Goods declined, % (false positive rate)', ...X_TITLE }}
        />
        <YAxis
          type="number"
          domain={[0, 1]}
          ticks={TICKS_01}
          tickFormatter={percentTick}
          interval={0}
          width={56}
          stroke={AXIS_COLOUR}
          label={{ value: 'Bads declined, %', ...Y_TITLE }}
        />
        <Tooltip formatter={format} labelFormatter={(v) => `goods declined ${format(v)}`} />
        <ReferenceLine
          segment={[
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ]}
          stroke={AXIS_COLOUR}
          strokeDasharray="4 4"
          label={{ value: 'chance', position: 'insideBottomRight', fontSize: 11, fill: 'currentColor' }}
        />
        <Line dataKey="tpr" name={`model (AUC ${auc.toFixed(3)})`} stroke="var(--accent)" strokeWidth={2} dot={false} isAnimationActive={false} type="linear" />
        <Legend verticalAlign="top" formatter={legendText} />
      </LineChart>
    </ResponsiveContainer>
  );
}

/** Where the cumulative shares of bads and goods are furthest apart: the KS, the share of applicants there and both curves' values. */
export function ksPoint(points: EvaluationCharts['ks']): { share: number; gap: number; bads: number; goods: number } {
  let best = { share: 0, gap: 0, bads: 0, goods: 0 };
  for (const p of points) if (p.bads - p.goods > best.gap) best = { share: p.share, gap: p.bads - p.goods, bads: p.bads, goods: p.goods };
  return best;
}

/** The first point at or past `share` of applicants (the curves' value there). */
function atShare(points: EvaluationCharts['ks'], share: number) {
  return points.find((p) => p.share >= share - 1e-9) ?? points[points.length - 1];
}

/** Cumulative shares of bads and goods among the riskiest applicants: KS is the widest gap, marked where it is. */
function KsChart({ points, outcome }: { points: EvaluationCharts['ks']; outcome: OutcomeNames }) {
  const widest = ksPoint(points);
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <LineChart data={points} margin={MARGIN}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="share"
          type="number"
          domain={[0, 1]}
          ticks={TICKS_01}
          tickFormatter={percentTick}
          interval={0}
          stroke={AXIS_COLOUR}
          label={{ value: 'Applicants, riskiest first, %', ...X_TITLE }}
        />
        <YAxis
          type="number"
          domain={[0, 1]}
          ticks={TICKS_01}
          tickFormatter={percentTick}
          interval={0}
          width={56}
          stroke={AXIS_COLOUR}
          label={{ value: 'Cumulative share, %', ...Y_TITLE }}
        />
        <Tooltip formatter={format} labelFormatter={(v) => `riskiest ${formatPercent(Number(v), 0)} of applicants`} />
        <ReferenceLine
          x={widest.share}
          stroke={AXIS_COLOUR}
          strokeDasharray="2 2"
          label={{ value: `KS ${widest.gap.toFixed(3)} at ${formatPercent(widest.share, 0)}`, position: 'insideTopRight', fontSize: 11, fill: 'currentColor' }}
        />
        {/* The gap itself: a bar between the two curves where they are furthest apart. */}
        <ReferenceLine
          className="ks-gap"
          segment={[
            { x: widest.share, y: widest.goods },
            { x: widest.share, y: widest.bads },
          ]}
          stroke="var(--ink)"
          strokeWidth={3}
        />
        <Line
          className="series-bad"
          dataKey="bads"
          name={`bads (${badValue(outcome)}), dashed`}
          stroke={BAD}
          strokeWidth={2}
          strokeDasharray={BAD_DASH}
          legendType="plainline"
          dot={false}
          isAnimationActive={false}
          type="linear"
        />
        <Line
          className="series-good"
          dataKey="goods"
          name={`goods (${goodValue(outcome)})`}
          stroke={GOOD}
          strokeWidth={2}
          legendType="plainline"
          dot={false}
          isAnimationActive={false}
          type="linear"
        />
        <Legend verticalAlign="top" formatter={legendText} />
      </LineChart>
    </ResponsiveContainer>
  );
}

/** The KS chart in words, for screen readers and checks: the riskiest tenth, and where the gap is widest. */
function KsSummary({ points, outcome }: { points: EvaluationCharts['ks']; outcome: OutcomeNames }) {
  if (points.length === 0) return null;
  const tenth = atShare(points, 0.1);
  const widest = ksPoint(points);
  return (
    <p className="hint" data-testid="ks-summary" data-share={tenth.share} data-bads={tenth.bads} data-goods={tenth.goods}>
      The riskiest {formatPercent(tenth.share, 0)} of applicants hold {formatPercent(tenth.bads)} of the bad loans ({badValue(outcome)}) and {formatPercent(tenth.goods)} of the
      good ones ({goodValue(outcome)}); the gap is widest, KS {widest.gap.toFixed(3)}, at the riskiest {formatPercent(widest.share, 0)}.
    </p>
  );
}

/** Mean predicted probability of bad against the observed bad rate per bin; the diagonal is perfect calibration. */
function CalibrationChart({ bins }: { bins: EvaluationCharts['calibration'] }) {
  const data = bins.filter((b) => b.count > 0);
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <ScatterChart margin={MARGIN}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="predicted"
          type="number"
          domain={[0, 1]}
          ticks={TICKS_01}
          tickFormatter={percentTick}
          interval={0}
          name="mean predicted probability of bad"
          stroke={AXIS_COLOUR}
          label={{ value: 'Mean predicted probability of bad, %', ...X_TITLE }}
        />
        <YAxis
          dataKey="observed"
          type="number"
          domain={[0, 1]}
          ticks={TICKS_01}
          tickFormatter={percentTick}
          interval={0}
          width={56}
          name="observed bad rate"
          stroke={AXIS_COLOUR}
          label={{ value: 'Observed bad rate, %', ...Y_TITLE }}
        />
        <ZAxis dataKey="count" range={[30, 300]} name="rows" />
        <Tooltip formatter={format} />
        <ReferenceLine
          segment={[
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ]}
          stroke={AXIS_COLOUR}
          strokeDasharray="4 4"
          label={{ value: 'perfect calibration', position: 'insideTopLeft', fontSize: 11, fill: 'currentColor' }}
        />
        <Scatter data={data} fill="var(--accent)" line isAnimationActive={false} name="bins (dot size: rows)" />
        <Legend verticalAlign="top" formatter={legendText} />
      </ScatterChart>
    </ResponsiveContainer>
  );
}

/** How the probabilities of bad spread for actual bads and goods. */
function DistributionChart({ bins, outcome }: { bins: EvaluationCharts['distribution']; outcome: OutcomeNames }) {
  const data = bins.map((b) => ({ bin: Math.round(100 * b.from).toString(), bads: b.bads, goods: b.goods }));
  const rowTicks = niceTicks(0, Math.max(1, ...bins.map((b) => Math.max(b.bads, b.goods))), 5);
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={data} margin={MARGIN}>
        <defs>
          <pattern id={BAD_HATCH} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={BAD} />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" strokeWidth="2.5" />
          </pattern>
        </defs>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="bin" interval={3} stroke={AXIS_COLOUR} label={{ value: 'Probability of bad, % (bin start)', ...X_TITLE }} />
        <YAxis width={56} domain={[0, rowTicks[rowTicks.length - 1]]} ticks={rowTicks} interval={0} stroke={AXIS_COLOUR} label={{ value: 'Test rows (count)', ...Y_TITLE }} />
        <Tooltip labelFormatter={(v) => `probability of bad from ${String(v)}%`} />
        <Legend verticalAlign="top" formatter={legendText} />
        <Bar className="series-good" dataKey="goods" name={`actual ${goodName(outcome)}`} fill={GOOD} isAnimationActive={false} />
        <Bar className="series-bad" dataKey="bads" name={`actual ${badName(outcome)}, hatched`} fill={`url(#${BAD_HATCH})`} stroke={BAD} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

const pct = (v: number) => formatPercent(v);
const ROC_COLUMNS: readonly ChartColumn<EvaluationCharts['roc'][number]>[] = [
  { heading: 'Goods declined (false positive rate)', cell: (p) => pct(p.fpr) },
  { heading: 'Bads declined (true positive rate)', cell: (p) => pct(p.tpr) },
];
const ksColumns = (outcome: OutcomeNames): readonly ChartColumn<EvaluationCharts['ks'][number]>[] => [
  { heading: 'Riskiest applicants', cell: (p) => pct(p.share) },
  { heading: `Bads (${badValue(outcome)}) among them, cumulative`, cell: (p) => pct(p.bads) },
  { heading: `Goods (${goodValue(outcome)}) among them, cumulative`, cell: (p) => pct(p.goods) },
  { heading: 'Gap', cell: (p) => (p.bads - p.goods).toFixed(3) },
];
const CALIBRATION_COLUMNS: readonly ChartColumn<EvaluationCharts['calibration'][number]>[] = [
  { heading: 'Mean predicted probability of bad', cell: (b) => pct(b.predicted) },
  { heading: 'Observed bad rate', cell: (b) => pct(b.observed) },
  { heading: 'Test rows', cell: (b) => b.count },
];
const distributionColumns = (outcome: OutcomeNames): readonly ChartColumn<EvaluationCharts['distribution'][number]>[] => [
  { heading: 'Probability of bad', cell: (b) => `${formatPercent(b.from, 0)}–${formatPercent(b.to, 0)}` },
  { heading: `Actual ${badName(outcome)} (rows)`, cell: (b) => b.bads },
  { heading: `Actual ${goodName(outcome)} (rows)`, cell: (b) => b.goods },
];

/** The KS curve's rows for its table: every tenth of the applicants, and the widest gap in its place. */
function ksRows(points: EvaluationCharts['ks']): EvaluationCharts['ks'] {
  if (points.length === 0) return [];
  const widest = ksPoint(points);
  const picked = new Set(Array.from({ length: 10 }, (_, i) => atShare(points, (i + 1) / 10)));
  const atWidest = points.find((p) => p.share === widest.share);
  if (atWidest) picked.add(atWidest);
  return [...picked].sort((a, b) => a.share - b.share);
}

interface Props {
  readonly charts: EvaluationCharts;
  readonly auc: number;
  readonly outcome: OutcomeNames;
}

/** ROC, KS, calibration and score-distribution charts of the held-out rows, each mounted when scrolled to, each with its numbers in a table. */
export const EvaluationChartsView = memo(function EvaluationChartsView({ charts, auc, outcome }: Props) {
  const calibration = charts.calibration.filter((b) => b.count > 0);
  return (
    <div className="chart-grid">
      <figure>
        <figcaption>ROC curve</figcaption>
        <LazyMount testId="roc-chart" height={HEIGHT} label="ROC curve: share of bads declined against share of goods declined">
          <RocChart points={charts.roc} auc={auc} />
        </LazyMount>
        <ChartTable
          caption={`ROC curve (AUC ${auc.toFixed(3)}), ${Math.min(TABLE_ROWS, charts.roc.length)} of ${charts.roc.length} points`}
          columns={ROC_COLUMNS}
          rows={evenlySpaced(charts.roc, TABLE_ROWS)}
          rowKey={(_, i) => i}
        />
      </figure>
      <figure>
        <figcaption>KS: cumulative shares of bads and goods, riskiest applicants first</figcaption>
        <LazyMount testId="ks-chart" height={HEIGHT} label="KS chart">
          <KsChart points={charts.ks} outcome={outcome} />
        </LazyMount>
        <KsSummary points={charts.ks} outcome={outcome} />
        <ChartTable caption="KS: cumulative shares by tenth of applicants, and at the widest gap" columns={ksColumns(outcome)} rows={ksRows(charts.ks)} rowKey={(p) => p.share} />
      </figure>
      <figure>
        <figcaption>Calibration (10 bins): probability of bad against the observed bad rate</figcaption>
        <LazyMount testId="calibration-chart" height={HEIGHT} label="Calibration plot">
          <CalibrationChart bins={charts.calibration} />
        </LazyMount>
        <ChartTable caption="Calibration per bin" columns={CALIBRATION_COLUMNS} rows={calibration} rowKey={(b) => b.bin} />
      </figure>
      <figure>
        <figcaption>Probability of bad by actual outcome</figcaption>
        <LazyMount testId="score-distribution-chart" height={HEIGHT} label="Distribution of the probability of bad for actual bads and goods">
          <DistributionChart bins={charts.distribution} outcome={outcome} />
        </LazyMount>
        <ChartTable caption="Test rows per bin of the probability of bad" columns={distributionColumns(outcome)} rows={charts.distribution} rowKey={(b) => b.from} />
      </figure>
    </div>
  );
});
