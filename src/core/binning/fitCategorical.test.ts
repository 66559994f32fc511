import { describe, expect, it } from 'vitest';
import { categoricalBinIndex } from './apply';
import { fitCategoricalBinning } from './fitCategorical';

/** Codes, levels, rows and labels from [level | null, goods, bads] counts; the column lists `extraLevels` with no rows. */
function column(counts: [string | null, number, number][], extraLevels: string[] = []) {
  const levels = [...counts.map(([l]) => l).filter((l): l is string => l !== null), ...extraLevels];
  const codes: number[] = [];
  const bad: number[] = [];
  for (const [level, goods, bads] of counts) {
    const code = level === null ? -1 : levels.indexOf(level);
    for (let i = 0; i < goods + bads; i++) {
      codes.push(code);
      bad.push(i < goods ? 0 : 1);
    }
  }
  return { codes: Int32Array.from(codes), levels, rows: Int32Array.from(codes, (_, i) => i), bad };
}

// 100 fitted rows: D, E, F have fewer than 5 (5%) and pool into "other" (6 goods, 3 bads, rate 1/3).
// Bad rates: A 0.10, B 0.20, C 5/17 = 0.294, other 0.333. G is in the dictionary but has no rows.
const LOANS = column(
  [
    ['A', 36, 4],
    ['B', 24, 6],
    ['C', 12, 5],
    ['D', 2, 2],
    ['E', 3, 0],
    ['F', 1, 1],
    [null, 3, 1],
  ],
  ['G'],
);

describe('fitCategoricalBinning', () => {
  it('pools rare levels into "other" and orders groups by bad rate', () => {
    const { codes, levels, rows, bad } = LOANS;
    const b = fitCategoricalBinning('purpose', codes, levels, rows, bad);
    expect(b.groups.map((g) => g.levels)).toEqual([['A'], ['B'], ['C'], ['D', 'E', 'F']]);
    expect(b.groups.map((g) => [g.stats.goods, g.stats.bads])).toEqual([
      [36, 4],
      [24, 6],
      [12, 5],
      [6, 3],
    ]);
    expect(b.unseenGroup).toBe(3);
    // numpy, totals 81 goods / 19 bads: w = np.log((g / 81) / (b / 19)) for g = [36, 24, 12, 6, 3], b = [4, 6, 5, 3, 1]
    expect([...b.groups.map((g) => g.stats.woe), b.missing.woe]).toEqual(
      [0.7472144018302211, -0.06371581438610774, -0.5745414381520983, -0.756862994946053, -0.3513978868378886].map((w) => expect.closeTo(w, 12)),
    );
    expect(b.iv).toBeCloseTo(0.31102753039345965, 12);
    expect(b.missing).toMatchObject({ count: 4, share: 0.04 });
  });

  it('routes missing, unseen, rare and row-less levels', () => {
    const { codes, levels, rows, bad } = LOANS;
    const b = fitCategoricalBinning('purpose', codes, levels, rows, bad);
    expect(categoricalBinIndex(b, 'A')).toBe(0);
    expect(categoricalBinIndex(b, 'E')).toBe(3); // rare → other
    expect(categoricalBinIndex(b, 'G')).toBe(3); // in the dictionary, never in the fitted rows → unseen → other
    expect(categoricalBinIndex(b, 'never seen')).toBe(3);
    expect(categoricalBinIndex(b, null)).toBe(-1);
  });

  it('merges the adjacent pair that loses the least IV down to maxBins', () => {
    // numpy, iv() as in fitNumeric.test.ts with G = 81, B = 19, missing bin [3], [1] included:
    //   A+B iv([60,12,6],[10,5,3]) + iv([3],[1]) = 0.2083; B+C iv([36,36,6],[4,11,3]) + … = 0.2793;
    //   C+other iv([36,24,18],[4,6,8]) + … = 0.30857743724315206 → merge C and other
    const { codes, levels, rows, bad } = LOANS;
    const b = fitCategoricalBinning('purpose', codes, levels, rows, bad, { maxBins: 3 });
    expect(b.groups.map((g) => g.levels)).toEqual([['A'], ['B'], ['C', 'D', 'E', 'F']]);
    expect(b.iv).toBeCloseTo(0.30857743724315206, 12);
    expect(b.unseenGroup).toBe(2); // follows the "other" levels into the merged group
  });

  it('merges groups without a bad, then small groups, and keeps them sorted', () => {
    // X: 30 goods 0 bads (needs a bad); Y: 50 rows rate 0.2; Z: 20 rows rate 0.5
    const { codes, levels, rows, bad } = column([
      ['Y', 40, 10],
      ['X', 30, 0],
      ['Z', 10, 10],
    ]);
    const b = fitCategoricalBinning('c', codes, levels, rows, bad);
    expect(b.groups.map((g) => g.levels)).toEqual([['X', 'Y'], ['Z']]);
    expect(b.groups.map((g) => g.stats.badRate)).toEqual([10 / 80, 0.5]);
    // no rare level: unseen levels go to the largest group
    expect(b.unseenGroup).toBe(0);
    const loose = fitCategoricalBinning('c', codes, levels, rows, bad, { minBads: 0 });
    expect(loose.groups.map((g) => g.levels)).toEqual([['X'], ['Y'], ['Z']]);
    expect(loose.unseenGroup).toBe(1); // Y, 50 rows, though not the lowest bad rate
  });

  it('pools every level when all are rare, and copes with no present level', () => {
    const many = column(Array.from({ length: 40 }, (_, i): [string, number, number] => [`L${i}`, 2, i % 2]));
    const b = fitCategoricalBinning('c', many.codes, many.levels, many.rows, many.bad);
    expect(b.groups).toHaveLength(1);
    expect(b.groups[0].levels).toHaveLength(40);
    expect(b.unseenGroup).toBe(0);
    const none = column([[null, 3, 2]], ['A']);
    const empty = fitCategoricalBinning('c', none.codes, none.levels, none.rows, none.bad);
    expect(empty.groups).toEqual([{ levels: [], stats: expect.objectContaining({ count: 0, woe: 0 }) }]);
    expect(categoricalBinIndex(empty, 'A')).toBe(0);
    expect(empty.missing.count).toBe(5);
  });
});
