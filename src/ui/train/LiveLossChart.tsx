import { useRef } from 'react';
import { Curve, Surface } from 'recharts';
import type { EpochReport } from '../../model/train';
import { localCount, localFixed, translate, useT } from '../i18n';
import { AXIS_COLOUR } from '../shared/palette';
import { stepDecimals } from '../shared/ticks';
import { useElementWidth } from '../shared/useElementWidth';
import { AUC_TICKS, epochTicks, keptEpoch, type KeptEpochRule, lossTicks } from './lossAxes';
import { LOSS_SERIES, LossLegend } from './lossSeries';

const HEIGHT = 260;
const PAD = { left: 62, right: 58, top: 18, bottom: 46 };
/** Room per epoch label: fewer ticks on a phone-wide chart. */
const PX_PER_TICK = 40;

/**
 * The loss curves while training, drawn with recharts' Surface and Curve primitives at the chart's
 * own width: they render straight to SVG without a chart store, a fraction of a millisecond per
 * epoch, where a recharts LineChart update blocks the main thread for 45–61 ms on a 2-core machine
 * whose other core trains. Both axes are titled and ticked on nice steps, and the epoch the run
 * keeps is marked.
 */
export function LiveLossChart({ history, kept, live }: { history: readonly EpochReport[]; kept: KeptEpochRule; live: boolean }) {
  const { t } = useT();
  const box = useRef<HTMLDivElement>(null);
  const width = Math.max(280, useElementWidth(box, 640));
  const epochs = Math.max(2, history.length ? history[history.length - 1].epoch : 2);
  const loss = lossTicks(history);
  const lo = loss[0];
  const hi = loss[loss.length - 1];
  const lossDigits = stepDecimals(loss.length > 1 ? loss[1] - loss[0] : 0.1);
  const plotRight = width - PAD.right;
  const bottom = HEIGHT - PAD.bottom;
  const x = (epoch: number) => PAD.left + ((epoch - 1) / (epochs - 1)) * (plotRight - PAD.left);
  const y = (value: number, axis: 'loss' | 'auc') => {
    const share = axis === 'loss' ? (value - lo) / (hi - lo || 1) : (value - 0.5) / 0.5;
    return PAD.top + (1 - Math.min(1, Math.max(0, share))) * (bottom - PAD.top);
  };
  const points = (key: (typeof LOSS_SERIES)[number]['key'], axis: 'loss' | 'auc') =>
    history.filter((h) => h[key] !== null).map((h) => ({ x: x(h.epoch), y: y(h[key] as number, axis) }));
  const keep = keptEpoch(history, kept);
  const keptText = keep === null ? '' : t(live ? 'train.chart.bestSoFar' : 'train.chart.kept', { epoch: localCount(keep) });
  return (
    <div ref={box} className="live-loss-chart">
      <Surface
        width={width}
        height={HEIGHT}
        viewBox={{ x: 0, y: 0, width, height: HEIGHT }}
        style={{ width: '100%', height: HEIGHT }}
        role="img"
        title={describeLoss(history, keep)}
      >
        <g className="axis" fontSize="11" fill="currentColor">
          {loss.map((tick) => (
            <g key={`l${tick}`}>
              <line x1={PAD.left} y1={y(tick, 'loss')} x2={plotRight} y2={y(tick, 'loss')} stroke="#e3e7ec" />
              <text x={PAD.left - 6} y={y(tick, 'loss') + 4} textAnchor="end">
                {localFixed(tick, lossDigits)}
              </text>
            </g>
          ))}
          {AUC_TICKS.map((tick) => (
            <text key={`a${tick}`} x={plotRight + 6} y={y(tick, 'auc') + 4}>
              {localFixed(tick, 1)}
            </text>
          ))}
          {epochTicks(epochs, Math.max(3, Math.floor((plotRight - PAD.left) / PX_PER_TICK))).map((epoch) => (
            <g key={`e${epoch}`}>
              <line x1={x(epoch)} y1={bottom} x2={x(epoch)} y2={bottom + 4} stroke={AXIS_COLOUR} />
              <text x={x(epoch)} y={bottom + 16} textAnchor="middle">
                {localCount(epoch)}
              </text>
            </g>
          ))}
          <line x1={PAD.left} y1={bottom} x2={plotRight} y2={bottom} stroke={AXIS_COLOUR} />
          <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={bottom} stroke={AXIS_COLOUR} />
          <line x1={plotRight} y1={PAD.top} x2={plotRight} y2={bottom} stroke={AXIS_COLOUR} />
          <text x={(PAD.left + plotRight) / 2} y={HEIGHT - 8} textAnchor="middle" fontSize="12">
            {t('train.chart.epochAxis')}
          </text>
          <text transform={`translate(14 ${(PAD.top + bottom) / 2}) rotate(-90)`} textAnchor="middle" fontSize="12">
            {t('train.chart.lossAxis')}
          </text>
          <text transform={`translate(${width - 10} ${(PAD.top + bottom) / 2}) rotate(90)`} textAnchor="middle" fontSize="12">
            {t('train.chart.aucAxis')}
          </text>
        </g>
        {keep !== null && history.length > 1 && (
          <g className="kept-epoch" data-epoch={keep}>
            <line x1={x(keep)} y1={PAD.top} x2={x(keep)} y2={bottom} stroke={AXIS_COLOUR} strokeDasharray="2 3" />
            <text x={x(keep)} y={PAD.top - 5} textAnchor={x(keep) > (PAD.left + plotRight) / 2 ? 'end' : 'start'} fontSize="11" fill="currentColor">
              {keptText}
            </text>
          </g>
        )}
        {LOSS_SERIES.map((s) => (
          <Curve key={s.key} type="monotone" points={points(s.key, s.axis)} fill="none" stroke={s.colour} strokeWidth={2} strokeDasharray={s.dash} />
        ))}
      </Surface>
      <LossLegend />
    </div>
  );
}

/** The chart in one sentence, its accessible name, in the active language: the first and last losses and the kept epoch. */
export function describeLoss(history: readonly EpochReport[], kept: number | null): string {
  if (history.length === 0) return translate('train.chart.describeEmpty');
  const first = history[0];
  const last = history[history.length - 1];
  const val = (h: EpochReport) => (h.valLoss === null ? '' : translate('train.chart.describeVal', { loss: localFixed(h.valLoss, 3) }));
  return translate('train.chart.describe', {
    first: localCount(first.epoch),
    firstLoss: localFixed(first.loss, 3),
    firstVal: val(first),
    last: localCount(last.epoch),
    lastLoss: localFixed(last.loss, 3),
    lastVal: val(last),
    auc: last.valAuc === null ? '' : translate('train.chart.describeAuc', { auc: localFixed(last.valAuc, 3) }),
    kept: kept === null ? '' : translate('train.chart.describeKept', { epoch: localCount(kept) }),
  });
}
