import { createRandom, shuffleInPlace } from './random';

/**
 * Stratified k-fold: the test-row indices (ascending) of each of `k` folds. Every row is in exactly
 * one fold; each class's count per fold, and each fold's size, differ by at most 1; same seed, same folds.
 * Labels must be 0 or 1. A class with fewer than k rows leaves some folds without it.
 */
export function stratifiedKFold(labels: ArrayLike<number>, k = 5, seed: number): Int32Array[] {
  const n = labels.length;
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`k must be an integer ≥ 2, got ${k}.`);
  if (k > n) throw new RangeError(`Cannot make ${k} folds from ${n} rows.`);
  const members: number[][] = [[], []];
  for (let i = 0; i < n; i++) {
    const label = labels[i];
    if (label !== 0 && label !== 1) throw new RangeError(`Labels must be 0 or 1; row ${i} has ${label}.`);
    members[label].push(i);
  }
  const random = createRandom(seed);
  const folds: number[][] = Array.from({ length: k }, () => []);
  // Deal each shuffled class round-robin, the second class carrying on from where the first stopped,
  // so per-class counts and fold sizes both stay within one of each other.
  let next = 0;
  for (const rows of members) {
    shuffleInPlace(rows, random);
    for (const row of rows) {
      folds[next].push(row);
      next = (next + 1) % k;
    }
  }
  return folds.map((rows) => Int32Array.from(rows).sort());
}

/** Training rows (ascending) for fold `fold`: every index of `folds` except that fold's test rows. */
export function kFoldTrainIndices(folds: readonly Int32Array[], fold: number): Int32Array {
  if (!Number.isInteger(fold) || fold < 0 || fold >= folds.length) throw new RangeError(`Fold must be 0 … ${folds.length - 1}, got ${fold}.`);
  let size = 0;
  for (let f = 0; f < folds.length; f++) if (f !== fold) size += folds[f].length;
  const train = new Int32Array(size);
  let at = 0;
  for (let f = 0; f < folds.length; f++) {
    if (f === fold) continue;
    train.set(folds[f], at);
    at += folds[f].length;
  }
  return train.sort();
}
