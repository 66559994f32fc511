import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { transfer } from 'comlink';
import { DEFAULT_MAX_MODEL_FILE_BYTES } from '../../bundle/jsonText';
import type { BundleOutcome, BundleProblem } from '../../core/bundle/problems';
import type { ModelBundle, WeightQuantization } from '../../core/bundle/types';
import type { WorkerBridge } from '../../worker/client';
import type { ModelPolicy, TrainSummary } from '../../worker/protocol';
import type { ModelRegistry } from '../registry/registry';
import type { RegistryId, SavedModelMeta } from '../registry/types';
import { translate } from '../i18n';
import { downloadFile } from '../shared/download';
import { modelFactsOf } from '../state/modelFacts';
import type { ModelInUse, SessionEvent } from '../state/session';
import type { ExportChoice, ExportPreviews, ModelsNotice, QuantizationPreview, SaveChoice, StorageAnswer, UnlockRequest } from './types';

/** A locked model waiting for its passphrase: a chosen file (read again for each try), or a saved model's encrypted file. */
type PendingUnlock = { readonly source: 'file'; readonly file: File } | { readonly source: 'saved'; readonly id: RegistryId; readonly name: string; readonly file: Uint8Array };

/** What a worker call that reads a model file answers (importModelFile). */
type Imported = BundleOutcome<{ readonly modelId: ModelInUse['id']; readonly summary: TrainSummary | null; readonly bundle: ModelBundle }>;

interface Args {
  readonly bridge: WorkerBridge;
  /** The model in use (saved, exported and measured); null when there is none. */
  readonly model: ModelInUse | null;
  /** Its cut-off and scale in force, set on it in the worker before it is saved or exported. */
  readonly policy: ModelPolicy | null;
  /** True once the Models step has come into view: the export previews are measured only then. */
  readonly wantPreviews: boolean;
  readonly dispatch: (event: SessionEvent) => void;
}

/** The export previews per weight encoding, in the panel's terms (an encoding the model cannot use is left out). */
function previewsOf(measured: Readonly<Record<WeightQuantization, { bytes: number; testAucChange: number | null; testLogLossChange: number | null } | null>>): ExportPreviews {
  const previews: Partial<Record<WeightQuantization, QuantizationPreview>> = {};
  for (const encoding of ['none', 'float16', 'uint8'] as const) {
    const one = measured[encoding];
    if (one) previews[encoding] = { bytes: one.bytes, aucChange: one.testAucChange, logLossChange: one.testLogLossChange };
  }
  return previews;
}

/** `bytes` handed to the worker without a copy (the buffer moves there). */
function moved(bytes: Uint8Array): Uint8Array {
  return transfer(bytes, [bytes.buffer]);
}

/**
 * The Models step's side of the page: the registry (opened once, listed at start), saving and
 * loading the model in use, renaming and deleting, export and import through the worker (bytes
 * travel as transferred buffers: nothing is serialised on the main thread beyond IndexedDB's own
 * structured clone), the model card, and the passphrase prompt for locked models.
 */
export function useModels({ bridge, model, policy, wantPreviews, dispatch }: Args) {
  const [saved, setSaved] = useState<readonly SavedModelMeta[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<BundleProblem | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<ModelsNotice | null>(null);
  const [storageNote, setStorageNote] = useState<StorageAnswer | null>(null);
  const [pending, setPending] = useState<PendingUnlock | null>(null);
  const [measured, setMeasured] = useState<{ readonly modelId: string; readonly previews: ExportPreviews; readonly failure: string | null } | null>(null);

  const registryRef = useRef<Promise<BundleOutcome<ModelRegistry>> | null>(null);
  const askedPersistence = useRef(false);
  const modelRef = useRef(model);
  const policyRef = useRef(policy);
  useEffect(() => {
    modelRef.current = model;
    policyRef.current = policy;
  }, [model, policy]);

  // The registry and its file codec (valibot, SHA-256, AES) are a chunk of their own, fetched as the page starts: the first screen does not wait for them.
  const registry = useCallback(() => (registryRef.current ??= import('../registry/registry').then((module) => module.openRegistry())), []);

  /** Shows `problem`; a refused or closed registry (blocked) is let go, so that the next action opens it afresh. */
  const refuse = useCallback((problem: BundleProblem) => {
    if (problem.code === 'blocked') registryRef.current = null;
    setProblem(problem);
  }, []);

  const refresh = useCallback(async (): Promise<void> => {
    const opened = await registry();
    if (!opened.ok) {
      startTransition(() => {
        setSaved([]);
        refuse(opened.problem);
      });
      return;
    }
    const listed = await opened.data.listModels();
    startTransition(() => {
      if (listed.ok) setSaved(listed.data);
      else refuse(listed.problem);
    });
  }, [refuse, registry]);

  // Listed once the page is up; closed when it goes (a newer tab's upgrade then finds no connection).
  useEffect(() => {
    void refresh();
    return () => {
      const opening = registryRef.current;
      registryRef.current = null;
      void opening?.then((opened) => opened.ok && opened.data.close());
    };
  }, [refresh]);

  /** Runs one action at a time: the controls wait, the last message goes, and a bug becomes a short failure (details to the console). */
  const running = useRef(false);
  const act = useCallback(async (failed: string, action: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setProblem(null);
    setFailure(null);
    setNotice(null);
    try {
      await action();
    } catch (cause) {
      console.error(failed, cause);
      setFailure(`${failed} Try again.`);
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);

  /**
   * Waits for the worker's tfjs backend (started while the page was idle): a network bundle loaded
   * before it is up fails to build (traced right after a reload: "Backend 'wasm' has not yet been
   * initialized"). The worker keeps one start in flight, so asking again only waits for it.
   */
  const backendReady = useCallback(async () => {
    await bridge.api.preloadBackend().catch((cause: unknown) => console.warn('The tfjs backend did not start', cause));
  }, [bridge]);

  /** Sets the cut-off and scale in force on the model in the worker, so that its bundle carries them. */
  const keepPolicy = useCallback(
    async (target: ModelInUse): Promise<boolean> => {
      const policyNow = policyRef.current;
      if (!policyNow) return true;
      const kept = await bridge.api.setPolicy(target.id, policyNow);
      if (!kept.ok) setFailure(kept.reason);
      return kept.ok;
    },
    [bridge],
  );

  const save = useCallback(
    (choice: SaveChoice) =>
      act(translate('models.failure.save'), async () => {
        const target = modelRef.current;
        if (!target) return;
        const opened = await registry();
        if (!opened.ok) return refuse(opened.problem);
        if (!(await keepPolicy(target))) return;
        let outcome: BundleOutcome<SavedModelMeta>;
        if (choice.passphrase) {
          // Encrypted in the worker: the page never serialises the bundle itself.
          const exported = await bridge.api.exportModel(target.id, { quantization: 'none', passphrase: choice.passphrase, name: choice.name });
          if (!exported.ok) return refuse(exported.problem);
          outcome = await opened.data.saveModel({ name: choice.name, bundle: exported.data.bundle, lockedFile: exported.data.bytes });
        } else {
          const bundle = await bridge.api.bundleOf(target.id);
          if (!bundle.ok) return setFailure(bundle.reason);
          outcome = await opened.data.saveModel({ name: choice.name, bundle: bundle.data });
        }
        if (!outcome.ok) return refuse(outcome.problem);
        const meta = outcome.data;
        startTransition(() => {
          dispatch({ type: 'model-saved', modelId: target.id, savedId: meta.id });
          dispatch({ type: 'model-renamed', savedId: meta.id, name: meta.name });
          setNotice({ kind: meta.locked ? 'saved-locked' : 'saved', name: meta.name });
        });
        await refresh();
        // Asked once, at the first save: only then is there something worth keeping.
        if (!askedPersistence.current) {
          askedPersistence.current = true;
          const answer = await (await import('../registry/registry')).requestPersistentStorage();
          setStorageNote(answer);
        }
      }),
    [act, bridge, dispatch, keepPolicy, refresh, refuse, registry],
  );

  /** Puts an imported or unlocked model in use. */
  const adopt = useCallback(
    (loaded: Imported & { ok: true }, source: 'registry' | 'import', savedId: RegistryId | null, name?: string) => {
      const { modelId, summary, bundle } = loaded.data;
      const facts = modelFactsOf(bundle, summary, name);
      startTransition(() => {
        dispatch({ type: 'model-loaded', modelId, summary, facts, source, savedId, policy: { cutoff: bundle.policy.cutoff, scale: bundle.policy.scale } });
        setPending(null);
        setNotice({ kind: source === 'import' ? 'imported' : 'loaded', name: facts.name });
      });
    },
    [dispatch],
  );

  const load = useCallback(
    (id: RegistryId) =>
      act(translate('models.failure.load'), async () => {
        const opened = await registry();
        if (!opened.ok) return refuse(opened.problem);
        const got = await opened.data.getModel(id);
        if (!got.ok) return refuse(got.problem);
        const entry = got.data;
        if (!entry) {
          setFailure(translate('models.failure.gone'));
          return refresh();
        }
        if (entry.locked) {
          setPending({ source: 'saved', id, name: entry.name, file: entry.file });
          return;
        }
        await backendReady();
        const loaded = await bridge.api.loadBundle(entry.bundle);
        if (!loaded.ok) return refuse(loaded.problem);
        adopt({ ok: true, data: { ...loaded.data, bundle: entry.bundle } }, 'registry', id, entry.name);
      }),
    [act, adopt, backendReady, bridge, refresh, refuse, registry],
  );

  const rename = useCallback(
    (id: RegistryId, name: string) =>
      act(translate('models.failure.rename'), async () => {
        const opened = await registry();
        if (!opened.ok) return refuse(opened.problem);
        const renamed = await opened.data.renameModel(id, name);
        if (!renamed.ok) return refuse(renamed.problem);
        if (renamed.data) {
          const meta = renamed.data;
          startTransition(() => dispatch({ type: 'model-renamed', savedId: id, name: meta.name }));
        }
        await refresh();
      }),
    [act, dispatch, refresh, refuse, registry],
  );

  const remove = useCallback(
    (id: RegistryId) =>
      act(translate('models.failure.delete'), async () => {
        const opened = await registry();
        if (!opened.ok) return refuse(opened.problem);
        const deleted = await opened.data.deleteModel(id);
        if (!deleted.ok) return refuse(deleted.problem);
        startTransition(() => dispatch({ type: 'model-deleted', savedId: id }));
        await refresh();
      }),
    [act, dispatch, refresh, refuse, registry],
  );

  const exportFile = useCallback(
    (choice: ExportChoice) =>
      act(translate('models.failure.export'), async () => {
        const target = modelRef.current;
        if (!target || !(await keepPolicy(target))) return;
        const exported = await bridge.api.exportModel(target.id, {
          quantization: choice.quantization,
          ...(choice.passphrase ? { passphrase: choice.passphrase } : {}),
          name: target.facts.name,
        });
        if (!exported.ok) return refuse(exported.problem);
        downloadFile(exported.data.bytes as Uint8Array<ArrayBuffer>, exported.data.fileName, 'application/json');
        setNotice({ kind: choice.passphrase ? 'exported-encrypted' : 'exported', name: exported.data.fileName });
      }),
    [act, bridge, keepPolicy, refuse],
  );

  const downloadCard = useCallback(
    () =>
      act(translate('models.failure.card'), async () => {
        const target = modelRef.current;
        if (!target || !(await keepPolicy(target))) return;
        const card = await bridge.api.modelCard(target.id);
        if (!card.ok) return setFailure(card.reason);
        downloadFile(card.data.html, card.data.fileName, 'text/html');
        setNotice({ kind: 'card', name: card.data.fileName });
      }),
    [act, bridge, keepPolicy],
  );

  /** Reads `file` and has the worker check and load it; an encrypted one waits for its passphrase. */
  const importWith = useCallback(
    async (file: File, passphrase?: string) => {
      // Refused from its size alone, before a byte is read (the codec's own limit).
      if (file.size > DEFAULT_MAX_MODEL_FILE_BYTES) return setProblem({ code: 'too-large', bytes: file.size, maxBytes: DEFAULT_MAX_MODEL_FILE_BYTES });
      const bytes = new Uint8Array(await file.arrayBuffer());
      await backendReady();
      const imported = await bridge.api.importModelFile(moved(bytes), passphrase);
      if (imported.ok) return adopt(imported, 'import', null);
      if (imported.problem.code === 'passphrase-required') return setPending({ source: 'file', file });
      refuse(imported.problem);
    },
    [adopt, backendReady, bridge, refuse],
  );

  const importFile = useCallback(
    (file: File) =>
      act(translate('models.failure.import'), async () => {
        setPending(null);
        await importWith(file);
      }),
    [act, importWith],
  );

  const unlock = useCallback(
    (passphrase: string) =>
      act(translate('models.failure.unlock'), async () => {
        if (!pending) return;
        if (pending.source === 'file') return importWith(pending.file, passphrase);
        // A copy moves to the worker: the prompt keeps the stored file for another try.
        await backendReady();
        const opened = await bridge.api.importModelFile(moved(pending.file.slice()), passphrase);
        if (!opened.ok) return refuse(opened.problem);
        adopt(opened, 'registry', pending.id, pending.name);
      }),
    [act, adopt, backendReady, bridge, importWith, pending, refuse],
  );

  const cancelUnlock = useCallback(() => {
    setPending(null);
    setProblem(null);
  }, []);

  const dismissProblem = useCallback(() => {
    setProblem(null);
    setFailure(null);
  }, []);

  // The previews, once per model, when the step is in view: quantising and re-scoring the test rows is the worker's time.
  const modelId = model?.id ?? null;
  useEffect(() => {
    if (!wantPreviews || modelId === null) return;
    let current = true;
    bridge.api
      .quantizationPreview(modelId)
      .then((result) => {
        if (!current) return;
        startTransition(() => setMeasured(result.ok ? { modelId, previews: previewsOf(result.data), failure: null } : { modelId, previews: {}, failure: result.reason }));
      })
      .catch((cause: unknown) => {
        console.error('Measuring the export sizes failed', cause);
        if (current) setMeasured({ modelId, previews: {}, failure: translate('models.failure.measure') });
      });
    return () => {
      current = false;
    };
  }, [bridge, modelId, wantPreviews]);

  const measuredNow = measured && measured.modelId === modelId ? measured : null;
  const previews: ExportPreviews = measuredNow ? measuredNow.previews : 'loading';
  const unlockRequest: UnlockRequest | null = pending && { source: pending.source, name: pending.source === 'file' ? pending.file.name : pending.name };
  return {
    saved,
    previews,
    previewFailure: measuredNow?.failure ?? null,
    busy,
    problem,
    failure,
    notice,
    storageNote,
    unlock: unlockRequest,
    save,
    load,
    rename,
    remove,
    exportFile,
    downloadCard,
    importFile,
    unlockWith: unlock,
    cancelUnlock,
    dismissProblem,
  };
}
