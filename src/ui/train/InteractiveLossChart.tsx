import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EpochReport } from '../../model/train';
import { epochTicks } from './LiveLossChart';

const AUC_TICKS = [0.5, 0.6, 0.7, 0.8, 0.9, 1];

/** The finished run's loss and AUC curves as an interactive recharts LineChart (tooltips with exact values); loaded on demand. */
export default function InteractiveLossChart({ history }: { history: readonly EpochReport[] }) {
  const data = history.map((h) => ({ epoch: h.epoch, loss: h.loss, valLoss: h.valLoss ?? undefined, valAuc: h.valAuc ?? undefined }));
  return (
    <div className="chart" data-testid="loss-chart" aria-label="Training and validation loss and validation AUC per epoch">
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          {/* Explicit ticks with interval 0 spare recharts from measuring every label's text. */}
          <XAxis dataKey="epoch" type="number" domain={[1, 'dataMax']} ticks={epochTicks(Math.max(2, data.length))} interval={0} />
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
}
