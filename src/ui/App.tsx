import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CleaningReport, RangeRule } from '../core/clean/cleanTable';
import { guessPositiveValue } from '../core/columns/target';
import type { ApplicantRecord } from '../core/features/preprocessor';
import { fail, type Result } from '../core/result';
import type { BackendChoice } from '../model/backend';
import type { EpochReport } from '../model/train';
import { proxy, WorkerBridge } from '../worker/client';
import type { DatasetSummary, TrainEvent, TrainRequest, TrainSummary } from '../worker/protocol';
import { CleaningReportView } from './clean/CleaningReportView';
import { ColumnsPanel } from './data/ColumnsPanel';
import { DataLoader } from './data/DataLoader';
import { MetricsPanel } from './evaluate/MetricsPanel';
import { ApplicantForm } from './score/ApplicantForm';
import { Alert } from './shared/Alert';
import { formatCount } from './shared/format';
import { TrainPanel, type TrainSettings, type TrainingState } from './train/TrainPanel';

const SAMPLE_FILE = 'sample-loan-book.csv';
const TEST_FRACTION = 0.2;
const VALIDATION_FRACTION = 0.1;

/** Batch size that keeps small data sets from taking only a handful of steps and large ones fast. */
function defaultBatchSize(rows: number): number {
  return rows < 2_000 ? 32 : rows < 20_000 ? 64 : 128;
}

/** The target's two values as [positive, negative], or null when it does not have exactly two. */
function targetValues(dataset: DatasetSummary, target: string, positive: string): [string, string] | null {
  const values = dataset.columns.find((c) => c.name === target)?.values;
  if (!values || values.length !== 2) return null;
  return values[0] === positive ? [values[0], values[1]] : [values[1], values[0]];
}

/** The whole CreditLab flow on one page: load → columns → clean → train → evaluate → score. */
export function App() {
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [dataset, setDataset] = useState<DatasetSummary | null>(null);
  const [target, setTarget] = useState('');
  const [positive, setPositive] = useState('');
  const [features, setFeatures] = useState<ReadonlySet<string>>(new Set());
  const [rangeRules, setRangeRules] = useState<readonly RangeRule[]>([]);
  const [report, setReport] = useState<CleaningReport | null>(null);
  const [settings, setSettings] = useState<TrainSettings>({ epochs: 20, batchSize: 64, learningRate: 0.003, seed: 42 });
  const [state, setState] = useState<TrainingState>('idle');
  const [statusText, setStatusText] = useState('Load data to begin.');
  const [backend, setBackend] = useState<BackendChoice | null>(null);
  const [history, setHistory] = useState<readonly EpochReport[]>([]);
  const [summary, setSummary] = useState<TrainSummary | null>(null);

  const bridgeRef = useRef<WorkerBridge | null>(null);
  const bridge = (bridgeRef.current ??= new WorkerBridge((message) => {
    setError(message);
    setDataset(null);
    setSummary(null);
    setState('error');
    setStatusText('The worker stopped.');
  }));
  useEffect(() => () => bridgeRef.current?.restart(), []);

  const values = dataset && target ? targetValues(dataset, target, positive) : null;
  const targetProblem = useMemo(() => {
    if (!dataset) return null;
    if (!target) return 'No column has exactly two values; choose the column to predict.';
    const info = dataset.columns.find((c) => c.name === target);
    if (info && info.distinct !== 2) return `"${target}" has ${formatCount(info.distinct)} distinct value${info.distinct === 1 ? '' : 's'}; the target needs exactly two.`;
    return null;
  }, [dataset, target]);

  const applyDataset = (summary: DatasetSummary) => {
    const suggested = summary.suggestedTarget ?? '';
    const info = summary.columns.find((c) => c.name === suggested);
    setDataset(summary);
    setTarget(suggested);
    setPositive(info?.values?.length === 2 ? guessPositiveValue(info.values) : '');
    setFeatures(new Set(summary.columns.filter((c) => c.role !== 'identifier' && c.name !== suggested).map((c) => c.name)));
    setRangeRules(summary.suggestedRangeRules);
    setSettings((s) => ({ ...s, batchSize: defaultBatchSize(summary.rowCount) }));
    setSummary(null);
    setHistory([]);
    setBackend(null);
    setState('idle');
    setStatusText('Ready to train.');
  };

  const load = async (run: () => Promise<Result<DatasetSummary>>) => {
    setLoading(true);
    setError(null);
    setStatusText('Reading the file…');
    try {
      const result = await run();
      if (result.ok) applyDataset(result.data);
      else {
        setError(result.reason);
        setStatusText(dataset ? 'Ready to train.' : 'Load data to begin.');
      }
    } catch (cause) {
      console.error('Loading failed', cause);
      setError('The file could not be read.');
    } finally {
      setLoading(false);
    }
  };

  const loadRef = useRef(load);
  loadRef.current = load;
  const loadFile = useCallback((file: File) => loadRef.current(() => bridge.api.loadFile(file, file.name)), [bridge]);
  const loadSample = useCallback(() => loadRef.current(() => bridge.api.loadUrl(new URL(SAMPLE_FILE, document.baseURI).href, SAMPLE_FILE)), [bridge]);

  const featureList = useMemo(() => (dataset ? dataset.columns.map((c) => c.name).filter((n) => n !== target && features.has(n)) : []), [dataset, target, features]);

  // The cleaning report follows the user's choices before any training.
  useEffect(() => {
    setReport(null);
    if (!dataset || !values) return;
    let current = true;
    bridge.api
      .previewCleaning({ target, positive: values[0], negative: values[1], features: featureList, dropDuplicates: true, rangeRules })
      .then((result) => {
        if (!current) return;
        if (result.ok) setReport(result.data);
        else setError(result.reason);
      })
      .catch((cause: unknown) => console.error('Cleaning preview failed', cause));
    return () => {
      current = false;
    };
    // `values` is derived from dataset/target/positive, listed instead.
  }, [bridge, dataset, target, positive, featureList, rangeRules]);

  // Progress renders as a transition: React may split it up, so the page keeps answering clicks.
  const onEvent = useCallback((event: TrainEvent) => {
    startTransition(() => {
      if (event.type === 'prepared') setStatusText(`Training on ${formatCount(event.trainRows)} rows (${formatCount(event.validationRows)} validation, ${formatCount(event.testRows)} test)…`);
      else if (event.type === 'backend') setBackend(event.backend);
      else setHistory((h) => [...h, event.report]);
    });
  }, []);

  const train = async () => {
    if (!dataset || !values) return;
    const request: TrainRequest = {
      target,
      positive: values[0],
      negative: values[1],
      features: featureList,
      dropDuplicates: true,
      rangeRules,
      testFraction: TEST_FRACTION,
      validationFraction: VALIDATION_FRACTION,
      seed: settings.seed,
      epochs: settings.epochs,
      batchSize: settings.batchSize,
      learningRate: settings.learningRate,
      hiddenUnits: [32],
    };
    setError(null);
    setSummary(null);
    setHistory([]);
    setState('training');
    setStatusText('Preparing the data…');
    try {
      const result = await bridge.api.train(request, proxy(onEvent));
      if (!result.ok) {
        setError(result.reason);
        setState('error');
        setStatusText('Training did not run.');
        return;
      }
      setSummary(result.data);
      setState('done');
      setStatusText(result.data.stopped ? `Stopped after ${result.data.epochsRun} epochs; the model so far is kept.` : `Done: ${result.data.epochsRun} epochs.`);
    } catch (cause) {
      console.error('Training failed', cause);
      setError('Training failed. Try again, or with a lower learning rate.');
      setState('error');
      setStatusText('Training failed.');
    }
  };

  const score = (record: ApplicantRecord): Promise<Result<number>> =>
    bridge.api.score(record).catch((cause: unknown) => {
      console.error('Scoring failed', cause);
      return fail<number>('The applicant could not be scored.');
    });

  const toggleFeature = useCallback(
    (name: string) =>
      setFeatures((current) => {
        const next = new Set(current);
        if (!next.delete(name)) next.add(name);
        return next;
      }),
    [],
  );
  const chooseTarget = useCallback(
    (name: string) => {
      const info = dataset?.columns.find((c) => c.name === name);
      setTarget(name);
      setPositive(info?.values?.length === 2 ? guessPositiveValue(info.values) : '');
    },
    [dataset],
  );

  const busy = loading || state === 'training';
  return (
    <main className="app">
      <header className="app-header">
        <h1>CreditLab</h1>
        <p>Credit scoring on your device: your data is read, cleaned and modelled in this browser tab and never leaves it.</p>
      </header>
      <Alert message={error} onDismiss={() => setError(null)} />
      <DataLoader busy={busy} onFile={loadFile} onSample={loadSample} />
      {dataset && (
        <ColumnsPanel
          dataset={dataset}
          target={target}
          positive={values?.[0] ?? ''}
          features={features}
          disabled={busy}
          onTarget={chooseTarget}
          onPositive={setPositive}
          onToggleFeature={toggleFeature}
        />
      )}
      {targetProblem && <Alert message={targetProblem} />}
      {dataset && report && values && <CleaningReportView report={report} target={target} positive={values[0]} />}
      <TrainPanel
        settings={settings}
        onSettings={setSettings}
        state={state}
        canTrain={!!dataset && !!values && !loading && featureList.length > 0}
        backend={backend}
        history={history}
        statusText={statusText}
        onTrain={train}
        onStop={() => void bridge.api.stop()}
      />
      {summary && <MetricsPanel summary={summary} />}
      {summary && <ApplicantForm key={`${summary.target}-${summary.elapsedMs}`} summary={summary} onScore={score} />}
      <footer className="hint">CreditLab makes no network requests with your data. It works offline once loaded.</footer>
    </main>
  );
}
