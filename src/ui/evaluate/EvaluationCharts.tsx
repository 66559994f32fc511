import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import type { EvaluationCharts, OutcomeNames } from '../../worker/protocol';
import { LazyMount } from '../shared/LazyMount';
import { badName, badValue, formatPercent, goodName, goodValue } from '../shared/outcome';

const HEIGHT = 260;
const TICKS_01 = [0, 0.2, 0.4, 0.6, 0.8, 1];
const MARGIN = { top: 8, right: 16, bottom: 24, left: 12 };
const format = (v: unknown) => (typeof v === 'number' ? v.toFixed(3) : String(v));
// Bad and good have one colour each everywhere (styles.css --bad, --good), and bad a second cue
// besides colour: a dashed line, hatched bars.
const BAD = 'var(--bad)';
const GOOD = 'var(--good)';
const BAD_DASH = '6 3';
const BAD_HATCH = 'bad-hatch';

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
          interval={0}
          label={{ value: 'share of goods declined (false positive rate)', position: 'insideBottom', offset: -14 }}
        />
        <YAxis
          type="number"
          domain={[0, 1]}
          ticks={TICKS_01}
          interval={0}
          width={48}
          label={{ value: 'share of bads declined', angle: -90, position: 'insideLeft', offset: 0, dy: 70 }}
        />
        <Tooltip formatter={format} labelFormatter={(v) => `goods declined ${format(v)}`} />
        <ReferenceLine
          segment={[
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ]}
          stroke="#999"
          strokeDasharray="4 4"
        />
        <Line dataKey="tpr" name={`model (AUC ${auc.toFixed(3)})`} stroke="var(--accent)" dot={false} isAnimationActive={false} type="linear" />
        <Legend verticalAlign="top" />
      </LineChart>
    </ResponsiveContainer>
  );
}

/** Where the cumulative shares of bads and goods are furthest apart: the KS and the share of applicants there. */
function ksPoint(points: EvaluationCharts['ks']): { share: number; gap: number } {
  let best = { share: 0, gap: 0 };
  for (const p of points) if (p.bads - p.goods > best.gap) best = { share: p.share, gap: p.bads - p.goods };
  return best;
}

/** The first point at or past `share` of applicants (the curves' value there). */
function atShare(points: EvaluationCharts['ks'], share: number) {
  return points.find((p) => p.share >= share - 1e-9) ?? points[points.length - 1];
}

/** Cumulative shares of bads and goods among the riskiest applicants: KS is the widest gap. */
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
          interval={0}
          label={{ value: 'share of applicants, riskiest first', position: 'insideBottom', offset: -14 }}
        />
        <YAxis
          type="number"
          domain={[0, 1]}
          ticks={TICKS_01}
          interval={0}
          width={48}
          label={{ value: 'cumulative share', angle: -90, position: 'insideLeft', offset: 0, dy: 50 }}
        />
        <Tooltip formatter={format} labelFormatter={(v) => `riskiest ${formatPercent(Number(v), 0)} of applicants`} />
        <ReferenceLine x={widest.share} stroke="#999" strokeDasharray="2 2" label={{ value: `KS ${widest.gap.toFixed(3)}`, position: 'insideTopRight', fontSize: 11 }} />
        <Line
          className="series-bad"
          dataKey="bads"
          name={`cumulative share of bads (${badValue(outcome)})`}
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
          name={`cumulative share of goods (${goodValue(outcome)})`}
          stroke={GOOD}
          strokeWidth={2}
          legendType="plainline"
          dot={false}
          isAnimationActive={false}
          type="linear"
        />
        <Legend verticalAlign="top" />
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
          interval={0}
          name="mean predicted probability of bad"
          label={{ value: 'mean predicted probability of bad', position: 'insideBottom', offset: -14 }}
        />
        <YAxis
          dataKey="observed"
          type="number"
          domain={[0, 1]}
          ticks={TICKS_01}
          interval={0}
          width={48}
          name="observed bad rate"
          label={{ value: 'observed bad rate', angle: -90, position: 'insideLeft', offset: 0, dy: 50 }}
        />
        <ZAxis dataKey="count" range={[30, 300]} name="rows" />
        <Tooltip formatter={format} />
        <ReferenceLine
          segment={[
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ]}
          stroke="#999"
          strokeDasharray="4 4"
        />
        <Scatter data={data} fill="var(--accent)" line isAnimationActive={false} name="bins (size: rows)" />
        <Legend verticalAlign="top" />
      </ScatterChart>
    </ResponsiveContainer>
  );
}

/** How the probabilities of bad spread for actual bads and goods. */
function DistributionChart({ bins, outcome }: { bins: EvaluationCharts['distribution']; outcome: OutcomeNames }) {
  const data = bins.map((b) => ({ bin: b.from.toFixed(2), bads: b.bads, goods: b.goods }));
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
        <XAxis dataKey="bin" interval={3} label={{ value: 'probability of bad (bin start)', position: 'insideBottom', offset: -14 }} />
        <YAxis width={52} interval={0} label={{ value: 'test rows', angle: -90, position: 'insideLeft', offset: 0, dy: 30 }} />
        <Tooltip />
        <Legend verticalAlign="top" />
        <Bar className="series-good" dataKey="goods" name={`actual ${goodName(outcome)}`} fill={GOOD} isAnimationActive={false} />
        <Bar className="series-bad" dataKey="bads" name={`actual ${badName(outcome)}`} fill={`url(#${BAD_HATCH})`} stroke={BAD} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

interface Props {
  readonly charts: EvaluationCharts;
  readonly auc: number;
  readonly outcome: OutcomeNames;
}

/** ROC, KS, calibration and score-distribution charts of the held-out rows, each mounted when scrolled to. */
export const EvaluationChartsView = memo(function EvaluationChartsView({ charts, auc, outcome }: Props) {
  return (
    <div className="chart-grid">
      <figure>
        <figcaption>ROC curve</figcaption>
        <LazyMount testId="roc-chart" height={HEIGHT} label="ROC curve: share of bads declined against share of goods declined">
          <RocChart points={charts.roc} auc={auc} />
        </LazyMount>
      </figure>
      <figure>
        <figcaption>KS: cumulative shares of bads and goods, riskiest applicants first</figcaption>
        <LazyMount testId="ks-chart" height={HEIGHT} label="KS chart">
          <KsChart points={charts.ks} outcome={outcome} />
        </LazyMount>
        <KsSummary points={charts.ks} outcome={outcome} />
      </figure>
      <figure>
        <figcaption>Calibration (10 bins): probability of bad against the observed bad rate</figcaption>
        <LazyMount testId="calibration-chart" height={HEIGHT} label="Calibration plot">
          <CalibrationChart bins={charts.calibration} />
        </LazyMount>
      </figure>
      <figure>
        <figcaption>Probability of bad by actual outcome</figcaption>
        <LazyMount testId="score-distribution-chart" height={HEIGHT} label="Distribution of the probability of bad for actual bads and goods">
          <DistributionChart bins={charts.distribution} outcome={outcome} />
        </LazyMount>
      </figure>
    </div>
  );
});
