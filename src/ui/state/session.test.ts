import { describe, expect, it } from 'vitest';
import type { ColumnProfile } from '../../core/profile/profileTable';
import type { DatasetId, DatasetSummary, ModelId, PreparedSummary } from '../../worker/protocol';
import type { RegistryId } from '../registry/types';
import { DEFAULT_TRAIN_OPTIONS } from '../train/trainOptions';
import { cutoffNoticeText } from './notices';
import type { ModelFacts, ModelScoring } from './modelFacts';
import { INITIAL_SESSION, policyInUse, sessionReducer, type ModelSummary, type SessionEvent, type SessionState } from './session';
import { availableSteps, stepStatus } from './steps';

function column(name: string, role: ColumnProfile['role'], values: readonly string[] | null, distinct = values?.length ?? 50): ColumnProfile {
  return { name, role, missing: 0, distinct, values, missingShare: 0, distinctCapped: false, valueCounts: values && values.map(() => 1), numeric: null, categorical: null };
}

function dataset(rowCount: number, suggestedTarget: string | null = 'default'): DatasetSummary {
  return {
    fileName: 'book.csv',
    sizeBytes: 1000,
    rowCount,
    columns: [
      column('id', 'identifier', null),
      column('age', 'numeric', null),
      column('home', 'categorical', ['RENT', 'OWN', 'MORTGAGE']),
      column('default', 'numeric', ['0', '1']),
    ],
    suggestedTarget,
    notes: { delimiter: ',', hasHeader: true, decimal: '.', encoding: 'utf-8', renamedColumns: [], unnamedColumns: [], raggedRows: 0, typeNotes: [] },
    parseMs: 1,
    profileMs: 1,
  };
}

// The reducer reads only these fields of a preparation and of a model summary; the rest is the worker's.
function prepared(trainRows: number, trainBadRows: number, rowsBefore: number): PreparedSummary {
  return { trainRows, trainBadRows, report: { rowsBefore } } as unknown as PreparedSummary;
}
function model(defaultCutoff: number): ModelSummary {
  return { defaultCutoff } as unknown as ModelSummary;
}

// The reducer passes a model's facts through untouched: any value will do.
const FACTS: ModelFacts = { name: 'Book', kind: 'mlp', scoring: {} as ModelScoring };
const modelId = (id: string) => id as ModelId;
const savedId = (id: string) => id as RegistryId;
const datasetId = (id: string) => id as DatasetId;

const run = (events: readonly SessionEvent[], from: SessionState = INITIAL_SESSION) => events.reduce(sessionReducer, from);
const loaded = (rows: number, suggested: string | null = 'default') =>
  run([{ type: 'dataset-loaded', dataset: { datasetId: datasetId('d1'), summary: dataset(rows, suggested) } }]);

describe('steps', () => {
  it('opens only Data and Models before anything is loaded, and says what the others need', () => {
    expect(availableSteps(INITIAL_SESSION)).toEqual([
      { step: 'data', available: true, needs: 'dataset' },
      { step: 'clean', available: false, needs: 'dataset' },
      { step: 'train', available: false, needs: 'dataset' },
      { step: 'evaluate', available: false, needs: 'model' },
      { step: 'decide', available: false, needs: 'model' },
      { step: 'score', available: false, needs: 'model' },
      { step: 'models', available: true, needs: null },
    ]);
  });

  it('refuses to open a step that is not available', () => {
    expect(sessionReducer(INITIAL_SESSION, { type: 'step-chosen', step: 'evaluate' })).toBe(INITIAL_SESSION);
    expect(sessionReducer(INITIAL_SESSION, { type: 'step-chosen', step: 'models' }).step).toBe('models');
  });
});

describe('data set, target and plan', () => {
  it('a loaded file takes the suggested target, a plan with the guessed positive value, and batch size and epochs for its rows', () => {
    const s = loaded(1000);
    expect(s.step).toBe('data');
    expect(s.target).toBe('default');
    // 0/1: the larger number is the event; the identifier and the target are not features.
    expect(s.plan).toMatchObject({ target: 'default', positive: '1', negative: '0', features: ['age', 'home'] });
    // Fewer than 2,000 rows: batch 32 (not the form's 64); under 100,000: 80 epochs.
    expect(s.options).toEqual({ ...DEFAULT_TRAIN_OPTIONS, batchSize: 32, epochs: 80 });
    expect(stepStatus(s, 'clean')).toEqual({ step: 'clean', available: true, needs: null });
    expect(stepStatus(s, 'data').needs).toBeNull();
  });

  it('without a two-valued target Clean and Train wait for one, and a target with three values closes them', () => {
    const none = loaded(1000, null);
    expect(none.target).toBe('');
    expect(none.plan).toBeNull();
    expect(stepStatus(none, 'clean')).toEqual({ step: 'clean', available: false, needs: 'two-valued-target' });
    expect(stepStatus(none, 'train').needs).toBe('two-valued-target');

    const onClean = sessionReducer(loaded(1000), { type: 'step-chosen', step: 'clean' });
    expect(onClean.step).toBe('clean');
    const three = sessionReducer(onClean, { type: 'target-chosen', target: 'home' });
    expect(three.target).toBe('home');
    expect(three.plan).toBeNull();
    // Clean closed under the user: back to Data, where the target is chosen.
    expect(three.step).toBe('data');
  });

  it('choosing the positive value swaps the pair; toggling a feature removes it and adds it back at the end', () => {
    const s = sessionReducer(loaded(1000), { type: 'positive-chosen', positive: '0' });
    expect(s.plan).toMatchObject({ positive: '0', negative: '1' });
    const off = sessionReducer(s, { type: 'feature-toggled', column: 'age' });
    expect(off.plan?.features).toEqual(['home']);
    expect(sessionReducer(off, { type: 'feature-toggled', column: 'age' }).plan?.features).toEqual(['home', 'age']);
    expect(sessionReducer(off, { type: 'feature-toggled', column: 'no-such-column' })).toBe(off);
  });
});

describe('options follow the prepared rows unless the user changed them', () => {
  // 75,000 rows as loaded: batch 128, 80 epochs. Hand-computed defaults (defaultSettingsFor):
  // A: 60,000 training rows, 6,000 bad: hold-out 10% → 54,000 fit rows, batch 128, 422 steps an epoch,
  //    patience max(5, ⌈600/422⌉) = 5, min epochs ⌈400/422⌉ = 1, class weights on (10% < 20%).
  // B: 1,500 training rows, 450 bad: 5-fold cross-fit → 1,200 fit rows, batch 32, 38 steps,
  //    patience ⌈600/38⌉ = 16, min epochs ⌈400/38⌉ = 11, class weights off (30%).
  const prepare = (s: SessionState, p: PreparedSummary): SessionState => sessionReducer(s, { type: 'prepared', prepared: p, plan: s.plan!, seed: s.options.seed });

  it('untouched options take the new defaults, the ones the user changed are kept, class weights follow the balance', () => {
    const start = loaded(75_000);
    expect(start.options).toMatchObject({ batchSize: 128, epochs: 80, patience: 5, minEpochs: 0, classWeights: false });
    const a = prepare(start, prepared(60_000, 6_000, 75_000));
    expect(a.options).toMatchObject({ batchSize: 128, epochs: 80, patience: 5, minEpochs: 1, classWeights: true });
    expect(a.optionsBasis).toEqual({ balanceKey: '6000/60000', defaults: { batchSize: 128, epochs: 80, patience: 5, minEpochs: 1, classWeights: true } });

    const touched = sessionReducer(a, { type: 'options-changed', options: { ...a.options, patience: 9 } });
    const b = prepare(touched, prepared(1_500, 450, 75_000));
    expect(b.options).toMatchObject({ batchSize: 32, epochs: 80, patience: 9, minEpochs: 11, classWeights: false });
    expect(b.prepared?.trainRows).toBe(1_500);
  });

  it('a class weight the user switched is reset by a new balance, but not by the same balance again', () => {
    const a = prepare(loaded(75_000), prepared(60_000, 6_000, 75_000));
    const off = sessionReducer(a, { type: 'options-changed', options: { ...a.options, classWeights: false } });
    const again = prepare(off, prepared(60_000, 6_000, 75_000));
    expect(again.options).toBe(off.options);
    expect(again.options.classWeights).toBe(false);
    expect(prepare(off, prepared(60_000, 6_001, 75_000)).options.classWeights).toBe(true);
  });

  it('a preparation for an older plan or seed is ignored, and a new seed drops the current one', () => {
    const s = loaded(1000);
    const oldPlan = s.plan!;
    const edited = sessionReducer(s, { type: 'feature-toggled', column: 'home' });
    expect(sessionReducer(edited, { type: 'prepared', prepared: prepared(800, 240, 1000), plan: oldPlan, seed: 42 })).toBe(edited);
    const ready = prepare(edited, prepared(800, 240, 1000));
    // 800 rows, 240 bad: cross-fit, 640 fit rows, batch 32, 20 steps: patience min(20, 30) = 20, min epochs 20.
    expect(ready.options).toMatchObject({ batchSize: 32, patience: 20, minEpochs: 20, classWeights: false });
    expect(sessionReducer(ready, { type: 'prepared', prepared: prepared(800, 240, 1000), plan: ready.plan!, seed: 7 })).toBe(ready);
    expect(sessionReducer(ready, { type: 'options-changed', options: { ...ready.options, epochs: 10 } }).prepared).toBe(ready.prepared);
    expect(sessionReducer(ready, { type: 'options-changed', options: { ...ready.options, seed: 7 } }).prepared).toBeNull();
  });

  it('choosing the target already chosen changes nothing, so a preparation already in is kept, whatever order React applies the two in', () => {
    const s = loaded(1000);
    const ready = prepare(s, prepared(800, 240, 1000));
    // After the preparation (the order a rebase gives a choice queued before it): the state as it was.
    expect(sessionReducer(ready, { type: 'target-chosen', target: s.target })).toBe(ready);
    // Before it: the plan stays the same object, so the preparation asked for it still matches.
    const before = sessionReducer(s, { type: 'target-chosen', target: s.target });
    expect(before.plan).toBe(s.plan);
    expect(prepare(before, prepared(800, 240, 1000)).prepared?.trainRows).toBe(800);
    // An equal plan rebuilt elsewhere matches too, by content; another target's does not.
    const rebuilt = JSON.parse(JSON.stringify(s.plan)) as typeof s.plan;
    expect(sessionReducer(s, { type: 'prepared', prepared: prepared(800, 240, 1000), plan: rebuilt!, seed: 42 }).prepared?.trainRows).toBe(800);
    const other = sessionReducer(ready, { type: 'feature-toggled', column: 'home' });
    expect(other.prepared).toBeNull();
    expect(sessionReducer(other, { type: 'prepared', prepared: prepared(800, 240, 1000), plan: s.plan!, seed: 42 })).toBe(other);
  });
});

describe('models and the cut-off', () => {
  const first: SessionEvent = { type: 'trained', modelId: modelId('m1'), summary: model(0.3), facts: FACTS, source: 'trained' };

  it('a trained model opens Evaluate at its default cut-off, with no notice for the first model', () => {
    const s = run([first], loaded(1000));
    expect(s.step).toBe('evaluate');
    expect(s.model).toEqual({ id: modelId('m1'), summary: model(0.3), source: 'trained', facts: FACTS, savedId: null, unsaved: true });
    expect(s.cutoff).toBe(0.3);
    expect(s.cutoffNotice).toBeNull();
    expect(
      availableSteps(s)
        .filter((x) => x.available)
        .map((x) => x.step),
    ).toEqual(['data', 'clean', 'train', 'evaluate', 'decide', 'score', 'models']);
  });

  it('a second model resets a moved cut-off to its own and says so; an unmoved one needs no notice', () => {
    const moved = run([first, { type: 'cutoff-chosen', cutoff: 0.45 }], loaded(1000));
    expect(moved.cutoff).toBe(0.45);
    const second = sessionReducer(moved, { type: 'trained', modelId: modelId('m2'), summary: model(0.3), facts: FACTS, source: 'compared' });
    expect(second.cutoff).toBe(0.3);
    expect(second.cutoffNotice).toEqual({ cutoff: 0.3, origin: 'trained' });
    expect(cutoffNoticeText(second.cutoffNotice)).toBe('New model: the cut-off is back to 30.0%.');
    expect(second.model?.source).toBe('compared');
    expect(sessionReducer(second, { type: 'cutoff-chosen', cutoff: 0.2 }).cutoffNotice).toBeNull();
    const same = run([first, { type: 'trained', modelId: modelId('m2'), summary: model(0.3), facts: FACTS, source: 'trained' }], loaded(1000));
    expect(same.cutoffNotice).toBeNull();
  });

  it('saving marks the model saved; a new cut-off or scale makes it unsaved again; deleting its entry forgets the entry', () => {
    const saved = run([first, { type: 'model-saved', modelId: modelId('m1'), savedId: savedId('r1') }], loaded(1000));
    expect(saved.model).toMatchObject({ savedId: savedId('r1'), unsaved: false });
    expect(sessionReducer(saved, { type: 'model-saved', modelId: modelId('other'), savedId: savedId('r2') })).toBe(saved);
    expect(sessionReducer(saved, { type: 'cutoff-chosen', cutoff: 0.3 }).model?.unsaved).toBe(false);
    expect(sessionReducer(saved, { type: 'cutoff-chosen', cutoff: 0.31 }).model?.unsaved).toBe(true);
    const scale = { baseScore: 500, baseOdds: 20, pointsToDoubleOdds: 40 };
    const rescaled = sessionReducer(saved, { type: 'scale-changed', scale });
    expect(rescaled.model?.unsaved).toBe(true);
    expect(policyInUse(rescaled)).toEqual({ cutoff: 0.3, scale });
    expect(sessionReducer(saved, { type: 'model-deleted', savedId: savedId('r9') })).toBe(saved);
    expect(sessionReducer(saved, { type: 'model-deleted', savedId: savedId('r1') }).model).toMatchObject({ savedId: null, unsaved: true });
  });

  it('a registry model without any data set opens Evaluate, Decide and Score at its saved cut-off and scale; Data, Clean and Train ask for a file', () => {
    const scale = { baseScore: 650, baseOdds: 30, pointsToDoubleOdds: 25 };
    const s = sessionReducer(INITIAL_SESSION, {
      type: 'model-loaded',
      modelId: modelId('m7'),
      summary: model(0.25),
      facts: FACTS,
      source: 'registry',
      savedId: savedId('r3'),
      policy: { cutoff: 0.4, scale },
    });
    expect(s.step).toBe('evaluate');
    expect(s.model).toEqual({ id: modelId('m7'), summary: model(0.25), source: 'registry', facts: FACTS, savedId: savedId('r3'), unsaved: false });
    expect(s.cutoff).toBe(0.4);
    expect(s.cutoffNotice).toBeNull();
    expect(s.scale).toEqual(scale);
    expect(availableSteps(s)).toEqual([
      { step: 'data', available: true, needs: 'dataset' },
      { step: 'clean', available: false, needs: 'dataset' },
      { step: 'train', available: false, needs: 'dataset' },
      { step: 'evaluate', available: true, needs: null },
      { step: 'decide', available: true, needs: null },
      { step: 'score', available: true, needs: null },
      { step: 'models', available: true, needs: null },
    ]);
    // Loading a model over a trained one moves the cut-off to the saved one, with a notice.
    const over = run(
      [first, { type: 'model-loaded', modelId: modelId('m8'), summary: model(0.3), facts: FACTS, source: 'import', savedId: null, policy: { cutoff: 0.5, scale } }],
      loaded(1000),
    );
    expect(over.cutoffNotice).toEqual({ cutoff: 0.5, origin: 'loaded' });
    expect(over.model).toMatchObject({ source: 'import', unsaved: false });
  });

  it('a loaded bundle without test rows goes straight to Score: Evaluate and Decide have nothing to show', () => {
    const s = sessionReducer(INITIAL_SESSION, {
      type: 'model-loaded',
      modelId: modelId('m9'),
      summary: null,
      facts: FACTS,
      source: 'import',
      savedId: null,
      policy: { cutoff: 0.3, scale: INITIAL_SESSION.scale },
    });
    expect(s.step).toBe('score');
    expect(s.cutoff).toBe(0.3);
    expect(stepStatus(s, 'evaluate')).toEqual({ step: 'evaluate', available: false, needs: 'test-results' });
    expect(stepStatus(s, 'decide')).toEqual({ step: 'decide', available: false, needs: 'test-results' });
    expect(stepStatus(s, 'score')).toEqual({ step: 'score', available: true, needs: null });
  });

  it('a new data set keeps the model in use and opens Data', () => {
    const s = run([first, { type: 'dataset-loaded', dataset: { datasetId: datasetId('d2'), summary: dataset(500) } }], loaded(1000));
    expect(s.step).toBe('data');
    expect(s.dataset?.datasetId).toBe('d2');
    expect(s.model?.id).toBe('m1');
    expect(s.cutoff).toBe(0.3);
  });

  it('a worker crash clears the data set, plan, preparation, model and cut-off, and leaves a closed step', () => {
    const ready = run([first, { type: 'economics-changed', economics: { profitPerGood: 10, lossPerBad: 20, targetApprovalRate: 0.5 } }], loaded(1000));
    const crashed = sessionReducer(ready, { type: 'worker-crashed' });
    expect(crashed).toMatchObject({ step: 'data', dataset: null, target: '', plan: null, prepared: null, model: null, cutoff: null, cutoffNotice: null });
    expect(crashed.economics).toEqual({ profitPerGood: 10, lossPerBad: 20, targetApprovalRate: 0.5 });
    expect(crashed.options).toBe(ready.options);
    expect(
      availableSteps(crashed)
        .filter((x) => x.available)
        .map((x) => x.step),
    ).toEqual(['data', 'models']);
    // On Models when it crashed: Models stays open.
    expect(sessionReducer({ ...ready, step: 'models' }, { type: 'worker-crashed' }).step).toBe('models');
    // The next model after a crash is the first again: no notice.
    expect(sessionReducer(crashed, first).cutoffNotice).toBeNull();
    expect(sessionReducer(crashed, { type: 'cutoff-chosen', cutoff: 0.2 })).toBe(crashed);
  });
});

describe('wiring: comparisons, renames and bringing steps into view', () => {
  const trained: SessionEvent = { type: 'trained', modelId: modelId('m1'), summary: model(0.3), facts: FACTS, source: 'trained' };

  it('putting the model aside for a comparison closes Evaluate, Decide and Score and drops the cut-off; the compared model chosen next is a first model', () => {
    const s = run([trained, { type: 'cutoff-chosen', cutoff: 0.45 }, { type: 'model-set-aside' }], loaded(1000));
    expect(s).toMatchObject({ model: null, cutoff: null, cutoffNotice: null });
    // Evaluate closed under the user: the nearest open step before it.
    expect(s.step).toBe('train');
    expect(sessionReducer(s, { type: 'model-set-aside' })).toBe(s);
    const chosen = sessionReducer(s, { type: 'trained', modelId: modelId('m2'), summary: model(0.2), facts: FACTS, source: 'compared' });
    expect(chosen).toMatchObject({ cutoff: 0.2, cutoffNotice: null, step: 'evaluate' });
  });

  it('renaming the saved entry of the model in use renames the model; another entry changes nothing', () => {
    const saved = run([trained, { type: 'model-saved', modelId: modelId('m1'), savedId: savedId('r1') }], loaded(1000));
    const renamed = sessionReducer(saved, { type: 'model-renamed', savedId: savedId('r1'), name: 'Q3 book' });
    expect(renamed.model?.facts).toEqual({ ...FACTS, name: 'Q3 book' });
    expect(renamed.model?.unsaved).toBe(false);
    expect(sessionReducer(saved, { type: 'model-renamed', savedId: savedId('r2'), name: 'Q3 book' })).toBe(saved);
    expect(sessionReducer(renamed, { type: 'model-renamed', savedId: savedId('r1'), name: 'Q3 book' })).toBe(renamed);
  });

  it('counts a jump for a step chosen in the navigation (the current one too), a trained and a loaded model; not for a file, a scroll or a closed step', () => {
    const s = loaded(1000);
    expect(s.jump).toBe(0);
    const nav = sessionReducer(s, { type: 'step-chosen', step: 'train' });
    expect(nav).toMatchObject({ step: 'train', jump: 1 });
    expect(sessionReducer(nav, { type: 'step-chosen', step: 'train' })).toMatchObject({ step: 'train', jump: 2 });
    const scrolled = sessionReducer(nav, { type: 'step-chosen', step: 'clean', origin: 'scroll' });
    expect(scrolled).toMatchObject({ step: 'clean', jump: 1 });
    expect(sessionReducer(scrolled, { type: 'step-chosen', step: 'clean', origin: 'scroll' })).toBe(scrolled);
    expect(sessionReducer(nav, { type: 'step-chosen', step: 'score' })).toBe(nav);
    const withModel = sessionReducer(nav, trained);
    expect(withModel).toMatchObject({ step: 'evaluate', jump: 2 });
    const loadedModel = sessionReducer(withModel, {
      type: 'model-loaded',
      modelId: modelId('m2'),
      summary: null,
      facts: FACTS,
      source: 'registry',
      savedId: savedId('r1'),
      policy: { cutoff: 0.3, scale: INITIAL_SESSION.scale },
    });
    expect(loadedModel).toMatchObject({ step: 'score', jump: 3 });
    expect(sessionReducer(loadedModel, { type: 'dataset-loaded', dataset: { datasetId: datasetId('d3'), summary: dataset(200) } })).toMatchObject({ step: 'data', jump: 3 });
  });

  it('after a worker crash, the same file read again gets back its target, plan and options; another file starts afresh', () => {
    // The user left 'age' out of the features and chose another seed: a plan unlike the proposal.
    const chosen = run(
      [
        { type: 'feature-toggled', column: 'age' },
        { type: 'options-changed', options: { ...INITIAL_SESSION.options, seed: 99 } },
      ],
      loaded(1000),
    );
    expect(chosen.plan?.features).not.toContain('age');
    const crashed = sessionReducer(chosen, { type: 'worker-crashed' });
    expect(crashed.recovery).toMatchObject({ target: chosen.target, plan: chosen.plan, options: chosen.options });
    // The same file (columns and rows) read into the new worker under a new id.
    const again = sessionReducer(crashed, { type: 'dataset-loaded', dataset: { datasetId: datasetId('d9'), summary: chosen.dataset!.summary }, reread: true });
    expect(again).toMatchObject({ dataset: { datasetId: 'd9' }, target: chosen.target, plan: chosen.plan, options: chosen.options, prepared: null, model: null, recovery: null });
    // A file of another shape (500 rows) is a new file: the usual proposals, nothing carried over.
    const other = sessionReducer(crashed, { type: 'dataset-loaded', dataset: { datasetId: datasetId('d8'), summary: dataset(500) }, reread: true });
    expect(other).toMatchObject({ dataset: { datasetId: 'd8' }, recovery: null, prepared: null });
    // A file the user loads (not a reread) after the crash starts afresh too: what a load in a fresh session proposes.
    const fresh = sessionReducer(crashed, { type: 'dataset-loaded', dataset: { datasetId: datasetId('d7'), summary: chosen.dataset!.summary } });
    const proposed = sessionReducer(INITIAL_SESSION, { type: 'dataset-loaded', dataset: { datasetId: datasetId('d7'), summary: chosen.dataset!.summary } });
    expect([fresh.target, fresh.plan, fresh.recovery]).toEqual([proposed.target, proposed.plan, null]);
    expect(proposed.plan?.features).toContain('age');
  });
});
