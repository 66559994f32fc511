import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EpochReport } from '../../model/train';

// Explicit ticks with interval 0 spare recharts from measuring every label's text on each epoch,
// which otherwise forces layouts and long main-thread tasks while training.
function epochTicks(epochs: number): number[] {
  const step = Math.max(1, Math.ceil(epochs / 10));
  const ticks: number[] = [];
  for (let e = 1; e <= epochs; e += step) ticks.push(e);
  return ticks;
}

const AUC_TICKS = [0.5, 0.6, 0.7, 0.8, 0.9, 1];

/** Live training and validation loss (left axis) and validation AUC (right axis) per epoch. */
export const LossChart = memo(function LossChart({ history }: { history: readonly EpochReport[] }) {
  const data = history.map((h) => ({ epoch: h.epoch, loss: h.loss, valLoss: h.valLoss ?? undefined, valAuc: h.valAuc ?? undefined }));
  return (
    <div className="chart" data-testid="loss-chart" aria-label="Training and validation loss and validation AUC per epoch">
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="epoch" type="number" domain={[1, 'dataMax']} ticks={epochTicks(data.length)} interval={0} />
          <YAxis yAxisId="loss" domain={['auto', 'auto']} tickFormatter={(v: number) => v.toFixed(3)} width={56} interval={0} />
          <YAxis yAxisId="auc" orientation="right" domain={[0.5, 1]} ticks={AUC_TICKS} interval={0} width={40} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(4) : String(v))} />
          <Legend />
          <Line yAxisId="loss" type="monotone" dataKey="loss" name="training loss" stroke="#1f4e79" dot={false} isAnimationActive={false} />
          <Line yAxisId="loss" type="monotone" dataKey="valLoss" name="validation loss" stroke="#d9822b" dot={false} isAnimationActive={false} />
          <Line yAxisId="auc" type="monotone" dataKey="valAuc" name="validation AUC (right)" stroke="#1d7a46" strokeDasharray="4 2" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
