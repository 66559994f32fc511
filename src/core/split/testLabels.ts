/** Label helpers for split tests. */

/** `negatives` zeros followed by `positives` ones. */
export function labelsOf(negatives: number, positives: number): Uint8Array {
  const labels = new Uint8Array(negatives + positives);
  labels.fill(1, negatives);
  return labels;
}

/** How many of `rows` have label `cls`. */
export function countClass(labels: ArrayLike<number>, rows: Int32Array, cls: number): number {
  let n = 0;
  for (const r of rows) if (labels[r] === cls) n++;
  return n;
}
