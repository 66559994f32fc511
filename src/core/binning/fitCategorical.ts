/** Fitting a categorical characteristic's groups: rare levels pooled into "other", then constrained merging. */
import { buildCategoricalBinning, countLevels, rateOf, type GroupCounts } from './categoricalBins';
import { mergeAdjacentClasses } from './merge';
import { resolveBinningOptions } from './options';
import type { BinningOptions, CategoricalBinning } from './types';

/**
 * Groups the levels of `codes` (indices into `levels`, −1 = missing) fitted on table rows `rows` with
 * labels `bad` (bad[i] is rows[i]'s label, 1 = bad). Levels with fewer rows than minBinShare of the
 * fitted rows are pooled into one "other" group; the groups, sorted by bad rate, are then merged with
 * their neighbours until each meets minBinShare, minGoods, minBads and there are at most maxBins
 * (see mergeAdjacentClasses; `monotone` does not apply, the order is by bad rate already). Levels
 * without fitted rows belong to no group and are scored like unseen ones: with the "other" group when
 * there is one, else with the largest group.
 */
export function fitCategoricalBinning(
  column: string,
  codes: Int32Array,
  levels: readonly string[],
  rows: Int32Array,
  bad: ArrayLike<number>,
  options: Partial<BinningOptions> = {},
): CategoricalBinning {
  const { minBinShare, minGoods, minBads, maxBins } = resolveBinningOptions(options);
  const counts = countLevels(codes, levels.length, rows, bad);
  let totalGoods = counts.missingGoods;
  let totalBads = counts.missingBads;
  for (let code = 0; code < levels.length; code++) {
    totalGoods += counts.goods[code];
    totalBads += counts.bads[code];
  }
  const totals = { goods: totalGoods, bads: totalBads, rows: totalGoods + totalBads };
  // Rounded up, with a little slack so 0.05 × 100 (= 5.000000000000001 in doubles) still asks for 5.
  const minCount = Math.ceil(minBinShare * totals.rows - 1e-9);

  const classes: GroupCounts[] = [];
  const rare: string[] = [];
  let rareGoods = 0;
  let rareBads = 0;
  for (let code = 0; code < levels.length; code++) {
    const count = counts.goods[code] + counts.bads[code];
    if (count === 0) continue;
    if (count >= minCount) classes.push({ levels: [levels[code]], goods: counts.goods[code], bads: counts.bads[code] });
    else {
      rare.push(levels[code]);
      rareGoods += counts.goods[code];
      rareBads += counts.bads[code];
    }
  }
  const other: GroupCounts | null = rare.length > 0 ? { levels: rare, goods: rareGoods, bads: rareBads } : null;
  if (other) classes.push(other);
  // Stable sort: equal bad rates keep the levels' dictionary order, so the fit is deterministic.
  classes.sort((a, b) => rateOf(a) - rateOf(b));

  const starts = mergeAdjacentClasses(
    classes.map((c) => c.goods),
    classes.map((c) => c.bads),
    totals,
    { minCount, minGoods, minBads, maxBins, direction: 'none' },
  );
  const groups = starts.map((start, s): GroupCounts => {
    const members = classes.slice(start, s + 1 < starts.length ? starts[s + 1] : classes.length);
    return { levels: members.flatMap((c) => c.levels), goods: members.reduce((t, c) => t + c.goods, 0), bads: members.reduce((t, c) => t + c.bads, 0) };
  });
  // With no present level at all, one empty group (WoE 0) still gives unseen levels a place.
  if (groups.length === 0) groups.push({ levels: [], goods: 0, bads: 0 });
  const unseenGroup = other ? groups.findIndex((g) => g.levels.includes(rare[0])) : largestGroup(groups);
  return buildCategoricalBinning(column, groups, counts.missingGoods, counts.missingBads, unseenGroup);
}

/** Index of the group with the most rows (the first of equals); 0 when there are none. */
function largestGroup(groups: readonly GroupCounts[]): number {
  let best = 0;
  for (let i = 1; i < groups.length; i++) if (groups[i].goods + groups[i].bads > groups[best].goods + groups[best].bads) best = i;
  return best;
}
