/// <reference lib="webworker" />
import { expose, transfer } from 'comlink';
import type { Binning } from '../core/binning/types';
import { bundleOk, type BundleOutcome } from '../core/bundle/problems';
import type { DecisionPolicy, ModelBundle } from '../core/bundle/types';
import type { ReadProgress } from '../core/csv/readCsvBytes';
import type { ApplicantRecord } from '../core/features/preprocessor';
import type { PrepareConfig } from '../core/pipeline';
import { ok, type Result } from '../core/result';
import type { PointsScale } from '../core/scoring/points';
import { batchCsv, batchRows, releaseBatch, scoreBatch, type BatchFilter, type BatchRow, type BatchSummary } from './batch';
import { admitBundle } from './bundleLoading';
import { fairness, importance, protectedCandidates, type FairnessReport, type ImportanceReport } from './screens';
import { computeCharacteristics, editCharacteristic } from './characteristics';
import { findDataset, releaseDataset } from './datasets';
import { exportModel, importModelFile, modelCard, quantizationPreview } from './exporting';
import { cancelJob, runJob } from './jobs';
import { loadBlob, loadUrl, readRows } from './loading';
import { releaseModel } from './models';
import { prepareCancellable, removedCsv, summarise } from './preparing';
import type {
  ApplicantScore,
  BinEdit,
  BinEditResult,
  CharacteristicsReport,
  CompareEntry,
  CompareOutcome,
  CutoffPlan,
  DatasetId,
  ExportedModel,
  ExportRequest,
  ImportedModel,
  JobId,
  LoadedBundle,
  LoadedDataset,
  ModelCardFile,
  ModelId,
  ModelPolicy,
  PreparedSummary,
  QuantizationPreview,
  TrainEvent,
  TrainRequest,
  TrainedModel,
} from './protocol';
import { bundleOf, cutoffPlan, score, setPolicy } from './scoring';
import { compareModels, preloadBackend, train } from './training';
import { raiseResourceBuffer, resourceRequestsHere, type ResourceRequest } from './resourceLog';
import { memberResourceRequests } from './sideTrainer';

/**
 * The worker's API; the UI imports this type only, so tfjs never reaches the main bundle. Data sets
 * and models are named by the ids the worker gives them and stay until released; long calls are
 * named by a job id of the caller's choosing, which `cancel` stops.
 */
const api = {
  /**
   * Takes the Web Lock `name` and holds it for the worker's whole life; resolves once it is held.
   * The page then waits on the same lock: the browser grants it when this worker is gone, however
   * it went (a crash, out of memory, close()), which no message could tell.
   */
  holdLifeline(name: string): Promise<void> {
    return new Promise((held) => {
      void navigator.locks.request(name, () => {
        held();
        return new Promise<never>(() => {});
      });
    });
  },

  /** Streams a user's file into a new data set (hashing it on the way) and profiles its columns; progress is reported as it reads. */
  loadFile(jobId: JobId, file: Blob, fileName: string, onProgress: (progress: ReadProgress) => void): Promise<Result<LoadedDataset>> {
    return runJob(jobId, (signal) => loadBlob(file, fileName, onProgress, signal));
  },

  /** Streams a CSV served with the app (the bundled sample) into a new data set. */
  loadUrl(jobId: JobId, url: string, fileName: string, onProgress: (progress: ReadProgress) => void): Promise<Result<LoadedDataset>> {
    return runJob(jobId, (signal) => loadUrl(url, fileName, onProgress, signal));
  },

  /** Lets go of a data set and its preparation (models trained on it stay); false when it was not loaded. */
  releaseDataset(datasetId: DatasetId): boolean {
    return releaseDataset(datasetId);
  },

  /** Stops a load, preparation, training or comparison by its job id: a load or preparation ends "cancelled", a training keeps its best model so far. */
  cancel(jobId: JobId): boolean {
    return cancelJob(jobId);
  },

  /** Rows [start, start + count) of a data set as text, for the preview. */
  getRows(datasetId: DatasetId, start: number, count: number): string[][] {
    return readRows(datasetId, start, count);
  },

  /**
   * Cleans, splits and fits the preprocessing of a data set for these choices; the report shows
   * before any training. Cancelling `jobId` (a newer choice made it stale) ends it "Preparing was cancelled.".
   */
  async prepare(jobId: JobId, datasetId: DatasetId, config: PrepareConfig): Promise<Result<PreparedSummary>> {
    const dataset = findDataset(datasetId);
    if (!dataset.ok) return dataset;
    const prepared = await runJob(jobId, (signal) => prepareCancellable(dataset.data, config, signal));
    return prepared.ok ? ok(summarise(prepared.data, config)) : prepared;
  },

  /** Every feature binned on the training rows of this preparation (never the test rows): bins, WoE, IV and its reading, ranked by IV. */
  characteristics(datasetId: DatasetId, config: PrepareConfig): Result<CharacteristicsReport> {
    const dataset = findDataset(datasetId);
    return dataset.ok ? computeCharacteristics(dataset.data, config) : dataset;
  },

  /** Merges two neighbouring bins of `binning`, or splits one at a value, re-counted on the same training rows. */
  editCharacteristic(datasetId: DatasetId, config: PrepareConfig, binning: Binning, edit: BinEdit): BinEditResult {
    const dataset = findDataset(datasetId);
    return dataset.ok ? editCharacteristic(dataset.data, config, binning, edit) : { ok: false, problem: 'not-prepared' };
  },

  /** Permutation importance of the model on this session's test rows. */
  importance(modelId: ModelId): Result<ImportanceReport> {
    return importance(modelId);
  },

  /** The columns a fair-lending screen of the model can group by. */
  protectedCandidates(modelId: ModelId): Result<string[]> {
    return protectedCandidates(modelId);
  },

  /** The fair-lending screen of `column` on this session's test rows, at the cut-off in force; `groupsFrom`: a separate file (a loaded data set) joined to the training file row by row. */
  fairness(modelId: ModelId, column: string, groupsFrom?: DatasetId): Result<FairnessReport> {
    return fairness(modelId, column, groupsFrom);
  },

  /** Scores every row of data set `datasetId` (a file of applicants) with model `modelId`, with progress; `cancel(jobId)` stops it and keeps nothing. */
  scoreBatch(jobId: JobId, datasetId: DatasetId, modelId: ModelId, onProgress: (done: number, total: number) => void): Promise<Result<BatchSummary>> {
    return runJob(jobId, (signal) => scoreBatch(datasetId, modelId, onProgress, signal));
  },

  /** A page of a scored batch's rows among those `filter` keeps, and how many it keeps. */
  batchRows(batchId: string, filter: BatchFilter, start: number, count: number): Result<{ total: number; rows: BatchRow[] }> {
    return batchRows(batchId, filter, start, count);
  },

  /**
   * A scored batch as CSV bytes (UTF-8 chunks; its columns, then probability of bad, points,
   * decision, reasons, flags), moved to the page rather than copied: encoding 20 MB of text on the
   * main thread would be one long task.
   */
  batchCsv(batchId: string): Result<Uint8Array[]> {
    const csv = batchCsv(batchId);
    if (!csv.ok) return csv;
    return transfer(
      csv,
      csv.data.map((chunk) => chunk.buffer),
    );
  },

  /** Forgets a scored batch. */
  releaseBatch(batchId: string): void {
    releaseBatch(batchId);
  },

  /** The rows this preparation removes, as CSV, each with its reason ('' when the data set is gone or cannot be prepared). */
  removedRowsCsv(datasetId: DatasetId, config: PrepareConfig): string {
    const dataset = findDataset(datasetId);
    return dataset.ok ? removedCsv(dataset.data, config) : '';
  },

  /** Trains and evaluates on the held-out test rows; the model is kept under a new id (with its bundle) until released. */
  async train(jobId: JobId, datasetId: DatasetId, request: TrainRequest, onEvent: (event: TrainEvent) => void): Promise<Result<TrainedModel>> {
    const dataset = findDataset(datasetId);
    if (!dataset.ok) return dataset;
    return runJob(jobId, (signal) => train(dataset.data, request, onEvent, signal));
  },

  /** Trains several models on the same split, one after another, each kept under its own id; progress events carry the model's key. */
  async compareModels(
    jobId: JobId,
    datasetId: DatasetId,
    entries: readonly CompareEntry[],
    onEvent: (key: string, event: TrainEvent) => void,
  ): Promise<Result<readonly CompareOutcome[]>> {
    const dataset = findDataset(datasetId);
    if (!dataset.ok) return dataset;
    return runJob(jobId, (signal) => compareModels(dataset.data, entries, onEvent, signal));
  },

  /** Frees a model (its tfjs weights included); false when it was not loaded. */
  releaseModel(modelId: ModelId): boolean {
    return releaseModel(modelId);
  },

  /**
   * Loads a model bundle (any value: it is checked against the schema), its networks from the
   * stored weights, and scores its reference applicants again: a bundle whose scores moved beyond
   * its tolerance is refused, and nothing of a refused bundle is kept.
   */
  async loadBundle(bundle: unknown): Promise<BundleOutcome<LoadedBundle>> {
    // A fresh worker (right after a reload) may not have its tfjs backend yet: a network needs one to load.
    await preloadBackend();
    const loaded = await admitBundle(bundle);
    return loaded.ok ? bundleOk({ modelId: loaded.data.id, summary: loaded.data.summary }) : loaded;
  },

  /** Fetches and starts the automatically chosen backend while the page is idle (wasm binaries included). */
  preloadBackend,

  /** Scores one applicant with a model's stored preprocessing and calibrated model: the probability of bad and any out-of-range flags (a scorecard: from its integer points on `scale`, by default its policy's). */
  score(modelId: ModelId, record: ApplicantRecord, scale?: PointsScale): Result<ApplicantScore> {
    return score(modelId, record, scale);
  },

  /** The cut-off planner's table over the test rows and, for a model trained in this session, cut-offs searched on its validation rows. */
  cutoffPlan(modelId: ModelId, profitPerGood: number, lossPerBad: number, targetApprovalRate: number): Result<CutoffPlan> {
    return cutoffPlan(modelId, profitPerGood, lossPerBad, targetApprovalRate);
  },

  /** Keeps the chosen cut-off (on the probability of bad) and points scale with the model: they go into its bundle. */
  setPolicy(modelId: ModelId, policy: ModelPolicy): Result<DecisionPolicy> {
    return setPolicy(modelId, policy);
  },

  /** The model's bundle with its policy as now set: what a saved file holds. */
  bundleOf(modelId: ModelId): Result<ModelBundle> {
    return bundleOf(modelId);
  },

  /**
   * Per weight encoding ('none', 'float16', 'uint8'), the exported file's size and how far the
   * scores move from full precision (reference applicants; test AUC and log loss when this session
   * has the test rows); null where an encoding does not apply (a scorecard: 'none' only).
   */
  quantizationPreview(modelId: ModelId): Promise<Result<QuantizationPreview>> {
    return quantizationPreview(modelId);
  },

  /** The model as a file (current policy, weights as asked, encrypted with a passphrase when given); refused when quantising moves a score beyond its tolerance. */
  exportModel(modelId: ModelId, request: ExportRequest): Promise<BundleOutcome<ExportedModel>> {
    return exportModel(modelId, request);
  },

  /** Reads a model file (checksum, passphrase, schema, reference applicants) into a new model; nothing is kept when it is refused. */
  async importModelFile(bytes: Uint8Array, passphrase?: string): Promise<BundleOutcome<ImportedModel>> {
    await preloadBackend();
    return importModelFile(bytes, passphrase);
  },

  /** The model card of the model's bundle with its current policy, as a self-contained HTML document and a file name. */
  modelCard(modelId: ModelId): Result<ModelCardFile> {
    return modelCard(modelId);
  },

  /** Every request this worker and its member worker made since they started (resource timing: URL, initiator, timings, bytes), for the Privacy panel. */
  async resourceRequests(): Promise<ResourceRequest[]> {
    return [...resourceRequestsHere('data-worker'), ...(await memberResourceRequests())];
  },
};

/** The worker API type, for the UI's type-only import. */
export type CreditLabApi = typeof api;

// Before its requests outgrow the default buffer of 250 entries (the Privacy panel lists them all).
raiseResourceBuffer();
expose(api);
