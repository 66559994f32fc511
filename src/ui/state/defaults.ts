// Defaults that follow the data and the model, as pure functions of what just arrived: the session
// reducer applies them when a data set, a preparation or a model arrives, never while rendering.

import type { PreparedSummary } from '../../worker/protocol';
import { DEFAULT_TRAIN_OPTIONS, dataDefaults, defaultBatchSize, defaultEpochs, type DataDefaults, type TrainOptions } from '../train/trainOptions';

/** The training rows and balance the data defaults were last derived from ('' and null before the first preparation). */
export interface OptionsBasis {
  /** "bad rows/training rows" of the preparation the defaults came from. */
  readonly balanceKey: string;
  readonly defaults: DataDefaults | null;
}

/** No preparation seen yet. */
export const NO_OPTIONS_BASIS: OptionsBasis = { balanceKey: '', defaults: null };

/** What a preparation tells the defaults: its training rows, their bad rows, and the rows as loaded. */
export type PreparedCounts = Pick<PreparedSummary, 'trainRows' | 'trainBadRows'> & { readonly report: Pick<PreparedSummary['report'], 'rowsBefore'> };

/** The training settings whose defaults depend on the number of rows as loaded. */
type SizeDefaults = Pick<TrainOptions, 'batchSize' | 'epochs'>;

/** Batch size and epochs for a data set of `rows` rows. */
function sizeDefaults(rows: number): SizeDefaults {
  return { batchSize: defaultBatchSize(rows), epochs: defaultEpochs(rows) };
}

/** The options once a file of `rows` rows is loaded: batch size and epochs set for its size, the rest kept (as App.tsx did). */
export function optionsForLoadedRows(options: TrainOptions, rows: number): TrainOptions {
  return { ...options, ...sizeDefaults(rows) };
}

/**
 * The options once `prepared` arrives. Class weights follow the training balance. Batch size,
 * epochs, patience and minimum epochs follow the training rows unless the user changed them:
 * untouched means still the default for the rows as loaded or as last prepared. The same
 * balance as last time changes nothing (same `options` and `basis` returned).
 */
export function optionsAfterPreparation(options: TrainOptions, basis: OptionsBasis, prepared: PreparedCounts): { options: TrainOptions; basis: OptionsBasis } {
  const balanceKey = `${prepared.trainBadRows}/${prepared.trainRows}`;
  if (balanceKey === basis.balanceKey) return { options, basis };
  const previous = basis.defaults;
  const loaded = { ...DEFAULT_TRAIN_OPTIONS, ...sizeDefaults(prepared.report.rowsBefore) };
  const next = dataDefaults(prepared.trainRows, prepared.trainBadRows);
  const keep = (key: Exclude<keyof DataDefaults, 'classWeights'>) => (options[key] === loaded[key] || options[key] === previous?.[key] ? next[key] : options[key]);
  const chosen: DataDefaults = {
    classWeights: next.classWeights,
    batchSize: keep('batchSize'),
    epochs: keep('epochs'),
    patience: keep('patience'),
    minEpochs: keep('minEpochs'),
  };
  const unchanged = (Object.keys(chosen) as (keyof DataDefaults)[]).every((key) => chosen[key] === options[key]);
  return { options: unchanged ? options : { ...options, ...chosen }, basis: { balanceKey, defaults: next } };
}

/** Why the cut-off moved without the user moving it: a new model started at its own cut-off. */
export interface CutoffNotice {
  /** The cut-off the new model starts at. */
  readonly cutoff: number;
  /** Trained in this session (its default cut-off) or loaded (the cut-off it was saved with). */
  readonly origin: 'trained' | 'loaded';
}

/** A new model starts at its own cut-off; a notice says so when that moved the cut-off in force (none for the first model). */
export function cutoffForNewModel(previous: number | null, modelCutoff: number, origin: CutoffNotice['origin']): { cutoff: number; notice: CutoffNotice | null } {
  return { cutoff: modelCutoff, notice: previous !== null && previous !== modelCutoff ? { cutoff: modelCutoff, origin } : null };
}
