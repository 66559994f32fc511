// Ethical considerations and caveats: what CreditLab does not test, and the limits of the figures.

import type { ModelBundle } from '../../bundle/types';
import { scorecardPoints } from '../../scorecard/scorecardPoints';
import { count, fixed } from '../format';
import type { Html } from '../html';
import { bullets, paragraph, section } from '../section';

/** Fairness and the people scored. */
export function ethicalConsiderationsSection(bundle: ModelBundle): Html {
  return section('ethical-considerations', [
    paragraph('A credit decision changes someone’s access to money; the model informs it and a person answers for it.'),
    bullets([
      'Correlation of the score with protected attributes (such as sex, age, ethnicity, religion, disability or marital status) is not tested by CreditLab. ' +
        'A column can stand in for one without naming it (a postcode, a first name): test the model for disparate outcomes before use, and follow the lending law that applies.',
      `The model learned from past decisions in “${bundle.provenance.trainingFile.name}”: if those were biased, or only approved applicants have outcomes, it repeats that pattern.`,
      'An applicant declined with the help of this model should get the reasons in words they can act on; for a scorecard, the characteristics where they lost the most points.',
    ]),
  ]);
}

/** The limits of the figures and of the model. */
export function caveatsSection(bundle: ModelBundle): Html {
  const cal = bundle.metrics.calibration;
  const items: string[] = [
    'The population may drift: applicants, products and the economy change after training. Monitor the distribution of new applicants against the training rows (population stability) and the bad rate of new loans, and retrain when they move.',
    bundle.metrics.test === null
      ? 'There are no held-out test figures: the model was trained on every row, and any estimate of its performance comes from cross-validation on the same file.'
      : `The metrics come from one held-out split of this file (${count(bundle.provenance.rows.test)} test rows): another split, or another period, would give somewhat different figures; the AUC interval shows the sampling uncertainty of the AUC only.`,
    `Probabilities are calibrated on ${count(cal.rows)} ${cal.fittedOn === 'validation' ? 'validation' : 'out-of-fold'} rows, not on the test rows; the calibration chart shows how well that carried over to the test rows.`,
  ];
  const model = bundle.model;
  if (model.kind === 'network' && model.quantization !== 'none') {
    items.push(
      `The weights are stored quantised to ${model.quantization}, so they approximate the trained float32 weights: a stored reference applicant's probability may differ by up to ${fixed(bundle.referenceTolerance, 4)} when scored again.`,
    );
  }
  if (model.kind === 'scorecard') {
    const rounding = scorecardPoints(model.scorecard, bundle.policy.scale).maxRoundingLogOdds;
    items.push(`Scorecard points are whole numbers: rounding moves an applicant's log-odds of bad by at most ${fixed(rounding, 4)} from the fitted model's.`);
  }
  items.push('Values outside the trained ranges, and category levels training never saw, are scored by extrapolation: treat such applicants with extra care.');
  return section('caveats', [paragraph('Read the figures in this card with these limits in mind:'), bullets(items)]);
}
