import { useId, useState } from 'react';
import type { WeightQuantization } from '../../core/bundle/types';
import { translate, useT } from '../i18n';
import { slot, withData } from '../shared/messageParts';
import { formatBytes, formatChange, QUANTIZATION_NAMES } from './modelsFormat';
import type { ExportChoice, ExportPreviews, ModelInUseCard, QuantizationPreview, SaveChoice } from './types';

const ENCODINGS: readonly WeightQuantization[] = ['none', 'float16', 'uint8'];

interface Props {
  readonly model: ModelInUseCard;
  readonly previews: ExportPreviews;
  readonly previewFailure: string | null;
  readonly busy: boolean;
  readonly passphrase: string;
  readonly onPassphrase: (passphrase: string) => void;
  readonly onSave: (choice: SaveChoice) => void;
  readonly onExport: (choice: ExportChoice) => void;
  readonly onDownloadCard: () => void;
}

/** One option's text: its name, and once measured the file size and what the test figures do. */
function optionText(encoding: WeightQuantization, preview: QuantizationPreview | undefined, loading: boolean): string {
  const name = QUANTIZATION_NAMES[encoding];
  if (loading) return translate('models.inUse.measuring', { name });
  if (!preview) return translate('models.inUse.notForModel', { name });
  const size = formatBytes(preview.bytes);
  if (encoding === 'none' || preview.aucChange === null) return translate('models.inUse.sized', { name, size });
  return translate('models.inUse.sizedWithChanges', { name, size, auc: formatChange(preview.aucChange), logLoss: formatChange(preview.logLossChange) });
}

/** Saving the model in use to this browser, and exporting it as a file (optionally encrypted) with its model card. */
export function InUseSection({ model, previews, previewFailure, busy, passphrase, onPassphrase, onSave, onExport, onDownloadCard }: Props) {
  const { t } = useT();
  const [name, setName] = useState(model.name);
  const [encoding, setEncoding] = useState<WeightQuantization>('none');
  const [showPassphrase, setShowPassphrase] = useState(false);
  const id = useId();
  const loading = previews === 'loading';
  // A choice the model does not allow (a scorecard has no weights to quantise; quantised weights are
  // exported only as stored) gives way to the first encoding it does allow.
  const chosen: WeightQuantization = loading || previews[encoding] ? encoding : (ENCODINGS.find((option) => previews[option]) ?? 'none');
  const preview = loading ? undefined : previews[chosen];
  const lock = passphrase === '' ? null : passphrase;
  return (
    <section className="models-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('models.inUse.title')}</h3>
      <p className="hint" data-testid="in-use-saved-state" data-saved={model.savedId !== null && !model.unsaved}>
        {withData(t(model.savedId === null ? 'models.inUse.notSaved' : model.unsaved ? 'models.inUse.changed' : 'models.inUse.saved', { name: slot('name') }), {
          name: model.name,
        })}
      </p>
      <form
        className="models-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) onSave({ name: name.trim(), passphrase: lock });
        }}
      >
        <div className="field-row">
          <label htmlFor={`${id}-name`}>{t('models.inUse.name')}</label>
          <input id={`${id}-name`} data-testid="model-name-input" value={name} maxLength={120} disabled={busy} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field-row">
          <label htmlFor={`${id}-passphrase`}>{t('models.inUse.passphrase')}</label>
          <input
            id={`${id}-passphrase`}
            type={showPassphrase ? 'text' : 'password'}
            autoComplete="new-password"
            data-testid="passphrase-input"
            aria-describedby={`${id}-passphrase-hint`}
            value={passphrase}
            disabled={busy}
            onChange={(e) => onPassphrase(e.target.value)}
          />
          <label className="inline-check">
            <input type="checkbox" data-testid="show-passphrase" checked={showPassphrase} onChange={(e) => setShowPassphrase(e.target.checked)} /> {t('models.inUse.show')}
          </label>
        </div>
        <p id={`${id}-passphrase-hint`} className="hint">
          {t('models.inUse.passphraseHint')}
        </p>
        <button type="submit" className="primary" data-testid="save-model-button" disabled={busy || !name.trim()}>
          {lock ? t('models.inUse.saveLocked') : t('models.inUse.save')}
        </button>
      </form>
      <div className="models-form export-form" aria-busy={loading}>
        <div className="field-row">
          <label htmlFor={`${id}-quantize`}>{t('models.inUse.weights')}</label>
          <select
            id={`${id}-quantize`}
            data-testid="quantize-select"
            data-measured={!loading}
            value={chosen}
            disabled={busy}
            onChange={(e) => setEncoding(e.target.value as WeightQuantization)}
          >
            {ENCODINGS.map((option) => (
              <option
                key={option}
                value={option}
                disabled={!loading && !previews[option]}
                data-bytes={loading ? undefined : previews[option]?.bytes}
                data-auc-change={loading ? undefined : (previews[option]?.aucChange ?? undefined)}
                data-logloss-change={loading ? undefined : (previews[option]?.logLossChange ?? undefined)}
              >
                {optionText(option, loading ? undefined : previews[option], loading)}
              </option>
            ))}
          </select>
        </div>
        <p className="hint" data-testid="export-preview" aria-live="polite">
          {loading ? t('models.inUse.measuringAll') : preview ? optionText(chosen, preview, false) : previewFailure}
        </p>
        <div className="field-row">
          <button type="button" data-testid="export-button" disabled={busy} onClick={() => onExport({ quantization: chosen, passphrase: lock })}>
            {lock ? t('models.inUse.exportEncrypted') : t('models.inUse.export')}
          </button>
          <button type="button" data-testid="model-card-download" disabled={busy} onClick={onDownloadCard}>
            {t('models.inUse.downloadCard')}
          </button>
        </div>
      </div>
    </section>
  );
}
