import { removedRowsCsv } from '../core/clean/removedRows';
import { badOutcome } from '../core/columns/target';
import { prepareData, type PrepareConfig, type PreparedData } from '../core/pipeline';
import { fail, ok, type Result } from '../core/result';
import { currentTable } from './loading';
import type { OutcomeNames, PreparedSummary } from './protocol';

// The last preparation, reused by training when the choices have not changed since.
let last: { readonly key: string; readonly table: object; readonly data: PreparedData } | null = null;

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

/** Cleans, splits, fits and encodes the loaded table for `config` (cached for an identical config). */
export function prepare(config: PrepareConfig): Result<PreparedData> {
  const table = currentTable();
  if (!table) return fail('Load a data set first.');
  const key = JSON.stringify(config);
  if (last && last.key === key && last.table === table) return ok(last.data);
  last = null; // let the previous matrices go before building new ones
  const prepared = prepareData(table, config);
  if (prepared.ok) last = { key, table, data: prepared.data };
  return prepared;
}

/** The rows the last preparation removed, as CSV text with the reason for each. */
export function removedCsv(): string {
  const table = currentTable();
  if (!last || !table || last.table !== table) return '';
  return removedRowsCsv(table, last.data.removed);
}

/** Forgets the cached preparation (a new file was loaded). */
export function forgetPrepared(): void {
  last = null;
}
