import { describe, expect, it } from 'vitest';
import { fitNumericBinning } from './fitNumeric';
import { rowsOfCounts } from '../../../test/support/binningData';

// No size constraints: only the monotone rule decides (fineClasses 100 makes each distinct value a class).
const FREE = { fineClasses: 100, minBinShare: 0, minGoods: 0, minBads: 0, maxBins: 100 } as const;

// Values 1…5, 20 rows each, with 2, 4, 3, 8, 10 bads: bad rates 0.10, 0.20, 0.15, 0.40, 0.50.
// Only the 0.20 → 0.15 step breaks an ascending trend.
const ASCENDING_BUT_ONE = rowsOfCounts([
  [1, 18, 2],
  [2, 16, 4],
  [3, 17, 3],
  [4, 12, 8],
  [5, 10, 10],
]);

describe('fitNumericBinning: monotone', () => {
  it('ascending pools the one violating pair', () => {
    const { values, rows, bad } = ASCENDING_BUT_ONE;
    const b = fitNumericBinning('x', values, rows, bad, { ...FREE, monotone: 'ascending' });
    // bins {1}, {2, 3}, {4}, {5}: cut at 2, 4, 5
    expect(b.edges).toEqual([2, 4, 5]);
    expect(b.bins.map((s) => [s.goods, s.bads])).toEqual([
      [18, 2],
      [33, 7],
      [12, 8],
      [10, 10],
    ]);
    expect(b.trend).toBe('ascending');
    // numpy: g = [18, 33, 12, 10]; b = [2, 7, 8, 10]; w = np.log((g / 73) / (b / 27)); ((g/73 - b/27) * w).sum()
    expect(b.bins.map((s) => s.woe)).toEqual([1.2026020021921573, 0.5559748372671048, -0.5891574670358977, -0.9946225751440622].map((w) => expect.closeTo(w, 12)));
    expect(b.iv).toBeCloseTo(0.6244862734157459, 12);
  });

  it('descending on rising data pools everything into one bin', () => {
    // rates 0.10, 0.20 pool to 0.15; 0.15 is not lower, pools to 9 / 60; 0.40 pools to 17 / 80; 0.50 pools all
    const { values, rows, bad } = ASCENDING_BUT_ONE;
    const b = fitNumericBinning('x', values, rows, bad, { ...FREE, monotone: 'descending' });
    expect(b.edges).toEqual([]);
    expect(b.bins).toHaveLength(1);
    expect(b.bins[0]).toMatchObject({ goods: 73, bads: 27, woe: 0, iv: 0 });
    expect(b.trend).toBe('none'); // one bin has no direction
  });

  it('descending mirrors ascending', () => {
    // rates 0.50, 0.40, 0.15, 0.20, 0.10: pool {3, 4}
    const { values, rows, bad } = rowsOfCounts([
      [1, 10, 10],
      [2, 12, 8],
      [3, 17, 3],
      [4, 16, 4],
      [5, 18, 2],
    ]);
    const b = fitNumericBinning('x', values, rows, bad, { ...FREE, monotone: 'descending' });
    expect(b.edges).toEqual([2, 3, 5]);
    expect(b.bins.map((s) => s.bads)).toEqual([10, 8, 7, 2]);
    expect(b.trend).toBe('descending');
    expect(fitNumericBinning('x', values, rows, bad, { ...FREE, monotone: 'auto' })).toEqual(b);
  });

  it('pools neighbours with equal bad rates: the bins are strictly monotone', () => {
    // rates 0.2, 0.2, 0.6: ascending keeps {1, 2} and {3}; descending pools all; auto picks ascending
    const { values, rows, bad } = rowsOfCounts([
      [1, 8, 2],
      [2, 16, 4],
      [3, 4, 6],
    ]);
    expect(fitNumericBinning('x', values, rows, bad, { ...FREE, monotone: 'ascending' }).edges).toEqual([3]);
    expect(fitNumericBinning('x', values, rows, bad, { ...FREE, monotone: 'descending' }).edges).toEqual([]);
    expect(fitNumericBinning('x', values, rows, bad, { ...FREE, monotone: 'auto' }).edges).toEqual([3]);
    // a flat bad rate is one bin either way
    const flat = rowsOfCounts([
      [1, 8, 2],
      [2, 16, 4],
    ]);
    expect(fitNumericBinning('x', flat.values, flat.rows, flat.bad, { ...FREE, monotone: 'auto' })).toMatchObject({ edges: [], trend: 'none' });
  });

  it('auto keeps the direction with more IV', () => {
    const { values, rows, bad } = ASCENDING_BUT_ONE;
    const auto = fitNumericBinning('x', values, rows, bad, { ...FREE, monotone: 'auto' });
    expect(auto.edges).toEqual([2, 4, 5]);
    expect(auto.trend).toBe('ascending');
  });

  it("'none' keeps every fine class", () => {
    const { values, rows, bad } = ASCENDING_BUT_ONE;
    const b = fitNumericBinning('x', values, rows, bad, { ...FREE, monotone: 'none' });
    expect(b.edges).toEqual([2, 3, 4, 5]);
    expect(b.bins.map((s) => s.bads)).toEqual([2, 4, 3, 8, 10]);
    expect(b.trend).toBe('none');
  });
});

describe('fitNumericBinning: constraints', () => {
  it('merges a small bin with the neighbour that keeps more IV', () => {
    // value 1: 45 goods 5 bads; value 2: 4 goods 1 bad (5% < 10%); value 3: 25 goods 20 bads. 74 goods, 26 bads.
    // numpy 1.24 (/usr/bin/python3), 0.5 added to both counts of a bin with a zero count:
    //   def iv(g, b, G=74, B=26):
    //       g, b = np.array(g, float), np.array(b, float); s = np.where((g == 0) | (b == 0), 0.5, 0)
    //       pg, pb = (g + s) / G, (b + s) / B; return ((pg - pb) * np.log(pg / pb)).sum()
    //   iv([49, 25], [6, 20]) → 0.809688846352256 ({1, 2}, {3});  iv([45, 29], [5, 21]) → 0.7793975821510055 ({1}, {2, 3})
    const { values, rows, bad } = rowsOfCounts([
      [1, 45, 5],
      [2, 4, 1],
      [3, 25, 20],
    ]);
    const b = fitNumericBinning('x', values, rows, bad, { ...FREE, minBinShare: 0.1, monotone: 'none' });
    expect(b.edges).toEqual([3]);
    expect(b.iv).toBeCloseTo(0.809688846352256, 12);
  });

  it('merges pure bins when one good and one bad are required', () => {
    // value 1 has no bads, value 3 no goods: each must join value 2
    const { values, rows, bad } = rowsOfCounts([
      [1, 10, 0],
      [2, 10, 10],
      [3, 0, 10],
    ]);
    expect(fitNumericBinning('x', values, rows, bad, { ...FREE, minGoods: 1, minBads: 1, monotone: 'none' }).edges).toEqual([]);
    expect(fitNumericBinning('x', values, rows, bad, { ...FREE, monotone: 'none' }).edges).toEqual([2, 3]);
  });

  it('gives missing cells their own bin, exempt from the constraints and counted in the shares', () => {
    // 2 missing rows (1 good, 1 bad) in 102: below a 5% share, yet kept apart
    const { values, rows, bad } = rowsOfCounts([
      [1, 40, 10],
      [2, 20, 30],
      [Number.NaN, 1, 1],
    ]);
    const b = fitNumericBinning('x', values, rows, bad, { ...FREE, minBinShare: 0.05, monotone: 'ascending' });
    expect(b.edges).toEqual([2]);
    expect(b.missing).toMatchObject({ count: 2, goods: 1, bads: 1, share: 2 / 102 });
    // 61 goods, 41 bads: missing WoE ln((1/61)/(1/41)) = ln(41/61)
    expect(b.missing.woe).toBeCloseTo(Math.log(41 / 61), 12);
    expect(b.bins[0].share).toBeCloseTo(50 / 102, 15);
    expect(b.iv).toBeCloseTo(b.bins[0].iv + b.bins[1].iv + b.missing.iv, 15);
  });

  it('fits only the given rows and reads labels by position in rows', () => {
    // table rows 0…5; fitting rows 4, 1, 5 with labels 1, 0, 1 (rows 0, 2, 3 are not training rows)
    const values = Float64Array.from([100, 1, 100, 100, 2, 3]);
    const b = fitNumericBinning('x', values, Int32Array.from([4, 1, 5]), [1, 0, 1], { ...FREE, monotone: 'none' });
    expect(b.edges).toEqual([2, 3]);
    expect(b.bins.map((s) => [s.goods, s.bads])).toEqual([
      [1, 0],
      [0, 1],
      [0, 1],
    ]);
  });

  it('handles a constant column, an all-missing column and no rows', () => {
    const constant = fitNumericBinning('x', Float64Array.from([7, 7, 7]), Int32Array.from([0, 1, 2]), [0, 1, 0]);
    expect(constant.edges).toEqual([]);
    expect(constant.bins[0]).toMatchObject({ count: 3, woe: 0 });
    const allMissing = fitNumericBinning('x', Float64Array.from([Number.NaN, Number.NaN]), Int32Array.from([0, 1]), [0, 1]);
    expect(allMissing.bins).toEqual([expect.objectContaining({ count: 0, woe: 0 })]);
    expect(allMissing.missing.count).toBe(2);
    const none = fitNumericBinning('x', Float64Array.from([1]), new Int32Array(0), []);
    expect(none.iv).toBe(0);
  });

  it('refuses labels that do not line up with the rows, and nonsense options', () => {
    const values = Float64Array.from([1, 2, 3]);
    expect(() => fitNumericBinning('x', values, Int32Array.from([0, 1, 2]), [0, 1])).toThrow(/one label per fitted row/);
    expect(() => fitNumericBinning('x', values, Int32Array.from([0, 1, 2]), [0, 1, 2])).toThrow(/0 \(good\) or 1 \(bad\)/);
    expect(() => fitNumericBinning('x', values, Int32Array.from([0, 1, 2]), [0, 1, 0], { maxBins: 0 })).toThrow(/maxBins/);
    expect(() => fitNumericBinning('x', values, Int32Array.from([0, 1, 2]), [0, 1, 0], { minBinShare: 1 })).toThrow(/minBinShare/);
  });
});
