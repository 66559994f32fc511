import type { RegistryId, SavedModelMeta } from '../registry/types';
import { useT } from '../i18n';
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
  const { t } = useT();
  return (
    <section className="models-section" aria-labelledby="saved-models-heading">
      <h3 id="saved-models-heading">{t('models.saved.title')}</h3>
      {models === null ? (
        <p className="hint">{t('models.saved.reading')}</p>
      ) : models.length === 0 ? (
        <p className="hint" data-testid="model-list-empty">
          {t('models.saved.empty')}
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
