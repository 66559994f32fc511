import { describe, expect, it } from 'vitest';
import { countClass, labelsOf } from './testLabels';
import { kFoldTrainIndices, stratifiedKFold } from './kfold';

const ascending = (a: number, b: number) => a - b;

describe('stratifiedKFold', () => {
  it.each([
    // [negatives, positives, k, per-fold negatives (sorted), per-fold positives (sorted)]
    [80, 20, 5, [16, 16, 16, 16, 16], [4, 4, 4, 4, 4]], //  both divide evenly
    [7, 3, 3, [2, 2, 3], [1, 1, 1]], //                     7 = 3 + 2 + 2
    [700, 300, 10, Array(10).fill(70), Array(10).fill(30)],
    [11, 4, 5, [2, 2, 2, 2, 3], [0, 1, 1, 1, 1]], //        4 positives in 5 folds: one fold has none
    [3, 3, 2, [1, 2], [1, 2]],
  ])('%d negatives / %d positives in %d folds', (neg, pos, k, foldNegatives, foldPositives) => {
    const y = labelsOf(neg, pos);
    const folds = stratifiedKFold(y, k, 42);
    expect(folds).toHaveLength(k);
    expect(folds.map((f) => countClass(y, f, 0)).sort(ascending)).toEqual(foldNegatives);
    expect(folds.map((f) => countClass(y, f, 1)).sort(ascending)).toEqual(foldPositives);
    // fold sizes differ by at most 1 overall, too
    const sizes = folds.map((f) => f.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('puts every row in exactly one fold, each fold ascending', () => {
    const y = Uint8Array.from({ length: 103 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const folds = stratifiedKFold(y, 5, 7);
    const all = folds.flatMap((f) => Array.from(f));
    expect(all).toHaveLength(103);
    expect([...all].sort(ascending)).toEqual(Array.from({ length: 103 }, (_, i) => i));
    for (const f of folds) expect(Array.from(f)).toEqual(Array.from(f).sort(ascending));
  });

  it('defaults to 5 folds', () => {
    expect(stratifiedKFold(labelsOf(20, 10), undefined, 1)).toHaveLength(5);
  });

  it('is reproducible for a seed and differs between seeds', () => {
    const y = labelsOf(60, 40);
    const a = stratifiedKFold(y, 4, 9).map((f) => Array.from(f));
    const b = stratifiedKFold(y, 4, 9).map((f) => Array.from(f));
    const c = stratifiedKFold(y, 4, 10).map((f) => Array.from(f));
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
    // shuffled, not contiguous blocks of the input
    expect(a[0]).not.toEqual(Array.from({ length: 15 }, (_, i) => i));
  });

  it.each([
    ['k = 1', [0, 1, 0, 1], 1, /k must/],
    ['k not an integer', [0, 1, 0, 1], 2.5, /k must/],
    ['more folds than rows', [0, 1, 0], 4, /3 rows/],
    ['a label that is not 0 or 1', [0, 1, 2, 1], 2, /row 2/],
  ])('throws for %s', (_label, labels, k, message) => {
    expect(() => stratifiedKFold(labels, k, 1)).toThrow(message);
  });
});

describe('kFoldTrainIndices', () => {
  it('is every row outside the fold, ascending', () => {
    const y = labelsOf(12, 6);
    const folds = stratifiedKFold(y, 3, 5);
    for (let f = 0; f < 3; f++) {
      const train = kFoldTrainIndices(folds, f);
      const test = new Set(folds[f]);
      expect(train.length + folds[f].length).toBe(18);
      expect(Array.from(train).every((r) => !test.has(r))).toBe(true);
      expect(Array.from(train)).toEqual(Array.from(train).sort(ascending));
    }
    expect(() => kFoldTrainIndices(folds, 3)).toThrow(/Fold/);
  });
});
