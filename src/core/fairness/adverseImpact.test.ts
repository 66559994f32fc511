import { describe, expect, it } from 'vitest';
import { adverseImpact, FOUR_FIFTHS_THRESHOLD } from './adverseImpact';
import { fisherExactTwoSided } from './fisherExact';

describe('adverseImpact', () => {
  // By hand: rates A 120/200 = 0.6, B 45/100 = 0.45, C 24/50 = 0.48, E 6/10 = 0.6, F 23/50 = 0.46.
  // A and E tie at 0.6; A has more applicants, so A is the reference. Ratios against 0.6:
  // B 0.75 (flagged), C 0.8 exactly (not flagged: the rule is "below"), E 1, F 0.7666… (flagged).
  const screen = adverseImpact([
    { group: 'E', applicants: 10, approved: 6 },
    { group: 'A', applicants: 200, approved: 120 },
    { group: 'B', applicants: 100, approved: 45 },
    { group: 'C', applicants: 50, approved: 24 },
    { group: 'D', applicants: 0, approved: 0 },
    { group: 'F', applicants: 50, approved: 23 },
  ]);
  const byName = new Map(screen.groups.map((g) => [g.group, g]));

  it('takes the most-approved group as the reference, ties to more applicants', () => {
    expect(screen.reference).toBe('A');
    expect(screen.groups.map((g) => g.group)).toEqual(['E', 'A', 'B', 'C', 'D', 'F']);
  });

  it('gives each group its rate, its ratio to the reference rate, and flags ratios below 0.8', () => {
    expect(FOUR_FIFTHS_THRESHOLD).toBe(0.8);
    expect(byName.get('A')).toMatchObject({ approvalRate: 0.6, ratio: 1, flagged: false, fisherP: null });
    expect(byName.get('E')).toMatchObject({ approvalRate: 0.6, ratio: 1, flagged: false });
    expect(byName.get('B')).toMatchObject({ approvalRate: 0.45, flagged: true });
    expect(byName.get('B')?.ratio).toBeCloseTo(0.75, 15);
    expect(byName.get('C')).toMatchObject({ approvalRate: 0.48, ratio: 0.8, flagged: false });
    expect(byName.get('F')?.ratio).toBeCloseTo(23 / 30, 15);
    expect(byName.get('F')?.flagged).toBe(true);
  });

  it('reports a group without applicants with null rate, ratio and p-value, unflagged', () => {
    expect(byName.get('D')).toEqual({ group: 'D', applicants: 0, approved: 0, approvalRate: null, ratio: null, flagged: false, fisherP: null });
  });

  it('tests each group against the reference on the 2×2 table approved / declined', () => {
    expect(byName.get('B')?.fisherP).toBe(fisherExactTwoSided(45, 55, 120, 80));
    // E's rate equals A's: the observed table is the most probable one.
    expect(byName.get('E')?.fisherP).toBe(1);
    // By hand: 0 of 4 against 4 of 4 approved: margins 4, 4 / 4, 4, only the two extreme tables
    // (probability 1/70 each) are as improbable, so p = 2/70.
    const extreme = adverseImpact([
      { group: 'none', applicants: 4, approved: 0 },
      { group: 'all', applicants: 4, approved: 4 },
    ]);
    expect(extreme.reference).toBe('all');
    expect(extreme.groups[0]).toMatchObject({ ratio: 0, flagged: true });
    expect(extreme.groups[0].fisherP).toBeCloseTo(2 / 70, 15);
  });

  it('reads exactly 4/5 as not flagged where dividing the rates would give 0.7999999999999999', () => {
    // 3/5 against 3/4: (3/5)/(3/4) is 0.7999999999999999 in doubles; the ratio is 0.8.
    expect(0.6 / 0.75).toBeLessThan(0.8);
    const [low] = adverseImpact([
      { group: 'low', applicants: 5, approved: 3 },
      { group: 'high', applicants: 4, approved: 3 },
    ]).groups;
    expect(low).toMatchObject({ ratio: 0.8, flagged: false });
    // One approval fewer in ten applicants is flagged: 5/10 against 3/4 is 2/3.
    const [lower] = adverseImpact([
      { group: 'lower', applicants: 10, approved: 5 },
      { group: 'high', applicants: 4, approved: 3 },
    ]).groups;
    expect(lower.flagged).toBe(true);
  });

  it('breaks a tie of rate and applicants by name', () => {
    const tie = adverseImpact([
      { group: 'b', applicants: 10, approved: 5 },
      { group: 'a', applicants: 10, approved: 5 },
      { group: 'c', applicants: 20, approved: 9 },
    ]);
    expect(tie.reference).toBe('a');
    expect(tie.groups.map((g) => g.fisherP === null)).toEqual([false, true, false]);
  });

  it('gives no ratio when no group had an approval, and no reference without applicants', () => {
    const none = adverseImpact([
      { group: 'x', applicants: 5, approved: 0 },
      { group: 'y', applicants: 10, approved: 0 },
    ]);
    expect(none.reference).toBe('y');
    expect(none.groups[0]).toMatchObject({ approvalRate: 0, ratio: null, flagged: false, fisherP: 1 });
    expect(adverseImpact([])).toEqual({ reference: null, groups: [] });
    expect(adverseImpact([{ group: 'empty', applicants: 0, approved: 0 }]).reference).toBeNull();
  });

  it('refuses impossible counts and a group given twice', () => {
    expect(() => adverseImpact([{ group: 'a', applicants: 3, approved: 4 }])).toThrow(RangeError);
    expect(() => adverseImpact([{ group: 'a', applicants: -1, approved: 0 }])).toThrow(RangeError);
    expect(() => adverseImpact([{ group: 'a', applicants: 2.5, approved: 1 }])).toThrow(RangeError);
    expect(() =>
      adverseImpact([
        { group: 'a', applicants: 3, approved: 1 },
        { group: 'a', applicants: 4, approved: 2 },
      ]),
    ).toThrow(/twice/);
  });
});
