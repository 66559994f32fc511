/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs';
import { expose } from 'comlink';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { cleanTable, type CleaningConfig, type CleaningReport } from '../core/clean/cleanTable';
import { proposeRangeRules } from '../core/clean/rangeRules';
import { profileColumns } from '../core/columns/profile';
import { detectTarget } from '../core/columns/target';
import { tryParseCsv } from '../core/csv/parseCsv';
import { encodeApplicant, type ApplicantRecord, type Preprocessor } from '../core/features/preprocessor';
import { computeBaselineMetrics, computeBinaryMetrics } from '../core/metrics/binary';
import { prepareData } from '../core/pipeline';
import { fail, ok, type Result } from '../core/result';
import type { Table } from '../core/table';
import { selectBackend, type BackendChoice } from '../model/backend';
import { buildNetwork, disposeNetwork, predictProbabilities } from '../model/network';
import { trainNetwork } from '../model/train';
import type { DatasetSummary, TrainEvent, TrainRequest, TrainSummary } from './protocol';

// Worker state: the table stays here; the UI only ever receives summaries.
let table: Table | null = null;
let model: tf.LayersModel | null = null;
let preprocessor: Preprocessor | null = null;
let backend: Promise<BackendChoice> | null = null;
let stopRequested = false;

function ensureBackend(): Promise<BackendChoice> {
  backend ??= selectBackend({
    'tfjs-backend-wasm.wasm': new URL(wasmPlainUrl, self.location.href).href,
    'tfjs-backend-wasm-simd.wasm': new URL(wasmSimdUrl, self.location.href).href,
    'tfjs-backend-wasm-threaded-simd.wasm': new URL(wasmThreadedUrl, self.location.href).href,
  });
  return backend;
}

function loadText(text: string, fileName: string, started: number): Result<DatasetSummary> {
  const parsed = tryParseCsv(text);
  if (!parsed.ok) return parsed;
  table = parsed.data.table;
  disposeModel();
  const columns = profileColumns(table);
  return ok({
    fileName,
    rowCount: table.rowCount,
    columns,
    suggestedTarget: detectTarget(columns),
    suggestedRangeRules: proposeRangeRules(columns),
    notes: parsed.data.notes,
    parseMs: performance.now() - started,
  });
}

function disposeModel(): void {
  if (model) disposeNetwork(model);
  model = null;
  preprocessor = null;
}

/** The worker's API; the UI imports this type only, so tfjs never reaches the main bundle. */
const api = {
  /** Reads a user's file and profiles its columns. */
  async loadFile(file: Blob, fileName: string): Promise<Result<DatasetSummary>> {
    const started = performance.now();
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      console.error(error);
      return fail('The file could not be read. It may be too large for this browser or no longer available.');
    }
    return loadText(text, fileName, started);
  },

  /** Fetches and loads a CSV served with the app (the bundled sample). */
  async loadUrl(url: string, fileName: string): Promise<Result<DatasetSummary>> {
    const started = performance.now();
    const response = await fetch(url);
    if (!response.ok) return fail(`The sample data could not be loaded (HTTP ${response.status}).`);
    return loadText(await response.text(), fileName, started);
  },

  /** The cleaning report for these choices, without training (shown before the user trains). */
  previewCleaning(config: CleaningConfig): Result<CleaningReport> {
    if (!table) return fail('Load a data set first.');
    const cleaned = cleanTable(table, config);
    return cleaned.ok ? ok(cleaned.data.report) : cleaned;
  },

  /** Cleans, splits, fits preprocessing on the training rows, trains and evaluates on the test rows. */
  async train(request: TrainRequest, onEvent: (event: TrainEvent) => void): Promise<Result<TrainSummary>> {
    if (!table) return fail('Load a data set first.');
    stopRequested = false;
    const prepared = prepareData(table, request);
    if (!prepared.ok) return prepared;
    const data = prepared.data;
    const width = data.preprocessor.width;
    onEvent({
      type: 'prepared',
      report: data.report,
      trainRows: data.train.rows,
      validationRows: data.validation.rows,
      testRows: data.test.rows,
      width,
    });

    const choice = await ensureBackend();
    onEvent({ type: 'backend', backend: choice });

    disposeModel();
    const network = buildNetwork(width, { hiddenUnits: request.hiddenUnits, learningRate: request.learningRate, seed: request.seed });
    let outcome;
    try {
      outcome = await trainNetwork(
        network,
        data.train,
        data.validation,
        width,
        { epochs: request.epochs, batchSize: request.batchSize },
        (report) => onEvent({ type: 'epoch', report }),
        () => stopRequested,
      );
    } catch (error) {
      disposeNetwork(network);
      throw error;
    }
    const probabilities = await predictProbabilities(network, data.test.x, width);
    if (probabilities.some((p) => !Number.isFinite(p))) {
      disposeNetwork(network);
      return fail('Training diverged (the model produced invalid numbers). Try a lower learning rate.');
    }
    model = network;
    preprocessor = data.preprocessor;
    return ok({
      report: data.report,
      backend: choice,
      preprocessor: data.preprocessor,
      metrics: computeBinaryMetrics(data.test.y, probabilities),
      baseline: computeBaselineMetrics(data.test.y, data.trainPositiveRate),
      epochsRun: outcome.epochsRun,
      stopped: outcome.stopped,
      elapsedMs: outcome.elapsedMs,
      target: request.target,
      positive: request.positive,
      negative: request.negative,
    });
  },

  /** Asks a running training to stop after the current batch; the model so far is kept. */
  stop(): void {
    stopRequested = true;
  },

  /** Probability of the positive class for one applicant, with the stored preprocessing (never refit). */
  async score(record: ApplicantRecord): Promise<Result<number>> {
    if (!model || !preprocessor) return fail('Train a model first.');
    let x: Float32Array;
    try {
      x = encodeApplicant(preprocessor, record);
    } catch (error) {
      return fail((error as Error).message);
    }
    const [probability] = await predictProbabilities(model, x, preprocessor.width);
    return ok(probability);
  },
};

/** The worker API type, for the UI's type-only import. */
export type CreditLabApi = typeof api;

expose(api);
