// The models the worker holds, by the ids it gave them: each one's bundle (what a saved file
// holds), what scores with it, its decision policy as the user sets it, and, for a model trained
// in this session, the rows the cut-off planner grades and searches on and a quantised copy is graded on.
import type { DecisionPolicy, ModelBundle } from '../core/bundle/types';
import type { EncodedRows } from '../core/features/encodedRows';
import { failWith, ok, type Result } from '../core/result';
import type { BadScores } from './evaluation';
import type { ModelId, TrainSummary } from './protocol';
import { disposeScorer, type Scorer } from './scorer';
import { randomId } from './randomId';
import type { Table } from '../core/table';

/** The rows of a model trained in this session: its held-out test rows, and the validation (or out-of-fold) rows cut-offs are searched on. */
export interface SessionRows {
  readonly test: BadScores;
  readonly search: BadScores & { readonly source: 'validation' | 'out-of-fold' };
  /**
   * A network's test rows as it reads them (in `test`'s order), so a quantised copy can be graded
   * on them; null for a scorecard, which has no weights to quantise. Encoded on demand: this keeps
   * the data set's table, not a second copy of it, until the model is released.
   */
  readonly testInputs: EncodedRows | null;
  /** The table the test rows come from and their rows in it (in `test`'s order): the fair-lending screen reads a protected column there. */
  readonly testTable?: { readonly table: Table; readonly rows: Int32Array };
}

/** A model in the worker. */
export interface LoadedModel {
  readonly id: ModelId;
  /** The bundle as trained or loaded; its policy is the one it came with (see `policy`). */
  readonly bundle: ModelBundle;
  readonly scorer: Scorer;
  /** The run's summary for the UI (null for a loaded bundle with no held-out evaluation). */
  readonly summary: TrainSummary | null;
  /** Null for a model loaded from a bundle: it carries only its test table. */
  readonly rows: SessionRows | null;
  /** The decision policy in force, as last set. */
  policy: DecisionPolicy;
}

const models = new Map<ModelId, LoadedModel>();

/** Keeps a model under a new id. */
export function addModel(model: Omit<LoadedModel, 'id'>): LoadedModel {
  const entry: LoadedModel = { ...model, id: randomId() as ModelId };
  models.set(entry.id, entry);
  return entry;
}

/** The model `id`, or why not (released, or the worker restarted since). */
export function findModel(id: ModelId): Result<LoadedModel> {
  const model = models.get(id);
  return model ? ok(model) : failWith('model.gone', {});
}

/** Frees model `id` (its tfjs weights included); false when it was not loaded. */
export function releaseModel(id: ModelId): boolean {
  const model = models.get(id);
  if (!model) return false;
  models.delete(id);
  disposeScorer(model.scorer);
  return true;
}

/** How many models are held (for tests). */
export function modelCount(): number {
  return models.size;
}
