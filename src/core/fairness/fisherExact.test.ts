import { describe, expect, it } from 'vitest';
import { FISHER_RELATIVE_TOLERANCE, fisherExactTwoSided, hypergeometricLogPmf, stirlingError } from './fisherExact';
import reference from './fisherReference.json';

// fisherReference.json: scipy 1.10.1's fisher_exact p-values, the exact ones (integer fractions, or
// 60-digit logarithms above 20 000 rows) of 18 chosen and 40 seeded random tables, 60-digit log pmfs
// and Stirling errors (fisherReference.py).

function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

describe('fisherExactTwoSided', () => {
  it('matches scipy 1.10.1 on every reference table to 1e-6 relative, and the exact value to 1e-12', () => {
    expect(reference.scipy).toBe('1.10.1');
    expect(reference.tables.length).toBeGreaterThanOrEqual(10);
    let worstScipy = 0;
    let worstExact = 0;
    for (const { name, table, scipy, exact } of reference.tables) {
      const [[a, b], [c, d]] = table;
      const p = fisherExactTwoSided(a, b, c, d);
      expect(relativeError(p, scipy), name).toBeLessThanOrEqual(1e-6);
      expect(relativeError(p, exact), name).toBeLessThanOrEqual(1e-12);
      worstScipy = Math.max(worstScipy, relativeError(p, scipy));
      worstExact = Math.max(worstExact, relativeError(p, exact));
    }
    console.log(
      `fisherExactTwoSided, ${reference.tables.length} tables: worst relative error ${worstScipy.toExponential(2)} against scipy, ${worstExact.toExponential(2)} against exact`,
    );
  });

  it('works out a small table by hand: [[3, 1], [1, 3]] sums C(4,x)·C(4,4−x)/70 over x = 0, 1, 3, 4', () => {
    // Margins 4, 4 / 4, 4: probabilities 1, 16, 36, 16, 1 (/70). The observed x = 3 (16/70) ties x = 1,
    // so both count, with the tails: (1 + 16 + 16 + 1) / 70.
    expect(fisherExactTwoSided(3, 1, 1, 3)).toBeCloseTo(34 / 70, 14);
    // Transposing or swapping rows changes nothing.
    expect(fisherExactTwoSided(3, 1, 1, 3)).toBeCloseTo(fisherExactTwoSided(1, 3, 3, 1), 14);
    expect(fisherExactTwoSided(1, 9, 11, 3)).toBeCloseTo(fisherExactTwoSided(1, 11, 9, 3), 14);
  });

  it('is 1 when a margin is 0 and when the observed table is the most probable one', () => {
    expect(fisherExactTwoSided(0, 0, 0, 0)).toBe(1);
    expect(fisherExactTwoSided(0, 0, 4, 2)).toBe(1);
    expect(fisherExactTwoSided(3, 0, 5, 0)).toBe(1);
    expect(fisherExactTwoSided(20, 30, 40, 60)).toBe(1);
  });

  it('keeps a p-value near 1e-179 (log space: no underflow of the terms relative to the observed table)', () => {
    // [[300, 0], [0, 300]]: only the two extreme tables, each 1 / C(600, 300).
    const p = fisherExactTwoSided(300, 0, 0, 300);
    expect(p).toBeGreaterThan(1e-180);
    expect(relativeError(p, reference.tables.find((t) => t.name === 'p near 1e-179')?.exact ?? Number.NaN)).toBeLessThan(1e-9);
  });

  it('counts the mirror table of a symmetric million-row table (equal probability up to rounding: the tolerance)', () => {
    // Margins 1e6 each: x = 500 800 and x = 499 200 are equally probable, so p is twice one tail.
    // Missing the mirror would halve p.
    const p = fisherExactTwoSided(500_800, 499_200, 499_200, 500_800);
    const exact = reference.tables.find((t) => t.name === 'a million, ties')?.exact ?? Number.NaN;
    expect(relativeError(p, exact)).toBeLessThan(1e-9);
    expect(FISHER_RELATIVE_TOLERANCE).toBe(1e-7);
  });

  it('refuses cells that are not non-negative integers', () => {
    expect(() => fisherExactTwoSided(-1, 2, 3, 4)).toThrow(RangeError);
    expect(() => fisherExactTwoSided(1.5, 2, 3, 4)).toThrow(RangeError);
    expect(() => fisherExactTwoSided(1, 2, Number.NaN, 4)).toThrow(RangeError);
  });

  it('prints how long a million-row table takes', () => {
    const started = performance.now();
    fisherExactTwoSided(600_000, 400_000, 599_000, 401_000);
    console.log(`fisherExactTwoSided, 2e6 rows: ${(performance.now() - started).toFixed(2)} ms`);
  });
});

describe('hypergeometricLogPmf', () => {
  it('matches the 60-digit log pmf to 1e-12 absolute, also at a million items (scipy 1.10.1 is off by up to 4e-10 there)', () => {
    for (const { x, marked, unmarked, draws, exact } of reference.logPmf)
      expect(Math.abs(hypergeometricLogPmf(x, marked, unmarked, draws) - exact), `${x} ${marked} ${unmarked} ${draws}`).toBeLessThan(1e-12);
  });

  it('is ln(16/70) for 3 of 4 draws from 4 marked and 4 unmarked, and −Infinity outside the support', () => {
    expect(hypergeometricLogPmf(3, 4, 4, 4)).toBeCloseTo(Math.log(16 / 70), 14);
    expect(hypergeometricLogPmf(5, 4, 4, 4)).toBe(Number.NEGATIVE_INFINITY);
    // Drawing 6 of 4 + 4 leaves at most 4 unmarked: at least 2 marked.
    expect(hypergeometricLogPmf(1, 4, 4, 6)).toBe(Number.NEGATIVE_INFINITY);
    expect(hypergeometricLogPmf(2, 4, 4, 6)).toBeCloseTo(Math.log(6 / 28), 14);
  });
});

describe('stirlingError', () => {
  it('matches ln(n!) − (n ln n − n + ½ ln 2πn) at 60 digits to 2e-16 absolute, across the table and every series cut', () => {
    // Absolute, as it enters a log pmf: each cut drops terms below 1.1e-16 (1.5e-13 relative at n = 501).
    for (const { n, value } of reference.stirlingError) expect(Math.abs(stirlingError(n) - value), `n = ${n}`).toBeLessThan(2e-16);
    // And the table is exact to the double: no error at all at n ≤ 15.
    for (const { n, value } of reference.stirlingError.filter((s) => s.n <= 15)) expect(stirlingError(n)).toBe(value);
  });
});
