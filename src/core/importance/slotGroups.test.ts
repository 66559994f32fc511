import { describe, expect, it } from 'vitest';
import type { ColumnPlan, MissingStrategy } from '../clean/plan';
import { encodeApplicant, fitPreprocessor, type ApplicantRecord, type NumericEncoding, type Preprocessor } from '../features/preprocessor';
import { cat, num, table } from '../../../test/support/tables';
import { slotGroups } from './permutationImportance';

function plan(column: string, missing: MissingStrategy, indicator = false): ColumnPlan {
  return { column, missing, constant: '', range: null, outliers: null, indicator };
}

// 40 training rows. income: distinct values with a gap every 10th row (→ a "was missing" input);
// home: a, b, c with gaps, missing strategy 'indicator' (→ a fourth level "(missing)"); age: distinct, no gaps.
const ROWS = 40;
const TABLE = table(
  num(
    'income',
    Array.from({ length: ROWS }, (_, r) => (r % 10 === 3 ? Number.NaN : 1000 + 37 * r)),
  ),
  cat(
    'home',
    Array.from({ length: ROWS }, (_, r) => (r % 9 === 4 ? null : ['a', 'b', 'c'][r % 3])),
  ),
  num(
    'age',
    Array.from({ length: ROWS }, (_, r) => 20 + ((r * 7) % 41)),
  ),
);
const PLANS = [plan('income', 'median', true), plan('home', 'indicator'), plan('age', 'median')];
const TRAIN = Int32Array.from({ length: ROWS }, (_, r) => r);
const fit = (encoding: NumericEncoding): Preprocessor => fitPreprocessor(TABLE, PLANS, TRAIN, '.', new Map(), encoding);

const BASE: ApplicantRecord = { income: '1500', home: 'a', age: '40' };

/** Answers to try per column: each reaches a different part of its encoding. */
function answersFor(pre: Preprocessor, column: string): string[] {
  if (column === 'home') return ['b', 'c', '', 'never seen'];
  const feature = pre.features.find((f) => f.name === column)!;
  const answers = [''];
  if (feature.kind === 'numeric' && feature.ple !== null) {
    const edges = feature.ple.edges;
    answers.push(String(edges[0] - 1), String(edges[edges.length - 1] + 1));
    for (let t = 1; t < edges.length; t++) answers.push(String((edges[t - 1] + edges[t]) / 2));
  } else answers.push('0', '5000');
  return answers;
}

describe('slotGroups', () => {
  it('standardised: income owns its value and "was missing" inputs, home its four levels, age one input', () => {
    const pre = fit('standard');
    // income 1 + indicator 1, home a, b, c, (missing), age 1
    expect(pre.width).toBe(7);
    expect(slotGroups(pre)).toEqual([
      { column: 'income', slots: [0, 1] },
      { column: 'home', slots: [2, 3, 4, 5] },
      { column: 'age', slots: [6] },
    ]);
  });

  it('PLE: a numeric column owns every bin (and its indicator after them)', () => {
    const pre = fit('ple');
    // 40 rows → 4 bins (pleBinCount), 5 distinct edges for the distinct values of income and age
    expect(pre.features.map((f) => (f.kind === 'numeric' ? f.ple?.edges.length : null))).toEqual([5, null, 5]);
    expect(pre.width).toBe(13);
    expect(slotGroups(pre)).toEqual([
      { column: 'income', slots: [0, 1, 2, 3, 4] },
      { column: 'home', slots: [5, 6, 7, 8] },
      { column: 'age', slots: [9, 10, 11, 12] },
    ]);
  });

  for (const encoding of ['standard', 'ple'] as const) {
    it(`${encoding}: changing one answer changes only that column's slots in encodeApplicant, and every one of them can change`, () => {
      const pre = fit(encoding);
      const groups = slotGroups(pre);
      expect(
        groups.flatMap((g) => g.slots),
        'the groups cover the inputs once, in order',
      ).toEqual(Array.from({ length: pre.width }, (_, i) => i));
      const base = encodeApplicant(pre, BASE);
      for (const group of groups) {
        const changed = new Set<number>();
        for (const answer of answersFor(pre, group.column)) {
          const x = encodeApplicant(pre, { ...BASE, [group.column]: answer });
          for (let i = 0; i < pre.width; i++) if (x[i] !== base[i]) changed.add(i);
        }
        expect(
          [...changed].sort((a, b) => a - b),
          group.column,
        ).toEqual(group.slots);
      }
    });
  }
});
