import { describe, expect, it } from 'vitest';
import type { ColumnPlan } from '../clean/plan';
import { cat, num, table } from '../../../test/support/tables';
import { complementPositions, denseRows, findInvalidRows, firstRows, materialise, selectEncodedRows, tableRows } from './encodedRows';
import { applyPreprocessor, fitPreprocessor } from './preprocessor';

const plan = (column: string, over: Partial<ColumnPlan> = {}): ColumnPlan => ({ column, missing: 'median', constant: '', range: null, outliers: null, indicator: false, ...over });

// 20,000 rows: more than two of the 8,192-row chunks a whole set is walked in.
const N = 20_000;
const HOMES = ['RENT', 'OWN', 'MORTGAGE'];
const BIG = table(
  num(
    'income',
    Array.from({ length: N }, (_, i) => (i % 97 === 0 ? Number.NaN : 1000 + ((i * 37) % 5000))),
  ),
  cat(
    'home',
    Array.from({ length: N }, (_, i) => (i % 53 === 0 ? null : HOMES[i % 3])),
  ),
  num(
    'rate',
    Array.from({ length: N }, (_, i) => 0.05 + (i % 11) / 100),
  ),
);
const ALL = Int32Array.from({ length: N }, (_, i) => i);
const PRE = fitPreprocessor(BIG, [plan('income'), plan('home', { missing: 'indicator' }), plan('rate')], ALL);
const labels = (n: number) => Float32Array.from({ length: n }, (_, i) => i % 2);

describe('tableRows', () => {
  // Every third table row, backwards: positions in the set are not table rows.
  const picked = Int32Array.from({ length: Math.floor(N / 3) }, (_, i) => N - 1 - 3 * i);
  const rows = tableRows(PRE, BIG, picked, labels(picked.length));

  it('encodes any positions exactly as applyPreprocessor encodes those table rows', () => {
    const positions = Int32Array.from([5, 0, 4000, 17, 5]);
    const out = new Float32Array(positions.length * PRE.width).fill(7); // dirty: every value must be overwritten
    rows.encodeInto(positions, out);
    const expected = applyPreprocessor(
      PRE,
      BIG,
      Int32Array.from(positions, (p) => picked[p]),
    );
    expect(Array.from(out)).toEqual(Array.from(expected));
    expect(rows.width).toBe(PRE.width);
    expect(rows.rows).toBe(picked.length);
  });

  it('materialises the whole set across chunk boundaries, equal to encoding it at once', () => {
    expect(Array.from(materialise(rows))).toEqual(Array.from(applyPreprocessor(PRE, BIG, picked)));
  });

  it('leaves values past the positions written untouched', () => {
    const out = new Float32Array(4 * PRE.width).fill(9);
    rows.encodeInto(Int32Array.from([1, 2]), out);
    expect(Array.from(out.subarray(2 * PRE.width))).toEqual(new Array(2 * PRE.width).fill(9));
  });
});

describe('denseRows and firstRows', () => {
  const x = Float32Array.from([1, 2, 3, 4, 5, 6]); // 3 rows × 2
  const dense = denseRows(x, Float32Array.from([0, 1, 1]), 2);

  it('copies the rows asked for, in the order asked', () => {
    const out = new Float32Array(4);
    dense.encodeInto(Int32Array.from([2, 0]), out);
    expect(Array.from(out)).toEqual([5, 6, 1, 2]);
    expect(materialise(dense), 'a set held as a matrix is not copied').toBe(x);
  });

  it('firstRows keeps the first rows and their labels', () => {
    const head = firstRows(dense, 2);
    expect(head.rows).toBe(2);
    expect(Array.from(head.y)).toEqual([0, 1]);
    expect(Array.from(materialise(head))).toEqual([1, 2, 3, 4]);
    expect(firstRows(dense, 10).rows).toBe(3);
  });
});

describe("selectEncodedRows and complementPositions: a member's fit and validation parts", () => {
  const x = Float32Array.from([0, 0, 1, 10, 2, 20, 3, 30, 4, 40, 5, 50]); // 6 rows × 2: row r is (r, 10r)
  const dense = denseRows(x, Float32Array.from([0, 1, 0, 1, 1, 0]), 2);

  it('complementPositions lists the positions not excluded, ascending', () => {
    expect(Array.from(complementPositions(6, Int32Array.from([1, 4])))).toEqual([0, 2, 3, 5]);
    expect(Array.from(complementPositions(3, new Int32Array(0)))).toEqual([0, 1, 2]);
    expect(complementPositions(3, Int32Array.from([0, 1, 2]))).toHaveLength(0);
  });

  it('selects rows and their labels in the order given, and a selection of a selection', () => {
    const picked = selectEncodedRows(dense, Int32Array.from([4, 1, 5]));
    expect(picked.rows).toBe(3);
    expect(picked.width).toBe(2);
    expect(Array.from(picked.y)).toEqual([1, 1, 0]);
    expect(Array.from(materialise(picked))).toEqual([4, 40, 1, 10, 5, 50]);
    // positions 2, 0 of [r4, r1, r5] → r5, r4
    const nested = selectEncodedRows(picked, Int32Array.from([2, 0]));
    expect(Array.from(nested.y)).toEqual([0, 1]);
    expect(Array.from(materialise(nested))).toEqual([5, 50, 4, 40]);
  });

  it('encodes fewer, then more positions than before correctly (its scratch is reused)', () => {
    const picked = selectEncodedRows(dense, Int32Array.from([0, 2, 3, 5]));
    const three = new Float32Array(6);
    picked.encodeInto(Int32Array.from([3, 2, 1]), three);
    expect(Array.from(three)).toEqual([5, 50, 3, 30, 2, 20]);
    const one = new Float32Array(2);
    picked.encodeInto(Int32Array.from([0]), one);
    expect(Array.from(one)).toEqual([0, 0]);
    const four = new Float32Array(8);
    picked.encodeInto(Int32Array.from([1, 1, 3, 0]), four);
    expect(Array.from(four)).toEqual([2, 20, 2, 20, 5, 50, 0, 0]);
  });

  it('a fit part and its validation fold together hold every row once, encoded as the whole set', () => {
    const fold = Int32Array.from([1, 4]);
    const fit = selectEncodedRows(dense, complementPositions(dense.rows, fold));
    const validation = selectEncodedRows(dense, fold);
    expect(fit.rows + validation.rows).toBe(dense.rows);
    expect(Array.from(materialise(validation))).toEqual([1, 10, 4, 40]);
    expect(Array.from(materialise(fit))).toEqual([0, 0, 2, 20, 3, 30, 5, 50]);
  });

  it('works over table rows too, across chunk boundaries', () => {
    const rows = tableRows(PRE, BIG, ALL, labels(N));
    const positions = Int32Array.from({ length: 9000 }, (_, i) => N - 1 - 2 * i);
    expect(Array.from(materialise(selectEncodedRows(rows, positions)))).toEqual(Array.from(applyPreprocessor(PRE, BIG, positions)));
  });
});

describe('findInvalidRows: the data-quality gate over a whole set', () => {
  it('is null when every encoded value is finite', () => {
    expect(findInvalidRows(tableRows(PRE, BIG, ALL, labels(N)), PRE)).toBeNull();
  });

  it('names the first feature in encoding order, even when a later chunk holds its bad value', () => {
    // A constant fill left blank fits no fill value, so missing cells encode as NaN.
    const a = Array.from({ length: N }, () => 1);
    const b = Array.from({ length: N }, () => 2);
    a[N - 1] = Number.NaN; // in the last chunk
    b[3] = Number.NaN; // in the first chunk
    const t = table(num('a', a), num('b', b));
    const noFill = { missing: 'constant', constant: '' } as const;
    const pre = fitPreprocessor(t, [plan('a', noFill), plan('b', noFill)], ALL);
    expect(pre.features.map((f) => f.fill)).toEqual([null, null]);
    expect(findInvalidRows(tableRows(pre, t, ALL, labels(N)), pre)).toBe('a');
    // Without a's bad row, b is named.
    expect(findInvalidRows(tableRows(pre, t, ALL.subarray(0, N - 1), labels(N - 1)), pre)).toBe('b');
  });
});
