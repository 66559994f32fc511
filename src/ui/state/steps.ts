// Which steps can be opened, and what the others need first: a pure function of the session, so the
// navigation, the page and the reducer agree on it.

import type { SessionState, StepId } from './session';

/** The steps in the order the flow visits them. */
export const STEPS: readonly StepId[] = ['data', 'clean', 'train', 'evaluate', 'decide', 'score', 'models'];

/** What a step is waiting for: a data set, a target with exactly two values, a model in use, or one with held-out test results. */
export type StepNeed = 'dataset' | 'two-valued-target' | 'model' | 'test-results';

/** One step's availability: whether it opens, and what it still needs (an open step may still ask for something, as Data asks for a file). */
export interface StepStatus {
  readonly step: StepId;
  readonly available: boolean;
  readonly needs: StepNeed | null;
}

/** What the data steps need: a data set, then a two-valued target (a plan exists exactly then). */
function dataNeed(state: SessionState): StepNeed | null {
  if (!state.dataset) return 'dataset';
  return state.plan ? null : 'two-valued-target';
}

/** The status of `step`. Data and Models always open; Clean and Train need a two-valued target; Evaluate and Decide a model with test results; Score a model. */
export function stepStatus(state: SessionState, step: StepId): StepStatus {
  switch (step) {
    case 'data':
      return { step, available: true, needs: state.dataset ? null : 'dataset' };
    case 'clean':
    case 'train': {
      const needs = dataNeed(state);
      return { step, available: needs === null, needs };
    }
    case 'evaluate':
    case 'decide': {
      // Both show the model's test figures: a bundle trained on every row has none (it can still score).
      const needs = !state.model ? 'model' : state.model.summary ? null : 'test-results';
      return { step, available: needs === null, needs };
    }
    case 'score':
      return { step, available: state.model !== null, needs: state.model ? null : 'model' };
    case 'models':
      return { step, available: true, needs: null };
  }
}

/** Every step's status, in flow order. */
export function availableSteps(state: SessionState): readonly StepStatus[] {
  return STEPS.map((step) => stepStatus(state, step));
}

/** True when `step` can be opened now. */
export function isStepAvailable(state: SessionState, step: StepId): boolean {
  return stepStatus(state, step).available;
}

/** The state with its step still open: a step that closed gives way to the nearest open step before it (Data always is). */
export function settleStep(state: SessionState): SessionState {
  if (isStepAvailable(state, state.step)) return state;
  const before = STEPS.slice(0, STEPS.indexOf(state.step)).reverse();
  return { ...state, step: before.find((step) => isStepAvailable(state, step)) ?? 'data' };
}
