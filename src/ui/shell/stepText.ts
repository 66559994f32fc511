// The steps and what they wait for, in the words the navigation and the empty steps use.

import type { StepId } from '../state/session';
import type { StepNeed } from '../state/steps';

/** Each step's name in the navigation. */
export const STEP_NAMES: Readonly<Record<StepId, string>> = {
  data: 'Data',
  clean: 'Clean',
  train: 'Train',
  evaluate: 'Evaluate',
  decide: 'Decide',
  score: 'Score',
  models: 'Models',
};

/** What a step waits for, as one sentence. */
export const NEED_TEXT: Readonly<Record<StepNeed, string>> = {
  dataset: 'Load a data file first.',
  'two-valued-target': 'Choose a target column with exactly two values first.',
  model: 'Train a model, or load or import one, first.',
  'test-results': 'This model was trained on every row: it has no test results to show.',
};
