import { describe, expect, it } from 'vitest';
import { mergeCategoricalGroups, mergeNumericBins, rebinNumeric, splitNumericBin } from './edit';
import { fitCategoricalBinning } from './fitCategorical';
import { fitNumericBinning } from './fitNumeric';

// Ten rows, values 1…10, labels by hand: 4 goods (1, 2, 4, 6), 6 bads.
const VALUES = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
const ROWS = Int32Array.from(VALUES, (_, i) => i);
const BAD = [0, 0, 1, 0, 1, 0, 1, 1, 1, 1];
const FITTED = fitNumericBinning('x', VALUES, ROWS, BAD, { minBinShare: 0, minGoods: 0, minBads: 0, monotone: 'none', fineClasses: 2 });

describe('rebinNumeric', () => {
  it('cuts exactly at the given edges and recounts by hand', () => {
    const b = rebinNumeric(FITTED, [4, 8], VALUES, ROWS, BAD);
    // < 4: {1, 2, 3} 2 goods 1 bad; [4, 8): {4, 5, 6, 7} 2 goods 2 bads; ≥ 8: {8, 9, 10} 0 goods 3 bads
    expect(b.edges).toEqual([4, 8]);
    expect(b.bins.map((s) => [s.goods, s.bads])).toEqual([
      [2, 1],
      [2, 2],
      [0, 3],
    ]);
    // WoE: ln((2/4)/(1/6)) = ln 3; ln((2/4)/(2/6)) = ln 1.5; smoothed ln((0.5/4)/(3.5/6)) = ln(3/14)
    expect(b.bins.map((s) => s.woe)).toEqual([Math.log(3), Math.log(1.5), Math.log(3 / 14)].map((w) => expect.closeTo(w, 12)));
    expect(b.trend).toBe('ascending'); // rates 1/3, 1/2, 1
  });

  it("reports 'none' for a trend that goes both ways, and refuses unordered edges", () => {
    // bad rates: < 3 {1, 2} 0; [3, 4) {3} 1; [4, 7) {4, 5, 6} 1/3; ≥ 7 {7…10} 1 → up, down, up
    expect(rebinNumeric(FITTED, [3, 4, 7], VALUES, ROWS, BAD).trend).toBe('none');
    expect(() => rebinNumeric(FITTED, [5, 5], VALUES, ROWS, BAD)).toThrow(/strictly ascending/);
    expect(() => rebinNumeric(FITTED, [Number.NaN], VALUES, ROWS, BAD)).toThrow(/finite/);
  });
});

describe('mergeNumericBins and splitNumericBin', () => {
  const base = rebinNumeric(FITTED, [4, 8], VALUES, ROWS, BAD);

  it('merges bin i with bin i + 1', () => {
    const b = mergeNumericBins(base, 1, VALUES, ROWS, BAD);
    // ≥ 4: {4…10} 2 goods 5 bads: WoE ln((2/4)/(5/6)) = ln 0.6
    expect(b.edges).toEqual([4]);
    expect(b.bins[1]).toMatchObject({ goods: 2, bads: 5, count: 7, share: 0.7 });
    expect(b.bins[1].woe).toBeCloseTo(Math.log(0.6), 12);
    expect(() => mergeNumericBins(base, 2, VALUES, ROWS, BAD)).toThrow(/cannot be merged/);
  });

  it('splits at a new edge, even one outside the data, and refuses an existing edge', () => {
    const b = splitNumericBin(base, 6, VALUES, ROWS, BAD);
    // [4, 6): {4, 5} 1 good 1 bad; [6, 8): {6, 7} 1 good 1 bad
    expect(b.edges).toEqual([4, 6, 8]);
    expect(b.bins.map((s) => [s.goods, s.bads])).toEqual([
      [2, 1],
      [1, 1],
      [1, 1],
      [0, 3],
    ]);
    const outside = splitNumericBin(base, 100, VALUES, ROWS, BAD);
    expect(outside.bins[3]).toMatchObject({ count: 0, woe: 0, iv: 0 });
    expect(outside.trend).toBe('ascending'); // the empty bin has no rate to break the trend
    expect(() => splitNumericBin(base, 8, VALUES, ROWS, BAD)).toThrow(/already has a cut point at 8/);
  });
});

describe('mergeCategoricalGroups', () => {
  // P: 8 goods 2 bads; Q: 5 goods 5 bads; R: 1 good 4 bads (rates 0.2, 0.5, 0.8); one missing good
  const levels = ['Q', 'P', 'R'];
  const codes = Int32Array.from([...Array(10).fill(0), ...Array(10).fill(1), ...Array(5).fill(2), -1]);
  const bad = [...[0, 0, 0, 0, 0, 1, 1, 1, 1, 1], ...[0, 0, 0, 0, 0, 0, 0, 0, 1, 1], ...[0, 1, 1, 1, 1], 0];
  const rows = Int32Array.from(codes, (_, i) => i);
  const fitted = fitCategoricalBinning('c', codes, levels, rows, bad, { minBinShare: 0, minGoods: 0, minBads: 0 });

  it('recounts the merged group and re-sorts by bad rate', () => {
    expect(fitted.groups.map((g) => g.levels)).toEqual([['P'], ['Q'], ['R']]);
    expect(fitted.unseenGroup).toBe(0); // P and Q tie at 10 rows: the first in bad-rate order
    const b = mergeCategoricalGroups(fitted, 2, 0, codes, levels, rows, bad);
    // P + R: 9 goods 6 bads (0.4) before Q (0.5); totals 15 goods, 11 bads
    expect(b.groups.map((g) => g.levels)).toEqual([['P', 'R'], ['Q']]);
    expect(b.groups[0].stats).toMatchObject({ goods: 9, bads: 6, count: 15 });
    expect(b.groups[0].stats.woe).toBeCloseTo(Math.log(9 / 15 / (6 / 11)), 12);
    expect(b.groups[1].stats.woe).toBeCloseTo(Math.log(5 / 15 / (5 / 11)), 12);
    expect(b.missing.woe).toBeCloseTo(Math.log(1.5 / 15 / (0.5 / 11)), 12);
    expect(b.unseenGroup).toBe(0); // P's group
  });

  it('moves the unseen group with its levels, and refuses bad indices', () => {
    const b = mergeCategoricalGroups(fitted, 1, 2, codes, levels, rows, bad);
    expect(b.groups.map((g) => g.levels)).toEqual([['P'], ['Q', 'R']]);
    expect(b.unseenGroup).toBe(0);
    const again = mergeCategoricalGroups(b, 0, 1, codes, levels, rows, bad);
    expect(again.groups).toHaveLength(1);
    expect(again.unseenGroup).toBe(0);
    expect(() => mergeCategoricalGroups(fitted, 1, 1, codes, levels, rows, bad)).toThrow(/cannot be merged/);
    expect(() => mergeCategoricalGroups(fitted, 0, 3, codes, levels, rows, bad)).toThrow(/cannot be merged/);
  });
});
