import { useId, useState } from 'react';
import { formatCount, formatRatio } from '../shared/format';
import type { RegistryId, SavedModelMeta } from '../registry/types';
import { useT } from '../i18n';
import { slot, withData } from '../shared/messageParts';
import { formatDate, KIND_NAMES } from './modelsFormat';

interface Props {
  readonly model: SavedModelMeta;
  readonly inUse: boolean;
  readonly busy: boolean;
  readonly onLoad: (id: RegistryId) => void;
  readonly onRename: (id: RegistryId, name: string) => void;
  readonly onDelete: (id: RegistryId) => void;
}

/** What the row is doing: showing the model, renaming it, or asking before it deletes it. */
type RowMode = { readonly kind: 'view' } | { readonly kind: 'rename'; readonly name: string } | { readonly kind: 'confirm-delete' };

/** One saved model: its metadata, and load, rename (inline) and delete (confirmed inline). */
export function SavedModelRow({ model, inUse, busy, onLoad, onRename, onDelete }: Props) {
  const { t } = useT();
  const [mode, setMode] = useState<RowMode>({ kind: 'view' });
  const id = useId();
  const view = () => setMode({ kind: 'view' });
  return (
    <li className="saved-model" data-model-id={model.id} data-locked={model.locked}>
      <div className="saved-model-head">
        {mode.kind === 'rename' ? (
          <form
            className="rename-form"
            onSubmit={(e) => {
              e.preventDefault();
              const name = mode.name.trim();
              if (name && name !== model.name) onRename(model.id, name);
              view();
            }}
          >
            <label className="visually-hidden" htmlFor={`${id}-rename`}>
              {t('models.saved.newName', { name: model.name })}
            </label>
            <input
              id={`${id}-rename`}
              data-testid="rename-input"
              value={mode.name}
              maxLength={120}
              autoFocus
              onChange={(e) => setMode({ kind: 'rename', name: e.target.value })}
              onKeyDown={(e) => e.key === 'Escape' && view()}
            />
            <button type="submit" data-testid="rename-save-button" disabled={!mode.name.trim()}>
              {t('models.saved.saveName')}
            </button>
            <button type="button" data-testid="rename-cancel-button" onClick={view}>
              {t('models.saved.cancel')}
            </button>
          </form>
        ) : (
          <strong className="saved-model-name" data-testid="model-name" translate="no">
            {model.name}
          </strong>
        )}
        {model.locked && (
          <span className="lock-badge" data-testid="lock-badge">
            <span aria-hidden="true">🔒</span> {t('models.saved.locked')}
          </span>
        )}
        {inUse && <span className="in-use-badge">{t('models.saved.inUse')}</span>}
      </div>
      <dl className="saved-model-facts">
        <div>
          <dt>{t('models.saved.created')}</dt>
          <dd>
            <time dateTime={model.createdAt}>{formatDate(model.createdAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('models.saved.testAuc')}</dt>
          <dd data-testid="model-auc">{formatRatio(model.auc)}</dd>
        </div>
        <div>
          <dt>{t('models.saved.target')}</dt>
          <dd translate="no">{model.target}</dd>
        </div>
        <div>
          <dt>{t('models.saved.rows')}</dt>
          <dd>{formatCount(model.rows)}</dd>
        </div>
        <div>
          <dt>{t('models.saved.model')}</dt>
          <dd>{KIND_NAMES[model.kind]}</dd>
        </div>
      </dl>
      {mode.kind === 'confirm-delete' ? (
        <div className="confirm-delete" role="group" aria-label={t('models.saved.deleteGroup', { name: model.name })}>
          <span>{withData(t('models.saved.deleteConfirm', { name: slot('name') }), { name: model.name })}</span>
          <button
            type="button"
            className="danger"
            data-testid="confirm-delete-button"
            disabled={busy}
            onClick={() => {
              onDelete(model.id);
              view();
            }}
          >
            {t('models.saved.delete')}
          </button>
          <button type="button" data-testid="cancel-delete-button" autoFocus onClick={view}>
            {t('models.saved.keep')}
          </button>
        </div>
      ) : (
        <div className="saved-model-actions">
          <button type="button" data-testid="load-model-button" disabled={busy} aria-label={t('models.saved.loadLabel', { name: model.name })} onClick={() => onLoad(model.id)}>
            {model.locked ? t('models.saved.unlockAndLoad') : t('models.saved.load')}
          </button>
          <button
            type="button"
            data-testid="rename-model-button"
            disabled={busy || mode.kind === 'rename'}
            aria-label={t('models.saved.renameLabel', { name: model.name })}
            onClick={() => setMode({ kind: 'rename', name: model.name })}
          >
            {t('models.saved.rename')}
          </button>
          <button
            type="button"
            data-testid="delete-model-button"
            disabled={busy}
            aria-label={t('models.saved.deleteLabel', { name: model.name })}
            onClick={() => setMode({ kind: 'confirm-delete' })}
          >
            {t('models.saved.delete')}
          </button>
        </div>
      )}
    </li>
  );
}
