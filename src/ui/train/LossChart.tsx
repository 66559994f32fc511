import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EpochReport } from '../../model/train';

/** Live training and validation loss per epoch. */
export function LossChart({ history }: { history: readonly EpochReport[] }) {
  const data = history.map((h) => ({ epoch: h.epoch, loss: h.loss, valLoss: h.valLoss ?? undefined }));
  return (
    <div className="chart" data-testid="loss-chart" aria-label="Training and validation loss per epoch">
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="epoch" allowDecimals={false} label={{ value: 'epoch', position: 'insideBottomRight', offset: -4 }} />
          <YAxis domain={['auto', 'auto']} tickFormatter={(v: number) => v.toFixed(3)} width={56} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(4) : String(v))} />
          <Legend />
          <Line type="monotone" dataKey="loss" name="training loss" stroke="#1f4e79" dot={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="valLoss" name="validation loss" stroke="#d9822b" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
