import { describe, expect, it } from 'vitest';
import { computeConfusion } from '../metrics/binary';
import { computeKs } from '../metrics/rank';
import { bestKsCutoff, bestProfitCutoff, cutoffForApprovalRate, cutoffTable, evaluateCutoff, type CutoffOptions } from './cutoff';

// Eight applicants, label 1 = bad (default), p = model probability of label 1 = pBad:
//   row  0    1    2    3      4      5    6    7
//   bad  yes  yes  no   yes    no     no   no   no
//   pBad 0.9  0.6  0.6  0.305  0.302  0.2  0.1  0.05
// 3 bads, 5 goods. Approve when pBad < cutoff. Rows 3 (bad) and 4 (good) sit between grid steps
// 0.30 and 0.31, so only an exact search can approve 4 without 3.
const LABELS = [1, 1, 0, 1, 0, 0, 0, 0];
const P_BAD = [0.9, 0.6, 0.6, 0.305, 0.302, 0.2, 0.1, 0.05];
const OPTIONS: CutoffOptions = { positiveIsBad: true, profitPerGood: 100, lossPerBad: 400 };

describe('evaluateCutoff', () => {
  it.each([
    // cutoff 0.5: approve rows 3–7 → 4 goods, 1 bad; declined 0, 1, 2 hold 2 of 3 bads
    //   approval 5/8, bad rate 1/5, precision (bads among declined) 2/3, recall 2/3, profit 400 − 400 = 0
    [0.5, { approved: 5, goodsApproved: 4, badsApproved: 1, approvalRate: 5 / 8, badRateApproved: 0.2, precision: 2 / 3, recall: 2 / 3, expectedProfit: 0 }],
    // cutoff 0.3: approve rows 5–7 → 3 goods; declined 5 hold all 3 bads → precision 3/5, recall 1; profit 300
    [0.3, { approved: 3, goodsApproved: 3, badsApproved: 0, approvalRate: 3 / 8, badRateApproved: 0, precision: 3 / 5, recall: 1, expectedProfit: 300 }],
    // cutoff 0.305: row 3 (pBad = 0.305) is not below it and is declined; row 4 approved → 4 goods, profit 400
    [0.305, { approved: 4, goodsApproved: 4, badsApproved: 0, approvalRate: 0.5, badRateApproved: 0, precision: 3 / 4, recall: 1, expectedProfit: 400 }],
    // cutoff 0.6: the tied rows 1 and 2 are both declined → same as 0.5
    [0.6, { approved: 5, goodsApproved: 4, badsApproved: 1, approvalRate: 5 / 8, badRateApproved: 0.2, precision: 2 / 3, recall: 2 / 3, expectedProfit: 0 }],
    // cutoff 0.61: rows 1 and 2 approved too → 5 goods, 2 bads: 500 − 800 = −300; declined only row 0
    [0.61, { approved: 7, goodsApproved: 5, badsApproved: 2, approvalRate: 7 / 8, badRateApproved: 2 / 7, precision: 1, recall: 1 / 3, expectedProfit: -300 }],
    // cutoff 1: everyone (no pBad is exactly 1) → 500 − 1200 = −700; nobody declined → precision, recall 0
    [1, { approved: 8, goodsApproved: 5, badsApproved: 3, approvalRate: 1, badRateApproved: 3 / 8, precision: 0, recall: 0, expectedProfit: -700 }],
    // cutoff 0: nobody → profit 0, bad rate 0 by convention; declined all 8 with 3 bads → precision 3/8
    [0, { approved: 0, goodsApproved: 0, badsApproved: 0, approvalRate: 0, badRateApproved: 0, precision: 3 / 8, recall: 1, expectedProfit: 0 }],
  ])('cutoff %d', (cutoff, expected) => {
    const e = evaluateCutoff(LABELS, P_BAD, cutoff, OPTIONS);
    expect(e.cutoff).toBe(cutoff);
    expect(e.rows).toBe(8);
    expect(e.approved).toBe(expected.approved);
    expect(e.goodsApproved).toBe(expected.goodsApproved);
    expect(e.badsApproved).toBe(expected.badsApproved);
    expect(e.approvalRate).toBeCloseTo(expected.approvalRate, 12);
    expect(e.badRateApproved).toBeCloseTo(expected.badRateApproved, 12);
    expect(e.precision).toBeCloseTo(expected.precision, 12);
    expect(e.recall).toBeCloseTo(expected.recall, 12);
    expect(e.expectedProfit).toBeCloseTo(expected.expectedProfit, 9);
  });

  it('with positiveIsBad its precision and recall are those of computeConfusion at the same threshold', () => {
    for (const cutoff of [0.1, 0.302, 0.5, 0.6, 0.95]) {
      const e = evaluateCutoff(LABELS, P_BAD, cutoff, OPTIONS);
      const { tp, fp, fn } = computeConfusion(LABELS, P_BAD, cutoff);
      expect(e.precision).toBeCloseTo(tp + fp > 0 ? tp / (tp + fp) : 0, 12);
      expect(e.recall).toBeCloseTo(tp / (tp + fn), 12);
    }
  });

  it('when label 1 is good, pBad = 1 − p and precision/recall are of approving goods', () => {
    // same applicants, labels flipped (1 = repaid) and p = 1 − pBad
    const labels = LABELS.map((y) => 1 - y);
    const p = P_BAD.map((b) => 1 - b);
    const e = evaluateCutoff(labels, p, 0.5, { ...OPTIONS, positiveIsBad: false });
    // approve rows 3–7: 4 goods, 1 bad; positives (goods) predicted = approved → precision 4/5, recall 4/5
    expect([e.approved, e.goodsApproved, e.badsApproved, e.expectedProfit]).toEqual([5, 4, 1, 0]);
    expect(e.precision).toBeCloseTo(4 / 5, 12);
    expect(e.recall).toBeCloseTo(4 / 5, 12);
  });

  it('never approves a pBad of exactly 1, even at cutoff 1', () => {
    const e = evaluateCutoff([1, 0], [1, 0.5], 1, OPTIONS);
    expect(e.approved).toBe(1);
    expect(e.goodsApproved).toBe(1);
  });

  it.each([
    ['a cut-off above 1', [1], [0.5], 1.2, OPTIONS, /cut-off/],
    ['a probability outside [0, 1]', [1], [1.5], 0.5, OPTIONS, /outside/],
    ['a NaN probability', [1], [Number.NaN], 0.5, OPTIONS, /outside/],
    ['a non-finite loss', [1], [0.5], 0.5, { ...OPTIONS, lossPerBad: Number.POSITIVE_INFINITY }, /lossPerBad/],
    ['mismatched lengths', [1, 0], [0.5], 0.5, OPTIONS, /same length/],
  ])('throws for %s', (_label, labels, p, cutoff, options, message) => {
    expect(() => evaluateCutoff(labels, p, cutoff, options)).toThrow(message);
  });
});

describe('cutoffTable', () => {
  it('has 101 steps 0, 0.01, …, 1 that agree with evaluateCutoff', () => {
    const table = cutoffTable(LABELS, P_BAD, OPTIONS);
    expect(table).toHaveLength(101);
    expect(table.map((e) => e.cutoff)).toEqual(Array.from({ length: 101 }, (_, k) => k / 100));
    expect(table[0].approved).toBe(0);
    expect(table[100].approved).toBe(8);
    expect(table[50]).toEqual(evaluateCutoff(LABELS, P_BAD, 0.5, OPTIONS));
    expect(table[30]).toEqual(evaluateCutoff(LABELS, P_BAD, 0.3, OPTIONS));
    // approvals never fall as the cut-off rises
    for (let k = 1; k < table.length; k++) expect(table[k].approved).toBeGreaterThanOrEqual(table[k - 1].approved);
  });

  it('its best grid profit is 300, below the exact best of 400', () => {
    // grid 0.30 approves rows 5–7 (300); grid 0.31 adds rows 3 and 4 (+100 − 400 = 0): no step approves 4 alone
    const table = cutoffTable(LABELS, P_BAD, OPTIONS);
    expect(Math.max(...table.map((e) => e.expectedProfit))).toBe(300);
    expect(bestProfitCutoff(LABELS, P_BAD, OPTIONS).expectedProfit).toBe(400);
  });

  it('takes a custom number of steps and rejects fewer than 2', () => {
    expect(cutoffTable(LABELS, P_BAD, OPTIONS, 5).map((e) => e.cutoff)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(() => cutoffTable(LABELS, P_BAD, OPTIONS, 1)).toThrow(/steps/);
  });
});

describe('bestProfitCutoff', () => {
  it.each([
    // candidates (cutoff → profit) with +100 per good, −400 per bad:
    //   0.05 → 0, 0.1 → 100, 0.2 → 200, 0.302 → 300, 0.305 → 400, 0.6 → 0, 0.9 → −300, 1 → −700
    [400, 0.305, 400, 4],
    // loss 50: 0.305 → 400, 0.6 → 400 − 50 = 350, 0.9 → 500 − 100 = 400 (tie → the lower cut-off), 1 → 350
    [50, 0.305, 400, 4],
    // loss 40: 0.9 → 500 − 80 = 420 beats 0.305 → 400 and 1 → 500 − 120 = 380
    [40, 0.9, 420, 7],
    // loss 0: 0.9 approves all 5 goods (500); 1 adds bad row 0 at no cost, also 500 → tie → 0.9
    [0, 0.9, 500, 7],
  ])('loss per bad %d → cut-off %d, profit %d, %d approved', (lossPerBad, cutoff, profit, approved) => {
    const best = bestProfitCutoff(LABELS, P_BAD, { ...OPTIONS, lossPerBad });
    expect(best.cutoff).toBe(cutoff);
    expect(best.expectedProfit).toBe(profit);
    expect(best.approved).toBe(approved);
    // the reported cut-off reproduces the portfolio
    expect(evaluateCutoff(LABELS, P_BAD, best.cutoff, { ...OPTIONS, lossPerBad })).toEqual(best);
  });

  it('approves nobody when every loan loses money', () => {
    // profit per good 0: every approval of a bad costs 400, approvals of goods earn nothing → cut-off 0.05 approves none
    const best = bestProfitCutoff(LABELS, P_BAD, { ...OPTIONS, profitPerGood: 0 });
    expect(best.approved).toBe(0);
    expect(best.cutoff).toBe(0.05);
  });

  it('is the same decision when label 1 is good and p = 1 − pBad', () => {
    const best = bestProfitCutoff(
      LABELS.map((y) => 1 - y),
      P_BAD.map((b) => 1 - b),
      { ...OPTIONS, positiveIsBad: false },
    );
    // 1 − (1 − 0.305) is 0.305 only up to rounding
    expect(best.cutoff).toBeCloseTo(0.305, 12);
    expect(best.expectedProfit).toBe(400);
  });
});

describe('bestKsCutoff', () => {
  it('maximises goods-approved share − bads-approved share (worked by hand)', () => {
    // 5 goods, 3 bads: 0.05 → 0, 0.1 → 1/5, 0.2 → 2/5, 0.302 → 3/5, 0.305 → 4/5,
    //   0.6 → 4/5 − 1/3, 0.9 → 1 − 2/3, 1 → 0  ⇒ 0.8 at 0.305
    const best = bestKsCutoff(LABELS, P_BAD, { ...OPTIONS, lossPerBad: 40 });
    expect(best.cutoff).toBe(0.305);
    expect(best.ks).toBeCloseTo(0.8, 12);
    // the KS cut-off ignores money: with loss 40 the profit-best cut-off is 0.9 instead
    expect(best.expectedProfit).toBe(400);
    // and it is the metrics KS (p ≥ 0.305 predicted bad: TPR 3/3, FPR 1/5)
    expect(computeKs(LABELS, P_BAD)).toEqual({ ks: best.ks, threshold: best.cutoff });
  });

  it('is 0 at the lowest cut-off when a class is absent', () => {
    const best = bestKsCutoff([0, 0, 0], [0.2, 0.5, 0.7], OPTIONS);
    expect(best.ks).toBe(0);
    expect(best.cutoff).toBe(0.2);
  });
});

describe('cutoffForApprovalRate', () => {
  // Hand example: pBad of 10 applicants (bad = label 1): 0.05 0.1 0.1 0.2 0.3 0.4 0.5 0.6 0.8 0.9.
  const p = [0.05, 0.1, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 0.9];
  const labels = [0, 0, 1, 0, 0, 1, 0, 1, 1, 1];
  const options = { positiveIsBad: true, profitPerGood: 1, lossPerBad: 1 };

  it('approves the share closest to the target, declining from the first applicant at the cut-off', () => {
    // 70%: approve the 7 lowest (pBad < 0.6), so the cut-off is 0.6 and 2 of the 7 are bad.
    const at70 = cutoffForApprovalRate(labels, p, 0.7, options);
    expect(at70).toMatchObject({ cutoff: 0.6, approved: 7, approvalRate: 0.7, badsApproved: 2, goodsApproved: 5 });
  });

  it('cannot split tied applicants: 20% is 1 or 3 approvals, and the tie goes to fewer', () => {
    // Candidates approve 0, 1, 3, 4…: 1 (10%) and 3 (30%) are both 0.1 from 20%.
    expect(cutoffForApprovalRate(labels, p, 0.2, options)).toMatchObject({ cutoff: 0.1, approved: 1 });
  });

  it('reaches the ends: 0% declines everyone, 100% approves everyone', () => {
    expect(cutoffForApprovalRate(labels, p, 0, options)).toMatchObject({ cutoff: 0.05, approved: 0 });
    expect(cutoffForApprovalRate(labels, p, 1, options)).toMatchObject({ cutoff: 1, approved: 10 });
  });
});
