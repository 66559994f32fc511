// What the Models step is told by the page: plain values; every action goes back up as a callback.

import type { WeightQuantization } from '../../core/bundle/types';
import type { ModelId } from '../../worker/protocol';
import type { requestPersistentStorage } from '../registry/registry';
import type { RegistryId, SavedModelKind } from '../registry/types';

/** The model in use, as the save and export controls need it. */
export interface ModelInUseCard {
  /** The worker's id of it: a new model resets the forms. */
  readonly id: ModelId;
  /** The name the save form starts with (the bundle's). */
  readonly name: string;
  readonly kind: SavedModelKind;
  /** Its registry entry, when it was saved or loaded from one. */
  readonly savedId: RegistryId | null;
  /** True when no saved copy holds it as it is now. */
  readonly unsaved: boolean;
}

/** What exporting with one weight encoding gives: the file's size and how the test figures move against full precision. */
export interface QuantizationPreview {
  readonly bytes: number;
  /** Test AUC with this encoding minus with float32; null without test rows. */
  readonly aucChange: number | null;
  /** Test log loss with this encoding minus with float32; null without test rows. */
  readonly logLossChange: number | null;
}

/** The previews while they are measured, then one per encoding the model allows (a scorecard has no weights: 'none' only). */
export type ExportPreviews = 'loading' | Readonly<Partial<Record<WeightQuantization, QuantizationPreview>>>;

/** A locked model waiting for its passphrase: the chosen file, or a saved model. */
export interface UnlockRequest {
  readonly source: 'file' | 'saved';
  readonly name: string;
}

/** Saving the model in use: its name in the list, and a passphrase to lock it (null: stored plain). */
export interface SaveChoice {
  readonly name: string;
  readonly passphrase: string | null;
}

/** Exporting the model in use: the weight encoding, and a passphrase to encrypt the file (null: plain JSON). */
export interface ExportChoice {
  readonly quantization: WeightQuantization;
  readonly passphrase: string | null;
}

/** What the last action did, for the notice line: `name` is the model's name, or the file's for an export or a model card. */
export interface ModelsNotice {
  readonly kind: 'saved' | 'saved-locked' | 'imported' | 'loaded' | 'exported' | 'exported-encrypted' | 'card';
  readonly name: string;
}

/** What the browser answered when asked to keep saved models under storage pressure. */
export type StorageAnswer = Awaited<ReturnType<typeof requestPersistentStorage>>;
