// Pearson correlation of two WoE columns, used to drop near-duplicate characteristics: two columns
// that move together split one effect between two coefficients and make both unstable.

/**
 * Pearson's r of `a` and `b` (same length), in [−1, 1]; NaN when either column is constant or there
 * are fewer than two rows (no linear relation can be measured). Two passes (means first) so a large
 * common offset cannot cancel the sums.
 */
export function pearsonCorrelation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  if (b.length !== n) throw new RangeError(`Got columns of ${n} and ${b.length} rows.`);
  if (n < 2) return Number.NaN;
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < n; i++) {
    meanA += a[i];
    meanB += b[i];
  }
  meanA /= n;
  meanB /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - meanA;
    const db = b[i] - meanB;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (!(saa > 0 && sbb > 0)) return Number.NaN;
  // Rounding can push |r| a hair past 1 for identical columns.
  return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
}
