import { describe, expect, it } from 'vitest';
import { createRandom, shuffleInPlace } from './random';

function draw(seed: number, n: number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => random());
}

describe('createRandom', () => {
  it('is deterministic for a seed', () => {
    expect(draw(123, 50)).toEqual(draw(123, 50));
  });

  it('different seeds give different sequences', () => {
    expect(draw(1, 10)).not.toEqual(draw(2, 10));
  });

  it('stays in [0, 1) and is roughly uniform', () => {
    const values = draw(99, 10000);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    // mean of U(0,1) is 0.5, std of the mean over 10 000 draws ≈ 0.29 / 100 ≈ 0.003
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    // not stuck: many distinct values
    expect(new Set(values).size).toBeGreaterThan(9990);
  });

  it('matches the mulberry32 reference for seed 0', () => {
    // First output of mulberry32 with seed 0 (state = 0x6d2b79f5), computed independently with an
    // unsigned 32-bit Python port of the reference; pins the algorithm so saved seeds keep their splits.
    const first = createRandom(0)();
    expect(first).toBeCloseTo(0.26642920868471265, 15);
  });
});

describe('shuffleInPlace', () => {
  it('permutes the items and is reproducible for a seed', () => {
    const a = shuffleInPlace(
      Int32Array.from({ length: 20 }, (_, i) => i),
      createRandom(5),
    );
    const b = shuffleInPlace(
      Int32Array.from({ length: 20 }, (_, i) => i),
      createRandom(5),
    );
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(Array.from(a)).not.toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});
