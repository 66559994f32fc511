import { removedRowsCsv } from '../core/clean/removedRows';
import { badOutcome } from '../core/columns/target';
import { prepareData, prepareSteps, type PrepareConfig, type PreparedData } from '../core/pipeline';
import { englishOf } from '../core/problems';
import { failWith, ok, type Result } from '../core/result';
import type { Dataset } from './datasets';
import type { OutcomeNames, PreparedSummary } from './protocol';

/** The target's values by meaning: the bad outcome follows from the target, whichever value is positive. */
export function outcomeNames(config: Pick<PrepareConfig, 'target' | 'positive' | 'negative'>): OutcomeNames {
  const bad = badOutcome(config.target, config.positive, config.negative);
  return { target: config.target, bad, good: bad === config.positive ? config.negative : config.positive };
}

/** Summary of prepared data for the UI (no matrices). */
export function summarise(data: PreparedData, config: PrepareConfig): PreparedSummary {
  const outcome = outcomeNames(config);
  const trainPositives = Math.round(data.trainPositiveRate * data.train.rows);
  let validationRows = 0;
  for (const fold of data.validationFolds) validationRows += fold.length;
  return {
    report: data.report,
    removedRows: data.removed.rows.length,
    trainRows: data.train.rows,
    trainBadRows: outcome.bad === config.positive ? trainPositives : data.train.rows - trainPositives,
    validationRows,
    validation: data.validation,
    testRows: data.test.rows,
    outcome,
    width: data.preprocessor.width,
    preprocessor: data.preprocessor,
    timings: data.timings,
  };
}

/** Cleans, splits, fits and encodes `dataset` for `config`; the data set keeps its last preparation, reused for an identical config. */
export function prepare(dataset: Dataset, config: PrepareConfig): Result<PreparedData> {
  const key = JSON.stringify(config);
  if (dataset.prepared?.key === key) return ok(dataset.prepared.data);
  dataset.prepared = null; // let the previous matrices go before building new ones
  const prepared = prepareData(dataset.table, config);
  if (prepared.ok) dataset.prepared = { key, data: prepared.data };
  return prepared;
}

/** Why a preparation stopped before its end. */
export const PREPARATION_CANCELLED = englishOf({ code: 'preparation.cancelled', params: {} });

/**
 * `prepare`, giving way to the worker's other messages between its stages (a few hundred ms each
 * on a million rows), so that a newer request can cancel a preparation nobody waits for any more:
 * an aborted `signal` ends it with PREPARATION_CANCELLED and the data set keeps no half-made state.
 */
export async function prepareCancellable(dataset: Dataset, config: PrepareConfig, signal: AbortSignal): Promise<Result<PreparedData>> {
  if (signal.aborted) return failWith('preparation.cancelled', {});
  const key = JSON.stringify(config);
  if (dataset.prepared?.key === key) return ok(dataset.prepared.data);
  dataset.prepared = null;
  const steps = prepareSteps(dataset.table, config);
  for (;;) {
    const step = steps.next();
    if (step.done) {
      if (step.value.ok) dataset.prepared = { key, data: step.value.data };
      return step.value;
    }
    await nextTask();
    if (signal.aborted) return failWith('preparation.cancelled', {});
  }
}

/** Resolves after the messages already queued for this worker (a cancel among them) have been handled. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The rows this preparation of `dataset` removes, as CSV text with the reason for each ('' when it cannot be prepared). */
export function removedCsv(dataset: Dataset, config: PrepareConfig): string {
  const prepared = prepare(dataset, config);
  return prepared.ok ? removedRowsCsv(dataset.table, prepared.data.removed) : '';
}
