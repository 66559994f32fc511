/** Counting a categorical characteristic's rows into groups of levels, and the CategoricalBinning they make. */
import { MISSING_CODE } from '../table';
import { assertLabels } from './numericBins';
import { binStats, sumIv } from './stats';
import type { CategoricalBinning } from './types';

/** Goods and bads per level code (codes index the column's levels), and of the missing cells. */
export interface LevelCounts {
  readonly goods: Float64Array;
  readonly bads: Float64Array;
  readonly missingGoods: number;
  readonly missingBads: number;
}

/** Goods and bads of `rows` (label bad[i] for rows[i]) per level of a column with `levelCount` levels. */
export function countLevels(codes: Int32Array, levelCount: number, rows: Int32Array, bad: ArrayLike<number>): LevelCounts {
  assertLabels(rows, bad);
  const goods = new Float64Array(levelCount);
  const bads = new Float64Array(levelCount);
  let missingGoods = 0;
  let missingBads = 0;
  for (let i = 0; i < rows.length; i++) {
    const code = codes[rows[i]];
    const isBad = bad[i] === 1;
    if (code === MISSING_CODE) {
      if (isBad) missingBads++;
      else missingGoods++;
    } else if (isBad) bads[code]++;
    else goods[code]++;
  }
  return { goods, bads, missingGoods, missingBads };
}

/** One group of levels with its counts, before evidence is computed. */
export interface GroupCounts {
  readonly levels: readonly string[];
  readonly goods: number;
  readonly bads: number;
}

/**
 * The CategoricalBinning of the given groups (any order), sorted by bad rate, lowest first (ties keep
 * their order). `unseenGroup` indexes `groups` as given and is moved with its group.
 */
export function buildCategoricalBinning(column: string, groups: readonly GroupCounts[], missingGoods: number, missingBads: number, unseenGroup: number): CategoricalBinning {
  let totalGoods = missingGoods;
  let totalBads = missingBads;
  for (const g of groups) {
    totalGoods += g.goods;
    totalBads += g.bads;
  }
  const totalRows = totalGoods + totalBads;
  const order = groups.map((_, i) => i).sort((a, b) => rateOf(groups[a]) - rateOf(groups[b]));
  const sorted = order.map((i) => ({ levels: [...groups[i].levels], stats: binStats(groups[i].goods, groups[i].bads, totalGoods, totalBads, totalRows) }));
  const missing = binStats(missingGoods, missingBads, totalGoods, totalBads, totalRows);
  return { kind: 'categorical', column, groups: sorted, unseenGroup: order.indexOf(unseenGroup), missing, iv: sumIv(sorted.map((g) => g.stats)) + missing.iv };
}

/** A group's bad rate; an empty group (possible after an edit on other data) counts as 0. */
export function rateOf(group: { readonly goods: number; readonly bads: number }): number {
  const count = group.goods + group.bads;
  return count > 0 ? group.bads / count : 0;
}
