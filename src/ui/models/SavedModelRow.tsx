import { useId, useState } from 'react';
import { formatCount, formatRatio } from '../shared/format';
import type { RegistryId, SavedModelMeta } from '../registry/types';
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
              New name for {model.name}
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
              Save name
            </button>
            <button type="button" data-testid="rename-cancel-button" onClick={view}>
              Cancel
            </button>
          </form>
        ) : (
          <strong className="saved-model-name" data-testid="model-name">
            {model.name}
          </strong>
        )}
        {model.locked && (
          <span className="lock-badge" data-testid="lock-badge">
            <span aria-hidden="true">🔒</span> Locked
          </span>
        )}
        {inUse && <span className="in-use-badge">In use</span>}
      </div>
      <dl className="saved-model-facts">
        <div>
          <dt>Created</dt>
          <dd>
            <time dateTime={model.createdAt}>{formatDate(model.createdAt)}</time>
          </dd>
        </div>
        <div>
          <dt>Test AUC</dt>
          <dd data-testid="model-auc">{formatRatio(model.auc)}</dd>
        </div>
        <div>
          <dt>Target</dt>
          <dd>{model.target}</dd>
        </div>
        <div>
          <dt>Rows</dt>
          <dd>{formatCount(model.rows)}</dd>
        </div>
        <div>
          <dt>Model</dt>
          <dd>{KIND_NAMES[model.kind]}</dd>
        </div>
      </dl>
      {mode.kind === 'confirm-delete' ? (
        <div className="confirm-delete" role="group" aria-label={`Delete ${model.name}?`}>
          <span>Delete “{model.name}” from this browser? This cannot be undone.</span>
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
            Delete
          </button>
          <button type="button" data-testid="cancel-delete-button" autoFocus onClick={view}>
            Keep it
          </button>
        </div>
      ) : (
        <div className="saved-model-actions">
          <button type="button" data-testid="load-model-button" disabled={busy} aria-label={`Load ${model.name}`} onClick={() => onLoad(model.id)}>
            {model.locked ? 'Unlock and load' : 'Load'}
          </button>
          <button
            type="button"
            data-testid="rename-model-button"
            disabled={busy || mode.kind === 'rename'}
            aria-label={`Rename ${model.name}`}
            onClick={() => setMode({ kind: 'rename', name: model.name })}
          >
            Rename
          </button>
          <button type="button" data-testid="delete-model-button" disabled={busy} aria-label={`Delete ${model.name}`} onClick={() => setMode({ kind: 'confirm-delete' })}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
