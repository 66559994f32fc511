/// <reference lib="webworker" />
import { expose } from 'comlink';
import type { ReadProgress } from '../core/csv/readCsvBytes';
import type { ApplicantRecord } from '../core/features/preprocessor';
import type { PrepareConfig } from '../core/pipeline';
import type { Result } from '../core/result';
import type { PointsScale } from '../core/scoring/points';
import type { Binning } from '../core/binning/types';
import { computeCharacteristics, editCharacteristic } from './characteristics';
import { cancelLoad, loadBlob, loadUrl, readRows } from './loading';
import { forgetPrepared, prepare, removedCsv, summarise } from './preparing';
import type {
  ApplicantScore,
  BinEdit,
  CompareEntry,
  CompareOutcome,
  BinEditResult,
  CharacteristicsReport,
  CutoffPlan,
  DatasetSummary,
  PreparedSummary,
  TrainEvent,
  TrainRequest,
  TrainSummary,
} from './protocol';
import { compareModels, cutoffPlan, forgetModel, preloadBackend, requestStop, score, setCutoff, train, useComparedModel } from './training';

function forgetDerived(): void {
  forgetPrepared();
  forgetModel();
}

/** The worker's API; the UI imports this type only, so tfjs never reaches the main bundle. */
const api = {
  /** Streams a user's file into the worker's table and profiles its columns; progress is reported as it reads. */
  async loadFile(file: Blob, fileName: string, onProgress: (progress: ReadProgress) => void): Promise<Result<DatasetSummary>> {
    const result = await loadBlob(file, fileName, onProgress);
    if (result.ok) forgetDerived();
    return result;
  },

  /** Streams a CSV served with the app (the bundled sample). */
  async loadUrl(url: string, fileName: string, onProgress: (progress: ReadProgress) => void): Promise<Result<DatasetSummary>> {
    const result = await loadUrl(url, fileName, onProgress);
    if (result.ok) forgetDerived();
    return result;
  },

  /** Cancels a load in progress. */
  cancelLoad,

  /** Rows [start, start + count) of the loaded file as text, for the preview. */
  getRows: readRows,

  /** Cleans, splits and fits the preprocessing for these choices; the report shows before any training. */
  prepare(config: PrepareConfig): Result<PreparedSummary> {
    const prepared = prepare(config);
    return prepared.ok ? { ok: true, data: summarise(prepared.data, config) } : prepared;
  },

  /** Every feature binned on the training rows of this preparation (never the test rows): bins, WoE, IV and its reading, ranked by IV. */
  characteristics(config: PrepareConfig): Result<CharacteristicsReport> {
    return computeCharacteristics(config);
  },

  /** Merges two neighbouring bins of `binning`, or splits one at a value, re-counted on the same training rows. */
  editCharacteristic(config: PrepareConfig, binning: Binning, edit: BinEdit): BinEditResult {
    return editCharacteristic(config, binning, edit);
  },

  /** The removed rows of the last preparation as CSV, each with its reason. */
  removedRowsCsv: removedCsv,

  /** Trains and evaluates on the held-out test rows. */
  train(request: TrainRequest, onEvent: (event: TrainEvent) => void): Promise<Result<TrainSummary>> {
    return train(request, onEvent);
  },

  /** Trains several models on the same split, one after another, and keeps them all; progress events carry the model's key. */
  compareModels(entries: readonly CompareEntry[], onEvent: (key: string, event: TrainEvent) => void): Promise<Result<readonly CompareOutcome[]>> {
    return compareModels(entries, onEvent);
  },

  /** Makes one compared model the one the planner, the cut-off and scoring use. */
  useComparedModel,

  /** Fetches and starts the automatically chosen backend while the page is idle (wasm binaries included). */
  preloadBackend,

  /** Stops a running training after the current batch. */
  stop: requestStop,

  /** Scores one applicant with the stored preprocessing and calibrated model: the probability of bad and any out-of-range flags (a scorecard: from its integer points on `scale`). */
  score(record: ApplicantRecord, scale?: PointsScale): Result<ApplicantScore> {
    return score(record, scale);
  },

  /** The cut-off planner's table over the test rows, and cut-offs for maximum profit, maximum KS and a target approval rate (0–1) searched on validation rows. */
  cutoffPlan(profitPerGood: number, lossPerBad: number, targetApprovalRate: number): Result<CutoffPlan> {
    return cutoffPlan(profitPerGood, lossPerBad, targetApprovalRate);
  },

  /** Keeps the chosen cut-off (on the probability of bad) with the model. */
  setCutoff,
};

/** The worker API type, for the UI's type-only import. */
export type CreditLabApi = typeof api;

expose(api);
