import { removedRowsCsv } from '../core/clean/removedRows';
import { badOutcome } from '../core/columns/target';
import { prepareData, type PrepareConfig, type PreparedData } from '../core/pipeline';
import { ok, type Result } from '../core/result';
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

/** The rows this preparation of `dataset` removes, as CSV text with the reason for each ('' when it cannot be prepared). */
export function removedCsv(dataset: Dataset, config: PrepareConfig): string {
  const prepared = prepare(dataset, config);
  return prepared.ok ? removedRowsCsv(dataset.table, prepared.data.removed) : '';
}
