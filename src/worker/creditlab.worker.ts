/// <reference lib="webworker" />
import { expose } from 'comlink';
import type { ReadProgress } from '../core/csv/readCsvBytes';
import type { ApplicantRecord } from '../core/features/preprocessor';
import type { PrepareConfig } from '../core/pipeline';
import type { Result } from '../core/result';
import { cancelLoad, loadBlob, loadUrl, readRows } from './loading';
import { forgetPrepared, prepare, removedCsv, summarise } from './preparing';
import type { DatasetSummary, PreparedSummary, TrainEvent, TrainRequest, TrainSummary } from './protocol';
import { forgetModel, requestStop, score, train } from './training';

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
    return prepared.ok ? { ok: true, data: summarise(prepared.data) } : prepared;
  },

  /** The removed rows of the last preparation as CSV, each with its reason. */
  removedRowsCsv: removedCsv,

  /** Trains and evaluates on the held-out test rows. */
  train(request: TrainRequest, onEvent: (event: TrainEvent) => void): Promise<Result<TrainSummary>> {
    return train(request, onEvent);
  },

  /** Stops a running training after the current batch. */
  stop: requestStop,

  /** Scores one applicant with the stored preprocessing and model. */
  score(record: ApplicantRecord): Result<number> {
    return score(record);
  },
};

/** The worker API type, for the UI's type-only import. */
export type CreditLabApi = typeof api;

expose(api);
