// Decision policy: the cut-off, what it did to the test portfolio, and the points scale.

import type { ModelBundle } from '../../bundle/types';
import { asProbability, pointsFormula, pointsFromProbability } from '../../scoring/points';
import { cutoffStep } from '../cutoffStep';
import { badText } from '../describe';
import { count, fixed, percent, plain } from '../format';
import { html, type Html } from '../html';
import { paragraph, section } from '../section';
import { factTable } from '../tables';

function portfolioAtCutoff(bundle: ModelBundle): Html {
  const table = bundle.metrics.cutoffTable;
  const cutoff = bundle.policy.cutoff;
  if (table === null || table.length === 0) {
    return paragraph('No cut-off table: without held-out test rows the approval rate and the bad rate among approved at the cut-off cannot be estimated.');
  }
  const step = cutoffStep(table, cutoff)!;
  const row = step.row;
  const where = step.exact
    ? `At the cut-off, on the ${count(row.rows)} test rows:`
    : `The cut-off planner's table has no step at exactly ${fixed(cutoff, 4)}; the figures are of its nearest step, ${fixed(row.cutoff, 4)}, on the ${count(row.rows)} test rows:`;
  return html`${paragraph(where)}${factTable('Expected portfolio at the cut-off', [
    ['Cut-off of the figures', `${fixed(row.cutoff, 4)}${step.exact ? '' : ' (nearest step)'}`],
    ['Approval rate', `${percent(row.approvalRate)} (${count(row.approved)} of ${count(row.rows)})`],
    ['Bad rate among approved', `${percent(row.badRateApproved)} (${count(row.badsApproved)} of ${count(row.approved)})`],
  ])}`;
}

/** The cut-off, the expected approval and bad rates there, and the points scale. */
export function decisionPolicySection(bundle: ModelBundle): Html {
  const policy = bundle.policy;
  const scale = policy.scale;
  const facts: [string, string][] = [
    ['Decline when the probability of bad is at least', `${fixed(policy.cutoff, 4)} (${percent(policy.cutoff)})`],
    ['Bad outcome', badText(bundle)],
  ];
  if (policy.cutoff > 0 && policy.cutoff < 1) {
    const points = pointsFromProbability(asProbability(policy.cutoff), scale);
    facts.push(['Cut-off on the points scale', `approve above ${fixed(points, 1)} points`]);
  }
  return section(
    'decision-policy',
    html`${paragraph('An applicant is approved when the probability of bad is below the cut-off and declined at or above it; the decision is a recommendation to the loan officer.')}${factTable(
      'Cut-off',
      facts,
    )}${portfolioAtCutoff(bundle)}${factTable('Points scale', [
      ['Base score', plain(scale.baseScore)],
      ['Base odds (good:bad)', `${plain(scale.baseOdds)}:1`],
      ['Points to double the odds (PDO)', plain(scale.pointsToDoubleOdds)],
      ['Formula', pointsFormula(scale)],
    ])}`,
  );
}
