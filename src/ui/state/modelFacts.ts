// What the page keeps of a model besides its id: its name and kind for the Models step, and what the
// applicant form needs to score with it. Read from the bundle once, when the model arrives, so a
// model loaded without its test figures (trained on every row) can still be scored.

import type { ModelBundle, SchemaColumn } from '../../core/bundle/types';
import type { TrainSummary } from '../../worker/protocol';
import type { SavedModelKind } from '../registry/types';

/** What the applicant form reads of a model: the features it asks for, the outcome names, a scorecard's points, and the input schema's trained ranges. */
export type ModelScoring = Pick<TrainSummary, 'preprocessor' | 'outcome' | 'scorecard'> & { readonly columns?: readonly SchemaColumn[] };

/** A model's name, kind and scoring inputs, as the page shows them. */
export interface ModelFacts {
  /** The bundle's name (or the saved entry's, for a model loaded from the registry). */
  readonly name: string;
  readonly kind: SavedModelKind;
  readonly scoring: ModelScoring;
}

/** The kind of model `bundle` holds: a tfjs network by its kind, a scorecard, or boosted trees. */
export function bundleKind(bundle: ModelBundle): SavedModelKind {
  return bundle.model.kind === 'network' ? bundle.model.network.kind : bundle.model.kind;
}

/**
 * The facts of `bundle` (named `name` when given). `summary` is the run's summary when there is
 * one (it already holds the scoring inputs); without it they are read from the bundle itself.
 */
export function modelFactsOf(bundle: ModelBundle, summary: TrainSummary | null, name: string = bundle.name): ModelFacts {
  if (summary)
    return {
      name,
      kind: bundleKind(bundle),
      scoring: { preprocessor: summary.preprocessor, outcome: summary.outcome, scorecard: summary.scorecard, columns: bundle.schema.columns },
    };
  const { model } = bundle;
  const scorecard: ModelScoring['scorecard'] =
    model.kind === 'scorecard'
      ? {
          scorecard: model.scorecard,
          scale: bundle.policy.scale,
          editedCharacteristics: model.scorecard.characteristics.filter((c) => c.edited).map((c) => c.column),
          search: null,
        }
      : null;
  return { name, kind: bundleKind(bundle), scoring: { preprocessor: bundle.preprocessing, outcome: bundle.schema.outcome, scorecard, columns: bundle.schema.columns } };
}
