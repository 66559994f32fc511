import { lazy, startTransition, Suspense, useCallback, useEffect, useMemo, useReducer, useRef, useState, type ReactNode, type Ref } from 'react';
import type { CleaningPlan } from '../core/clean/plan';
import type { ApplicantRecord } from '../core/features/preprocessor';
import type { PrepareConfig } from '../core/pipeline';
import { fail, failWith, type Result } from '../core/result';
import type { PointsScale } from '../core/scoring/points';
import { WorkerBridge } from '../worker/client';
import type { ApplicantScore, BinEdit, CharacteristicReport, CutoffPlan, DatasetId, DatasetSummary, ModelId, PreparedSummary, TrainRequest } from '../worker/protocol';
import { loadCharacteristicsPanel, loadComparePanel, loadScorecardPointsTable, prefetchCharts } from './charts';
import { useCharacteristics } from './characteristics/useCharacteristics';
import { CleaningPlanEditor } from './clean/CleaningPlanEditor';
import { CleaningReportView } from './clean/CleaningReportView';
import { usePreparation, type PreparationRequest } from './clean/usePreparation';
import { useComparison } from './compare/useComparison';
import { ColumnProfilePanel } from './data/ColumnProfile';
import { ColumnsPanel } from './data/ColumnsPanel';
import { DataLoader } from './data/DataLoader';
import { DataPreview } from './data/DataPreview';
import { DataSummaryLine } from './data/DataSummaryLine';
import { ParseProgress } from './data/ParseProgress';
import { useDatasetLoader } from './data/useDatasetLoader';
import { useLastSource } from './data/useLastSource';
import { CutoffPlanner } from './evaluate/CutoffPlanner';
import { readingAt } from './evaluate/cutoffAt';
import { MetricsPanel } from './evaluate/MetricsPanel';
import { ScorecardScale } from './evaluate/ScorecardScale';
import { useCutoffPlan, type Economics } from './evaluate/useCutoffPlan';
import { ModelsPanel } from './models/ModelsPanel';
import type { ModelInUseCard } from './models/types';
import { useModels } from './models/useModels';
import { ApplicantForm } from './score/ApplicantForm';
import { BatchPanel } from './score/BatchPanel';
import { ScreensPanel } from './evaluate/ScreensPanel';
import { PrivacyPanel } from './privacy/PrivacyPanel';
import { LanguageSelect, liveRecord, localCount, translate, useT } from './i18n';
import { Alert } from './shared/Alert';
import { DataText } from './shared/messageParts';
import { Deferred } from './shared/Deferred';
import { useSeen } from './shared/useSeen';
import { STEP_SECTION_ATTRIBUTE } from './shell/stepSections';
import { useScrollSpy } from './shell/useScrollSpy';
import { useStepJump } from './shell/useStepJump';
import { Workspace } from './shell/Workspace';
import { SkipLink } from './shell/SkipLink';
import { modelFactsOf } from './state/modelFacts';
import { cutoffNoticeText } from './state/notices';
import { INITIAL_SESSION, policyInUse, sessionReducer, type StepId } from './state/session';
import { availableSteps } from './state/steps';
import { TrainPanel } from './train/TrainPanel';
import { toTrainRequestParts, type TrainOptions } from './train/trainOptions';
import { useTraining } from './train/useTraining';

const SAMPLE_FILE = 'sample-loan-book.csv';

// Sections that only matter once a user reaches them load on demand (prefetched while the page is idle).
const CharacteristicsPanel = lazy(loadCharacteristicsPanel);
const ComparePanel = lazy(loadComparePanel);
const ScorecardPointsTable = lazy(loadScorecardPointsTable);

// Each compared model's resource key, by its key in the comparison.
const COMPARED_KEYS = { boosted: 'boosted', logistic: 'logistic', mlp: 'mlp', 'mlp-ple': 'mlpPle', scorecard: 'scorecard' } as const;
type ComparedKey = keyof typeof COMPARED_KEYS;

/** The models a comparison trains, by key, named in the active language when read. */
const COMPARED_MODELS: Readonly<Record<string, string>> = liveRecord(Object.keys(COMPARED_KEYS) as ComparedKey[], (key) => translate(`app.compared.${COMPARED_KEYS[key]}`));
const TEST_FRACTION = 0.2;

/** The page-level message: a load's own words (and code), or the worker having stopped (worded at render time, in the language then active). */
type PageError = { readonly message: string; readonly code?: string } | { readonly stopped: 'reread' | 'reload' };

/** Why the chosen target cannot be used: no two-valued column at all, or this one's count of distinct values. */
type TargetProblem = { readonly kind: 'none' } | { readonly kind: 'distinct'; readonly target: string; readonly distinct: number };

/** The element holding one step's sections, marked for the navigation's jumps and the scroll spy. */
function StepSection({ step, children, sectionRef }: { step: StepId; children: ReactNode; sectionRef?: Ref<HTMLDivElement> }) {
  return (
    <div className="step-section" ref={sectionRef} {...{ [STEP_SECTION_ATTRIBUTE]: step }}>
      {children}
    </div>
  );
}

/**
 * Releases, in the worker, every model that stops being shown or used: the model in use (trained,
 * compared, loaded or imported) and the compared models are the ones it holds for this page.
 */
function useReleaseDropped(bridge: WorkerBridge, inUse: ModelId | null, compared: readonly ModelId[]): void {
  const held = useRef<ReadonlySet<ModelId>>(new Set());
  useEffect(() => {
    const now = new Set<ModelId>(compared);
    if (inUse !== null) now.add(inUse);
    for (const id of held.current) if (!now.has(id)) bridge.api.releaseModel(id).catch((cause: unknown) => console.warn('Releasing a model failed', cause));
    held.current = now;
  }, [bridge, inUse, compared]);
}

/** Warns before the page is left while the model in use is in no saved copy (the listener exists only then). */
function useUnsavedWarning(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
}

/** The whole CreditLab flow on one page: load → data → clean → train → evaluate → decide → score, and the saved models. */
export function App() {
  // Subscribed to the language, so the whole page renders again when it is switched.
  const { t, language } = useT();
  // The tab's title follows the language (index.html holds the English one for the first paint).
  useEffect(() => {
    document.title = t('app.title');
  }, [t, language]);
  // The session (data set, plan, options, preparation, model in use, cut-off, scale, economics, step) is one reducer's state.
  const [session, dispatch] = useReducer(sessionReducer, INITIAL_SESSION);
  const { dataset: loaded, target, plan, options, prepared, model, scale, economics } = session;
  const dataset: DatasetSummary | null = loaded?.summary ?? null;
  const datasetId: DatasetId | null = loaded?.datasetId ?? null;
  const [error, setError] = useState<PageError | null>(null);

  const crashRef = useRef<(message: string) => void>(() => {});
  const [bridge] = useState(() => new WorkerBridge((message) => crashRef.current(message)));
  const training = useTraining(bridge);
  const { crash: crashTraining, reset: resetTraining } = training;
  useEffect(() => {
    crashRef.current = () => {
      dispatch({ type: 'worker-crashed' });
      // The parsed data died with the worker: the same file is read into the new one, and the choices made on it come back.
      rereading.current = rereadRef.current();
      setError({ stopped: rereading.current ? 'reread' : 'reload' });
      crashTraining({ code: 'workerStopped' });
    };
  }, [crashTraining]);
  useEffect(() => {
    bridge.warmUp();
    // The chart modules, while the page is idle (Safari has no requestIdleCallback).
    if (typeof window.requestIdleCallback !== 'function') {
      const timer = window.setTimeout(prefetchCharts, 1000);
      return () => window.clearTimeout(timer);
    }
    const idle = window.requestIdleCallback(prefetchCharts, { timeout: 3000 });
    return () => window.cancelIdleCallback(idle);
  }, [bridge]);

  const rereading = useRef(false);
  const rereadRef = useRef<() => boolean>(() => false);
  const onLoaded = useCallback(
    (summary: DatasetSummary, id: DatasetId) => {
      const reread = rereading.current;
      rereading.current = false;
      // A new data set renders several tables and a grid: as a transition React slices that work.
      startTransition(() => {
        dispatch({ type: 'dataset-loaded', dataset: { datasetId: id, summary }, reread });
        resetTraining({ code: 'ready' });
      });
    },
    [resetTraining],
  );
  // A load starts by clearing the message; the one saying the worker stopped stays while its file is read again.
  const onLoadError = useCallback((message: string | null, code?: string) => {
    if (message === null && rereading.current) return;
    setError(message === null ? null : { message, code });
  }, []);
  const loader = useDatasetLoader(bridge, onLoaded, onLoadError);
  const source = useLastSource(loader.loadFile, loader.loadSample);
  rereadRef.current = source.reread;

  // The core chooses the validation by data size ('auto'): one held-out share, or k folds with an
  // ensemble of k members on small data.
  const preparationRequest = useMemo<PreparationRequest | null>(
    () =>
      plan && loaded
        ? {
            datasetId: loaded.datasetId,
            plan,
            seed: options.seed,
            config: { ...plan, testFraction: TEST_FRACTION, validation: 'auto', seed: options.seed, decimal: loaded.summary.notes.decimal },
          }
        : null,
    [plan, loaded, options.seed],
  );
  const config: PrepareConfig | null = preparationRequest?.config ?? null;
  // The session takes each preparation with the defaults that follow it (class weights, batch size, epochs…).
  const onPrepared = useCallback((result: PreparedSummary, asked: PreparationRequest) => dispatch({ type: 'prepared', prepared: result, plan: asked.plan, seed: asked.seed }), []);
  const preparation = usePreparation(bridge, preparationRequest, onPrepared);
  const characteristics = useCharacteristics(bridge, datasetId, config);
  const { compute: computeBins, edit: editBins } = characteristics;
  const computeCharacteristics = useCallback(() => void computeBins(), [computeBins]);
  const editCharacteristic = useCallback((feature: CharacteristicReport, edit: BinEdit) => void editBins(feature.binning, edit), [editBins]);
  const comparison = useComparison(bridge);
  const clearComparison = comparison.clear;
  // A comparison belongs to the training rows it was run on.
  useEffect(() => clearComparison(), [config, clearComparison]);

  const targetProblem = useMemo<TargetProblem | null>(() => {
    if (!dataset) return null;
    if (!target) return { kind: 'none' };
    const info = dataset.columns.find((c) => c.name === target);
    return info && info.distinct !== 2 ? { kind: 'distinct', target, distinct: info.distinct } : null;
  }, [dataset, target]);

  const chooseTarget = useCallback((name: string) => dispatch({ type: 'target-chosen', target: name }), []);
  const choosePositive = useCallback((value: string) => dispatch({ type: 'positive-chosen', positive: value }), []);
  const toggleFeature = useCallback((name: string) => dispatch({ type: 'feature-toggled', column: name }), []);
  const changePlan = useCallback((next: CleaningPlan) => dispatch({ type: 'plan-changed', plan: next }), []);
  const changeOptions = useCallback((next: TrainOptions) => dispatch({ type: 'options-changed', options: next }), []);
  const chooseCutoff = useCallback((value: number) => dispatch({ type: 'cutoff-chosen', cutoff: value }), []);
  const changeScale = useCallback((next: PointsScale) => dispatch({ type: 'scale-changed', scale: next }), []);
  const changeEconomics = useCallback((next: Economics) => dispatch({ type: 'economics-changed', economics: next }), []);
  const fetchRows = useCallback((start: number, count: number) => (datasetId ? bridge.api.getRows(datasetId, start, count) : Promise.resolve([])), [bridge, datasetId]);
  const downloadRemoved = useCallback(() => (datasetId && config ? bridge.api.removedRowsCsv(datasetId, config) : Promise.resolve('')), [bridge, datasetId, config]);

  const requestFor = (prepare: PrepareConfig, chosen: TrainOptions, crossValidationFolds: number | null): TrainRequest => {
    const parts = toTrainRequestParts(chosen);
    return {
      prepare,
      ...parts,
      ...(parts.model === 'scorecard' ? { scorecard: { binningOverrides: characteristics.overrides, scale } } : {}),
      backend: chosen.backend,
      crossValidationFolds: parts.model === 'scorecard' ? null : crossValidationFolds,
    };
  };
  const train = () => {
    if (!config || !datasetId) return;
    comparison.clear();
    void training.train(datasetId, requestFor(config, options, options.crossValidationFolds || null), (trained) =>
      dispatch({ type: 'trained', modelId: trained.modelId, summary: trained.summary, facts: modelFactsOf(trained.bundle, trained.summary), source: 'trained' }),
    );
  };
  // Every model on the same split (the same preparation and seed; PLE changes only how numbers are
  // encoded), with the form's loop settings and no extra cross-validation.
  const compare = () => {
    if (!config || !datasetId) return;
    const entries = [
      { key: 'logistic', request: requestFor(config, { ...options, kind: 'logistic' }, null) },
      { key: 'mlp', request: requestFor({ ...config, numericEncoding: 'standard' }, { ...options, kind: 'mlp' }, null) },
      { key: 'mlp-ple', request: requestFor({ ...config, numericEncoding: 'ple' }, { ...options, kind: 'mlp' }, null) },
      { key: 'scorecard', request: requestFor(config, { ...options, kind: 'scorecard' }, null) },
      { key: 'boosted', request: requestFor(config, { ...options, kind: 'boosted' }, null) },
    ];
    training.detach({ code: 'comparing' });
    startTransition(() => dispatch({ type: 'model-set-aside' }));
    void comparison.compare(datasetId, entries, COMPARED_MODELS);
  };
  const putComparedInUse = (key: string) => {
    const chosen = comparison.use(key);
    if (chosen)
      training.adopt({ code: 'inUseCompared', values: { model: COMPARED_MODELS[key] ?? key } }, () =>
        dispatch({ type: 'trained', modelId: chosen.modelId, summary: chosen.summary, facts: modelFactsOf(chosen.bundle, chosen.summary), source: 'compared' }),
      );
  };

  const inUseModel = model?.id ?? null;
  const summary = model?.summary ?? null;
  const score = useCallback(
    (record: ApplicantRecord, pointsScale: PointsScale): Promise<Result<ApplicantScore>> =>
      inUseModel
        ? bridge.api.score(inUseModel, record, pointsScale).catch((cause: unknown) => {
            console.error('Scoring failed', cause);
            return failWith<'applicant.notScored', ApplicantScore>('applicant.notScored', {});
          })
        : Promise.resolve(fail<ApplicantScore>(translate('app.trainFirst'))),
    [bridge, inUseModel],
  );
  // Only a model with test figures has a planner (a bundle trained on every row has none).
  const plannedModel = summary ? inUseModel : null;
  const planCutoffs = useCallback(
    (profitPerGood: number, lossPerBad: number, targetApprovalRate: number) =>
      plannedModel ? bridge.api.cutoffPlan(plannedModel, profitPerGood, lossPerBad, targetApprovalRate) : Promise.resolve(fail<CutoffPlan>(translate('app.trainFirst'))),
    [bridge, plannedModel],
  );
  // The cut-off and points scale in force travel with the model (they go into its bundle).
  const policy = policyInUse(session);
  const policyCutoff = policy?.cutoff ?? null;
  useEffect(() => {
    if (inUseModel === null || policyCutoff === null) return;
    bridge.api.setPolicy(inUseModel, { cutoff: policyCutoff, scale }).catch((cause: unknown) => console.error('Keeping the cut-off failed', cause));
  }, [bridge, inUseModel, policyCutoff, scale]);
  useReleaseDropped(bridge, inUseModel, comparison.modelIds);
  const cutoffPlan = useCutoffPlan(planCutoffs, plannedModel, economics);
  const cutoffInForce = session.cutoff ?? summary?.defaultCutoff ?? 0.5;
  const atCutoff = cutoffPlan.plan ? readingAt(cutoffPlan.plan, cutoffInForce).evaluation : null;
  useUnsavedWarning(model?.unsaved ?? false);

  // The navigation: where the user is, what the closed steps need; a chosen step is brought into view.
  const steps = useMemo(() => availableSteps(session), [session]);
  const chooseStep = useCallback((step: StepId) => dispatch({ type: 'step-chosen', step }), []);
  const scrolledTo = useCallback((step: StepId) => startTransition(() => dispatch({ type: 'step-chosen', step, origin: 'scroll' })), []);
  useStepJump(session.step, session.jump);
  useScrollSpy(scrolledTo);

  const modelsRef = useRef<HTMLDivElement>(null);
  const modelsSeen = useSeen(modelsRef);
  const models = useModels({ bridge, model, policy, wantPreviews: modelsSeen, dispatch });
  const inUseCard = useMemo<ModelInUseCard | null>(
    () => (model ? { id: model.id, name: model.facts.name, kind: model.facts.kind, savedId: model.savedId, unsaved: model.unsaved } : null),
    [model],
  );

  const loading = loader.load.phase === 'reading';
  const busy = loading || training.state === 'training' || comparison.state === 'running';
  const featureSet = useMemo(() => new Set(plan?.features ?? []), [plan]);
  const columnNames = useMemo(() => dataset?.columns.map((c) => c.name) ?? [], [dataset]);
  return (
    <main className="app">
      <SkipLink />
      <header className="app-header">
        <h1 translate="no">CreditLab</h1>
        <LanguageSelect />
        <p>{t('app.tagline')}</p>
      </header>
      <Workspace steps={steps} current={session.step} onStep={chooseStep}>
        <Alert
          message={error === null ? null : 'stopped' in error ? t(error.stopped === 'reread' ? 'app.workerStopped.reread' : 'app.workerStopped.reload') : error.message}
          code={error === null ? undefined : 'stopped' in error ? 'worker.stopped' : error.code}
          onDismiss={() => setError(null)}
        />
        <StepSection step="data">
          <DataLoader busy={busy} onFile={source.loadFile} onSample={() => source.loadSample(SAMPLE_FILE)} />
          {loader.load.phase === 'reading' && <ParseProgress {...loader.load.progress} onCancel={loader.cancel} />}
          {dataset && (
            <section className="card" aria-labelledby="data-heading">
              <h2 id="data-heading">{t('app.heading.data')}</h2>
              <DataSummaryLine dataset={dataset} prepared={prepared} pending={preparation.pending} />
              <ColumnsPanel
                columns={dataset.columns}
                target={target}
                positive={plan?.positive ?? ''}
                features={featureSet}
                disabled={busy}
                onTarget={chooseTarget}
                onPositive={choosePositive}
                onToggleFeature={toggleFeature}
              />
              {targetProblem && (
                <Alert
                  code={targetProblem.kind === 'none' ? 'target.none' : 'target.notBinary'}
                  message={
                    targetProblem.kind === 'none' ? (
                      t('app.target.none')
                    ) : (
                      <DataText
                        data={{ target: targetProblem.target }}
                        words={(stand) => t('app.target.distinct', { count: targetProblem.distinct, distinct: localCount(targetProblem.distinct), target: stand.target })}
                      />
                    )
                  }
                />
              )}
              <Deferred key={`profile-${dataset.fileName}-${dataset.parseMs}`} order={1}>
                <ColumnProfilePanel profiles={dataset.columns} target={target} rowCount={dataset.rowCount} />
              </Deferred>
              <Deferred key={`preview-${dataset.fileName}-${dataset.parseMs}`} order={2}>
                <DataPreview rowCount={dataset.rowCount} columns={columnNames} fetchRows={fetchRows} />
              </Deferred>
            </section>
          )}
        </StepSection>
        <StepSection step="clean">
          {dataset && plan && (
            <section className="card" aria-labelledby="clean-heading">
              <h2 id="clean-heading" tabIndex={-1}>
                {t('app.heading.clean')}
              </h2>
              <Deferred key={`plan-${dataset.fileName}-${dataset.parseMs}`} order={3}>
                <CleaningPlanEditor plan={plan} columns={dataset.columns} disabled={busy} onChange={changePlan} />
              </Deferred>
              <Alert message={preparation.error} code={preparation.errorCode} />
              {prepared && <CleaningReportView prepared={prepared} positive={plan.positive} onDownloadRemoved={downloadRemoved} />}
            </section>
          )}
          {dataset && plan && (
            <Suspense fallback={null}>
              <CharacteristicsPanel
                state={characteristics.state}
                report={characteristics.report}
                selected={characteristics.selected}
                error={characteristics.error}
                busy={busy || characteristics.editing}
                canCompute={!!prepared && !busy}
                onCompute={computeCharacteristics}
                onSelect={characteristics.select}
                onEdit={editCharacteristic}
                onReset={characteristics.reset}
              />
            </Suspense>
          )}
        </StepSection>
        <StepSection step="train">
          <Alert message={training.error} code={training.errorCode} />
          {training.notice && <p className="notice">{training.notice}</p>}
          <TrainPanel
            options={options}
            onOptions={changeOptions}
            state={training.state}
            canTrain={!!prepared && !busy}
            backend={training.backend}
            history={training.history}
            progress={training.progress}
            member={training.member}
            runs={training.runs}
            statusText={training.statusText}
            statusCode={training.status.code}
            onTrain={train}
            onStop={training.stop}
          />
          {dataset && plan && (
            <Suspense fallback={null}>
              <ComparePanel
                state={comparison.state}
                models={comparison.models}
                current={comparison.current}
                inUse={comparison.keyOf(inUseModel)}
                error={comparison.error}
                canCompare={!!prepared && !busy}
                busy={busy}
                onCompare={compare}
                onUse={putComparedInUse}
              />
            </Suspense>
          )}
        </StepSection>
        <StepSection step="evaluate">
          {/* Keyed by the model: a new one starts with its charts unmounted (they mount as they come into view) rather than redrawing mounted ones in one long task. */}
          {model && summary && <MetricsPanel key={model.id} summary={summary} cutoff={cutoffInForce} atCutoff={atCutoff} />}
          {model && summary && (
            <Deferred key={`screens-${model.id}`} order={2}>
              <ScreensPanel bridge={bridge} modelId={model.id} cutoff={cutoffInForce} isScorecard={summary.scorecard !== null} />
            </Deferred>
          )}
        </StepSection>
        {/* After a run, the metrics mount first and the planner and form a frame or two later, so the
            three large sections are three short main-thread tasks rather than one long commit. */}
        <StepSection step="decide">
          {model && summary && (
            <Deferred key={`decide-${model.id}`} order={1}>
              <section className="card" aria-labelledby="decide-heading">
                <h2 id="decide-heading" tabIndex={-1}>
                  {t('app.heading.decide')}
                </h2>
                <CutoffPlanner
                  outcome={summary.outcome}
                  testBads={summary.evaluation.metrics.confusion.tp + summary.evaluation.metrics.confusion.fn}
                  cutoff={cutoffInForce}
                  onCutoff={chooseCutoff}
                  plan={cutoffPlan.plan}
                  planError={cutoffPlan.error}
                  economics={economics}
                  onEconomics={changeEconomics}
                  notice={cutoffNoticeText(session.cutoffNotice)}
                />
                <ScorecardScale scale={scale} onScale={changeScale} />
                {summary.scorecard && (
                  <Suspense fallback={<p className="hint">{t('app.loadingPoints')}</p>}>
                    <ScorecardPointsTable run={summary.scorecard} scale={scale} />
                  </Suspense>
                )}
              </section>
            </Deferred>
          )}
        </StepSection>
        <StepSection step="score">
          {model && (
            <Deferred key={`score-${model.id}`} order={2}>
              <ApplicantForm key={model.id} model={model.facts.scoring} cutoff={cutoffInForce} scale={scale} onScore={score} />
              <BatchPanel key={`batch-${model.id}`} bridge={bridge} modelId={model.id} />
            </Deferred>
          )}
        </StepSection>
        <StepSection step="models" sectionRef={modelsRef}>
          <ModelsPanel
            inUse={inUseCard}
            saved={models.saved}
            previews={models.previews}
            previewFailure={models.previewFailure}
            busy={models.busy}
            problem={models.problem}
            failure={models.failure}
            notice={models.notice}
            storageNote={models.storageNote}
            unlock={models.unlock}
            onSave={models.save}
            onLoad={models.load}
            onRename={models.rename}
            onDelete={models.remove}
            onExport={models.exportFile}
            onDownloadCard={models.downloadCard}
            onImport={models.importFile}
            onUnlock={models.unlockWith}
            onCancelUnlock={models.cancelUnlock}
            onDismissProblem={models.dismissProblem}
          />
        </StepSection>
      </Workspace>
      <PrivacyPanel bridge={bridge} />
      <footer className="hint">{t('app.footer')}</footer>
    </main>
  );
}
