/** Test data for the binning tests: rows built from hand-written counts, shuffled so no test relies on row order. */
import { createRandom, shuffleInPlace } from '../../src/core/split/random';

/** A fit's inputs: the whole column, the table rows to fit on, and each of those rows' 0/1 label. */
export interface NumericFitData {
  readonly values: Float64Array;
  readonly rows: Int32Array;
  readonly bad: Uint8Array;
}

/** Rows with `goods` good and `bads` bad rows of each `value` (NaN = missing), in a seeded shuffled order, every table row fitted. */
export function rowsOfCounts(counts: readonly (readonly [value: number, goods: number, bads: number])[], seed = 1): NumericFitData {
  const cells: [number, number][] = [];
  for (const [value, goods, bads] of counts) {
    for (let i = 0; i < goods; i++) cells.push([value, 0]);
    for (let i = 0; i < bads; i++) cells.push([value, 1]);
  }
  const order = shuffleInPlace(
    Int32Array.from(cells, (_, i) => i),
    createRandom(seed),
  );
  const values = Float64Array.from(order, (i) => cells[i][0]);
  const bad = Uint8Array.from(order, (i) => cells[i][1]);
  return { values, rows: Int32Array.from(values, (_, i) => i), bad };
}
