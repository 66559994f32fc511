import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { QuietLegendContent } from '../shared/QuietLegendContent';
import type { EpochReport } from '../../model/train';
import { localCount, localFixed, useT } from '../i18n';
import { AXIS_COLOUR } from '../shared/palette';
import { stepDecimals } from '../shared/ticks';
import { AUC_TICKS, epochTicks, keptEpoch, type KeptEpochRule, lossTicks } from './lossAxes';
import { LOSS_SERIES } from './lossSeries';

const AXIS_TITLE = { fill: 'currentColor', fontSize: 12, style: { textAnchor: 'middle' } } as const;

/** The finished run's loss and AUC curves as an interactive recharts LineChart (tooltips with exact values); loaded on demand. */
export default function InteractiveLossChart({ history, kept }: { history: readonly EpochReport[]; kept: KeptEpochRule }) {
  const { t } = useT();
  const data = history.map((h) => ({ epoch: h.epoch, loss: h.loss, valLoss: h.valLoss ?? undefined, valAuc: h.valAuc ?? undefined }));
  const epochs = Math.max(2, data.length ? data[data.length - 1].epoch : 2);
  const loss = lossTicks(history);
  const lossDigits = stepDecimals(loss.length > 1 ? loss[1] - loss[0] : 0.1);
  const keep = keptEpoch(history, kept);
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={data} margin={{ top: 18, right: 8, bottom: 22, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        {/* Explicit ticks with interval 0 spare recharts from measuring every label's text. */}
        <XAxis
          dataKey="epoch"
          type="number"
          domain={[1, epochs]}
          ticks={epochTicks(epochs, 8)}
          interval={0}
          tickFormatter={(v: number) => localCount(v)}
          stroke={AXIS_COLOUR}
          label={{ value: t('train.chart.epochAxis'), position: 'insideBottom', offset: -14, fill: 'currentColor', fontSize: 12 }}
        />
        <YAxis
          yAxisId="loss"
          domain={[loss[0], loss[loss.length - 1]]}
          ticks={loss}
          tickFormatter={(v: number) => localFixed(v, lossDigits)}
          width={62}
          interval={0}
          stroke={AXIS_COLOUR}
          label={{ value: t('train.chart.lossAxis'), angle: -90, position: 'insideLeft', offset: 6, ...AXIS_TITLE }}
        />
        <YAxis
          yAxisId="auc"
          orientation="right"
          domain={[0.5, 1]}
          ticks={AUC_TICKS}
          interval={0}
          tickFormatter={(v: number) => localFixed(v, 1)}
          width={52}
          stroke={AXIS_COLOUR}
          label={{ value: t('train.chart.aucAxis'), angle: 90, position: 'insideRight', offset: 6, ...AXIS_TITLE }}
        />
        <Tooltip
          formatter={(v) => (typeof v === 'number' ? localFixed(v, 4) : String(v))}
          labelFormatter={(v) => t('train.chart.tooltipEpoch', { epoch: typeof v === 'number' ? localCount(v) : String(v) })}
        />
        <Legend verticalAlign="top" content={QuietLegendContent} formatter={(value) => <span className="legend-text">{value}</span>} />
        {keep !== null && (
          <ReferenceLine
            yAxisId="loss"
            x={keep}
            stroke={AXIS_COLOUR}
            strokeDasharray="2 3"
            label={{ value: t('train.chart.kept', { epoch: localCount(keep) }), position: 'insideTopLeft', fontSize: 11, fill: 'currentColor' }}
          />
        )}
        {LOSS_SERIES.map((s) => (
          <Line
            key={s.key}
            yAxisId={s.axis}
            type="monotone"
            dataKey={s.key}
            name={t(s.label)}
            stroke={s.colour}
            strokeWidth={2}
            strokeDasharray={s.dash}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
