import { describe, expect, it } from 'vitest';
import { computeRocAuc } from './binary';
import { normalQuantile } from './normal';
import { aucFromRanked, computeAucConfidence, computeKs, computeKsCurve, computeRocCurve, giniFromAuc, rankScores } from './rank';
import { createRandom } from '../split/random';

// The hand example used throughout (same as binary.test.ts):
//   positives score 0.9, 0.7, 0.3; negatives score 0.9, 0.3, 0.1; AUC = 6/9 = 2/3.
// Distinct scores, highest first, with (positives, negatives):
//   0.9 (1, 1) · 0.7 (1, 0) · 0.3 (1, 1) · 0.1 (0, 1)
const HAND_LABELS = [1, 0, 1, 0, 1, 0];
const HAND_SCORES = [0.9, 0.9, 0.7, 0.3, 0.3, 0.1];

// 20 rows with many ties, 7 positives and 13 negatives; reference numbers below come from an
// independent O(P·N) NumPy implementation of DeLong (psi matrix, var with ddof = 1) and
// scipy.stats.norm.ppf, run with numpy 2.4 / scipy 1.17:
//   AUC 0.8241758241758241, se 0.09474371543133744
//   95 %: [0.638481554168891, 1.0] (upper clamped: 0.824 + 1.96 · 0.0947 = 1.010)
//   90 %: [0.6683362802177306, 0.9800153681339177]
const REF_LABELS = [1, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0];
const REF_SCORES = [0.8, 0.3, 0.5, 0.6, 0.2, 0.5, 0.9, 0.4, 0.1, 0.6, 0.3, 0.7, 0.2, 0.4, 0.5, 0.1, 0.3, 0.7, 0.3, 0.2];

/** Seeded rows whose scores are rounded to 2 decimals, so ties are common. */
function randomRows(n: number, seed: number): { labels: Uint8Array; scores: Float64Array } {
  const random = createRandom(seed);
  const labels = new Uint8Array(n);
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = random() < 0.3 ? 1 : 0;
    // positives lean higher so the AUC is well above 0.5
    scores[i] = Math.round(Math.min(1, random() * 0.8 + labels[i] * 0.25) * 100) / 100;
  }
  return { labels, scores };
}

describe('rankScores', () => {
  it('groups the hand example by distinct score, highest first', () => {
    const r = rankScores(HAND_LABELS, HAND_SCORES);
    expect(Array.from(r.scores)).toEqual([0.9, 0.7, 0.3, 0.1]);
    expect(Array.from(r.positives)).toEqual([1, 1, 1, 0]);
    expect(Array.from(r.negatives)).toEqual([1, 0, 1, 1]);
    expect(r.totalPositives).toBe(3);
    expect(r.totalNegatives).toBe(3);
  });

  it('throws on a NaN score and on mismatched lengths', () => {
    expect(() => rankScores([1, 0], [0.5, Number.NaN])).toThrow(/row 1/);
    expect(() => rankScores([1, 0], [0.5])).toThrow(/same length/);
  });

  it('AUC from ranked scores equals the rank-sum AUC of binary.ts on 2 000 tied rows', () => {
    const { labels, scores } = randomRows(2000, 7);
    const auc = aucFromRanked(rankScores(labels, scores));
    expect(auc).toBeGreaterThan(0.6);
    expect(auc).toBeCloseTo(computeRocAuc(labels, scores), 12);
  });
});

describe('computeRocCurve', () => {
  it('gives one point per distinct score, ties as one step (worked by hand)', () => {
    // cumulative (tp, fp) after each score: 0.9 → (1, 1), 0.7 → (2, 1), 0.3 → (3, 2), 0.1 → (3, 3); P = N = 3
    const roc = computeRocCurve(HAND_LABELS, HAND_SCORES);
    expect(roc.thresholds).toEqual([Number.POSITIVE_INFINITY, 0.9, 0.7, 0.3, 0.1]);
    expect(roc.fpr).toEqual([0, 1 / 3, 1 / 3, 2 / 3, 1]);
    expect(roc.tpr).toEqual([0, 1 / 3, 2 / 3, 1, 1]);
  });

  it('its trapezoid area is the AUC', () => {
    // hand: 1/18 + 0 + 5/18 + 6/18 = 2/3; the reference set: 0.8241758241758241
    for (const [labels, scores, expected] of [
      [HAND_LABELS, HAND_SCORES, 2 / 3],
      [REF_LABELS, REF_SCORES, 0.8241758241758241],
    ] as const) {
      const { fpr, tpr } = computeRocCurve(labels, scores);
      let area = 0;
      for (let i = 1; i < fpr.length; i++) area += ((fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1])) / 2;
      expect(area).toBeCloseTo(expected, 12);
    }
  });

  it.each([
    ['only positives', [1, 1], [0.2, 0.8]],
    ['only negatives', [0, 0], [0.2, 0.8]],
    ['no rows', [], []],
  ])('%s → the chance diagonal', (_label, labels, scores) => {
    expect(computeRocCurve(labels, scores)).toEqual({
      fpr: [0, 1],
      tpr: [0, 1],
      thresholds: [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
    });
  });
});

describe('computeAucConfidence (DeLong)', () => {
  it('matches the hand-worked placements', () => {
    // positive placements V10 (share of negatives beaten, ties ½): 0.9 → 2.5/3, 0.7 → 2/3, 0.3 → 1.5/3
    //   mean 2/3; deviations ±1/6, 0 → S10 = (2/36) / 2 = 1/36
    // negative placements V01 (share of positives above, ties ½): 0.9 → 0.5/3, 0.3 → 2.5/3, 0.1 → 3/3
    //   mean 2/3; deviations −3/6, 1/6, 2/6 → S01 = (14/36) / 2 = 7/36
    // var = S10/3 + S01/3 = 8/108 = 2/27 → se = √(2/27) = 0.2721655269759087
    // 95 %: 2/3 ± 1.959964 · 0.272166 = [0.1332320, 1.2001] → upper clamped to 1
    const ci = computeAucConfidence(HAND_LABELS, HAND_SCORES);
    expect(ci.auc).toBeCloseTo(2 / 3, 12);
    expect(ci.se).toBeCloseTo(Math.sqrt(2 / 27), 12);
    expect(ci.lower).toBeCloseTo(0.13323203596052113, 10);
    expect(ci.upper).toBe(1);
    expect(ci.level).toBe(0.95);
  });

  it.each([
    [0.95, 0.638481554168891, 1],
    [0.9, 0.6683362802177306, 0.9800153681339177],
  ])('matches an independent NumPy DeLong at level %d', (level, lower, upper) => {
    const ci = computeAucConfidence(REF_LABELS, REF_SCORES, level);
    expect(ci.auc).toBeCloseTo(0.8241758241758241, 12);
    expect(ci.se).toBeCloseTo(0.09474371543133744, 12);
    expect(ci.lower).toBeCloseTo(lower, 10);
    expect(ci.upper).toBeCloseTo(upper, 10);
  });

  it.each([
    // every placement is ½ → both variances 0 → a zero-width interval at 0.5
    ['all scores tied', [1, 0, 1, 0], [0.4, 0.4, 0.4, 0.4], 0.5, 0, 0.5, 0.5],
    // every placement is 1 → se 0 → [1, 1]
    ['perfect separation', [0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9], 1, 0, 1, 1],
    // one positive: its placements have no sample variance → NaN interval, AUC still reported (2 of 3 beaten)
    ['one positive', [1, 0, 0, 0], [0.5, 0.9, 0.3, 0.1], 2 / 3, Number.NaN, Number.NaN, Number.NaN],
    ['only negatives', [0, 0, 0], [0.1, 0.2, 0.3], 0.5, Number.NaN, Number.NaN, Number.NaN],
  ])('%s', (_label, labels, scores, auc, se, lower, upper) => {
    const ci = computeAucConfidence(labels, scores);
    expect(ci.auc).toBeCloseTo(auc, 12);
    for (const [actual, expected] of [
      [ci.se, se],
      [ci.lower, lower],
      [ci.upper, upper],
    ]) {
      if (Number.isNaN(expected)) expect(actual).toBeNaN();
      else expect(actual).toBeCloseTo(expected, 12);
    }
  });

  it.each([[0], [1], [1.5], [Number.NaN]])('throws for level %d', (level) => {
    expect(() => computeAucConfidence(HAND_LABELS, HAND_SCORES, level)).toThrow(/level/);
  });
});

describe('normalQuantile', () => {
  it.each([
    // scipy.stats.norm.ppf, covering the central branch and both tail branches of AS 241
    [0.975, 1.959963984540054],
    [0.995, 2.5758293035489004],
    [0.95, 1.6448536269514722],
    [0.5, 0],
    [0.3, -0.5244005127080409],
    [1e-10, -6.361340902404056],
    [1 - 1e-12, 7.0344869100478356],
  ])('Φ⁻¹(%d) = %d', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 12);
  });

  it('is ±Infinity at 0 and 1 and throws outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(() => normalQuantile(1.1)).toThrow(RangeError);
  });
});

describe('computeKs', () => {
  it.each([
    // hand: |TPR − FPR| after 0.9: |1/3 − 1/3| = 0; 0.7: |2/3 − 1/3| = 1/3; 0.3: |1 − 2/3| = 1/3; 0.1: 0
    //   → 1/3, first reached (highest threshold) at 0.7
    ['hand example', HAND_LABELS, HAND_SCORES, 1 / 3, 0.7],
    // reference set (P 7, N 13): at 0.4 TPR 6/7, FPR 5/13 → 43/91 = 0.4725…, the largest gap (NumPy scan)
    ['reference set', REF_LABELS, REF_SCORES, 43 / 91, 0.4],
    // perfect: at 0.8 TPR 1, FPR 0
    ['perfect separation', [0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9], 1, 0.8],
    // inverted: after 0.9 and 0.8 the negatives are all in, TPR 0 → |0 − 1| = 1 at 0.8.
    // The README's signed max(TPR − FPR) would be 0 here; the absolute value is the KS distance.
    ['inverted ranking', [1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9], 1, 0.8],
    // one tie group: TPR = FPR = 1 → 0, at the only score
    ['all tied', [1, 0, 1, 0], [0.3, 0.3, 0.3, 0.3], 0, 0.3],
  ])('%s', (_label, labels, scores, ks, threshold) => {
    const result = computeKs(labels, scores);
    expect(result.ks).toBeCloseTo(ks, 12);
    expect(result.threshold).toBe(threshold);
  });

  it('is 0 with a NaN threshold when a class is absent', () => {
    const result = computeKs([1, 1], [0.2, 0.4]);
    expect(result.ks).toBe(0);
    expect(result.threshold).toBeNaN();
  });

  it('equals a brute-force scan of every threshold on 500 tied rows', () => {
    const { labels, scores } = randomRows(500, 3);
    const P = labels.reduce((s, y) => s + y, 0);
    const N = labels.length - P;
    let best = 0;
    for (const t of new Set(scores)) {
      let tp = 0;
      let fp = 0;
      for (let i = 0; i < labels.length; i++)
        if (scores[i] >= t) {
          if (labels[i] === 1) tp++;
          else fp++;
        }
      best = Math.max(best, Math.abs(tp / P - fp / N));
    }
    expect(best).toBeGreaterThan(0.2);
    expect(computeKs(labels, scores).ks).toBeCloseTo(best, 12);
  });
});

describe('computeKsCurve', () => {
  it('takes whole rows, and tie groups in proportion, at 7 points on 6 rows (worked by hand)', () => {
    // groups highest first: 0.9 {p, n}, 0.7 {p}, 0.3 {p, n}, 0.1 {n}; P = N = 3; share k/6 → k rows
    //   k 0: nothing, threshold +∞
    //   k 1: half of the 0.9 tie → ½ p, ½ n → 1/6, 1/6
    //   k 2: all of 0.9 → 1/3, 1/3         k 3: + 0.7 → 2/3, 1/3
    //   k 4: half of 0.3 → 2.5/3, 1.5/3    k 5: all of 0.3 → 1, 2/3    k 6: → 1, 1
    const curve = computeKsCurve(HAND_LABELS, HAND_SCORES, 7);
    expect(curve.populationShare).toEqual([0, 1, 2, 3, 4, 5, 6].map((k) => k / 6));
    expect(curve.threshold).toEqual([Number.POSITIVE_INFINITY, 0.9, 0.9, 0.7, 0.3, 0.3, 0.1]);
    const expectedPositive = [0, 1 / 6, 1 / 3, 2 / 3, 5 / 6, 1, 1];
    const expectedNegative = [0, 1 / 6, 1 / 3, 1 / 3, 1 / 2, 2 / 3, 1];
    curve.cumPositiveShare.forEach((y, k) => expect(y).toBeCloseTo(expectedPositive[k], 12));
    curve.cumNegativeShare.forEach((y, k) => expect(y).toBeCloseTo(expectedNegative[k], 12));
    // exact KS 1/3 at 0.7; rows with score ≥ 0.7 are 3 of 6
    expect(curve.ks).toBeCloseTo(1 / 3, 12);
    expect(curve.ksThreshold).toBe(0.7);
    expect(curve.ksPopulationShare).toBe(0.5);
  });

  it('interpolates inside tie groups when shares fall between rows', () => {
    // 5 points on 6 rows: k · 6 / 4 = 0, 1.5, 3, 4.5, 6 rows
    //   1.5 rows: ¾ of the 0.9 tie → 0.75 p, 0.75 n → 1/4, 1/4
    //   4.5 rows: 3 whole rows (2 p, 1 n) + ¾ of the 0.3 tie → 2.75 p, 1.75 n → 11/12, 7/12
    const curve = computeKsCurve(HAND_LABELS, HAND_SCORES, 5);
    [0, 1 / 4, 2 / 3, 11 / 12, 1].forEach((y, k) => expect(curve.cumPositiveShare[k]).toBeCloseTo(y, 12));
    [0, 1 / 4, 1 / 3, 7 / 12, 1].forEach((y, k) => expect(curve.cumNegativeShare[k]).toBeCloseTo(y, 12));
  });

  it('an absent class follows the diagonal, so the gap is 0 like the KS', () => {
    const curve = computeKsCurve([0, 0, 0, 0], [0.1, 0.2, 0.3, 0.4], 3);
    expect(curve.cumPositiveShare).toEqual([0, 0.5, 1]);
    expect(curve.cumNegativeShare).toEqual([0, 0.5, 1]);
    expect(curve.ks).toBe(0);
    expect(curve.ksPopulationShare).toBeNaN();
  });

  it('throws for fewer than 2 points', () => {
    expect(() => computeKsCurve(HAND_LABELS, HAND_SCORES, 1)).toThrow(/points/);
  });
});

describe('giniFromAuc', () => {
  it.each([
    [0.5, 0],
    [1, 1],
    [0, -1],
    [0.8, 0.6],
  ])('AUC %d → Gini %d', (auc, gini) => {
    expect(giniFromAuc(auc)).toBeCloseTo(gini, 12);
  });
});
