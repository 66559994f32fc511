import { memo, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import type { EvaluationCharts, OutcomeNames } from '../../worker/protocol';
import { QuietLegendContent } from '../shared/QuietLegendContent';
import { ChartTable, type ChartColumn, evenlySpaced } from '../shared/ChartTable';
import { LazyMount } from '../shared/LazyMount';
import { localCount, localFixed, translate, useT } from '../i18n';
import { badName, badValue, formatPercent, goodName, goodValue } from '../shared/outcome';
import { AXIS_COLOUR, BAD_DASH } from '../shared/palette';
import { niceTicks } from '../shared/ticks';
import { data, markData, rich, slot, withData } from '../shared/messageParts';
import { badNode, goodNode } from './outcomeNodes';

const HEIGHT = 280;
const TICKS_01 = [0, 0.2, 0.4, 0.6, 0.8, 1];
const MARGIN = { top: 8, right: 16, bottom: 30, left: 8 };
const format = (v: unknown) => (typeof v === 'number' ? localFixed(v, 3) : String(v));
const percentTick = (v: number) => localCount(Math.round(100 * v));
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
/** Legend entries naming the outcomes: the target's values marked as data, the series named by data-series. */
const outcomeLegend = (outcome: OutcomeNames) => (value: unknown, entry: { dataKey?: unknown }) => (
  <span className="legend-text" data-series={String(entry.dataKey ?? '')}>
    {markData(String(value), [badValue(outcome), goodValue(outcome)])}
  </span>
);
/** A tooltip line whose series name holds the target's values: the value formatted, the values in the name marked as data. */
const outcomeTooltip = (outcome: OutcomeNames, formatValue: (v: unknown) => string) => (value: unknown, name: unknown) =>
  [formatValue(value), markData(String(name), [badValue(outcome), goodValue(outcome)])] as [string, ReactNode];
/** Rows in a long curve's table. */
const TABLE_ROWS = 21;

/** ROC curve with the chance diagonal: bads declined against goods declined as the cut-off falls. */
function RocChart({ points, auc }: { points: EvaluationCharts['roc']; auc: number }) {
  const { t } = useT();
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
          label={{ value: t('evaluate.charts.rocX'), ...X_TITLE }}
        />
        <YAxis
          type="number"
          domain={[0, 1]}
          ticks={TICKS_01}
          tickFormatter={percentTick}
          interval={0}
          width={56}
          stroke={AXIS_COLOUR}
          label={{ value: t('evaluate.charts.rocY'), ...Y_TITLE }}
        />
        <Tooltip formatter={format} labelFormatter={(v) => t('evaluate.charts.rocTooltip', { value: format(v) })} />
        <ReferenceLine
          segment={[
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ]}
          stroke={AXIS_COLOUR}
          strokeDasharray="4 4"
          label={{ value: t('evaluate.charts.chance'), position: 'insideBottomRight', fontSize: 11, fill: 'currentColor' }}
        />
        <Line
          dataKey="tpr"
          name={t('evaluate.charts.model', { auc: localFixed(auc, 3) })}
          stroke="var(--accent)"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
          type="linear"
        />
        <Legend verticalAlign="top" content={QuietLegendContent} formatter={legendText} />
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
  const { t } = useT();
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
          label={{ value: t('evaluate.charts.ksX'), ...X_TITLE }}
        />
        <YAxis
          type="number"
          domain={[0, 1]}
          ticks={TICKS_01}
          tickFormatter={percentTick}
          interval={0}
          width={56}
          stroke={AXIS_COLOUR}
          label={{ value: t('evaluate.charts.ksY'), ...Y_TITLE }}
        />
        <Tooltip formatter={outcomeTooltip(outcome, format)} labelFormatter={(v) => t('evaluate.charts.ksTooltip', { share: formatPercent(Number(v), 0) })} />
        <ReferenceLine
          x={widest.share}
          stroke={AXIS_COLOUR}
          strokeDasharray="2 2"
          label={{
            value: t('evaluate.charts.ksGap', { gap: localFixed(widest.gap, 3), share: formatPercent(widest.share, 0) }),
            position: 'insideTopRight',
            fontSize: 11,
            fill: 'currentColor',
          }}
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
          name={t('evaluate.charts.ksBads', { value: badValue(outcome) })}
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
          name={t('evaluate.charts.ksGoods', { value: goodValue(outcome) })}
          stroke={GOOD}
          strokeWidth={2}
          legendType="plainline"
          dot={false}
          isAnimationActive={false}
          type="linear"
        />
        <Legend verticalAlign="top" content={QuietLegendContent} formatter={outcomeLegend(outcome)} />
      </LineChart>
    </ResponsiveContainer>
  );
}

/** The KS chart in words, for screen readers and checks: the riskiest tenth, and where the gap is widest. */
function KsSummary({ points, outcome }: { points: EvaluationCharts['ks']; outcome: OutcomeNames }) {
  const { t } = useT();
  if (points.length === 0) return null;
  const tenth = atShare(points, 0.1);
  const widest = ksPoint(points);
  const words = t('evaluate.charts.ksSummary', {
    share: formatPercent(tenth.share, 0),
    bads: formatPercent(tenth.bads),
    badValue: slot('badValue'),
    goods: formatPercent(tenth.goods),
    goodValue: slot('goodValue'),
    gap: localFixed(widest.gap, 3),
    widestShare: formatPercent(widest.share, 0),
  });
  return (
    <p className="hint" data-testid="ks-summary" data-share={tenth.share} data-bads={tenth.bads} data-goods={tenth.goods} data-gap={widest.gap} data-widest-share={widest.share}>
      {rich(words, { badValue: data(badValue(outcome)), goodValue: data(goodValue(outcome)) })}
    </p>
  );
}

/** Mean predicted probability of bad against the observed bad rate per bin; the diagonal is perfect calibration. */
function CalibrationChart({ bins }: { bins: EvaluationCharts['calibration'] }) {
  const { t } = useT();
  const filled = bins.filter((b) => b.count > 0);
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
          name={t('evaluate.charts.calibrationXName')}
          stroke={AXIS_COLOUR}
          label={{ value: t('evaluate.charts.calibrationX'), ...X_TITLE }}
        />
        <YAxis
          dataKey="observed"
          type="number"
          domain={[0, 1]}
          ticks={TICKS_01}
          tickFormatter={percentTick}
          interval={0}
          width={56}
          name={t('evaluate.charts.calibrationYName')}
          stroke={AXIS_COLOUR}
          label={{ value: t('evaluate.charts.calibrationY'), ...Y_TITLE }}
        />
        <ZAxis dataKey="count" range={[30, 300]} name={t('evaluate.charts.rowsName')} />
        <Tooltip formatter={format} />
        <ReferenceLine
          segment={[
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ]}
          stroke={AXIS_COLOUR}
          strokeDasharray="4 4"
          label={{ value: t('evaluate.charts.perfect'), position: 'insideTopLeft', fontSize: 11, fill: 'currentColor' }}
        />
        <Scatter data={filled} fill="var(--accent)" line isAnimationActive={false} name={t('evaluate.charts.bins')} />
        <Legend verticalAlign="top" content={QuietLegendContent} formatter={legendText} />
      </ScatterChart>
    </ResponsiveContainer>
  );
}

/** How the probabilities of bad spread for actual bads and goods. */
function DistributionChart({ bins, outcome }: { bins: EvaluationCharts['distribution']; outcome: OutcomeNames }) {
  const { t } = useT();
  const rows = bins.map((b) => ({ bin: Math.round(100 * b.from).toString(), bads: b.bads, goods: b.goods }));
  const rowTicks = niceTicks(0, Math.max(1, ...bins.map((b) => Math.max(b.bads, b.goods))), 5);
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={rows} margin={MARGIN}>
        <defs>
          <pattern id={BAD_HATCH} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={BAD} />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" strokeWidth="2.5" />
          </pattern>
        </defs>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="bin" interval={3} stroke={AXIS_COLOUR} label={{ value: t('evaluate.charts.distributionX'), ...X_TITLE }} />
        <YAxis
          width={56}
          domain={[0, rowTicks[rowTicks.length - 1]]}
          ticks={rowTicks}
          interval={0}
          stroke={AXIS_COLOUR}
          label={{ value: t('evaluate.charts.distributionY'), ...Y_TITLE }}
        />
        <Tooltip
          formatter={outcomeTooltip(outcome, (v) => (typeof v === 'number' ? localCount(v) : String(v)))}
          labelFormatter={(v) => t('evaluate.charts.distributionTooltip', { from: String(v) })}
        />
        <Legend verticalAlign="top" content={QuietLegendContent} formatter={outcomeLegend(outcome)} />
        <Bar className="series-good" dataKey="goods" name={t('evaluate.charts.actualGood', { good: goodName(outcome) })} fill={GOOD} isAnimationActive={false} />
        <Bar
          className="series-bad"
          dataKey="bads"
          name={t('evaluate.charts.actualBad', { bad: badName(outcome) })}
          fill={`url(#${BAD_HATCH})`}
          stroke={BAD}
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}

const pct = (v: number) => formatPercent(v);
// Column headings are read at render time (functions, not constants), so they follow the language.
const rocColumns = (): readonly ChartColumn<EvaluationCharts['roc'][number]>[] => [
  { heading: translate('evaluate.charts.table.goodsDeclined'), cell: (p) => pct(p.fpr) },
  { heading: translate('evaluate.charts.table.badsDeclined'), cell: (p) => pct(p.tpr) },
];
const ksColumns = (outcome: OutcomeNames): readonly ChartColumn<EvaluationCharts['ks'][number]>[] => [
  { heading: translate('evaluate.charts.table.riskiest'), cell: (p) => pct(p.share) },
  { heading: withData(translate('evaluate.charts.table.ksBads', { value: slot('value') }), { value: badValue(outcome) }), cell: (p) => pct(p.bads) },
  { heading: withData(translate('evaluate.charts.table.ksGoods', { value: slot('value') }), { value: goodValue(outcome) }), cell: (p) => pct(p.goods) },
  { heading: translate('evaluate.charts.table.gap'), cell: (p) => localFixed(p.bads - p.goods, 3) },
];
const calibrationColumns = (): readonly ChartColumn<EvaluationCharts['calibration'][number]>[] => [
  { heading: translate('evaluate.charts.table.meanPredicted'), cell: (b) => pct(b.predicted) },
  { heading: translate('evaluate.charts.table.observed'), cell: (b) => pct(b.observed) },
  { heading: translate('evaluate.charts.table.testRows'), cell: (b) => localCount(b.count) },
];
const distributionColumns = (outcome: OutcomeNames): readonly ChartColumn<EvaluationCharts['distribution'][number]>[] => [
  {
    heading: translate('evaluate.charts.table.probability'),
    cell: (b) => translate('evaluate.charts.table.range', { from: formatPercent(b.from, 0), to: formatPercent(b.to, 0) }),
  },
  { heading: rich(translate('evaluate.charts.table.actualBad', { bad: slot('bad') }), { bad: badNode(outcome) }), cell: (b) => localCount(b.bads) },
  { heading: rich(translate('evaluate.charts.table.actualGood', { good: slot('good') }), { good: goodNode(outcome) }), cell: (b) => localCount(b.goods) },
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
  const { t } = useT();
  const calibration = charts.calibration.filter((b) => b.count > 0);
  return (
    <div className="chart-grid">
      <figure>
        <figcaption>{t('evaluate.charts.rocCaption')}</figcaption>
        <LazyMount testId="roc-chart" height={HEIGHT} label={t('evaluate.charts.rocLabel')}>
          <RocChart points={charts.roc} auc={auc} />
        </LazyMount>
        <ChartTable
          caption={t('evaluate.charts.rocTable', { auc: localFixed(auc, 3), shown: localCount(Math.min(TABLE_ROWS, charts.roc.length)), points: localCount(charts.roc.length) })}
          columns={rocColumns()}
          rows={evenlySpaced(charts.roc, TABLE_ROWS)}
          rowKey={(_, i) => i}
        />
      </figure>
      <figure>
        <figcaption>{t('evaluate.charts.ksCaption')}</figcaption>
        <LazyMount testId="ks-chart" height={HEIGHT} label={t('evaluate.charts.ksLabel')}>
          <KsChart points={charts.ks} outcome={outcome} />
        </LazyMount>
        <KsSummary points={charts.ks} outcome={outcome} />
        <ChartTable caption={t('evaluate.charts.ksTable')} columns={ksColumns(outcome)} rows={ksRows(charts.ks)} rowKey={(p) => p.share} />
      </figure>
      <figure>
        <figcaption>{t('evaluate.charts.calibrationCaption')}</figcaption>
        <LazyMount testId="calibration-chart" height={HEIGHT} label={t('evaluate.charts.calibrationLabel')}>
          <CalibrationChart bins={charts.calibration} />
        </LazyMount>
        <ChartTable caption={t('evaluate.charts.calibrationTable')} columns={calibrationColumns()} rows={calibration} rowKey={(b) => b.bin} />
      </figure>
      <figure>
        <figcaption>{t('evaluate.charts.distributionCaption')}</figcaption>
        <LazyMount testId="score-distribution-chart" height={HEIGHT} label={t('evaluate.charts.distributionLabel')}>
          <DistributionChart bins={charts.distribution} outcome={outcome} />
        </LazyMount>
        <ChartTable caption={t('evaluate.charts.distributionTable')} columns={distributionColumns(outcome)} rows={charts.distribution} rowKey={(b) => b.from} />
      </figure>
    </div>
  );
});
