// A fair-lending screen: each group's approval rate against the most-approved group's (the
// four-fifths rule of the US Uniform Guidelines: a ratio below 0.8 is evidence of adverse impact)
// with Fisher's exact test of the difference, so a small group's low ratio is read with its p-value.
// Rates are compared by cross-multiplying the integer counts, so a ratio of exactly 0.8 is never
// flagged by rounding and ties between groups are exact.

import { fisherExactTwoSided } from './fisherExact';

/** A ratio of approval rates below this is flagged (exactly 0.8 is not). */
export const FOUR_FIFTHS_THRESHOLD = 0.8;

/** One group's decisions: how many applied and how many of them were approved. */
export interface GroupDecisions {
  readonly group: string;
  readonly applicants: number;
  readonly approved: number;
}

/** One group's approval rate against the reference (most-approved) group's. */
export interface GroupImpact {
  readonly group: string;
  readonly applicants: number;
  readonly approved: number;
  /** approved / applicants; null without applicants. */
  readonly approvalRate: number | null;
  /** This group's approval rate over the reference group's (1 for the reference); null without applicants or when no group had an approval. */
  readonly ratio: number | null;
  /** True when the ratio is below FOUR_FIFTHS_THRESHOLD. */
  readonly flagged: boolean;
  /** Two-sided Fisher p-value of approved/declined, this group against the reference; null for the reference itself and without applicants. */
  readonly fisherP: number | null;
}

/** The screen of every group, in the order given, and the group the others are compared with. */
export interface AdverseImpact {
  /** The most-approved group (ties: more applicants, then the name first in code-unit order); null when no group has applicants. */
  readonly reference: string | null;
  readonly groups: readonly GroupImpact[];
}

/**
 * Approval-rate ratios and Fisher p-values of `groups` against the group with the highest approval
 * rate. Counts must be non-negative integers with approved ≤ applicants, below 4e7 so the cross
 * products stay exact, and group names distinct (throws otherwise).
 */
export function adverseImpact(groups: readonly GroupDecisions[]): AdverseImpact {
  checkGroups(groups);
  const reference = mostApproved(groups);
  return {
    reference: reference?.group ?? null,
    groups: groups.map((g): GroupImpact => {
      const { group, applicants, approved } = g;
      if (applicants === 0 || reference === undefined) return { group, applicants, approved, approvalRate: null, ratio: null, flagged: false, fisherP: null };
      const approvalRate = approved / applicants;
      const fisherP = g === reference ? null : fisherExactTwoSided(approved, applicants - approved, reference.approved, reference.applicants - reference.approved);
      // Nobody approved anywhere: the rates are all 0 and no ratio exists.
      if (reference.approved === 0) return { group, applicants, approved, approvalRate, ratio: null, flagged: false, fisherP };
      const ratio = (approved * reference.applicants) / (applicants * reference.approved);
      // ratio < 4/5 as integers: 5 · approved · refApplicants < 4 · applicants · refApproved.
      const flagged = 5 * approved * reference.applicants < 4 * applicants * reference.approved;
      return { group, applicants, approved, approvalRate, ratio, flagged, fisherP };
    }),
  };
}

/** The group with the highest approval rate among those with applicants; ties to more applicants, then the first name. */
function mostApproved(groups: readonly GroupDecisions[]): GroupDecisions | undefined {
  let best: GroupDecisions | undefined;
  for (const g of groups) {
    if (g.applicants === 0) continue;
    if (best === undefined) {
      best = g;
      continue;
    }
    // Rates compared as approved_g / applicants_g vs approved_b / applicants_b, cross-multiplied.
    const byRate = g.approved * best.applicants - best.approved * g.applicants;
    if (byRate > 0 || (byRate === 0 && (g.applicants > best.applicants || (g.applicants === best.applicants && g.group < best.group)))) best = g;
  }
  return best;
}

/** Largest count whose cross products (5 · count · count) stay exact in a double. */
const MAX_COUNT = 40_000_000;

function checkGroups(groups: readonly GroupDecisions[]): void {
  const names = new Set<string>();
  for (const { group, applicants, approved } of groups) {
    if (names.has(group)) throw new RangeError(`Group "${group}" is given twice.`);
    names.add(group);
    if (!Number.isInteger(applicants) || applicants < 0 || applicants > MAX_COUNT)
      throw new RangeError(`Group "${group}" has ${applicants} applicants; a count from 0 to ${MAX_COUNT} is needed.`);
    if (!Number.isInteger(approved) || approved < 0 || approved > applicants) throw new RangeError(`Group "${group}" has ${approved} approved of ${applicants} applicants.`);
  }
}
