// What the model registry stores: a model's metadata in clear (to list it without unlocking it) and
// the model itself, as a plain bundle or, when locked, as the encrypted file bytes.

import type { ModelBundle } from '../../core/bundle/types';
import type { ModelKind } from '../../core/training/specs';

/** A saved model's id in the registry (its own, not the bundle's or the worker's). */
export type RegistryId = string & { readonly __brand: 'RegistryId' };

/** Which model a saved entry holds: a tfjs network by its kind, a points scorecard, or boosted trees. */
export type SavedModelKind = ModelKind | 'scorecard' | 'boosted';

/** What the model list shows of a saved model; readable without its passphrase. */
export interface SavedModelMeta {
  readonly id: RegistryId;
  readonly name: string;
  /** When the model was trained (the bundle's provenance.createdAt, ISO 8601). */
  readonly createdAt: string;
  /** When it was saved here (ISO 8601). */
  readonly savedAt: string;
  /** AUC on the held-out test rows; null when it was trained on every row. */
  readonly auc: number | null;
  readonly target: string;
  /** Rows the model learned from (fit and validation). */
  readonly rows: number;
  readonly kind: SavedModelKind;
  /** True when only the passphrase opens it. */
  readonly locked: boolean;
}

/** The model itself: the bundle, or the bytes of the encrypted model file. */
export type SavedModelContent = { readonly locked: false; readonly bundle: ModelBundle } | { readonly locked: true; readonly file: Uint8Array };

/** A saved model as stored: its metadata and its content. */
export type SavedModel = SavedModelMeta & SavedModelContent;
