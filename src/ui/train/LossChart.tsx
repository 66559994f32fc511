import { lazy, memo, Suspense, useEffect, useState } from 'react';
import type { EpochReport } from '../../model/train';
import { loadInteractiveLossChart } from '../charts';
import { localCount, localFixed, translate, useT } from '../i18n';
import { ChartTable, type ChartColumn } from '../shared/ChartTable';
import type { KeptEpochRule } from './lossAxes';

const InteractiveLossChart = lazy(loadInteractiveLossChart);
// Its recharts primitives (about 100 KB) are not needed to show the page: they load while it is
// idle (or when a run starts), outside the first load's tasks.
const LiveLossChart = lazy(() => import('./LiveLossChart').then((m) => ({ default: m.LiveLossChart })));

const value = (v: number | null, digits: number) => (v === null ? '–' : localFixed(v, digits));
/** The table behind the chart, its headings in the active language (built at render). */
const columns = (): readonly ChartColumn<EpochReport>[] => [
  { heading: translate('train.chart.epoch'), cell: (h) => localCount(h.epoch) },
  { heading: translate('train.chart.trainingLoss'), cell: (h) => value(h.loss, 4) },
  { heading: translate('train.chart.validationLoss'), cell: (h) => value(h.valLoss, 4) },
  { heading: translate('train.chart.validationAuc'), cell: (h) => value(h.valAuc, 4) },
];

interface Props {
  readonly history: readonly EpochReport[];
  readonly live: boolean;
  /** Which epoch the run keeps: the best (early stopping restores it; boosted trees cut back to it) or the last. */
  readonly kept?: KeptEpochRule;
}

/**
 * Training and validation loss (left axis) and validation AUC (right axis) per epoch, with the
 * kept epoch marked and the numbers behind "Show the numbers". While training runs, recharts'
 * Surface and Curve primitives draw the curves: a recharts LineChart re-renders synchronously
 * through its store, 45–61 ms per update even stripped down, on a 2-core machine whose other core
 * trains, which would block the page (and mounting it costs 50–140 ms). Once training has ended,
 * pointing at or focusing the chart swaps in the interactive recharts LineChart (tooltips with
 * exact values) inside the same focusable box, so keyboard focus stays where it was.
 */
export const LossChart = memo(function LossChart({ history, live, kept = 'best' }: Props) {
  const { t } = useT();
  const [interactive, setInteractive] = useState(false);
  useEffect(() => setInteractive(false), [history]);
  const liveChart = (
    <Suspense fallback={<div className="chart-placeholder" />}>
      <LiveLossChart history={history} kept={kept} live={live} />
    </Suspense>
  );
  const swap = () => !live && history.length > 0 && setInteractive(true);
  return (
    <figure className="chart-figure">
      <figcaption>{t('train.chart.caption')}</figcaption>
      <div
        className="chart"
        data-testid="loss-chart"
        onPointerEnter={swap}
        onFocus={swap}
        tabIndex={live ? undefined : 0}
        role={live ? undefined : 'group'}
        aria-label={live ? undefined : t('train.chart.focusLabel')}
      >
        {live || !interactive || history.length === 0 ? (
          liveChart
        ) : (
          <Suspense fallback={liveChart}>
            <InteractiveLossChart history={history} kept={kept} />
          </Suspense>
        )}
      </div>
      <ChartTable caption={t('train.chart.tableCaption')} columns={columns()} rows={history} rowKey={(h) => h.epoch} testId="loss-chart-table" />
    </figure>
  );
});
