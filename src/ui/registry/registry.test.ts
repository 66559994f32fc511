import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NETWORK_BUNDLE, SCORECARD_BUNDLE } from '../../../test/fixtures/bundles';
import { decodeModelFile, encodeModelFile } from '../../bundle/file';
import type { NetworkModel } from '../../core/bundle/types';
import { openRegistry, openSavedModel, requestPersistentStorage, type ModelRegistry } from './registry';
import type { RegistryId, SavedModel } from './types';

const opened: { close(): void }[] = [];

async function registry(version?: number): Promise<ModelRegistry> {
  const outcome = await openRegistry(version === undefined ? {} : { version });
  if (!outcome.ok) throw new Error(`registry refused: ${outcome.problem.code}`);
  opened.push(outcome.data);
  return outcome.data;
}

function data<T>(outcome: { ok: true; data: T } | { ok: false; problem: { code: string } }): T {
  if (!outcome.ok) throw new Error(`refused: ${outcome.problem.code}`);
  return outcome.data;
}

/** The stored record as IndexedDB holds it, read past the registry. */
async function rawRecord(id: RegistryId): Promise<SavedModel> {
  const db = await openDB('creditlab');
  opened.push(db);
  expect([...db.objectStoreNames]).toEqual(['models']);
  return db.get('models', id);
}

beforeEach(() => {
  // A fresh IndexedDB per test; reopening within a test is a page reload.
  globalThis.indexedDB = new IDBFactory();
  vi.useFakeTimers({ toFake: ['Date'] });
});

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('model registry', () => {
  it('saves, lists the latest first with the metadata in clear, renames and deletes', async () => {
    const models = await registry();
    vi.setSystemTime(new Date('2025-03-01T09:00:00.000Z'));
    const network = data(await models.saveModel({ name: '  Book A  ', bundle: NETWORK_BUNDLE }));
    vi.setSystemTime(new Date('2025-03-01T09:05:00.000Z'));
    const card = data(await models.saveModel({ name: '', bundle: SCORECARD_BUNDLE }));

    // Test labels 1,0,0,1,0,0,1,0,0,0 against 0.81,…,0.05: the bads outrank 7 + 6 + 4 of the 21 bad/good pairs.
    expect(network).toEqual({
      id: network.id,
      name: 'Book A',
      createdAt: '2025-01-15T10:30:00.000Z',
      savedAt: '2025-03-01T09:00:00.000Z',
      auc: expect.closeTo(17 / 21, 12),
      target: 'default',
      rows: 40,
      kind: 'mlp',
      locked: false,
    });
    // A blank name takes the bundle's; no test rows: no AUC.
    expect(card).toMatchObject({ name: 'Fixture scorecard', createdAt: '2025-01-16T08:00:00.000Z', auc: null, rows: 50, kind: 'scorecard', locked: false });
    expect(network.id).toMatch(/^[0-9a-f]{32}$/);
    expect(card.id).not.toBe(network.id);

    expect(data(await models.listModels())).toEqual([card, network]);
    const saved = data(await models.getModel(network.id));
    expect(saved).toEqual({ ...network, bundle: NETWORK_BUNDLE });

    const renamed = data(await models.renameModel(network.id, 'Book A, final'));
    expect(renamed).toEqual({ ...network, name: 'Book A, final' });
    expect(data(await models.listModels()).map((m) => m.name)).toEqual(['Fixture scorecard', 'Book A, final']);
    expect(data(await models.renameModel('nope' as RegistryId, 'x'))).toBeNull();
    expect(data(await models.getModel('nope' as RegistryId))).toBeNull();

    expect(data(await models.deleteModel(card.id))).toBe(true);
    expect(data(await models.deleteModel(card.id))).toBe(false);
    expect(data(await models.listModels()).map((m) => m.id)).toEqual([network.id]);
  });

  it('still lists the saved models when the database is opened again (a reload)', async () => {
    const first = await registry();
    const meta = data(await first.saveModel({ name: 'Kept', bundle: NETWORK_BUNDLE }));
    first.close();
    const again = await registry();
    expect(data(await again.listModels())).toEqual([meta]);
    expect(data(await again.getModel(meta.id))).toMatchObject({ locked: false, bundle: NETWORK_BUNDLE });
    expect(await rawRecord(meta.id)).toMatchObject({ id: meta.id, name: 'Kept', bundle: { id: NETWORK_BUNDLE.id } });
  });

  it('keeps a locked model only as the encrypted file, which only the passphrase opens', async () => {
    const models = await registry();
    const meta = data(await models.saveModel({ name: 'Locked book', bundle: NETWORK_BUNDLE, passphrase: 'correct horse' }));
    expect(meta).toMatchObject({ name: 'Locked book', locked: true, target: 'default', rows: 40 });

    const record = await rawRecord(meta.id);
    expect(record.locked).toBe(true);
    expect('bundle' in record).toBe(false);
    if (!record.locked) throw new Error('not locked');
    expect(record.file).toBeInstanceOf(Uint8Array);
    const { file, ...clear } = record;
    const stored = `${new TextDecoder().decode(file)}\n${JSON.stringify(clear)}`;
    const weights = (NETWORK_BUNDLE.model as NetworkModel).members[0].weightData;
    expect(weights.length).toBeGreaterThan(40);
    for (const secret of [NETWORK_BUNDLE.name, weights, weights.slice(0, 24), NETWORK_BUNDLE.provenance.trainingFile.name, NETWORK_BUNDLE.provenance.trainingFile.sha256]) {
      expect(stored).not.toContain(secret);
    }

    expect(await decodeModelFile(file)).toEqual({ ok: false, problem: { code: 'passphrase-required' } });
    expect(await decodeModelFile(file, { passphrase: 'wrong horse' })).toEqual({ ok: false, problem: { code: 'wrong-passphrase' } });
    expect(await decodeModelFile(file, { passphrase: 'correct horse' })).toEqual({ ok: true, data: NETWORK_BUNDLE });

    const saved = data(await models.getModel(meta.id))!;
    expect(await openSavedModel(saved)).toEqual({ ok: false, problem: { code: 'passphrase-required' } });
    expect(await openSavedModel(saved, 'correct horse')).toEqual({ ok: true, data: NETWORK_BUNDLE });
  }, 30_000);

  it('keeps a model file encrypted elsewhere (in the worker) as it was given, locked, with the metadata read from its bundle', async () => {
    const models = await registry();
    const file = await encodeModelFile(SCORECARD_BUNDLE, { passphrase: 'tr0ub4dor' });
    const meta = data(await models.saveModel({ name: 'Card, locked', bundle: SCORECARD_BUNDLE, lockedFile: file }));
    expect(meta).toMatchObject({ name: 'Card, locked', locked: true, kind: 'scorecard', auc: null, rows: 50, target: SCORECARD_BUNDLE.schema.outcome.target });
    const record = await rawRecord(meta.id);
    expect('bundle' in record).toBe(false);
    if (!record.locked) throw new Error('not locked');
    // The very bytes given: not encrypted a second time.
    expect(Array.from(record.file)).toEqual(Array.from(file));
    expect(await openSavedModel(data(await models.getModel(meta.id))!, 'tr0ub4dor')).toEqual({ ok: true, data: SCORECARD_BUNDLE });
  }, 30_000);

  it('reports a full quota thrown by the put, and stores nothing', async () => {
    const models = await registry();
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await models.saveModel({ name: 'Too big', bundle: NETWORK_BUNDLE })).toEqual({ ok: false, problem: { code: 'quota-exceeded' } });
    vi.mocked(IDBObjectStore.prototype.put).mockRestore();
    expect(data(await models.listModels())).toEqual([]);
  });

  it('reports a full quota that aborts the transaction at commit after the put succeeded, and keeps nothing of it', async () => {
    const models = await registry();
    const put = IDBObjectStore.prototype.put;
    // As Chromium does: the request succeeds, the commit fails, the transaction aborts with the quota error.
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const request = put.apply(this, args);
      const tx = this.transaction;
      request.addEventListener('success', () => {
        Object.defineProperty(tx, 'error', { value: new DOMException('The quota has been exceeded.', 'QuotaExceededError'), configurable: true });
        tx.abort();
      });
      return request;
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await models.saveModel({ name: 'Too big', bundle: NETWORK_BUNDLE })).toEqual({ ok: false, problem: { code: 'quota-exceeded' } });
    vi.mocked(IDBObjectStore.prototype.put).mockRestore();
    expect(data(await models.listModels())).toEqual([]);
  });

  it('answers blocked when another tab keeps an older version open, and opens once it lets go', async () => {
    // Another tab's connection that ignores versionchange.
    const old = await openDB('creditlab', 1, { upgrade: (db) => void db.createObjectStore('models') });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await openRegistry({ version: 2 })).toEqual({ ok: false, problem: { code: 'blocked' } });
    old.close();
    const upgraded = await registry(2);
    expect(data(await upgraded.listModels())).toEqual([]);
  });

  it('closes its own connection when a newer version asks, so it blocks no other tab', async () => {
    const older = await registry();
    data(await older.saveModel({ name: 'Before the upgrade', bundle: NETWORK_BUNDLE }));
    const newer = await registry(2);
    expect(data(await newer.listModels()).map((m) => m.name)).toEqual(['Before the upgrade']);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await older.listModels()).toEqual({ ok: false, problem: { code: 'blocked' } });
  });
});

describe('persistent storage', () => {
  it('is unsupported without navigator.storage.persist', async () => {
    vi.stubGlobal('navigator', {});
    expect(await requestPersistentStorage()).toBe('unsupported');
  });

  it('does not ask again once persisted, and reports the browser’s answer otherwise', async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { storage: { persisted: async () => true, persist } });
    expect(await requestPersistentStorage()).toBe('persisted');
    expect(persist).not.toHaveBeenCalled();
    vi.stubGlobal('navigator', { storage: { persisted: async () => false, persist: async () => false } });
    expect(await requestPersistentStorage()).toBe('not-persisted');
    vi.stubGlobal('navigator', { storage: { persisted: async () => false, persist: async () => true } });
    expect(await requestPersistentStorage()).toBe('persisted');
  });
});
