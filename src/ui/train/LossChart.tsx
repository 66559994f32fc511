import { lazy, memo, Suspense, useEffect, useState } from 'react';
import type { EpochReport } from '../../model/train';
import { loadInteractiveLossChart } from '../charts';
import { LiveLossChart } from './LiveLossChart';

const InteractiveLossChart = lazy(loadInteractiveLossChart);

/**
 * Training and validation loss (left axis) and validation AUC (right axis) per epoch. While
 * training runs, recharts' Surface and Curve primitives draw the curves: a recharts LineChart
 * re-renders synchronously through its store, 45–61 ms per update even stripped down, on a 2-core
 * machine whose other core trains, which would block the page (and mounting it costs 50–140 ms).
 * Once training has ended, pointing at or focusing the chart swaps in the interactive recharts
 * LineChart (tooltips with exact values).
 */
export const LossChart = memo(function LossChart({ history, live }: { history: readonly EpochReport[]; live: boolean }) {
  const [interactive, setInteractive] = useState(false);
  useEffect(() => setInteractive(false), [history]);
  const liveChart = (
    <div onPointerEnter={() => !live && setInteractive(true)} onFocus={() => !live && setInteractive(true)} tabIndex={live ? undefined : 0}>
      <LiveLossChart history={history} />
    </div>
  );
  if (live || !interactive || history.length === 0) return liveChart;
  return (
    <Suspense fallback={liveChart}>
      <InteractiveLossChart history={history} />
    </Suspense>
  );
});
