/** Default binning constraints and the check that a caller's overrides make sense. */
import type { BinningOptions } from './types';

/**
 * The usual scorecard constraints: 20 fine classes, bins of at least 5% of the rows with at least one
 * good and one bad (zero counts are smoothed anyway, so one of each only rules out pure bins), at most
 * 8 bins, and a monotone bad rate in whichever direction keeps more IV.
 */
export const DEFAULT_BINNING_OPTIONS: BinningOptions = {
  fineClasses: 20,
  minBinShare: 0.05,
  minGoods: 1,
  minBads: 1,
  maxBins: 8,
  monotone: 'auto',
};

/** The defaults with `overrides` applied (an undefined override keeps the default); throws a message naming the first option out of range. */
export function resolveBinningOptions(overrides: Partial<BinningOptions> = {}): BinningOptions {
  const given = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  const options: BinningOptions = { ...DEFAULT_BINNING_OPTIONS, ...given };
  const { fineClasses, minBinShare, minGoods, minBads, maxBins, monotone } = options;
  if (!Number.isInteger(fineClasses) || fineClasses < 1) throw new Error(`fineClasses must be a whole number ≥ 1, not ${fineClasses}.`);
  if (!(minBinShare >= 0 && minBinShare < 1)) throw new Error(`minBinShare must be in [0, 1), not ${minBinShare}.`);
  if (!(minGoods >= 0) || !(minBads >= 0)) throw new Error(`minGoods and minBads must be ≥ 0, not ${minGoods} and ${minBads}.`);
  if (!Number.isInteger(maxBins) || maxBins < 1) throw new Error(`maxBins must be a whole number ≥ 1, not ${maxBins}.`);
  if (!['none', 'ascending', 'descending', 'auto'].includes(monotone)) throw new Error(`monotone must be none, ascending, descending or auto, not ${monotone}.`);
  return options;
}
