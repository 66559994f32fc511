import { describe, expect, it } from 'vitest';
import { planCutoffs, type BadScores } from './evaluation';

/** Rows from (probability of bad, is bad) pairs. */
function rows(pairs: readonly [number, 0 | 1][]): BadScores {
  return { bad: Float32Array.from(pairs, ([, bad]) => bad), pBad: Float64Array.from(pairs, ([p]) => p) };
}

// Rule (src/core/scoring/cutoff.ts): approve when pBad < cut-off; candidates are every distinct pBad
// and 1; profit = goods approved · 1 − bads approved · 4; KS = goods approved / goods − bads approved / bads.
//
// Search rows (out-of-fold), 5 goods (G) and 3 bads (B):
//   pBad  0.10 0.20 0.30 0.40 0.50 0.60 0.70 0.90
//         G    G    B    G    G    B    G    B
// Approving everyone below each candidate (goods g, bads b approved):
//   cut-off          0.10 0.20 0.30 0.40 0.50 0.60 0.70 0.90 1
//   g, b             0,0  1,0  2,0  2,1  3,1  4,1  4,2  5,2  5,3
//   profit g − 4b    0    1    2   −2   −1    0   −4   −3   −7    → max 2 at 0.30 (unique)
//   15·KS = 3g − 5b  0    3    6    1    4    7    2    5    0    → max 7/15 at 0.60 (unique)
//   approval g+b / 8 0  .125  .25 .375  .5  .625  .75 .875   1    → 75% exactly at 0.70
//
// Test rows, 5 goods and 3 bads, at other probabilities:
//   pBad  0.05 0.15 0.25 0.45 0.68 0.72 0.80 0.85
//         G    G    B    B    B    G    G    G
// Their own optima would be different: profit 0.05:0 0.15:1 0.25:2 0.45:−2 … → 0.25 (profit 2);
// 15·KS 0 3 6 1 −4 … → 0.25 (KS 6/15); 75% approval (6 rows) → 0.80.
const SEARCH = rows([
  [0.1, 0],
  [0.2, 0],
  [0.3, 1],
  [0.4, 0],
  [0.5, 0],
  [0.6, 1],
  [0.7, 0],
  [0.9, 1],
]);
const TEST = rows([
  [0.05, 0],
  [0.15, 0],
  [0.25, 1],
  [0.45, 1],
  [0.68, 1],
  [0.72, 0],
  [0.8, 0],
  [0.85, 0],
]);
const MONEY = { profitPerGood: 1, lossPerBad: 4 };

describe('planCutoffs', () => {
  const plan = planCutoffs(TEST, { ...SEARCH, source: 'out-of-fold' }, MONEY, 0.75);
  const byRule = (rule: string) => plan.suggestions.find((s) => s.rule === rule)!;

  it('suggests the three cut-offs found on the search rows, and says which rows those are', () => {
    expect(plan.searchable).toBe(true);
    expect(plan.suggestions.map((s) => [s.rule, s.cutoff])).toEqual([
      ['max-profit', 0.3],
      ['max-ks', 0.6],
      ['approval-rate', 0.7],
    ]);
    for (const s of plan.suggestions) expect(s.searchedOn).toEqual({ source: 'out-of-fold', rows: 8 });
  });

  it('reports max profit on the search rows, then what its cut-off 0.30 does on the test rows', () => {
    const s = byRule('max-profit');
    // Search rows below 0.30: 0.10 G, 0.20 G. Declined 6, of which 3 bad: precision 3/6, recall 3/3.
    expect(s.onSearchRows).toMatchObject({
      rows: 8,
      approved: 2,
      goodsApproved: 2,
      badsApproved: 0,
      approvalRate: 0.25,
      badRateApproved: 0,
      expectedProfit: 2,
      precision: 0.5,
      recall: 1,
    });
    // Test rows below 0.30: 0.05 G, 0.15 G, 0.25 B → profit 2 − 4 = −2 (the test rows' own best, 0.25, would show +2).
    // Declined 0.45 B, 0.68 B, 0.72 G, 0.80 G, 0.85 G: precision 2/5, recall 2/3.
    expect(s.onTest).toMatchObject({ cutoff: 0.3, rows: 8, approved: 3, goodsApproved: 2, badsApproved: 1, approvalRate: 0.375, expectedProfit: -2, precision: 0.4 });
    expect(s.onTest.badRateApproved).toBeCloseTo(1 / 3, 12);
    expect(s.onTest.recall).toBeCloseTo(2 / 3, 12);
  });

  it('reports max KS 7/15 on the search rows, then what its cut-off 0.60 does on the test rows', () => {
    const s = byRule('max-ks');
    expect(s.ks).toBeCloseTo(7 / 15, 12);
    // Search rows below 0.60: 4 G, 1 B → profit 4 − 4 = 0; declined 0.60 B, 0.70 G, 0.90 B.
    expect(s.onSearchRows).toMatchObject({ approved: 5, goodsApproved: 4, badsApproved: 1, approvalRate: 0.625, badRateApproved: 0.2, expectedProfit: 0 });
    expect(s.onSearchRows.precision).toBeCloseTo(2 / 3, 12);
    expect(s.onSearchRows.recall).toBeCloseTo(2 / 3, 12);
    // Test rows below 0.60: 0.05 G, 0.15 G, 0.25 B, 0.45 B → profit 2 − 8 = −6; declined 0.68 B and
    // three goods: precision 1/4, recall 1/3.
    expect(s.onTest).toMatchObject({ cutoff: 0.6, approved: 4, goodsApproved: 2, badsApproved: 2, approvalRate: 0.5, badRateApproved: 0.5, expectedProfit: -6, precision: 0.25 });
    expect(s.onTest.recall).toBeCloseTo(1 / 3, 12);
  });

  it('reports the 75% approval cut-off 0.70 from the search rows, and the 62.5% it approves on the test rows', () => {
    const s = byRule('approval-rate');
    // Search rows below 0.70: 4 G, 2 B → 6 of 8; profit 4 − 8 = −4; declined 0.70 G, 0.90 B.
    expect(s.onSearchRows).toMatchObject({ approved: 6, approvalRate: 0.75, goodsApproved: 4, badsApproved: 2, expectedProfit: -4, precision: 0.5 });
    expect(s.onSearchRows.recall).toBeCloseTo(1 / 3, 12);
    // Test rows below 0.70: 0.05 G, 0.15 G, 0.25 B, 0.45 B, 0.68 B → 5 of 8; profit 2 − 12 = −10;
    // declined are the three goods: precision 0, recall 0.
    expect(s.onTest).toMatchObject({
      cutoff: 0.7,
      approved: 5,
      approvalRate: 0.625,
      goodsApproved: 2,
      badsApproved: 3,
      badRateApproved: 0.6,
      expectedProfit: -10,
      precision: 0,
      recall: 0,
    });
  });

  it("builds the slider's table on the test rows: 101 steps, at 0.70 the test rows' 5 of 8 (the search rows would give 6)", () => {
    expect(plan.table).toHaveLength(101);
    expect(plan.table[70]).toMatchObject({ cutoff: 0.7, rows: 8, approved: 5, expectedProfit: -10 });
    expect(plan.table[0]).toMatchObject({ cutoff: 0, approved: 0 });
    expect(plan.table[100]).toMatchObject({ cutoff: 1, approved: 8, expectedProfit: 5 - 12 });
  });

  it('names validation rows when the cut-offs were searched on them', () => {
    const fromValidation = planCutoffs(TEST, { ...SEARCH, source: 'validation' }, MONEY, 0.75);
    for (const s of fromValidation.suggestions) expect(s.searchedOn).toEqual({ source: 'validation', rows: 8 });
  });

  it('suggests nothing, and says so, without search rows; the table still reads the test rows', () => {
    const empty = planCutoffs(TEST, { ...rows([]), source: 'validation' }, MONEY, 0.75);
    expect(empty.searchable).toBe(false);
    expect(empty.suggestions).toEqual([]);
    expect(empty.table[70]).toMatchObject({ approved: 5 });
  });
});
