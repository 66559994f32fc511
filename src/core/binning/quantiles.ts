/** Fine classing: cut points of a numeric characteristic at quantiles of its present values. */

/**
 * The q = k / parts quantile of ascending `sorted` values by numpy's method='higher':
 * sorted[ceil((n − 1) · k / parts)], always a value of the data. The index is computed in integers,
 * so it is exact where numpy's (n − 1) · q can round up past a whole number.
 */
export function quantileHigher(sorted: ArrayLike<number>, k: number, parts: number): number {
  return sorted[Math.ceil(((sorted.length - 1) * k) / parts)];
}

/**
 * Interior cut points for about `fineClasses` classes of equal size: the distinct quantileHigher values
 * at k / fineClasses (k = 1 … fineClasses − 1), less any equal to the smallest value. A value equal to
 * a cut point goes to the class above, so each cut point starts a class with at least that value, and
 * the lowest class holds the smallest value: no class is empty. Few distinct values, or heavy ties,
 * give fewer classes. `sorted` must be ascending without NaN.
 */
export function fineClassEdges(sorted: ArrayLike<number>, fineClasses: number): number[] {
  const edges: number[] = [];
  if (sorted.length === 0) return edges;
  let previous = sorted[0];
  for (let k = 1; k < fineClasses; k++) {
    const cut = quantileHigher(sorted, k, fineClasses);
    if (cut > previous) {
      edges.push(cut);
      previous = cut;
    }
  }
  return edges;
}
