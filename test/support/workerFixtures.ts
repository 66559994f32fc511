// Shared helpers of the worker's tests (not shipped: only *.test.ts files import this): seeded loan
// books, loading them into data sets, and the requests the tests train with.
import { proposeCleaningPlan } from '../../src/core/clean/plan';
import { bytesOf, chunkedOpen, seededRandom } from './csvFixtures';
import type { PrepareConfig } from '../../src/core/pipeline';
import { DEFAULT_POINTS_SCALE } from '../../src/core/scoring/points';
import { DEFAULT_NETWORK, DEFAULT_SETTINGS } from '../../src/model/defaults';
import { findDataset, type Dataset } from '../../src/worker/datasets';
import { loadCsv } from '../../src/worker/loading';
import type { DatasetSummary, TrainRequest } from '../../src/worker/protocol';

/** `rows` seeded applicants whose default depends on income and rate (and renting, by `rentEffect`), with a text column and missing rates. */
export function loanCsv(seed = 7, rows = 600, rentEffect = 0): string {
  const random = seededRandom(seed);
  const lines = ['id,income,rate,home,default'];
  for (let i = 0; i < rows; i++) {
    const income = Math.round(20_000 + random() * 80_000);
    const rate = random() < 0.05 ? '' : (5 + random() * 20).toFixed(2);
    const home = ['RENT', 'OWN', 'MORTGAGE'][Math.floor(random() * 3)];
    const z = -0.00004 * (income - 60_000) + 0.2 * ((Number(rate) || 15) - 15) + (home === 'RENT' ? rentEffect : 0);
    lines.push(`${1000 + i},${income},${rate},${home},${random() < 1 / (1 + Math.exp(-z)) ? 1 : 0}`);
  }
  return lines.join('\n');
}

/** A data set loaded from `text` as the worker loads a file, and its summary. */
export async function loadText(text: string, fileName = 'loans.csv'): Promise<{ dataset: Dataset; summary: DatasetSummary }> {
  const bytes = bytesOf(text);
  const loaded = await loadCsv(chunkedOpen(bytes, 4096), bytes.length, fileName, () => undefined);
  if (!loaded.ok) throw new Error(loaded.reason);
  const dataset = findDataset(loaded.data.datasetId);
  if (!dataset.ok) throw new Error(dataset.reason);
  return { dataset: dataset.data, summary: loaded.data.summary };
}

/** The proposed cleaning plan for `default` (1 = bad) with a 20% test split. */
export function configOf(summary: DatasetSummary, seed = 3, overrides: Partial<PrepareConfig> = {}): PrepareConfig {
  return { ...proposeCleaningPlan(summary.columns, 'default', '1', '0'), testFraction: 0.2, validation: 'auto', seed, ...overrides };
}

/** A short network run on the cpu backend. */
export function networkRequest(prepare: PrepareConfig, overrides: Partial<TrainRequest> = {}): TrainRequest {
  return { prepare, network: DEFAULT_NETWORK, settings: { ...DEFAULT_SETTINGS, epochs: 3, batchSize: 32 }, backend: 'cpu', crossValidationFolds: null, ...overrides };
}

/** A scorecard run on the default points scale. */
export function scorecardRequest(prepare: PrepareConfig, scorecard: TrainRequest['scorecard'] = { binningOverrides: [], scale: DEFAULT_POINTS_SCALE }): TrainRequest {
  return { prepare, model: 'scorecard', scorecard, network: DEFAULT_NETWORK, settings: DEFAULT_SETTINGS, backend: 'cpu', crossValidationFolds: null };
}

/** A signal that never aborts, for calls the test does not cancel. */
export const NEVER: AbortSignal = new AbortController().signal;

/** Sets up what the worker expects of its host when run in Node: a `self` to resolve the wasm URLs against. */
export function fakeWorkerHost(): void {
  (globalThis as { self?: unknown }).self ??= { location: { href: 'http://localhost/' } };
}
