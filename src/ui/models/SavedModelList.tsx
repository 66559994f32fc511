import type { RegistryId, SavedModelMeta } from '../registry/types';
import { SavedModelRow } from './SavedModelRow';

interface Props {
  /** null while the registry is read. */
  readonly models: readonly SavedModelMeta[] | null;
  readonly inUseId: RegistryId | null;
  readonly busy: boolean;
  readonly onLoad: (id: RegistryId) => void;
  readonly onRename: (id: RegistryId, name: string) => void;
  readonly onDelete: (id: RegistryId) => void;
}

/** The models saved in this browser, latest first. */
export function SavedModelList({ models, inUseId, busy, onLoad, onRename, onDelete }: Props) {
  return (
    <section className="models-section" aria-labelledby="saved-models-heading">
      <h3 id="saved-models-heading">Saved in this browser</h3>
      {models === null ? (
        <p className="hint">Reading the saved models…</p>
      ) : models.length === 0 ? (
        <p className="hint" data-testid="model-list-empty">
          No saved models yet. Saved models stay in this browser only, on this device.
        </p>
      ) : (
        <ul className="model-list" data-testid="model-list" aria-labelledby="saved-models-heading">
          {models.map((model) => (
            <SavedModelRow key={model.id} model={model} inUse={model.id === inUseId} busy={busy} onLoad={onLoad} onRename={onRename} onDelete={onDelete} />
          ))}
        </ul>
      )}
    </section>
  );
}
