import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { proposeCleaningPlan, setFeature, type CleaningPlan } from '../core/clean/plan';
import { guessPositiveValue } from '../core/columns/target';
import type { ApplicantRecord } from '../core/features/preprocessor';
import type { PrepareConfig } from '../core/pipeline';
import { fail, type Result } from '../core/result';
import { WorkerBridge } from '../worker/client';
import type { ApplicantScore, DatasetSummary, TrainSummary } from '../worker/protocol';
import { DEFAULT_POINTS_SCALE, type PointsScale } from '../core/scoring/points';
import { CutoffPlanner } from './evaluate/CutoffPlanner';
import { ScorecardScale } from './evaluate/ScorecardScale';
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
import { MetricsPanel } from './evaluate/MetricsPanel';
import { ApplicantForm } from './score/ApplicantForm';
import { Alert } from './shared/Alert';
import { prefetchCharts } from './charts';
import { Deferred } from './shared/Deferred';
import { TrainPanel } from './train/TrainPanel';
import { DEFAULT_TRAIN_OPTIONS, defaultBatchSize, defaultClassWeights, defaultEpochs, toTrainRequestParts, type TrainOptions } from './train/trainOptions';
import { useTraining } from './train/useTraining';

const SAMPLE_FILE = 'sample-loan-book.csv';
const TEST_FRACTION = 0.2;
const VALIDATION_FRACTION = 0.1;

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

/** What the bad outcome is called: the positive value when it means default, else the other one. */
function badLabel(summary: TrainSummary): string {
  return `${summary.target} = ${summary.positiveIsBad ? summary.positive : summary.negative}`;
}

/** The whole CreditLab flow on one page: load → data → clean → train → evaluate → score. */
export function App() {
  const [error, setError] = useState<string | null>(null);
  const [dataset, setDataset] = useState<DatasetSummary | null>(null);
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
    setPlan(null);
    training.crash('The worker stopped.');
  };

  const onLoaded = useCallback(
    (summary: DatasetSummary) => {
      const suggested = summary.suggestedTarget ?? '';
      // A new data set renders several tables and a grid: as a transition React slices that work.
      startTransition(() => {
        setDataset(summary);
        setTarget(suggested);
        setPlan(planFor(summary, suggested));
        setOptions((o) => ({ ...o, ...sizeDefaults(summary.rowCount) }));
        training.reset('Ready to train.');
      });
    },
    [training.reset],
  );
  const loader = useDatasetLoader(bridge, onLoaded, setError);

  const config = useMemo<PrepareConfig | null>(
    () => (plan && dataset ? { ...plan, testFraction: TEST_FRACTION, validationFraction: VALIDATION_FRACTION, seed: options.seed, decimal: dataset.notes.decimal } : null),
    [plan, dataset, options.seed],
  );
  const preparation = usePreparation(bridge, config);
  const prepared = preparation.prepared;

  // Class weights follow the data: on by default when the rarer outcome is under 20%. Batch size and
  // epochs follow the cleaned row count (as in `npm run evaluate`) unless the user has changed them.
  const balanceKey = prepared ? `${prepared.report.positives}/${prepared.report.negatives}` : '';
  const lastBalanceKey = useRef('');
  const lastSizeDefaults = useRef<SizeDefaults | null>(null);
  if (prepared && balanceKey !== lastBalanceKey.current) {
    lastBalanceKey.current = balanceKey;
    const weighted = defaultClassWeights(prepared.report.positives, prepared.report.negatives);
    const loaded = sizeDefaults(prepared.report.rowsBefore);
    const cleaned = sizeDefaults(prepared.report.rowsAfter);
    // Untouched means still the default for the rows as loaded or as last cleaned.
    const untouched = (key: keyof SizeDefaults) => options[key] === loaded[key] || options[key] === lastSizeDefaults.current?.[key];
    const next = { classWeights: weighted, batchSize: untouched('batchSize') ? cleaned.batchSize : options.batchSize, epochs: untouched('epochs') ? cleaned.epochs : options.epochs };
    lastSizeDefaults.current = cleaned;
    if (next.classWeights !== options.classWeights || next.batchSize !== options.batchSize || next.epochs !== options.epochs) setOptions((o) => ({ ...o, ...next }));
  }

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
  const fetchRows = useCallback((start: number, count: number) => bridge.api.getRows(start, count), [bridge]);
  const downloadRemoved = useCallback(() => bridge.api.removedRowsCsv(), [bridge]);

  const train = () => {
    if (!config) return;
    training.train({ prepare: config, ...toTrainRequestParts(options), backend: options.backend, crossValidationFolds: options.crossValidationFolds || null });
  };
  const score = (record: ApplicantRecord): Promise<Result<ApplicantScore>> =>
    bridge.api.score(record, scale).catch((cause: unknown) => {
      console.error('Scoring failed', cause);
      return fail<ApplicantScore>('The applicant could not be scored.');
    });

  // The cut-off on the probability of bad travels with the model; scoring decides with it.
  const [cutoff, setCutoff] = useState(0.5);
  const [scale, setScale] = useState<PointsScale>(DEFAULT_POINTS_SCALE);
  const chooseCutoff = useCallback(
    (value: number) => {
      setCutoff(value);
      bridge.api.setCutoff(value).catch((cause: unknown) => console.error('Keeping the cut-off failed', cause));
    },
    [bridge],
  );
  const planCutoffs = useCallback((profitPerGood: number, lossPerBad: number) => bridge.api.cutoffPlan(profitPerGood, lossPerBad), [bridge]);
  const runCount = training.runs.length;
  const lastRun = useRef(runCount);
  if (lastRun.current !== runCount) {
    lastRun.current = runCount;
    if (cutoff !== 0.5) setCutoff(0.5); // a new model starts at the default cut-off
  }

  const loading = loader.load.phase === 'reading';
  const busy = loading || training.state === 'training';
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
          {prepared && <CleaningReportView prepared={prepared} target={plan.target} positive={plan.positive} onDownloadRemoved={downloadRemoved} />}
        </section>
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
        runs={training.runs}
        statusText={training.statusText}
        onTrain={train}
        onStop={training.stop}
      />
      {training.summary && <MetricsPanel summary={training.summary} />}
      {/* After a run, the metrics mount first and the planner and form a frame or two later, so the
          three large sections are three short main-thread tasks rather than one long commit. */}
      {training.summary && (
        <Deferred key={`decide-${training.runs.length}`} order={1}>
          <section className="card" aria-labelledby="decide-heading">
            <h2 id="decide-heading">6. Cut-off and scorecard</h2>
            <CutoffPlanner key={training.runs.length} badLabel={badLabel(training.summary)} cutoff={cutoff} onCutoff={chooseCutoff} plan={planCutoffs} />
            <ScorecardScale scale={scale} onScale={setScale} />
          </section>
        </Deferred>
      )}
      {training.summary && (
        <Deferred key={`score-${training.runs.length}`} order={2}>
          <ApplicantForm key={training.runs.length} summary={training.summary} onScore={score} />
        </Deferred>
      )}
      <footer className="hint">CreditLab makes no network requests with your data. Once this page has loaded, reading, training and scoring need no network.</footer>
    </main>
  );
}
