import { useState } from 'react';
import type { BundleProblem } from '../../core/bundle/problems';
import { problemMessage } from '../../bundle/problemMessage';
import type { RegistryId, SavedModelMeta } from '../registry/types';
import { useT } from '../i18n';
import { Alert } from '../shared/Alert';
import { ImportSection } from './ImportSection';
import { InUseSection } from './InUseSection';
import { SavedModelList } from './SavedModelList';
import type { ExportChoice, ExportPreviews, ModelInUseCard, SaveChoice, UnlockRequest } from './types';
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
  /** The one problem to show (registry, import or export), worded by problemMessage. */
  readonly problem: BundleProblem | null;
  /** A failure that is not a bundle problem (the worker could not export, say), already in words; shown when there is no problem. */
  readonly failure: string | null;
  /** What the last action did ("Saved …", "Imported …"), for a polite status line. */
  readonly notice: string | null;
  /** What the browser answered when asked to keep saved models under storage pressure (asked once, at the first save). */
  readonly storageNote: string | null;
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

/** The Models step: save the model in use, the saved models, export and import. */
export function ModelsPanel(props: ModelsPanelProps) {
  const { inUse, saved, previews, busy, problem, failure, notice, storageNote, unlock } = props;
  const { t } = useT();
  // One passphrase for both: the locked save and the encrypted export.
  const [passphrase, setPassphrase] = useState('');
  return (
    <section className="card models-panel" aria-labelledby="models-heading" data-testid="models-panel" data-i18n-scope>
      <h2 id="models-heading" tabIndex={-1}>
        {t('models.title')}
      </h2>
      <Alert message={problem ? problemMessage(problem) : failure} code={problem?.code} onDismiss={props.onDismissProblem} />
      {(notice || storageNote) && (
        <div className="notice models-notice" role="status">
          {notice && <p data-testid="models-notice">{notice}</p>}
          {storageNote && (
            <p className="hint" data-testid="storage-note">
              {storageNote}
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
