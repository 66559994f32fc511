/** A user's edits of a fitted binning: stats are recounted from the same training rows, with no constraint merging. */
import { buildCategoricalBinning, countLevels, type GroupCounts } from './categoricalBins';
import { buildNumericBinning, countNumeric, observedTrend } from './numericBins';
import type { CategoricalBinning, NumericBinning } from './types';

/**
 * `b` cut at exactly `edges` (finite, strictly ascending), with stats recounted from `values` at
 * `rows` (bad[i] is rows[i]'s label); the trend is the direction the bad rates now take, or 'none'.
 */
export function rebinNumeric(b: NumericBinning, edges: readonly number[], values: ArrayLike<number>, rows: Int32Array, bad: ArrayLike<number>): NumericBinning {
  for (let i = 0; i < edges.length; i++) {
    if (!Number.isFinite(edges[i])) throw new Error(`Cut point ${edges[i]} of "${b.column}" is not a finite number.`);
    if (i > 0 && !(edges[i] > edges[i - 1])) throw new Error(`Cut points of "${b.column}" must be strictly ascending: ${edges[i]} follows ${edges[i - 1]}.`);
  }
  const built = buildNumericBinning(b.column, edges, countNumeric(edges, values, rows, bad), 'none');
  return { ...built, trend: observedTrend(built.bins) };
}

/** `b` with bins `index` and `index + 1` merged (edge `index` removed), stats recounted. */
export function mergeNumericBins(b: NumericBinning, index: number, values: ArrayLike<number>, rows: Int32Array, bad: ArrayLike<number>): NumericBinning {
  if (!Number.isInteger(index) || index < 0 || index >= b.edges.length)
    throw new Error(`Bins ${index} and ${index + 1} of "${b.column}" cannot be merged: it has ${b.bins.length} bins.`);
  return rebinNumeric(
    b,
    b.edges.filter((_, i) => i !== index),
    values,
    rows,
    bad,
  );
}

/** `b` with a new edge at `at` (any finite value, even outside the data), stats recounted; throws when `at` is already an edge. */
export function splitNumericBin(b: NumericBinning, at: number, values: ArrayLike<number>, rows: Int32Array, bad: ArrayLike<number>): NumericBinning {
  if (!Number.isFinite(at)) throw new Error(`"${b.column}" cannot be split at ${at}: not a finite number.`);
  if (b.edges.includes(at)) throw new Error(`"${b.column}" already has a cut point at ${at}.`);
  return rebinNumeric(
    b,
    [...b.edges, at].sort((x, y) => x - y),
    values,
    rows,
    bad,
  );
}

/**
 * `b` with groups `i` and `j` made one, stats recounted from `codes` (indices into `levels`) at `rows`
 * and the groups re-sorted by bad rate. Rows of a level in no group count in the unseen group, as they
 * would be scored.
 */
export function mergeCategoricalGroups(
  b: CategoricalBinning,
  i: number,
  j: number,
  codes: Int32Array,
  levels: readonly string[],
  rows: Int32Array,
  bad: ArrayLike<number>,
): CategoricalBinning {
  const n = b.groups.length;
  const valid = (k: number) => Number.isInteger(k) && k >= 0 && k < n;
  if (!valid(i) || !valid(j) || i === j) throw new Error(`Groups ${i} and ${j} of "${b.column}" cannot be merged: it has ${n} groups.`);
  const [keep, drop] = i < j ? [i, j] : [j, i];
  const merged = b.groups.filter((_, k) => k !== drop).map((g, k) => (k === keep ? [...g.levels, ...b.groups[drop].levels] : g.levels));
  const unseen = b.unseenGroup === drop ? keep : b.unseenGroup > drop ? b.unseenGroup - 1 : b.unseenGroup;

  const groupOf = new Map(merged.flatMap((names, g) => names.map((level) => [level, g] as const)));
  const counts = countLevels(codes, levels.length, rows, bad);
  const goods = new Float64Array(merged.length);
  const bads = new Float64Array(merged.length);
  for (let code = 0; code < levels.length; code++) {
    const g = groupOf.get(levels[code]) ?? unseen;
    goods[g] += counts.goods[code];
    bads[g] += counts.bads[code];
  }
  const groups = merged.map((names, g): GroupCounts => ({ levels: names, goods: goods[g], bads: bads[g] }));
  return buildCategoricalBinning(b.column, groups, counts.missingGoods, counts.missingBads, unseen);
}
