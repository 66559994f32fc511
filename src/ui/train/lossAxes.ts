import type { EpochReport } from '../../model/train';
import { niceTicks } from '../shared/ticks';

// The loss chart's scales, shared by the live chart and the interactive one so both show the same
// ticks and mark the same epoch.

/** The validation AUC axis: 0.5 (chance) to 1 in tenths. */
export const AUC_TICKS = [0.5, 0.6, 0.7, 0.8, 0.9, 1];

/** Tick steps for whole epochs: "nice" numbers a reader counts in. */
const EPOCH_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000];

/**
 * Whole-epoch ticks from 1 to `epochs`, at most `maxTicks`: every epoch while they fit, else the
 * multiples of the smallest nice step that fits (with epoch 1 in front once the step is 5 or more,
 * so the axis says where it starts).
 */
export function epochTicks(epochs: number, maxTicks = 10): number[] {
  const last = Math.max(1, Math.floor(epochs));
  for (const step of EPOCH_STEPS) {
    const ticks: number[] = step >= 5 ? [1] : [];
    for (let e = step; e <= last; e += step) ticks.push(e);
    if (ticks.length <= maxTicks) return ticks;
  }
  return [1, last];
}

/** Which epoch a run keeps: the one with the lowest validation loss (early stopping restores it), or the last one. */
export type KeptEpochRule = 'best' | 'last';

/** The epoch the run keeps under `rule` (with 'best', the first of equal lowest validation losses; the last epoch without any); null for no history. */
export function keptEpoch(history: readonly EpochReport[], rule: KeptEpochRule): number | null {
  if (history.length === 0) return null;
  if (rule === 'last') return history[history.length - 1].epoch;
  let best: EpochReport | null = null;
  for (const h of history) if (h.valLoss !== null && (best === null || h.valLoss < (best.valLoss as number))) best = h;
  return (best ?? history[history.length - 1]).epoch;
}

/** The loss axis' ticks for a run's history: both losses, training and validation. */
export function lossTicks(history: readonly EpochReport[]): number[] {
  const losses = history.flatMap((h) => (h.valLoss === null ? [h.loss] : [h.loss, h.valLoss])).filter(Number.isFinite);
  if (losses.length === 0) return [0, 0.2, 0.4, 0.6, 0.8, 1];
  return niceTicks(Math.min(...losses), Math.max(...losses), 6);
}
