import { describe, expect, it } from 'vitest';
import { binStats } from './stats';
import { binLabel } from './label';
import type { CategoricalBinning, NumericBinning } from './types';

const EMPTY = binStats(0, 0, 1, 1, 2);

function numeric(edges: number[]): NumericBinning {
  return { kind: 'numeric', column: 'age', edges, bins: [...edges, 0].map(() => EMPTY), missing: EMPTY, trend: 'none', iv: 0 };
}

function categorical(groups: string[][]): CategoricalBinning {
  return { kind: 'categorical', column: 'purpose', groups: groups.map((levels) => ({ levels, stats: EMPTY })), unseenGroup: 0, missing: EMPTY, iv: 0 };
}

describe('binLabel', () => {
  it('names numeric ranges with the edge in the bin above', () => {
    const b = numeric([25, 40]);
    expect([0, 1, 2, -1].map((i) => binLabel(b, i))).toEqual(['< 25', '25 to < 40', '≥ 40', 'Missing']);
    expect(binLabel(numeric([]), 0)).toBe('All values');
  });

  it('writes whole numbers exactly and others to 6 significant digits', () => {
    expect(binLabel(numeric([1234567]), 0)).toBe('< 1234567');
    expect(binLabel(numeric([0.1 + 0.2]), 1)).toBe('≥ 0.3');
    expect(binLabel(numeric([-2.5]), 0)).toBe('< -2.5');
  });

  it('joins levels, shortening long lists', () => {
    expect(binLabel(categorical([['RENT', 'OWN']]), 0)).toBe('RENT, OWN');
    expect(binLabel(categorical([['a', 'b', 'c', 'd', 'e', 'f', 'g']]), 0)).toBe('a, b, c and 4 more');
    const long = 'x'.repeat(50);
    expect(binLabel(categorical([[long, 'y'.repeat(30), 'z']]), 0)).toBe(`${long} and 2 more`);
    expect(binLabel(categorical([['a']]), -1)).toBe('Missing');
    expect(() => binLabel(categorical([['a']]), 1)).toThrow(RangeError);
  });
});
