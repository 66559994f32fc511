// The browser's model registry: saved models in IndexedDB ('creditlab', store 'models'), listed by
// their clear metadata, each holding its bundle or, when locked with a passphrase, only the
// encrypted model file. Every call answers with the data or the problem (full storage, storage
// refused or blocked by another tab) for the UI to word.

import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { bundleOk, bundleRefused, type BundleOutcome, type BundleProblem } from '../../core/bundle/problems';
import type { ModelBundle } from '../../core/bundle/types';
import { decodeModelFile, encodeModelFile } from '../../bundle/file';
import { storageProblem } from './storageProblem';
import type { RegistryId, SavedModel, SavedModelMeta } from './types';

/** The database's name. */
export const REGISTRY_DATABASE = 'creditlab';
/** The object store of saved models, keyed by registry id. */
export const MODELS_STORE = 'models';
/** The schema version this app writes. */
export const REGISTRY_VERSION = 1;

interface RegistrySchema extends DBSchema {
  models: { key: RegistryId; value: SavedModel };
}

/**
 * What to save: a name for the list, the bundle, and a passphrase to lock it with (none: stored
 * plain), or instead the model file already encrypted for `bundle` (the page has the worker encrypt
 * it, so that no bundle is serialised on the main thread; `bundle` then only gives the metadata).
 */
export interface SaveRequest {
  readonly name: string;
  readonly bundle: ModelBundle;
  readonly passphrase?: string;
  readonly lockedFile?: Uint8Array;
}

/** An open registry. */
export interface ModelRegistry {
  /** Saves `bundle` under a new id; locked (only the encrypted file kept) when a passphrase or a locked file is given. */
  saveModel(request: SaveRequest): Promise<BundleOutcome<SavedModelMeta>>;
  /** Every saved model's metadata, the latest saved first. */
  listModels(): Promise<BundleOutcome<readonly SavedModelMeta[]>>;
  /** Saved model `id` with its content; null when there is none. */
  getModel(id: RegistryId): Promise<BundleOutcome<SavedModel | null>>;
  /** Gives model `id` a new name; its new metadata, or null when there is none. */
  renameModel(id: RegistryId, name: string): Promise<BundleOutcome<SavedModelMeta | null>>;
  /** Deletes model `id`; true when there was one. */
  deleteModel(id: RegistryId): Promise<BundleOutcome<boolean>>;
  /** Closes the connection. */
  close(): void;
}

/** Where to open the registry: the defaults in the app; tests open other versions to check upgrades. */
export interface RegistryLocation {
  readonly name?: string;
  readonly version?: number;
}

const blocked: BundleProblem = { code: 'blocked' };

/**
 * Opens (creating or upgrading) the registry. `blocked` when IndexedDB is missing or refused, or
 * when another tab holds an older version open; this connection closes itself when a newer
 * version elsewhere asks, so it never blocks another tab in turn.
 */
export function openRegistry(location: RegistryLocation = {}): Promise<BundleOutcome<ModelRegistry>> {
  const { name = REGISTRY_DATABASE, version = REGISTRY_VERSION } = location;
  if (typeof indexedDB === 'undefined') return Promise.resolve(bundleRefused(blocked));
  return new Promise((resolve) => {
    let answered = false;
    const answer = (outcome: BundleOutcome<ModelRegistry>) => {
      answered = true;
      resolve(outcome);
    };
    const failed = (cause: unknown) => {
      console.error('Opening the model registry failed', cause);
      if (!answered) answer(bundleRefused(storageProblem(cause) ?? blocked));
    };
    let opening: Promise<IDBPDatabase<RegistrySchema>>;
    try {
      opening = openDB<RegistrySchema>(name, version, {
        upgrade(db) {
          if (!db.objectStoreNames.contains(MODELS_STORE)) db.createObjectStore(MODELS_STORE);
        },
        // The open stays pending until the other tab lets go; the user hears now.
        blocked: () => answer(bundleRefused(blocked)),
        blocking: (_current, _next, event) => (event.target as IDBDatabase).close(),
      });
    } catch (cause) {
      // Some browsers throw at once where storage is refused (a sandboxed frame, say).
      failed(cause);
      return;
    }
    opening.then((db) => {
      // Opened after all, once the blocked answer was given: nobody holds this connection.
      if (answered) db.close();
      else answer(bundleOk(registryOn(db)));
    }, failed);
  });
}

/** Asks the browser to keep this site's storage under pressure (saved models survive); 'unsupported' where it cannot be asked. */
export async function requestPersistentStorage(): Promise<'persisted' | 'not-persisted' | 'unsupported'> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (typeof storage?.persist !== 'function') return 'unsupported';
  try {
    // Asking again where it is already granted would prompt again in some browsers.
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'persisted';
    return (await storage.persist()) ? 'persisted' : 'not-persisted';
  } catch (cause) {
    console.error('Asking for persistent storage failed', cause);
    return 'unsupported';
  }
}

/** The bundle of saved model `saved`: as stored, or decrypted with `passphrase` (`passphrase-required` without one, `wrong-passphrase` for a wrong one). */
export async function openSavedModel(saved: SavedModel, passphrase?: string): Promise<BundleOutcome<ModelBundle>> {
  if (!saved.locked) return bundleOk(saved.bundle);
  if (!passphrase) return bundleRefused({ code: 'passphrase-required' });
  return decodeModelFile(saved.file, { passphrase });
}

/** What the list shows of `bundle` saved as `name` at `savedAt`. */
export function metadataOf(id: RegistryId, name: string, bundle: ModelBundle, savedAt: string, locked: boolean): SavedModelMeta {
  return {
    id,
    name,
    createdAt: bundle.provenance.createdAt,
    savedAt,
    auc: bundle.metrics.test?.metrics.auc ?? null,
    target: bundle.schema.outcome.target,
    rows: bundle.provenance.rows.train,
    kind: bundle.model.kind === 'network' ? bundle.model.network.kind : bundle.model.kind,
    locked,
  };
}

/** The metadata of a stored model, without its content. */
function metaOf(saved: SavedModel): SavedModelMeta {
  const { id, name, createdAt, savedAt, auc, target, rows, kind, locked } = saved;
  return { id, name, createdAt, savedAt, auc, target, rows, kind, locked };
}

/** A new registry id: 128 random bits in hex (crypto.randomUUID needs a secure context; this does not). */
function newId(): RegistryId {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('') as RegistryId;
}

/** A storage failure already read as the problem the user hears about. */
class StorageRefusal extends Error {
  constructor(
    readonly problem: BundleProblem,
    cause: unknown,
  ) {
    super(problem.code, { cause });
  }
}

/** Runs `work` and waits for its transaction to commit (where a full quota shows); on failure the transaction is rolled back and its own error read too. */
async function committed<T>(tx: { readonly done: Promise<void>; readonly error: DOMException | null; abort(): void }, work: () => Promise<T>): Promise<T> {
  // `done` is taken first and `work` run as a promise: a put that throws at once must still leave the commit's outcome handled.
  const done = tx.done;
  try {
    const [value] = await Promise.all([Promise.resolve().then(work), done]);
    return value;
  } catch (cause) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted: nothing to roll back.
    }
    const problem = storageProblem(cause, tx.error);
    throw problem ? new StorageRefusal(problem, cause) : cause;
  }
}

/** Runs `work`; a storage failure becomes its problem, anything else (a bug) is thrown on. */
async function guarded<T>(what: string, work: () => Promise<T>): Promise<BundleOutcome<T>> {
  try {
    return bundleOk(await work());
  } catch (cause) {
    const problem = cause instanceof StorageRefusal ? cause.problem : storageProblem(cause);
    if (!problem) throw cause;
    console.error(`The model registry could not ${what}`, cause);
    return bundleRefused(problem);
  }
}

function registryOn(db: IDBPDatabase<RegistrySchema>): ModelRegistry {
  return {
    async saveModel({ name, bundle, passphrase, lockedFile }) {
      const id = newId();
      const meta = metadataOf(id, name.trim() || bundle.name, bundle, new Date().toISOString(), !!(passphrase || lockedFile));
      // Encrypted before the transaction opens: a transaction commits as soon as it waits on anything but itself.
      const file = lockedFile ?? (passphrase ? await encodeModelFile(bundle, { passphrase }) : null);
      const record: SavedModel = file ? { ...meta, locked: true, file } : { ...meta, locked: false, bundle };
      return guarded('save the model', async () => {
        const tx = db.transaction(MODELS_STORE, 'readwrite');
        await committed(tx, () => tx.store.put(record, id));
        return meta;
      });
    },
    listModels: () =>
      guarded('list the models', async () => {
        const all = await db.getAll(MODELS_STORE);
        return all.map(metaOf).sort((a, b) => b.savedAt.localeCompare(a.savedAt) || a.id.localeCompare(b.id));
      }),
    getModel: (id) => guarded('read the model', async () => (await db.get(MODELS_STORE, id)) ?? null),
    renameModel: (id, name) =>
      guarded('rename the model', async () => {
        const tx = db.transaction(MODELS_STORE, 'readwrite');
        return committed(tx, async () => {
          const saved = await tx.store.get(id);
          if (!saved) return null;
          const renamed: SavedModel = { ...saved, name: name.trim() || saved.name };
          await tx.store.put(renamed, id);
          return metaOf(renamed);
        });
      }),
    deleteModel: (id) =>
      guarded('delete the model', async () => {
        const tx = db.transaction(MODELS_STORE, 'readwrite');
        return committed(tx, async () => {
          const present = (await tx.store.getKey(id)) !== undefined;
          if (present) await tx.store.delete(id);
          return present;
        });
      }),
    close: () => db.close(),
  };
}
