import { lazy, startTransition, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { proposeCleaningPlan, setFeature, type CleaningPlan } from '../core/clean/plan';
import { guessPositiveValue } from '../core/columns/target';
import type { ApplicantRecord } from '../core/features/preprocessor';
import type { PrepareConfig } from '../core/pipeline';
import { fail, type Result } from '../core/result';
import { WorkerBridge } from '../worker/client';
import type {
  ApplicantScore,
  BinEdit,
  CharacteristicReport,
  CutoffPlan,
  DatasetId,
  DatasetSummary,
  ModelId,
  PreparedSummary,
  TrainRequest,
  TrainSummary,
} from '../worker/protocol';
import { DEFAULT_POINTS_SCALE, type PointsScale } from '../core/scoring/points';
import { CutoffPlanner } from './evaluate/CutoffPlanner';
import { ScorecardScale } from './evaluate/ScorecardScale';
import { useComparison } from './compare/useComparison';
import { useCharacteristics } from './characteristics/useCharacteristics';
import { CleaningPlanEditor } from './clean/CleaningPlanEditor';
import { CleaningReportView } from './clean/CleaningReportView';
import { usePreparation } from './clean/usePreparation';
import { ColumnProfilePanel } from './data/ColumnProfile';
import { ColumnsPanel } from './data/ColumnsPanel';
import { DataLoader } from './data/DataLoader';
import { DataPreview } from './data/DataPreview';
import { DataSummaryLine } from './data/DataSummaryLine';
import { ParseProgress } from './data/ParseProgress';
import { useDatasetLoader } from './data/useDatasetLoader';
import { readingAt } from './evaluate/cutoffAt';
import { MetricsPanel } from './evaluate/MetricsPanel';
import { DEFAULT_ECONOMICS, useCutoffPlan, type Economics } from './evaluate/useCutoffPlan';
import { ApplicantForm } from './score/ApplicantForm';
import { Alert } from './shared/Alert';
import { formatPercent } from './shared/outcome';
import { loadCharacteristicsPanel, loadComparePanel, loadScorecardPointsTable, prefetchCharts } from './charts';
import { Deferred } from './shared/Deferred';
import { TrainPanel } from './train/TrainPanel';
import { DEFAULT_TRAIN_OPTIONS, dataDefaults, defaultBatchSize, defaultEpochs, toTrainRequestParts, type DataDefaults, type TrainOptions } from './train/trainOptions';
import { useTraining } from './train/useTraining';

const SAMPLE_FILE = 'sample-loan-book.csv';

// Sections that only matter once a user reaches them load on demand (prefetched while the page is idle).
const CharacteristicsPanel = lazy(loadCharacteristicsPanel);
const ComparePanel = lazy(loadComparePanel);
const ScorecardPointsTable = lazy(loadScorecardPointsTable);

/** The models a comparison trains, in order, by key. */
const COMPARED_MODELS: Readonly<Record<string, string>> = {
  logistic: 'logistic regression',
  mlp: 'MLP (standardised numbers)',
  'mlp-ple': 'MLP (PLE of numbers)',
  scorecard: 'scorecard',
};
const TEST_FRACTION = 0.2;

/** The target's two values as [positive, negative], or null when it does not have exactly two. */
function targetValues(dataset: DatasetSummary, target: string, positive: string): [string, string] | null {
  const values = dataset.columns.find((c) => c.name === target)?.values;
  if (!values || values.length !== 2) return null;
  return values[0] === positive ? [values[0], values[1]] : [values[1], values[0]];
}

/** The training settings whose defaults depend on the number of rows. */
type SizeDefaults = Pick<TrainOptions, 'batchSize' | 'epochs'>;

/** Batch size and epochs for a data set of `rows` rows. */
function sizeDefaults(rows: number): SizeDefaults {
  return { batchSize: defaultBatchSize(rows), epochs: defaultEpochs(rows) };
}

/** A fresh plan for `target` of `dataset`, or null when the target is not two-valued. */
function planFor(dataset: DatasetSummary, target: string, positive?: string): CleaningPlan | null {
  const info = dataset.columns.find((c) => c.name === target);
  if (!info?.values || info.values.length !== 2) return null;
  const [pos, neg] = targetValues(dataset, target, positive ?? guessPositiveValue(info.values))!;
  return proposeCleaningPlan(dataset.columns, target, pos, neg);
}

/**
 * Releases, in the worker, every model that stops being shown or used: the model in use (trained,
 * or a compared one put in use) and the compared models are the ones it holds for this page.
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

/** The whole CreditLab flow on one page: load → data → clean → train → evaluate → score. */
export function App() {
  const [error, setError] = useState<string | null>(null);
  const [dataset, setDataset] = useState<DatasetSummary | null>(null);
  const [datasetId, setDatasetId] = useState<DatasetId | null>(null);
  const [target, setTarget] = useState('');
  const [plan, setPlan] = useState<CleaningPlan | null>(null);
  const [options, setOptions] = useState<TrainOptions>(DEFAULT_TRAIN_OPTIONS);

  const bridgeRef = useRef<WorkerBridge | null>(null);
  const crashRef = useRef<(message: string) => void>(() => {});
  const bridge = (bridgeRef.current ??= new WorkerBridge((message) => crashRef.current(message)));
  const training = useTraining(bridge);
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
  crashRef.current = (message) => {
    setError(message);
    setDataset(null);
    setDatasetId(null);
    setPlan(null);
    training.crash('The worker stopped.');
  };

  const onLoaded = useCallback(
    (summary: DatasetSummary, id: DatasetId) => {
      const suggested = summary.suggestedTarget ?? '';
      // A new data set renders several tables and a grid: as a transition React slices that work.
      startTransition(() => {
        setDataset(summary);
        setDatasetId(id);
        setTarget(suggested);
        setPlan(planFor(summary, suggested));
        setOptions((o) => ({ ...o, ...sizeDefaults(summary.rowCount) }));
        training.reset('Ready to train.');
      });
    },
    [training.reset],
  );
  const loader = useDatasetLoader(bridge, onLoaded, setError);

  // The core chooses the validation by data size ('auto'): one held-out share, or k folds with an
  // ensemble of k members on small data.
  const config = useMemo<PrepareConfig | null>(
    () => (plan && dataset ? { ...plan, testFraction: TEST_FRACTION, validation: 'auto', seed: options.seed, decimal: dataset.notes.decimal } : null),
    [plan, dataset, options.seed],
  );

  // Class weights follow the training rows: on by default when the rarer outcome is under 20% of
  // them. Batch size, epochs, patience and minimum epochs follow their number (as in `npm run
  // evaluate`) unless the user has changed them. Applied as each preparation arrives, not while rendering.
  const lastDefaults = useRef<{ balanceKey: string; defaults: DataDefaults | null }>({ balanceKey: '', defaults: null });
  const applyPreparedDefaults = useCallback((prepared: PreparedSummary) => {
    const balanceKey = `${prepared.trainBadRows}/${prepared.trainRows}`;
    if (balanceKey === lastDefaults.current.balanceKey) return;
    const previous = lastDefaults.current.defaults;
    const loaded = { ...DEFAULT_TRAIN_OPTIONS, ...sizeDefaults(prepared.report.rowsBefore) };
    const next = dataDefaults(prepared.trainRows, prepared.trainBadRows);
    lastDefaults.current = { balanceKey, defaults: next };
    setOptions((o) => {
      // Untouched means still the default for the rows as loaded or as last prepared.
      const keep = (key: Exclude<keyof DataDefaults, 'classWeights'>) => (o[key] === loaded[key] || o[key] === previous?.[key] ? next[key] : o[key]);
      const chosen: DataDefaults = {
        classWeights: next.classWeights,
        batchSize: keep('batchSize'),
        epochs: keep('epochs'),
        patience: keep('patience'),
        minEpochs: keep('minEpochs'),
      };
      return (Object.keys(chosen) as (keyof DataDefaults)[]).every((key) => chosen[key] === o[key]) ? o : { ...o, ...chosen };
    });
  }, []);
  const preparation = usePreparation(bridge, datasetId, config, applyPreparedDefaults);
  const prepared = preparation.prepared;
  const characteristics = useCharacteristics(bridge, datasetId, config);
  const { compute: computeBins, edit: editBins } = characteristics;
  const computeCharacteristics = useCallback(() => void computeBins(), [computeBins]);
  const editCharacteristic = useCallback((feature: CharacteristicReport, edit: BinEdit) => void editBins(feature.binning, edit), [editBins]);
  const comparison = useComparison(bridge);
  const clearComparison = comparison.clear;
  // A comparison belongs to the training rows it was run on.
  useEffect(() => clearComparison(), [config, clearComparison]);

  const targetProblem = useMemo(() => {
    if (!dataset) return null;
    if (!target) return 'No column has exactly two values; choose the column to predict.';
    const info = dataset.columns.find((c) => c.name === target);
    if (info && info.distinct !== 2)
      return `"${target}" has ${info.distinct.toLocaleString('en-US')} distinct value${info.distinct === 1 ? '' : 's'}; the target needs exactly two (for example default / no default).`;
    return null;
  }, [dataset, target]);

  const chooseTarget = useCallback(
    (name: string) => {
      if (!dataset) return;
      setTarget(name);
      setPlan(planFor(dataset, name));
    },
    [dataset],
  );
  const choosePositive = useCallback((value: string) => dataset && setPlan(planFor(dataset, target, value)), [dataset, target]);
  const toggleFeature = useCallback(
    (name: string) =>
      setPlan((current) => {
        const info = dataset?.columns.find((c) => c.name === name);
        return current && info ? setFeature(current, info, !current.features.includes(name)) : current;
      }),
    [dataset],
  );
  const fetchRows = useCallback((start: number, count: number) => (datasetId ? bridge.api.getRows(datasetId, start, count) : Promise.resolve([])), [bridge, datasetId]);
  const downloadRemoved = useCallback(() => (datasetId && config ? bridge.api.removedRowsCsv(datasetId, config) : Promise.resolve('')), [bridge, datasetId, config]);

  // The cut-off on the probability of bad (decline at or above it) travels with the model; every
  // decision on screen is derived from it. null until the first model. A new model starts at its
  // default cut-off, set in the same render that shows the model, with a notice if it moved.
  const [cutoff, setCutoff] = useState<number | null>(null);
  const [cutoffNotice, setCutoffNotice] = useState<string | null>(null);
  const cutoffRef = useRef<number | null>(null);
  const [scale, setScale] = useState<PointsScale>(DEFAULT_POINTS_SCALE);
  const [economics, setEconomics] = useState<Economics>(DEFAULT_ECONOMICS);
  const chooseCutoff = useCallback((value: number) => {
    cutoffRef.current = value;
    setCutoff(value);
    setCutoffNotice(null);
  }, []);
  const onTrained = useCallback((run: TrainSummary) => {
    const previous = cutoffRef.current;
    cutoffRef.current = run.defaultCutoff;
    setCutoff(run.defaultCutoff);
    setCutoffNotice(previous !== null && previous !== run.defaultCutoff ? `New model: the cut-off is back to ${formatPercent(run.defaultCutoff)}.` : null);
  }, []);

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
    void training.train(datasetId, requestFor(config, options, options.crossValidationFolds || null), onTrained);
  };
  // Every model on the same split (the same preparation and seed; PLE changes only how numbers are
  // encoded), with the form's loop settings and no extra cross-validation.
  const compare = () => {
    if (!config || !datasetId) return;
    const entries = [
      { key: 'logistic', request: requestFor(config, { ...options, kind: 'logistic' }, null) },
      { key: 'mlp', request: requestFor(config, { ...options, kind: 'mlp' }, null) },
      { key: 'mlp-ple', request: requestFor({ ...config, numericEncoding: 'ple' }, { ...options, kind: 'mlp' }, null) },
      { key: 'scorecard', request: requestFor(config, { ...options, kind: 'scorecard' }, null) },
    ];
    training.detach('Comparing models: choose one to use when they are done.');
    void comparison.compare(datasetId, entries, COMPARED_MODELS);
  };
  const putComparedInUse = (key: string) => {
    const chosen = comparison.use(key);
    if (chosen) training.adopt(chosen.summary, chosen.modelId, `In use: the compared ${COMPARED_MODELS[key] ?? key}.`, onTrained);
  };
  const inUseModel = training.workerModelId;
  const score = useCallback(
    (record: ApplicantRecord, pointsScale: PointsScale): Promise<Result<ApplicantScore>> =>
      inUseModel
        ? bridge.api.score(inUseModel, record, pointsScale).catch((cause: unknown) => {
            console.error('Scoring failed', cause);
            return fail<ApplicantScore>('The applicant could not be scored.');
          })
        : Promise.resolve(fail<ApplicantScore>('Train a model first.')),
    [bridge, inUseModel],
  );

  const planCutoffs = useCallback(
    (profitPerGood: number, lossPerBad: number, targetApprovalRate: number) =>
      inUseModel ? bridge.api.cutoffPlan(inUseModel, profitPerGood, lossPerBad, targetApprovalRate) : Promise.resolve(fail<CutoffPlan>('Train a model first.')),
    [bridge, inUseModel],
  );
  // The cut-off and points scale in force travel with the model (they go into its bundle).
  useEffect(() => {
    if (inUseModel === null || cutoff === null) return;
    bridge.api.setPolicy(inUseModel, { cutoff, scale }).catch((cause: unknown) => console.error('Keeping the cut-off failed', cause));
  }, [bridge, inUseModel, cutoff, scale]);
  useReleaseDropped(bridge, inUseModel, comparison.modelIds);
  const cutoffPlan = useCutoffPlan(planCutoffs, training.modelId, economics);
  const summary = training.summary;
  const cutoffInForce = cutoff ?? summary?.defaultCutoff ?? 0.5;
  const atCutoff = cutoffPlan.plan ? readingAt(cutoffPlan.plan, cutoffInForce).evaluation : null;

  const loading = loader.load.phase === 'reading';
  const busy = loading || training.state === 'training' || comparison.state === 'running';
  const featureSet = useMemo(() => new Set(plan?.features ?? []), [plan]);
  const columnNames = useMemo(() => dataset?.columns.map((c) => c.name) ?? [], [dataset]);
  return (
    <main className="app">
      <header className="app-header">
        <h1>CreditLab</h1>
        <p>Credit scoring on your device: your data is read, cleaned and modelled in this browser tab and never leaves it.</p>
      </header>
      <Alert message={error} onDismiss={() => setError(null)} />
      <DataLoader busy={busy} onFile={loader.loadFile} onSample={() => loader.loadSample(SAMPLE_FILE)} />
      {loader.load.phase === 'reading' && <ParseProgress {...loader.load.progress} onCancel={loader.cancel} />}
      {dataset && (
        <section className="card" aria-labelledby="data-heading">
          <h2 id="data-heading">2. Your data</h2>
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
          {targetProblem && <Alert message={targetProblem} />}
          <Deferred key={`profile-${dataset.fileName}-${dataset.parseMs}`} order={1}>
            <ColumnProfilePanel profiles={dataset.columns} target={target} rowCount={dataset.rowCount} />
          </Deferred>
          <Deferred key={`preview-${dataset.fileName}-${dataset.parseMs}`} order={2}>
            <DataPreview rowCount={dataset.rowCount} columns={columnNames} fetchRows={fetchRows} />
          </Deferred>
        </section>
      )}
      {dataset && plan && (
        <section className="card" aria-labelledby="clean-heading">
          <h2 id="clean-heading">3. Clean</h2>
          <Deferred key={`plan-${dataset.fileName}-${dataset.parseMs}`} order={3}>
            <CleaningPlanEditor plan={plan} columns={dataset.columns} disabled={busy} onChange={setPlan} />
          </Deferred>
          <Alert message={preparation.error} />
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
      <Alert message={training.error} />
      {training.notice && <p className="notice">{training.notice}</p>}
      <TrainPanel
        options={options}
        onOptions={setOptions}
        state={training.state}
        canTrain={!!prepared && !busy}
        backend={training.backend}
        history={training.history}
        progress={training.progress}
        member={training.member}
        runs={training.runs}
        statusText={training.statusText}
        onTrain={train}
        onStop={training.stop}
      />
      {dataset && plan && (
        <Suspense fallback={null}>
          <ComparePanel
            state={comparison.state}
            models={comparison.models}
            current={comparison.current}
            inUse={comparison.inUse}
            error={comparison.error}
            canCompare={!!prepared && !busy}
            busy={busy}
            onCompare={compare}
            onUse={putComparedInUse}
          />
        </Suspense>
      )}
      {summary && <MetricsPanel summary={summary} cutoff={cutoffInForce} atCutoff={atCutoff} />}
      {/* After a run, the metrics mount first and the planner and form a frame or two later, so the
          three large sections are three short main-thread tasks rather than one long commit. */}
      {summary && (
        <Deferred key={`decide-${training.modelId}`} order={1}>
          <section className="card" aria-labelledby="decide-heading">
            <h2 id="decide-heading">6. Cut-off and scorecard</h2>
            <CutoffPlanner
              outcome={summary.outcome}
              testBads={summary.evaluation.metrics.confusion.tp + summary.evaluation.metrics.confusion.fn}
              cutoff={cutoffInForce}
              onCutoff={chooseCutoff}
              plan={cutoffPlan.plan}
              planError={cutoffPlan.error}
              economics={economics}
              onEconomics={setEconomics}
              notice={cutoffNotice}
            />
            <ScorecardScale scale={scale} onScale={setScale} />
            {summary.scorecard && (
              <Suspense fallback={<p className="hint">Loading the points table…</p>}>
                <ScorecardPointsTable run={summary.scorecard} scale={scale} />
              </Suspense>
            )}
          </section>
        </Deferred>
      )}
      {summary && (
        <Deferred key={`score-${training.modelId}`} order={2}>
          <ApplicantForm key={training.modelId} summary={summary} cutoff={cutoffInForce} scale={scale} onScore={score} />
        </Deferred>
      )}
      <footer className="hint">CreditLab makes no network requests with your data. Once this page has loaded, reading, training and scoring need no network.</footer>
    </main>
  );
}
