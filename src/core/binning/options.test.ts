import { describe, expect, it } from 'vitest';
import { DEFAULT_BINNING_OPTIONS, resolveBinningOptions } from './options';

describe('resolveBinningOptions', () => {
  it('fills in the defaults, ignoring undefined overrides', () => {
    expect(DEFAULT_BINNING_OPTIONS).toEqual({ fineClasses: 20, minBinShare: 0.05, minGoods: 1, minBads: 1, maxBins: 8, monotone: 'auto' });
    expect(resolveBinningOptions({ maxBins: 5, minGoods: undefined })).toEqual({ ...DEFAULT_BINNING_OPTIONS, maxBins: 5 });
  });

  it.each([
    [{ fineClasses: 0 }, /fineClasses/],
    [{ fineClasses: 2.5 }, /fineClasses/],
    [{ minBinShare: -0.1 }, /minBinShare/],
    [{ minBinShare: Number.NaN }, /minBinShare/],
    [{ minGoods: -1 }, /minGoods/],
    [{ maxBins: 0 }, /maxBins/],
    [{ monotone: 'up' as never }, /monotone/],
  ])('refuses %o', (overrides, message) => {
    expect(() => resolveBinningOptions(overrides)).toThrow(message);
  });
});
