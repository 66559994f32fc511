import { describe, expect, it } from 'vitest';
import { binOf, binRows, fitBinCuts } from './featureBins';
import reference from './fixtures/featureBins.json';

// Expected cut points and bins printed by sklearnReference.py (numpy 1.24.2, scikit-learn 1.2.1):
// `cuts` is np.unique of sklearn's _find_binning_thresholds (its _BinMapper rule), `bins` is
// np.searchsorted(cuts, queries, side='left'), i.e. sklearn's _map_to_bins (x ≤ cut goes left).
// sklearn keeps repeated quantiles (empty bins between them); fitBinCuts keeps one of each, which
// splits the values the same way.

interface BinCase {
  readonly values: readonly number[];
  readonly maxBins: number;
  readonly cuts: readonly number[];
  readonly queries: readonly number[];
  readonly bins: readonly number[];
}

const DUPLICATES_41 = [11, 7, 8, 10, 6, 9, 10, 2, 0, 3, 3, 10, 10, 0, 5, 9, 1, 9, 1, 5, 9, 3, 4, 3, 8, 3, 11, 5, 5, 6, 6, 6, 6, 11, 9, 9, 8, 7, 4, 11, 5];

const SMALL: Record<string, BinCase> = {
  // 5 distinct values, 8 bins: one bin per value, cut at the midpoints
  'few distinct values (5 ≤ 8 bins): midpoints': {
    values: [3, 1, 2, 2, 5, 1, 3, 8, 5, 5],
    maxBins: 8,
    cuts: [1.5, 2.5, 4.0, 6.5],
    queries: [0.0, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 6.5, 8.0, 9.0],
    bins: [0, 0, 0, 1, 1, 2, 2, 3, 4, 4],
  },
  'exactly maxBins distinct values (4 of 4): still midpoints': {
    values: [0.5, 0.25, 0.75, 1, 0.25, 1],
    maxBins: 4,
    cuts: [0.375, 0.625, 0.875],
    queries: [0.375, 0.625, 0.875],
    bins: [0, 1, 2],
  },
  // n = 7: positions (n − 1)·q/4 = 1.5, 3, 4.5 → (2+3)/2, 4, (5+5)/2
  'one distinct value more than maxBins (5 of 4): quantiles': {
    values: [1, 2, 3, 4, 5, 5, 5],
    maxBins: 4,
    cuts: [2.5, 4.0, 5.0],
    queries: [1.5, 4.0, 5.0, 6.0],
    bins: [0, 1, 2, 3],
  },
  // 12 distinct values of 41, positions 10, 20, 30 are whole: the order statistics themselves
  '41 values with duplicates, 4 bins': {
    values: DUPLICATES_41,
    maxBins: 4,
    cuts: [4.0, 6.0, 9.0],
    queries: [0.0, 2.0, 5.0, 8.0, 11.0],
    bins: [0, 0, 1, 2, 3],
  },
  '41 values with duplicates, 8 bins (whole positions 5, 10, …, 35)': {
    values: DUPLICATES_41,
    maxBins: 8,
    cuts: [3.0, 4.0, 5.0, 6.0, 8.0, 9.0, 10.0],
    queries: [0.0, 3.0, 6.0, 9.0, 12.0],
    bins: [0, 0, 3, 5, 7],
  },
  // positions 39·q/8 are never whole: means of two neighbouring order statistics (2.5, 3.5)
  '40 values with duplicates, 8 bins (fractional positions)': {
    values: DUPLICATES_41.slice(0, 40),
    maxBins: 8,
    cuts: [2.5, 3.5, 5.0, 6.0, 8.0, 9.0, 10.0],
    queries: [0.0, 3.0, 6.0, 9.0, 12.0],
    bins: [0, 1, 3, 5, 7],
  },
  // positions 4.75, 9.5, 14.25 → quantiles 1, 1, 4.5: numpy repeats the 1, fitBinCuts keeps it once
  'a heavily tied value: equal quantiles merge into one cut': {
    values: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    maxBins: 4,
    cuts: [1.0, 4.5],
    queries: [0.5, 1.0, 1.5, 4.5, 5.0],
    bins: [0, 0, 1, 1, 2],
  },
};

const LARGE = reference as unknown as Record<string, BinCase & { binsOfValues: readonly number[]; sklearnCuts: number; distinct: number }>;

function cutsOfColumn(values: readonly number[], maxBins: number): number[] {
  return Array.from(fitBinCuts(Float32Array.from(values), 1, maxBins)[0]);
}

describe('fitBinCuts matches numpy / scikit-learn _BinMapper cut points', () => {
  for (const [name, c] of Object.entries(SMALL)) {
    it(name, () => {
      const cuts = cutsOfColumn(c.values, c.maxBins);
      expect(cuts).toEqual(c.cuts);
      const asArray = Float64Array.from(cuts);
      expect(c.queries.map((q) => binOf(asArray, q))).toEqual(c.bins);
    });
  }

  it('1,000 normal values (270 distinct) in 255 bins: 254 numpy quantiles, 210 after deduplication', () => {
    const c = LARGE.normal1000By255;
    expect(c.distinct).toBe(270);
    expect(c.sklearnCuts).toBe(254);
    const cuts = cutsOfColumn(c.values, 255);
    expect(cuts).toHaveLength(210);
    expect(cuts).toEqual(c.cuts);
    const asArray = Float64Array.from(cuts);
    expect(c.queries.map((q) => binOf(asArray, q))).toEqual(c.bins);
    expect(c.values.map((v) => binOf(asArray, v))).toEqual(c.binsOfValues);
  });

  it('the same 1,000 values in 8 bins', () => {
    const c = LARGE.normal1000By8;
    expect(cutsOfColumn(c.values, 8)).toEqual(c.cuts);
  });

  it('fits each input of a row-major matrix on the chosen rows only', () => {
    // input 0 of rows 1, 2, 4: {2, 4, 8} → cuts 3, 6; input 1: {10, 10, 30} → cut 20 (rows 0 and 3 are ignored)
    const x = Float32Array.from([100, -5, 2, 10, 4, 10, -100, 50, 8, 30]);
    const cuts = fitBinCuts(x, 2, 255, Int32Array.from([1, 2, 4]));
    expect(cuts.map((c) => Array.from(c))).toEqual([[3, 6], [20]]);
  });

  it('gives a constant input no cut points (a single bin)', () => {
    expect(cutsOfColumn([0.5, 0.5, 0.5], 255)).toEqual([]);
  });

  it('rejects maxBins outside [2, 256]', () => {
    expect(() => fitBinCuts(Float32Array.from([1, 2]), 1, 1)).toThrow(RangeError);
    expect(() => fitBinCuts(Float32Array.from([1, 2]), 1, 257)).toThrow(RangeError);
  });
});

describe('binOf: the number of cut points strictly below the value', () => {
  const cuts = Float64Array.from([-1, 0.5, 2]);

  it('puts a value equal to a cut point in the lower bin (x ≤ cut goes left)', () => {
    expect(binOf(cuts, -1)).toBe(0);
    expect(binOf(cuts, 0.5)).toBe(1);
    expect(binOf(cuts, 2)).toBe(2);
  });

  it('puts values below every cut in bin 0 and above every cut in the last bin', () => {
    expect(binOf(cuts, -1e30)).toBe(0);
    expect(binOf(cuts, -1.0000001)).toBe(0);
    expect(binOf(cuts, 2.0000001)).toBe(3);
    expect(binOf(cuts, Number.POSITIVE_INFINITY)).toBe(3);
  });

  it('puts values between two cuts in the bin above the lower one', () => {
    expect(binOf(cuts, -0.999)).toBe(1);
    expect(binOf(cuts, 1)).toBe(2);
  });

  it('has a single bin 0 without cut points', () => {
    expect(binOf(new Float64Array(0), 123)).toBe(0);
  });
});

describe('binRows', () => {
  it('bins the chosen rows of a row-major matrix, in the order given', () => {
    const cuts = [Float64Array.from([1.5, 2.5]), Float64Array.from([0])];
    // rows: (1, -1), (2, 0), (3, 1)
    const x = Float32Array.from([1, -1, 2, 0, 3, 1]);
    expect(Array.from(binRows(x, 2, cuts, Int32Array.from([2, 0, 1])))).toEqual([2, 1, 0, 0, 1, 0]);
  });
});

// numpy computes a percentile's position as (n − 1)·((q·(100/maxBins))/100) in floating point, and
// fitBinCuts in the same order: where the exact position is whole, numpy's can land just below it
// (n = 511, q = 15: 29.999999999999996), and the cut is then the midpoint 29.5 of the order
// statistics 29 and 30, not 30. (An exact ((n − 1)·q)/maxBins differed here, on 37% of row counts
// between 1,000 and 20,000.)
describe('fitBinCuts vs numpy on whole percentile positions', () => {
  it('511 distinct values in 255 bins match numpy exactly', () => {
    const c = LARGE.distinct511By255;
    expect(c.cuts[14]).toBe(29.5);
    expect(cutsOfColumn(c.values, 255)).toEqual(c.cuts);
  });
});
