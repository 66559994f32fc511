import { useState } from 'react';
import type { BundleProblem } from '../../core/bundle/problems';
import type { RegistryId, SavedModelMeta } from '../registry/types';
import { useT } from '../i18n';
import { Alert } from '../shared/Alert';
import { bundleProblemText } from './bundleProblemText';
import { ImportSection } from './ImportSection';
import { InUseSection } from './InUseSection';
import { SavedModelList } from './SavedModelList';
import { slot, withData } from '../shared/messageParts';
import type { ExportChoice, ExportPreviews, ModelInUseCard, ModelsNotice, SaveChoice, StorageAnswer, UnlockRequest } from './types';
import { UnlockPrompt } from './UnlockPrompt';

/** Everything the Models step shows and every action it asks of the page; it calls no worker and no registry itself. */
export interface ModelsPanelProps {
  /** The model in use; null when there is none (nothing to save or export). */
  readonly inUse: ModelInUseCard | null;
  /** The saved models, latest first; null while they are read. */
  readonly saved: readonly SavedModelMeta[] | null;
  /** Sizes and test-figure changes per weight encoding of the model in use. */
  readonly previews: ExportPreviews;
  /** Why they could not be measured (shown with the export options, not as an alert: export may still work). */
  readonly previewFailure?: string | null;
  /** An action is under way: the controls wait. */
  readonly busy: boolean;
  /** The one problem to show (registry, import or export), worded by bundleProblemText. */
  readonly problem: BundleProblem | null;
  /** A failure that is not a bundle problem (the worker could not export, say), already in words; shown when there is no problem. */
  readonly failure: string | null;
  /** What the last action did (saved, imported… and the name), for a polite status line. */
  readonly notice: ModelsNotice | null;
  /** What the browser answered when asked to keep saved models under storage pressure (asked once, at the first save). */
  readonly storageNote: StorageAnswer | null;
  /** A locked file or saved model waiting for its passphrase. */
  readonly unlock: UnlockRequest | null;
  readonly onSave: (choice: SaveChoice) => void;
  readonly onLoad: (id: RegistryId) => void;
  readonly onRename: (id: RegistryId, name: string) => void;
  readonly onDelete: (id: RegistryId) => void;
  readonly onExport: (choice: ExportChoice) => void;
  readonly onDownloadCard: () => void;
  readonly onImport: (file: File) => void;
  readonly onUnlock: (passphrase: string) => void;
  readonly onCancelUnlock: () => void;
  readonly onDismissProblem: () => void;
}

const NOTICE_KEYS = {
  saved: 'models.notice.saved',
  'saved-locked': 'models.notice.savedLocked',
  imported: 'models.notice.imported',
  loaded: 'models.notice.loaded',
  exported: 'models.notice.exported',
  'exported-encrypted': 'models.notice.exportedEncrypted',
  card: 'models.notice.card',
} as const satisfies Record<ModelsNotice['kind'], string>;

const STORAGE_KEYS = {
  persisted: 'models.storage.persisted',
  'not-persisted': 'models.storage.notPersisted',
  unsupported: 'models.storage.unsupported',
} as const satisfies Record<StorageAnswer, string>;

/** True for the notices whose name is a file's (the others name a model). */
const namesFile = (kind: ModelsNotice['kind']) => kind === 'exported' || kind === 'exported-encrypted' || kind === 'card';

/** The Models step: save the model in use, the saved models, export and import. */
export function ModelsPanel(props: ModelsPanelProps) {
  const { inUse, saved, previews, busy, problem, failure, notice, storageNote, unlock } = props;
  const { t } = useT();
  // One passphrase for both: the locked save and the encrypted export.
  const [passphrase, setPassphrase] = useState('');
  return (
    <section className="card models-panel" aria-labelledby="models-heading" data-testid="models-panel">
      <h2 id="models-heading" tabIndex={-1}>
        {t('models.title')}
      </h2>
      {problem ? (
        // The problem's code and values as data, for tests and tools to read in any language.
        <div data-testid="models-problem" data-problem={JSON.stringify(problem)}>
          <Alert message={bundleProblemText(problem)} code={problem.code} onDismiss={props.onDismissProblem} />
        </div>
      ) : (
        <Alert message={failure} onDismiss={props.onDismissProblem} />
      )}
      {(notice || storageNote) && (
        <div className="notice models-notice" role="status">
          {notice && (
            <p
              data-testid="models-notice"
              data-notice={notice.kind}
              data-model-name={namesFile(notice.kind) ? undefined : notice.name}
              data-file-name={namesFile(notice.kind) ? notice.name : undefined}
            >
              {withData(t(NOTICE_KEYS[notice.kind], { name: slot('name'), file: slot('name') }), { name: notice.name })}
            </p>
          )}
          {storageNote && (
            <p className="hint" data-testid="storage-note" data-storage={storageNote}>
              {t(STORAGE_KEYS[storageNote])}
            </p>
          )}
        </div>
      )}
      {/* Keyed by what it unlocks: a new request starts with an empty passphrase. */}
      {unlock && <UnlockPrompt key={`${unlock.source}:${unlock.name}`} request={unlock} busy={busy} onUnlock={props.onUnlock} onCancel={props.onCancelUnlock} />}
      {inUse ? (
        <InUseSection
          key={inUse.id}
          model={inUse}
          previews={previews}
          previewFailure={props.previewFailure ?? null}
          busy={busy}
          passphrase={passphrase}
          onPassphrase={setPassphrase}
          onSave={props.onSave}
          onExport={props.onExport}
          onDownloadCard={props.onDownloadCard}
        />
      ) : (
        <p className="hint">{t('models.nothingInUse')}</p>
      )}
      <SavedModelList models={saved} inUseId={inUse?.savedId ?? null} busy={busy} onLoad={props.onLoad} onRename={props.onRename} onDelete={props.onDelete} />
      <ImportSection busy={busy} onImport={props.onImport} />
    </section>
  );
}
