import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { problemMessage } from '../../bundle/problemMessage';
import type { ModelId } from '../../worker/protocol';
import type { RegistryId, SavedModelMeta } from '../registry/types';
import { ModelsPanel, type ModelsPanelProps } from './ModelsPanel';

const SAVED: SavedModelMeta[] = [
  {
    id: 'a1' as RegistryId,
    name: 'Q3 book',
    createdAt: '2025-11-30T12:00:00Z',
    savedAt: '2025-12-01T09:00:00Z',
    auc: 0.812345,
    target: 'loan_status',
    rows: 1234567,
    kind: 'mlp',
    locked: true,
  },
  {
    id: 'b2' as RegistryId,
    name: 'Card',
    createdAt: '2025-11-29T12:00:00Z',
    savedAt: '2025-11-30T09:00:00Z',
    auc: null,
    target: 'default',
    rows: 50,
    kind: 'scorecard',
    locked: false,
  },
];

const noop = () => {};
const base: ModelsPanelProps = {
  inUse: { id: 'm1' as ModelId, name: 'Q3 book', kind: 'mlp', savedId: 'b2' as RegistryId, unsaved: false },
  saved: SAVED,
  previews: {
    none: { bytes: 84_213, aucChange: 0, logLossChange: 0 },
    float16: { bytes: 46_120, aucChange: -0.00004, logLossChange: 0.00002 },
    uint8: { bytes: 27_410, aucChange: -0.0012, logLossChange: 0.0021 },
  },
  busy: false,
  problem: null,
  failure: null,
  notice: null,
  storageNote: null,
  unlock: null,
  onSave: noop,
  onLoad: noop,
  onRename: noop,
  onDelete: noop,
  onExport: noop,
  onDownloadCard: noop,
  onImport: noop,
  onUnlock: noop,
  onCancelUnlock: noop,
  onDismissProblem: noop,
};
const html = (props: Partial<ModelsPanelProps> = {}) => renderToStaticMarkup(createElement(ModelsPanel, { ...base, ...props }));
const count = (text: string, part: string) => text.split(part).length - 1;

describe('ModelsPanel markup (server-rendered, no DOM)', () => {
  it('lists one row per saved model with its facts, the lock in words, and the row actions', () => {
    const page = html();
    expect(count(page, '<li class="saved-model" data-model-id=')).toBe(2);
    expect(page).toContain('data-model-id="a1" data-locked="true"');
    expect(page).toContain('0.8123');
    expect(page).toContain('1,234,567');
    expect(count(page, 'data-testid="lock-badge"')).toBe(1);
    expect(page).toMatch(/data-testid="lock-badge"><span aria-hidden="true">🔒<\/span> Locked/);
    expect(count(page, 'data-testid="load-model-button"')).toBe(2);
    expect(count(page, 'data-testid="delete-model-button"')).toBe(2);
    expect(count(page, 'data-testid="rename-model-button"')).toBe(2);
    // The model in use is the scorecard's entry.
    expect(page).toMatch(/data-model-id="b2".*In use/s);
  });

  it('offers each weight encoding with its size and AUC and log-loss change, and labels every control', () => {
    const page = html();
    expect(page).toContain('Half precision (float16): 46.1 kB, AUC ±0.0000, log loss ±0.0000');
    expect(page).toContain('8-bit (uint8): 27.4 kB, AUC \u22120.0012, log loss +0.0021');
    for (const id of ['model-name-input', 'passphrase-input', 'quantize-select', 'import-input']) {
      const control = new RegExp(`<(input|select)[^>]*id="([^"]+)"[^>]*data-testid="${id}"`).exec(page);
      expect(control, id).not.toBeNull();
      expect(page, `${id} has a label`).toContain(`for="${control![2]}"`);
    }
    expect(page).toContain('accept=".json,application/json"');
    expect(page).toContain('data-testid="export-button"');
    expect(page).toContain('data-testid="model-card-download"');
    expect(page).toContain('data-testid="save-model-button"');
  });

  it('shows the measuring state, and options a model cannot use as disabled', () => {
    expect(html({ previews: 'loading' })).toContain('aria-busy="true"');
    const scorecard = html({ previews: { none: { bytes: 9_000, aucChange: null, logLossChange: null } } });
    expect(scorecard).toMatch(/<option value="uint8" disabled="">8-bit \(uint8\): not for this model<\/option>/);
  });

  it('shows the one problem in a single alert worded by problemMessage, and the unlock prompt', () => {
    const page = html({ problem: { code: 'quota-exceeded' }, unlock: { source: 'file', name: 'q3.creditlab.json' } });
    expect(count(page, 'role="alert"')).toBe(1);
    expect(page).toContain(problemMessage({ code: 'quota-exceeded' }).replace(/'/g, '&#x27;'));
    expect(page).toContain('data-testid="models-problem" data-problem="{&quot;code&quot;:&quot;quota-exceeded&quot;}"');
    expect(page).toContain('data-testid="unlock-passphrase-input"');
    expect(page).toContain('q3.creditlab.json');
    expect(count(html(), 'role="alert"')).toBe(0);
  });

  it('shows a failure in words when there is no problem, and the last action and the storage answer as a status', () => {
    const page = html({ failure: 'The model card could not be written.', notice: { kind: 'saved', name: 'Q3 book' }, storageNote: 'persisted' });
    expect(count(page, 'role="alert"')).toBe(1);
    expect(page).toContain('The model card could not be written.');
    expect(page).toMatch(
      /role="status"><p data-testid="models-notice" data-notice="saved" data-model-name="Q3 book">Saved “<span translate="no">Q3 book<\/span>” in this browser.<\/p><p class="hint" data-testid="storage-note" data-storage="persisted">This browser will keep your saved models even when it runs short of space.<\/p>/,
    );
    // A problem wins over a failure: one alert, one message.
    const both = html({ problem: { code: 'blocked' }, failure: 'The model card could not be written.' });
    expect(count(both, 'role="alert"')).toBe(1);
    expect(both).not.toContain('model card could not');
  });

  it('says whether the model in use is saved here, changed since, or not saved', () => {
    expect(html()).toMatch(/data-testid="in-use-saved-state" data-saved="true">“<span translate="no">Q3 book<\/span>” is saved in this browser./);
    expect(html({ inUse: { ...base.inUse!, unsaved: true } })).toContain('changed since it was saved');
    expect(html({ inUse: { ...base.inUse!, savedId: null, unsaved: true } })).toMatch(
      /data-saved="false">“<span translate="no">Q3 book<\/span>” is not saved in this browser yet./,
    );
  });

  it('without a model in use there is nothing to save or export', () => {
    const page = html({ inUse: null, saved: [] });
    expect(page).not.toContain('save-model-button');
    expect(page).not.toContain('export-button');
    expect(page).toContain('data-testid="model-list-empty"');
    expect(page).not.toContain('data-testid="model-list"');
  });
});
