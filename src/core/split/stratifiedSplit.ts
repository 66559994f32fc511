import { createRandom, shuffleInPlace } from './random';

/** Row indices of the two sides of a split. */
export interface Split {
  readonly train: Int32Array;
  readonly test: Int32Array;
}

/**
 * Splits rows so each side keeps the class balance of `labels` (0/1), reproducibly for a seed.
 * Each class sends round(count × testFraction) rows to test, at least one and never all of them.
 */
export function stratifiedSplit(labels: ArrayLike<number>, testFraction: number, seed: number): Split {
  if (!(testFraction > 0 && testFraction < 1)) throw new Error('testFraction must be between 0 and 1.');
  const random = createRandom(seed);
  const train: number[] = [];
  const test: number[] = [];
  for (const cls of [0, 1]) {
    const members: number[] = [];
    for (let i = 0; i < labels.length; i++) if (labels[i] === cls) members.push(i);
    shuffleInPlace(members, random);
    const wanted = Math.round(members.length * testFraction);
    const testCount = members.length < 2 ? 0 : Math.min(members.length - 1, Math.max(1, wanted));
    // Plain loops: spreading a million indices into push() overflows the (worker's) stack.
    for (let i = 0; i < testCount; i++) test.push(members[i]);
    for (let i = testCount; i < members.length; i++) train.push(members[i]);
  }
  // Interleave the classes so mini-batches and any tail-based validation see both.
  return {
    train: shuffleInPlace(Int32Array.from(train), random),
    test: Int32Array.from(test).sort(),
  };
}
