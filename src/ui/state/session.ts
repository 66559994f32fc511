// The session as one value and the events that change it. Everything a page shows between loading a
// file and scoring an applicant derives from this state; each event is applied in one step, with
// the defaults that follow it (options for new training rows, a new model's cut-off, the step that
// is still open), so nothing is corrected while rendering.

import { setFeature, type CleaningPlan } from '../../core/clean/plan';
import { DEFAULT_POINTS_SCALE, type PointsScale } from '../../core/scoring/points';
import type { DatasetSummary, LoadedDataset, ModelId, ModelPolicy, PreparedSummary, TrainSummary } from '../../worker/protocol';
import type { RegistryId } from '../registry/types';
import { DEFAULT_ECONOMICS, type Economics } from '../evaluate/useCutoffPlan';
import { DEFAULT_TRAIN_OPTIONS, type TrainOptions } from '../train/trainOptions';
import type { ModelFacts } from './modelFacts';
import { cutoffForNewModel, NO_OPTIONS_BASIS, optionsAfterPreparation, optionsForLoadedRows, type CutoffNotice, type OptionsBasis } from './defaults';
import { planFor } from './plan';
import { isStepAvailable, settleStep } from './steps';

/** The steps of the flow, in order. */
export type StepId = 'data' | 'clean' | 'train' | 'evaluate' | 'decide' | 'score' | 'models';

/** What the page knows of a model in the worker: its run's test figures, outcome names and default cut-off. */
export type ModelSummary = TrainSummary;

/** Where the model in use came from. */
export type ModelSource = 'trained' | 'compared' | 'registry' | 'import';

/** The model decisions are made with. */
export interface ModelInUse {
  readonly id: ModelId;
  /** Null for a loaded bundle without held-out test rows (trained on every row): nothing to evaluate, still able to score. */
  readonly summary: ModelSummary | null;
  readonly source: ModelSource;
  /** Its name and kind, and what the applicant form scores with (present with or without a summary). */
  readonly facts: ModelFacts;
  /** The registry entry it was last saved as or loaded from; null when it is in none. */
  readonly savedId: RegistryId | null;
  /** True when no saved copy holds it as it is now (trained here, or its cut-off or scale changed since the save). */
  readonly unsaved: boolean;
}

/** The whole session. */
export interface SessionState {
  readonly step: StepId;
  readonly dataset: LoadedDataset | null;
  /** The column to predict ('' when none is two-valued and the user has not chosen). */
  readonly target: string;
  /** The cleaning plan; null without a data set or while the target is not two-valued. */
  readonly plan: CleaningPlan | null;
  readonly options: TrainOptions;
  /** The data defaults `options` were last derived from, to tell the user's changes from defaults. */
  readonly optionsBasis: OptionsBasis;
  /** The preparation of the current plan and seed; null until it arrives. */
  readonly prepared: PreparedSummary | null;
  readonly model: ModelInUse | null;
  /** Probability of bad at or above which applicants are declined; null exactly when there is no model. */
  readonly cutoff: number | null;
  /** Set when a new model moved the cut-off; cleared when the user chooses one. */
  readonly cutoffNotice: CutoffNotice | null;
  readonly scale: PointsScale;
  readonly economics: Economics;
  /**
   * Counts the times the page should bring the current step into view and move focus to its
   * heading: a step chosen in the navigation, a model trained or loaded. The page acts on each new
   * value once; a step the user scrolled to, or one that closed under them, does not count.
   */
  readonly jump: number;
  /** What the user had chosen for the data set when the worker died, restored when the same file has been read again. */
  readonly recovery: Recovery | null;
}

/** The choices a worker crash must not cost: the target, plan and options, for the file they were made on. */
export interface Recovery {
  /** The file's shape (its columns and rows): a reread file that differs does not get them back. */
  readonly shape: string;
  readonly target: string;
  readonly plan: CleaningPlan | null;
  readonly options: TrainOptions;
  readonly optionsBasis: OptionsBasis;
}

/** A file's shape as recovery compares it. */
function shapeOf(summary: DatasetSummary): string {
  return JSON.stringify([summary.rowCount, summary.columns.map((c) => c.name)]);
}

/** How a step was chosen: in the navigation (brought into view) or by scrolling to it (already in view). */
export type StepOrigin = 'nav' | 'scroll';

/** Everything that changes the session. */
export type SessionEvent =
  /** A file was read into the worker (as `loadFile` returns it); `reread` after a worker crash, when the same file was read again. */
  | { readonly type: 'dataset-loaded'; readonly dataset: LoadedDataset; readonly reread?: boolean }
  | { readonly type: 'target-chosen'; readonly target: string }
  /** The target value that is the model's label 1. */
  | { readonly type: 'positive-chosen'; readonly positive: string }
  | { readonly type: 'feature-toggled'; readonly column: string }
  /** The cleaning plan editor changed the plan. */
  | { readonly type: 'plan-changed'; readonly plan: CleaningPlan }
  /** The training form changed the options. */
  | { readonly type: 'options-changed'; readonly options: TrainOptions }
  /** A preparation arrived for `plan` and `seed`; ignored when either has changed since it was asked for. */
  | { readonly type: 'prepared'; readonly prepared: PreparedSummary; readonly plan: CleaningPlan; readonly seed: number }
  /** A run finished, or a compared model was put in use. */
  | { readonly type: 'trained'; readonly modelId: ModelId; readonly summary: ModelSummary; readonly facts: ModelFacts; readonly source: 'trained' | 'compared' }
  /** The model in use was put aside without a new one (a comparison is about to train several). */
  | { readonly type: 'model-set-aside' }
  /** A saved or imported bundle is in the worker, with the policy it was saved with. */
  | {
      readonly type: 'model-loaded';
      readonly modelId: ModelId;
      readonly summary: ModelSummary | null;
      readonly facts: ModelFacts;
      readonly source: 'registry' | 'import';
      readonly savedId: RegistryId | null;
      readonly policy: ModelPolicy;
    }
  /** Model `modelId` was saved in the registry as `savedId`. */
  | { readonly type: 'model-saved'; readonly modelId: ModelId; readonly savedId: RegistryId }
  /** Registry entry `savedId` was renamed: the model in use takes the name when it is that entry's. */
  | { readonly type: 'model-renamed'; readonly savedId: RegistryId; readonly name: string }
  /** Registry entry `savedId` was deleted. */
  | { readonly type: 'model-deleted'; readonly savedId: RegistryId }
  | { readonly type: 'cutoff-chosen'; readonly cutoff: number }
  | { readonly type: 'scale-changed'; readonly scale: PointsScale }
  | { readonly type: 'economics-changed'; readonly economics: Economics }
  /** The user opened a step (in the navigation unless `origin` says they scrolled to it); ignored when it is not available. */
  | { readonly type: 'step-chosen'; readonly step: StepId; readonly origin?: StepOrigin }
  /** The worker died: the data set and models it held are gone (the choices made on the data set are kept for a reread). */
  | { readonly type: 'worker-crashed' };

/** A session before any file or model. */
export const INITIAL_SESSION: SessionState = {
  step: 'data',
  dataset: null,
  target: '',
  plan: null,
  options: DEFAULT_TRAIN_OPTIONS,
  optionsBasis: NO_OPTIONS_BASIS,
  prepared: null,
  model: null,
  cutoff: null,
  cutoffNotice: null,
  scale: DEFAULT_POINTS_SCALE,
  economics: DEFAULT_ECONOMICS,
  jump: 0,
  recovery: null,
};

/** The session after `event`; the same object when the event changes nothing. */
export function sessionReducer(state: SessionState, event: SessionEvent): SessionState {
  const next = apply(state, event);
  return next === state ? state : settleStep(next);
}

/** The cut-off and scale the model in use runs with (what the worker's setPolicy should hold), or null without a model. */
export function policyInUse(state: SessionState): ModelPolicy | null {
  return state.model && state.cutoff !== null ? { cutoff: state.cutoff, scale: state.scale } : null;
}

function apply(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'dataset-loaded': {
      const { summary } = event.dataset;
      const recovery = state.recovery;
      if (event.reread && recovery !== null && recovery.shape === shapeOf(summary)) {
        const { target, plan, options, optionsBasis } = recovery;
        return { ...state, dataset: event.dataset, target, plan, options, optionsBasis, prepared: null, recovery: null };
      }
      // The model in use stays: it lives in the worker under its own id, with its own test figures.
      const target = summary.suggestedTarget ?? '';
      return {
        ...state,
        step: 'data',
        dataset: event.dataset,
        target,
        plan: planFor(summary, target),
        options: optionsForLoadedRows(state.options, summary.rowCount),
        prepared: null,
        recovery: null,
      };
    }
    case 'target-chosen':
      if (!state.dataset) return state;
      return withPlan(event.target === state.target ? state : { ...state, target: event.target }, planFor(state.dataset.summary, event.target));
    case 'positive-chosen':
      return state.dataset && state.plan ? withPlan(state, planFor(state.dataset.summary, state.target, event.positive)) : state;
    case 'feature-toggled': {
      const info = state.dataset?.summary.columns.find((c) => c.name === event.column);
      if (!state.plan || !info) return state;
      return withPlan(state, setFeature(state.plan, info, !state.plan.features.includes(event.column)));
    }
    case 'plan-changed':
      return state.dataset ? withPlan(state, event.plan) : state;
    case 'options-changed':
      // The seed also splits the rows: a preparation made with another seed is stale.
      return { ...state, options: event.options, prepared: event.options.seed === state.options.seed ? state.prepared : null };
    case 'prepared': {
      // By content: React may apply an event again on a rebase (a transition beneath an urgent
      // update), which rebuilds an equal plan; a preparation for equal choices is not stale.
      if (!samePlan(event.plan, state.plan) || event.seed !== state.options.seed) return state;
      const { options, basis } = optionsAfterPreparation(state.options, state.optionsBasis, event.prepared);
      return { ...state, prepared: event.prepared, options, optionsBasis: basis };
    }
    case 'trained': {
      const { cutoff, notice } = cutoffForNewModel(state.cutoff, event.summary.defaultCutoff, 'trained');
      const model: ModelInUse = { id: event.modelId, summary: event.summary, source: event.source, facts: event.facts, savedId: null, unsaved: true };
      return { ...state, step: 'evaluate', model, cutoff, cutoffNotice: notice, jump: state.jump + 1 };
    }
    case 'model-set-aside':
      // No model, no cut-off: the next model is a first one again.
      return state.model ? { ...state, model: null, cutoff: null, cutoffNotice: null } : state;
    case 'model-renamed': {
      const { model } = state;
      return model && model.savedId === event.savedId && model.facts.name !== event.name ? { ...state, model: { ...model, facts: { ...model.facts, name: event.name } } } : state;
    }
    case 'model-loaded': {
      const { cutoff, notice } = cutoffForNewModel(state.cutoff, event.policy.cutoff, 'loaded');
      const model: ModelInUse = { id: event.modelId, summary: event.summary, source: event.source, facts: event.facts, savedId: event.savedId, unsaved: false };
      // Without test results there is nothing to evaluate: straight to scoring.
      return { ...state, step: event.summary ? 'evaluate' : 'score', model, cutoff, cutoffNotice: notice, scale: event.policy.scale, jump: state.jump + 1 };
    }
    case 'model-saved':
      return state.model?.id === event.modelId ? { ...state, model: { ...state.model, savedId: event.savedId, unsaved: false } } : state;
    case 'model-deleted':
      return state.model && state.model.savedId === event.savedId ? { ...state, model: { ...state.model, savedId: null, unsaved: true } } : state;
    case 'cutoff-chosen':
      if (!state.model) return state;
      return { ...state, cutoff: event.cutoff, cutoffNotice: null, model: event.cutoff === state.cutoff ? state.model : changed(state.model) };
    case 'scale-changed':
      return { ...state, scale: event.scale, model: state.model && changed(state.model) };
    case 'economics-changed':
      return { ...state, economics: event.economics };
    case 'step-chosen': {
      if (!isStepAvailable(state, event.step)) return state;
      // Chosen in the navigation, even the step already current is brought into view again.
      if ((event.origin ?? 'nav') === 'nav') return { ...state, step: event.step, jump: state.jump + 1 };
      return event.step === state.step ? state : { ...state, step: event.step };
    }
    case 'worker-crashed': {
      const recovery =
        state.dataset === null ? null : { shape: shapeOf(state.dataset.summary), target: state.target, plan: state.plan, options: state.options, optionsBasis: state.optionsBasis };
      return { ...state, dataset: null, target: '', plan: null, prepared: null, model: null, cutoff: null, cutoffNotice: null, recovery };
    }
  }
}

/** The model with a policy no saved copy has. */
function changed(model: ModelInUse): ModelInUse {
  return model.unsaved ? model : { ...model, unsaved: true };
}

/** Whether two plans hold the same choices (plans are small plain JSON). */
function samePlan(a: CleaningPlan, b: CleaningPlan | null): boolean {
  return a === b || (b !== null && JSON.stringify(a) === JSON.stringify(b));
}

/**
 * The state with `plan`, its preparation dropped, or the state as it was when `plan` holds the same
 * choices: choosing the target already chosen must not throw away a preparation that still holds
 * (React may also apply such an event again on a rebase, after the preparation it made stale in
 * name only had arrived; no new one would be asked for, since the choices did not change).
 */
function withPlan(state: SessionState, plan: CleaningPlan | null): SessionState {
  if (plan !== null && samePlan(plan, state.plan)) return state;
  return { ...state, plan, prepared: null };
}
