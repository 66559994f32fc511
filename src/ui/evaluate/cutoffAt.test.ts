import { describe, expect, it } from 'vitest';
import { ratiosFromConfusion } from '../../core/metrics/binary';
import type { CutoffEvaluation } from '../../core/scoring/cutoff';
import type { CutoffPlan } from '../../worker/protocol';
import { confusionAtCutoff, readingAt } from './cutoffAt';

/** A hand-made evaluation of 10 test rows, 3 of them bad. */
function evaluation(cutoff: number, goodsApproved: number, badsApproved: number): CutoffEvaluation {
  const approved = goodsApproved + badsApproved;
  return {
    cutoff,
    rows: 10,
    approved,
    approvalRate: approved / 10,
    goodsApproved,
    badsApproved,
    badRateApproved: approved ? badsApproved / approved : 0,
    precision: 0,
    recall: 0,
    expectedProfit: goodsApproved * 100 - badsApproved * 500,
  };
}

const table = Array.from({ length: 101 }, (_, k) => evaluation(k / 100, Math.min(7, Math.floor(k / 10)), k >= 80 ? 3 : k >= 40 ? 1 : 0));
const exact = evaluation(0.2345, 2, 0);
const plan: CutoffPlan = {
  table,
  suggestions: [
    { rule: 'max-profit', cutoff: 0.2345, searchedOn: { source: 'out-of-fold', rows: 40 }, onSearchRows: evaluation(0.2345, 1, 1), onTest: exact },
    { rule: 'max-ks', cutoff: 0.4, searchedOn: { source: 'out-of-fold', rows: 40 }, onSearchRows: table[40], onTest: table[40], ks: 0.5 },
  ],
  searchable: true,
};

describe('readingAt', () => {
  it("shows a suggestion's own test figures at its exact cut-off, not the 1% step", () => {
    expect(readingAt(plan, 0.2345)).toEqual({ evaluation: exact, rule: 'max-profit', exact: true });
  });
  it('reads the slider steps from the table, and says when the nearest step stands in', () => {
    expect(readingAt(plan, 0.23)).toEqual({ evaluation: table[23], rule: null, exact: true });
    expect(readingAt(plan, 0.4)).toEqual({ evaluation: table[40], rule: 'max-ks', exact: true });
    expect(readingAt(plan, 0.2349)).toEqual({ evaluation: table[23], rule: null, exact: false });
  });
});

describe('confusionAtCutoff', () => {
  it('counts bads declined as true positives (hand count: 3 bads, 7 goods; 4 goods and 1 bad approved)', () => {
    const confusion = confusionAtCutoff(evaluation(0.5, 4, 1), 3);
    expect(confusion).toEqual({ tp: 2, fn: 1, fp: 3, tn: 4 });
    // Declines 5: 2 of them bad (precision 0.4); finds 2 of the 3 bads (recall 2/3); 6 of 10 right.
    expect(ratiosFromConfusion(confusion)).toMatchObject({ accuracy: 0.6, precision: 0.4, recall: 2 / 3, rows: 10 });
  });
  it('declining everyone finds every bad; approving everyone none', () => {
    expect(confusionAtCutoff(evaluation(0, 0, 0), 3)).toEqual({ tp: 3, fn: 0, fp: 7, tn: 0 });
    expect(confusionAtCutoff(evaluation(1, 7, 3), 3)).toEqual({ tp: 0, fn: 3, fp: 0, tn: 7 });
  });
});
