/** Fitting the binning of one table column, whichever kind it is. */
import { getColumn, type Table } from '../table';
import { fitCategoricalBinning } from './fitCategorical';
import { fitNumericBinning } from './fitNumeric';
import type { Binning, BinningOptions } from './types';

/** The binning of `column` fitted on table rows `rows` (bad[i] is rows[i]'s 0/1 label): numeric or categorical as the column is held. */
export function fitColumnBinning(table: Table, column: string, rows: Int32Array, bad: ArrayLike<number>, options: Partial<BinningOptions> = {}): Binning {
  const data = getColumn(table, column);
  return data.kind === 'numeric' ? fitNumericBinning(column, data.values, rows, bad, options) : fitCategoricalBinning(column, data.codes, data.levels, rows, bad, options);
}
