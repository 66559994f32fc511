// Where each step lives on the page: every section stays mounted in one column, each step's
// sections inside an element marked data-step-section, its first heading focusable (tabindex -1).

import type { StepId } from '../state/session';

/** The id of the heading that opens each step's first section. */
export const STEP_HEADING_IDS: Readonly<Record<StepId, string>> = {
  data: 'load-heading',
  clean: 'clean-heading',
  train: 'train-heading',
  evaluate: 'evaluate-heading',
  decide: 'decide-heading',
  score: 'score-heading',
  models: 'models-heading',
};

/** The attribute that marks the element holding a step's sections (its value is the step). */
export const STEP_SECTION_ATTRIBUTE = 'data-step-section';

/** True when the reader asked for less motion: jumps then scroll at once instead of smoothly. */
export function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
