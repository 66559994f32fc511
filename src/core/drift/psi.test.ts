import { describe, expect, it } from 'vitest';
import { driftReading, populationStability, PSI_SHIFTED, PSI_SMOOTHING, PSI_WATCH, scoreBins, scoreDrift } from './psi';
import reference from './psiReference.json';

// psiReference.json: the same rule reimplemented with numpy 1.24 on seeded random tables, and score
// bins by np.quantile / np.unique / np.searchsorted(side='right') (psiReference.py).

describe('populationStability', () => {
  it('works out a 3-bin example by hand', () => {
    // Expected shares 0.5, 0.3, 0.2 of 100 rows: counts 50, 30, 20, smoothed 50.5, 30.5, 20.5 of 101.5.
    // Actual counts 40, 30, 30 (100 rows): smoothed 40.5, 30.5, 30.5 of 101.5.
    // Bin 1: (40.5 − 50.5)/101.5 · ln(40.5/50.5) = (10/101.5) · ln(50.5/40.5) = 0.098522 · 0.220671 = 0.021741
    // Bin 2: equal shares, 0.
    // Bin 3: (10/101.5) · ln(30.5/20.5) = 0.098522 · 0.397310 = 0.039143
    // PSI = (10/101.5) · ln(50.5 · 30.5 / (40.5 · 20.5)) = 0.060884
    const result = populationStability([0.5, 0.3, 0.2], 100, [40, 30, 30]);
    expect(result.psi).toBeCloseTo((10 / 101.5) * Math.log((50.5 * 30.5) / (40.5 * 20.5)), 14);
    expect(result.psi).toBeCloseTo(0.060884, 6);
    expect(result.reading).toBe('stable');
    expect(result.bins.map((b) => b.expectedShare)).toEqual([50.5 / 101.5, 30.5 / 101.5, 20.5 / 101.5]);
    expect(result.bins.map((b) => b.actualShare)).toEqual([40.5 / 101.5, 30.5 / 101.5, 30.5 / 101.5]);
    expect(result.bins[0].contribution).toBeCloseTo(0.021741, 6);
    expect(result.bins[1].contribution).toBe(0);
    expect(result.bins[2].contribution).toBeCloseTo(0.039143, 6);
  });

  it('is 0 for identical distributions', () => {
    expect(Math.abs(populationStability([0.25, 0.5, 0.125, 0.125], 8, [2, 4, 1, 1]).psi)).toBeLessThanOrEqual(1e-12);
    // Shares as a profile stores them (10/24 …) and the same counts: rounding of share · rows only.
    const same = populationStability([10 / 24, 8 / 24, 4 / 24, 2 / 24], 24, [10, 8, 4, 2]);
    expect(Math.abs(same.psi)).toBeLessThanOrEqual(1e-12);
    expect(same.reading).toBe('stable');
  });

  it('stays finite with an empty actual bin, and with an empty expected bin', () => {
    // Expected 5, 5 of 10 → 5.5, 5.5 of 11 (0.5, 0.5); actual 4, 0 → 4.5, 0.5 of 5 (0.9, 0.1).
    // PSI = 0.4 · ln(0.9/0.5) + (−0.4) · ln(0.1/0.5) = 0.4 · ln 9 = 0.878890
    const emptyActual = populationStability([0.5, 0.5], 10, [4, 0]);
    expect(emptyActual.psi).toBeCloseTo(0.4 * Math.log(9), 14);
    expect(emptyActual.bins[1].actualShare).toBeCloseTo(0.1, 15);
    expect(emptyActual.reading).toBe('shifted');
    // Expected 10, 0 → 10.5, 0.5 of 11; actual 0, 10 → 0.5, 10.5 of 11: PSI = 2 · (10/11) · ln 21.
    const emptyBoth = populationStability([1, 0], 10, [0, 10]);
    expect(Number.isFinite(emptyBoth.psi)).toBe(true);
    expect(emptyBoth.psi).toBeCloseTo(2 * (10 / 11) * Math.log(21), 13);
    expect(PSI_SMOOTHING).toBe(0.5);
  });

  it('is symmetric in the two sides when they have as many rows, and near it when not', () => {
    const first = [30, 50, 20];
    const second = [45, 35, 20];
    const forward = populationStability(
      first.map((c) => c / 100),
      100,
      second,
    ).psi;
    const backward = populationStability(
      second.map((c) => c / 100),
      100,
      first,
    ).psi;
    expect(forward).toBeGreaterThan(0.05);
    expect(Math.abs(forward - backward)).toBeLessThan(1e-12);
    // 1 000 reference rows against 100 batch rows: only the smoothing differs, slightly.
    const moreRows = populationStability(
      second.map((c) => c / 100),
      1000,
      first,
    ).psi;
    expect(Math.abs(moreRows - forward) / forward).toBeLessThan(0.05);
    // Every term is (a − e) · ln(a / e) ≥ 0.
    for (const bin of populationStability([0.1, 0.2, 0.7], 50, [30, 0, 2]).bins) expect(bin.contribution).toBeGreaterThanOrEqual(0);
  });

  it('matches a numpy reimplementation on seeded random tables (16, some with empty bins)', () => {
    expect(reference.psi.length).toBe(16);
    expect(reference.psi.some((c) => c.expectedShares.includes(0))).toBe(true);
    expect(reference.psi.some((c) => c.actualCounts.includes(0))).toBe(true);
    for (const c of reference.psi) {
      const result = populationStability(c.expectedShares, c.expectedRows, c.actualCounts);
      expect(Math.abs(result.psi - c.psi)).toBeLessThanOrEqual(1e-12 * Math.max(1, c.psi));
      result.bins.forEach((bin, b) => {
        expect(bin.expectedShare).toBeCloseTo(c.expectedSmoothed[b], 15);
        expect(bin.actualShare).toBeCloseTo(c.actualSmoothed[b], 15);
        expect(bin.contribution).toBeCloseTo(c.contributions[b], 14);
      });
    }
  });

  it('refuses mismatched bins and impossible counts', () => {
    expect(() => populationStability([0.5, 0.5], 10, [1, 2, 3])).toThrow(RangeError);
    expect(() => populationStability([], 10, [])).toThrow(RangeError);
    expect(() => populationStability([0.5, 0.5], 10, [1, -3])).toThrow(RangeError);
    expect(() => populationStability([0.5, 0.5], 10, [1, Number.NaN])).toThrow(RangeError);
    expect(() => populationStability([0.5, 0.5], Number.NaN, [1, 2])).toThrow(RangeError);
  });
});

describe('driftReading', () => {
  it('reads < 0.1 stable, 0.1 to 0.25 (both included) watch, above 0.25 shifted', () => {
    expect([PSI_WATCH, PSI_SHIFTED]).toEqual([0.1, 0.25]);
    expect(driftReading(0)).toBe('stable');
    expect(driftReading(0.0999999)).toBe('stable');
    expect(driftReading(0.1)).toBe('watch');
    expect(driftReading(0.25)).toBe('watch');
    expect(driftReading(0.2500001)).toBe('shifted');
    expect(driftReading(3)).toBe('shifted');
  });
});

describe('scoreBins and scoreDrift', () => {
  it('cuts ten scores into five equal-frequency bins by hand, a tied run going whole to the bin above its edge', () => {
    // Sorted: 0.1 ×4, 0.2 … 0.7. numpy's quantiles at 0.2, 0.4, 0.6, 0.8 sit at positions 1.8, 3.6, 5.4, 7.2:
    // 0.1 (between two 0.1s), 0.1 + 0.6 · 0.1 = 0.16, 0.3 + 0.4 · 0.1 = 0.34, 0.5 + 0.2 · 0.1 = 0.52.
    // Bins: below 0.1 none, [0.1, 0.16) the four 0.1s, then 0.2 0.3 | 0.4 0.5 | 0.6 0.7.
    const bins = scoreBins([0.3, 0.1, 0.7, 0.1, 0.5, 0.2, 0.1, 0.6, 0.4, 0.1], 5);
    expect(bins.rows).toBe(10);
    expect(bins.edges).toHaveLength(4);
    [0.1, 0.16, 0.34, 0.52].forEach((edge, b) => expect(bins.edges[b]).toBeCloseTo(edge, 15));
    expect(bins.shares).toEqual([0, 0.4, 0.2, 0.2, 0.2]);
  });

  it('merges equal quantiles: one score repeated gives one edge and every row above it', () => {
    expect(scoreBins([0.3, 0.3, 0.3, 0.3, 0.3])).toEqual({ edges: [0.3], shares: [0, 1], rows: 5 });
  });

  it('bins a batch score equal to an edge into the bin above, and reads the same scores as PSI 0', () => {
    const bins = scoreBins(Array.from({ length: 100 }, (_, i) => i / 100));
    expect(bins.shares).toEqual(new Array(10).fill(0.1));
    const onEdge = scoreDrift(bins, [bins.edges[3]]);
    // The one batch row is in bin 4: its smoothed share there is 1.5 / 6, elsewhere 0.5 / 6.
    expect(onEdge.bins.map((b) => b.actualShare * 6)).toEqual([0.5, 0.5, 0.5, 0.5, 1.5, 0.5, 0.5, 0.5, 0.5, 0.5].map((v) => expect.closeTo(v, 12)));
    expect(
      Math.abs(
        scoreDrift(
          bins,
          Array.from({ length: 100 }, (_, i) => i / 100),
        ).psi,
      ),
    ).toBeLessThanOrEqual(1e-12);
  });

  it('matches numpy on continuous, tied and lumped scores: edges, counts and PSI', () => {
    for (const c of reference.scores) {
      const bins = scoreBins(c.reference, c.bins);
      expect(bins.edges, c.name).toEqual(c.edges);
      expect(bins.shares, c.name).toEqual(c.counts.map((count) => count / c.reference.length));
      const drift = scoreDrift(bins, c.actual);
      expect(Math.abs(drift.psi - c.psi), c.name).toBeLessThanOrEqual(1e-12);
      expect(drift.bins.map((b) => b.actualShare)).toEqual(
        c.actualCounts.map((count) => (count + 0.5) / (c.actual.length + 0.5 * c.actualCounts.length)).map((v) => expect.closeTo(v, 14)),
      );
    }
  });

  it('refuses no scores, a NaN score and a bin count below 1', () => {
    expect(() => scoreBins([])).toThrow(RangeError);
    expect(() => scoreBins([0.1, Number.NaN])).toThrow(RangeError);
    expect(() => scoreBins([0.1, 0.2], 0)).toThrow(RangeError);
    expect(() => scoreDrift(scoreBins([0.1, 0.2]), [Number.NaN])).toThrow(RangeError);
  });
});
