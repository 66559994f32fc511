import { describe, expect, it } from 'vitest';
import { binStats, ivStrength, sumIv } from './stats';

describe('binStats', () => {
  it('matches a table worked by hand', () => {
    // 100 goods, 50 bads, 150 rows in three bins:
    //   goods 40 (40%), bads 10 (20%): WoE = ln(0.40 / 0.20) = ln 2,         IV = 0.20 · ln 2
    //   goods 35 (35%), bads 15 (30%): WoE = ln(0.35 / 0.30) = ln(7/6),     IV = 0.05 · ln(7/6)
    //   goods 25 (25%), bads 25 (50%): WoE = ln(0.25 / 0.50) = −ln 2,       IV = 0.25 · ln 2
    // total IV = 0.45 ln 2 + 0.05 ln(7/6) = 0.311916… + 0.007708… = 0.319624… → strong
    const bins = [binStats(40, 10, 100, 50, 150), binStats(35, 15, 100, 50, 150), binStats(25, 25, 100, 50, 150)];
    expect(bins.map((b) => b.woe)).toEqual([Math.log(2), Math.log(7 / 6), -Math.log(2)].map((w) => expect.closeTo(w, 12)));
    expect(bins.map((b) => b.iv)).toEqual([0.2 * Math.log(2), 0.05 * Math.log(7 / 6), 0.25 * Math.log(2)].map((v) => expect.closeTo(v, 12)));
    expect(bins.map((b) => [b.count, b.share, b.badRate])).toEqual([
      [50, 50 / 150, 0.2],
      [50, 50 / 150, 0.3],
      [50, 50 / 150, 0.5],
    ]);
    const total = sumIv(bins);
    expect(total).toBeCloseTo(0.45 * Math.log(2) + 0.05 * Math.log(7 / 6), 12);
    expect(total).toBeCloseTo(0.3196238, 6);
    expect(ivStrength(total)).toBe('strong');
  });

  it('adds 0.5 to both counts of a bin with no bads or no goods, so the WoE stays finite', () => {
    // no bads: (10.5 / 100) / (0.5 / 50) = 0.105 / 0.01 = 10.5 → WoE ln 10.5 = 2.351375…, IV (0.105 − 0.01) · ln 10.5 = 0.223381…
    const noBads = binStats(10, 0, 100, 50, 150);
    expect(noBads.woe).toBeCloseTo(Math.log(10.5), 12);
    expect(noBads.iv).toBeCloseTo(0.095 * Math.log(10.5), 12);
    // the counts themselves are not smoothed
    expect([noBads.count, noBads.goods, noBads.bads, noBads.badRate]).toEqual([10, 10, 0, 0]);
    // no goods: (0.5 / 100) / (4.5 / 50) = 0.005 / 0.09 = 1/18 → WoE −ln 18 = −2.890372…, IV (0.005 − 0.09) · −ln 18 = 0.245682…
    const noGoods = binStats(0, 4, 100, 50, 150);
    expect(noGoods.woe).toBeCloseTo(-Math.log(18), 12);
    expect(noGoods.iv).toBeCloseTo(0.085 * Math.log(18), 12);
    expect(noGoods.badRate).toBe(1);
    for (const s of [noBads, noGoods, binStats(1, 0, 1, 1000, 1001), binStats(0, 1, 1000, 1, 1001)]) {
      expect(Number.isFinite(s.woe)).toBe(true);
      expect(Number.isFinite(s.iv)).toBe(true);
    }
  });

  it('gives an empty bin, or a fit with one class only, WoE 0 and IV 0', () => {
    expect(binStats(0, 0, 100, 50, 150)).toEqual({ count: 0, goods: 0, bads: 0, share: 0, badRate: 0, woe: 0, iv: 0 });
    expect(binStats(5, 0, 20, 0, 20)).toMatchObject({ count: 5, share: 0.25, woe: 0, iv: 0 });
    expect(binStats(0, 0, 0, 0, 0)).toMatchObject({ share: 0, woe: 0, iv: 0 });
  });
});

describe('ivStrength', () => {
  it.each([
    [0, 'not predictive'],
    [0.0199, 'not predictive'],
    [0.02, 'weak'], //      each band includes its lower bound
    [0.0999, 'weak'],
    [0.1, 'medium'],
    [0.2999, 'medium'],
    [0.3, 'strong'],
    [0.4999, 'strong'],
    [0.5, 'suspicious'],
    [2.7, 'suspicious'],
  ] as const)('%d is %s', (iv, strength) => {
    expect(ivStrength(iv)).toBe(strength);
  });
});
