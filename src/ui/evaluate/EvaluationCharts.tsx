import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import type { EvaluationCharts } from '../../worker/protocol';
import { LazyMount } from '../shared/LazyMount';

const HEIGHT = 240;
const TICKS_01 = [0, 0.2, 0.4, 0.6, 0.8, 1];
const format = (v: unknown) => (typeof v === 'number' ? v.toFixed(3) : String(v));

/** ROC curve with the chance diagonal. */
function RocChart({ points, auc }: { points: EvaluationCharts['roc']; auc: number }) {
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <LineChart data={points} margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="fpr" type="number" domain={[0, 1]} ticks={TICKS_01} interval={0} label={{ value: 'false positive rate', position: 'insideBottom', offset: -8 }} />
        <YAxis type="number" domain={[0, 1]} ticks={TICKS_01} interval={0} width={40} />
        <Tooltip formatter={format} labelFormatter={(v) => `FPR ${format(v)}`} />
        <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke="#999" strokeDasharray="4 4" />
        <Line dataKey="tpr" name={`model (AUC ${auc.toFixed(3)})`} stroke="#1f4e79" dot={false} isAnimationActive={false} type="linear" />
        <Legend verticalAlign="top" />
      </LineChart>
    </ResponsiveContainer>
  );
}

/** Cumulative share of positives and negatives by score: KS is the widest gap. */
function KsChart({ points, ks }: { points: EvaluationCharts['ks']; ks: number }) {
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <LineChart data={points} margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="share" type="number" domain={[0, 1]} ticks={TICKS_01} interval={0} label={{ value: 'share of rows, riskiest first', position: 'insideBottom', offset: -8 }} />
        <YAxis type="number" domain={[0, 1]} ticks={TICKS_01} interval={0} width={40} />
        <Tooltip formatter={format} />
        <Line dataKey="positives" name="cumulative share of positives" stroke="#b3261e" dot={false} isAnimationActive={false} />
        <Line dataKey="negatives" name="cumulative share of negatives" stroke="#1d7a46" dot={false} isAnimationActive={false} />
        <Legend verticalAlign="top" formatter={(value) => `${value}${value.includes('negatives') ? ` (KS ${ks.toFixed(3)})` : ''}`} />
      </LineChart>
    </ResponsiveContainer>
  );
}

/** Predicted against observed rate per probability bin; the diagonal is perfect calibration. */
function CalibrationChart({ bins }: { bins: EvaluationCharts['calibration'] }) {
  const data = bins.filter((b) => b.count > 0);
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <ScatterChart margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="predicted" type="number" domain={[0, 1]} ticks={TICKS_01} interval={0} name="mean predicted" label={{ value: 'mean predicted probability', position: 'insideBottom', offset: -8 }} />
        <YAxis dataKey="observed" type="number" domain={[0, 1]} ticks={TICKS_01} interval={0} width={40} name="observed rate" />
        <ZAxis dataKey="count" range={[30, 300]} name="rows" />
        <Tooltip formatter={format} />
        <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke="#999" strokeDasharray="4 4" />
        <Scatter data={data} fill="#1f4e79" line isAnimationActive={false} name="bins" />
      </ScatterChart>
    </ResponsiveContainer>
  );
}

/** How the predicted probabilities spread for each outcome. */
function DistributionChart({ bins, positive, negative }: { bins: EvaluationCharts['distribution']; positive: string; negative: string }) {
  const data = bins.map((b) => ({ bin: `${b.from.toFixed(2)}`, positives: b.positives, negatives: b.negatives }));
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="bin" interval={3} label={{ value: 'predicted probability', position: 'insideBottom', offset: -8 }} />
        <YAxis width={48} interval={0} />
        <Tooltip />
        <Legend verticalAlign="top" />
        <Bar dataKey="negatives" name={`actual ${negative}`} fill="#1d7a46" isAnimationActive={false} />
        <Bar dataKey="positives" name={`actual ${positive}`} fill="#b3261e" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

interface Props {
  readonly charts: EvaluationCharts;
  readonly auc: number;
  readonly ks: number;
  readonly positive: string;
  readonly negative: string;
}

/** ROC, KS, calibration and score-distribution charts of the held-out rows, each mounted when scrolled to. */
export const EvaluationChartsView = memo(function EvaluationChartsView({ charts, auc, ks, positive, negative }: Props) {
  return (
    <div className="chart-grid">
      <figure>
        <figcaption>ROC curve</figcaption>
        <LazyMount testId="roc-chart" height={HEIGHT} label="ROC curve">
          <RocChart points={charts.roc} auc={auc} />
        </LazyMount>
      </figure>
      <figure>
        <figcaption>KS: cumulative shares by score</figcaption>
        <LazyMount testId="ks-chart" height={HEIGHT} label="KS chart">
          <KsChart points={charts.ks} ks={ks} />
        </LazyMount>
      </figure>
      <figure>
        <figcaption>Calibration (10 bins)</figcaption>
        <LazyMount testId="calibration-chart" height={HEIGHT} label="Calibration plot">
          <CalibrationChart bins={charts.calibration} />
        </LazyMount>
      </figure>
      <figure>
        <figcaption>Score distribution by outcome</figcaption>
        <LazyMount testId="score-distribution-chart" height={HEIGHT} label="Score distribution by class">
          <DistributionChart bins={charts.distribution} positive={positive} negative={negative} />
        </LazyMount>
      </figure>
    </div>
  );
});
