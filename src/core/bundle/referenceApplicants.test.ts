import { describe, expect, it } from 'vitest';
import type { TrainedRange } from '../clean/fitCleaning';
import { MISSING_LEVEL, type ColumnPlan, type MissingStrategy } from '../clean/plan';
import { parseNumberCell, type DecimalMark } from '../csv/cells';
import { encodeApplicant, fitPreprocessor, type NumericEncoding, type NumericFeature, type Preprocessor } from '../features/preprocessor';
import { cat, num, table } from '../../../test/support/tables';
import { cellText, type Table } from '../table';
import { syntheticApplicants } from './referenceApplicants';

function plan(column: string, missing: MissingStrategy = 'median', over: Partial<ColumnPlan> = {}): ColumnPlan {
  return { column, missing, constant: '', range: null, outliers: null, indicator: false, ...over };
}

const ROWS = 30;
const at = (i: number, f: (i: number) => number) => Array.from({ length: ROWS }, (_, k) => f(k + i));

// Hand-built training data: incomes with fractions and gaps; ages piled near 18 so that mean − 2 std
// falls below the possible range 18–100; a spread-out score with a 'drop' rule's trained range
// narrower than mean ± 2 std; debts with one outlier that the clip bounds cut off; two text columns.
const TABLE: Table = table(
  num(
    'income',
    at(0, (k) => (k % 7 === 3 ? Number.NaN : 1000 + 137.25 * ((k * 13) % 29))),
  ),
  num(
    'age',
    at(0, (k) => (k < 20 ? 18 + (k % 3) : 60 + k)),
  ),
  num(
    'score',
    at(0, (k) => -50 + ((k * 17) % 31) * 4.5),
  ),
  num(
    'debt',
    at(0, (k) => (k === 5 ? 1e6 : 10 + k)),
  ),
  cat(
    'home',
    at(0, (k) => k).map((k) => (k % 9 === 4 ? null : ['rent', 'own', 'mortgage'][k % 3])),
  ),
  cat(
    'purpose',
    at(0, (k) => k).map((k) => (k % 5 === 0 ? null : ['car', 'house', 'study', 'other'][k % 4])),
  ),
);
const TRAIN = Int32Array.from({ length: ROWS }, (_, i) => i);
const SCORE_RANGE: TrainedRange = { lower: -20, upper: 60, rule: 'IQR, k = 1.5, bounds -20 to 60' };
const PLANS = [
  plan('income', 'median', { indicator: true }),
  plan('age', 'median', { range: { min: 18, max: 100 } }),
  plan('score', 'mean'),
  plan('debt', 'median', { outliers: { method: 'iqr', threshold: 1.5, action: 'clip' }, range: { min: 0, max: null } }),
  plan('home', 'mode'),
  plan('purpose', 'indicator'),
];

function fit(t: Table, encoding: NumericEncoding, decimal: DecimalMark = '.'): Preprocessor {
  return fitPreprocessor(t, PLANS, TRAIN, decimal, new Map([['score', SCORE_RANGE]]), encoding);
}

/** Where a numeric answer must lie: the encoding's span, within clip, trained range and possible range. */
function allowed(feature: NumericFeature): [number, number] {
  const edges = feature.ple?.edges;
  let lower = edges ? edges[0] : feature.mean - 2 * feature.std;
  let upper = edges ? edges[edges.length - 1] : feature.mean + 2 * feature.std;
  for (const b of [feature.clip, feature.trainedRange]) if (b) [lower, upper] = [Math.max(lower, b.lower), Math.min(upper, b.upper)];
  if (feature.range?.min != null) lower = Math.max(lower, feature.range.min);
  if (feature.range?.max != null) upper = Math.min(upper, feature.range.max);
  return [lower, upper];
}

/** Where v lies in [lower, upper] as the generator spreads it: linearly, or along the PLE edges. */
function spanFraction(feature: NumericFeature, lower: number, upper: number, v: number): number {
  const edges = feature.ple?.edges;
  if (!edges) return (v - lower) / (upper - lower);
  const along = (x: number) => {
    let k = 0;
    while (k < edges.length - 2 && edges[k + 1] < x) k++;
    return k + Math.min(1, Math.max(0, (x - edges[k]) / (edges[k + 1] - edges[k])));
  };
  return (along(v) - along(lower)) / (along(upper) - along(lower));
}

describe.each<[string, NumericEncoding, DecimalMark]>([
  ['standardised', 'standard', '.'],
  ['PLE', 'ple', '.'],
  ['decimal comma', 'standard', ','],
])('syntheticApplicants (%s)', (_, encoding, decimal) => {
  const pre = fit(TABLE, encoding, decimal);
  const records = syntheticApplicants(pre);

  it('fits the intended preprocessing (the premise of the checks below)', () => {
    const byName = Object.fromEntries(pre.features.map((f) => [f.name, f]));
    expect(pre.decimal).toBe(decimal);
    const age = byName.age as NumericFeature;
    expect(encoding === 'ple' ? (age.ple?.edges.length ?? 0) > 2 : age.mean - 2 * age.std < 18).toBe(true);
    const score = byName.score as NumericFeature;
    if (encoding === 'standard') expect(score.mean - 2 * score.std < SCORE_RANGE.lower && score.mean + 2 * score.std > SCORE_RANGE.upper).toBe(true);
    expect((byName.debt as NumericFeature).clip?.upper).toBeLessThan(1e6);
  });

  it('makes 8 records keyed by every feature, each accepted by encodeApplicant with finite inputs', () => {
    expect(records).toHaveLength(8);
    for (const record of records) {
      expect(Object.keys(record)).toEqual(pre.features.map((f) => f.name));
      const x = encodeApplicant(pre, record);
      expect(x).toHaveLength(pre.width);
      expect(x.every(Number.isFinite)).toBe(true);
    }
  });

  it('has one applicant with every answer blank, scored with the fills and "was missing" inputs', () => {
    expect(Object.values(records[0]).every((v) => v === '')).toBe(true);
    if (encoding === 'standard') {
      const income = pre.features[0] as NumericFeature;
      const x = encodeApplicant(pre, records[0]);
      expect(x[0]).toBeCloseTo(((income.fill as number) - income.mean) / income.std, 6);
      expect(x[1]).toBe(1);
    }
  });

  it('has one applicant with a level training never saw in each text feature, encoded as none of them', () => {
    for (const feature of pre.features) {
      const answer = records[1][feature.name];
      if (feature.kind === 'categorical') {
        expect(feature.levels).not.toContain(answer);
        expect(answer.trim()).not.toBe('');
      } else expect(answer).not.toBe('');
    }
    // home's one-hot block is all zeros for the unseen level.
    const offset = pre.width - 3 - 5;
    expect(Array.from(encodeApplicant(pre, records[1]).subarray(offset, offset + 3))).toEqual([0, 0, 0]);
  });

  it('spreads numbers over the trained span, inside every bound, written with the decimal mark', () => {
    for (const feature of pre.features) {
      if (feature.kind !== 'numeric') continue;
      const [lower, upper] = allowed(feature);
      const values = records.slice(1).map((r) => {
        const text = r[feature.name];
        expect(text).not.toContain(decimal === ',' ? '.' : ',');
        return parseNumberCell(text, decimal);
      });
      for (const v of values) {
        expect(v).toBeGreaterThanOrEqual(lower);
        expect(v).toBeLessThanOrEqual(upper);
      }
      // A Latin hypercube: the 6 regular applicants take one sixth each of the span (linear, or in
      // PLE the edges' quantile scale), so no two share a slice and none piles up on a bound.
      const regular = values.slice(1);
      const slices = regular.map((v) => Math.min(5, Math.floor(6 * spanFraction(feature, lower, upper, v))));
      expect([...slices].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    }
    if (decimal === ',') expect(records.slice(2).some((r) => r.income.includes(','))).toBe(true);
  });

  it('answers text features with their levels in turn, leaving out the "(missing)" stand-in', () => {
    const home = records.slice(2).map((r) => r.home);
    expect(new Set(home)).toEqual(new Set(['rent', 'own', 'mortgage']));
    expect(home.slice(0, 3)).toEqual(home.slice(3, 6));
    const purpose = records.slice(2).map((r) => r.purpose);
    expect(pre.features[5].kind === 'categorical' && pre.features[5].levels).toContain(MISSING_LEVEL);
    expect(purpose).not.toContain(MISSING_LEVEL);
    expect(new Set(purpose).size).toBe(4);
  });

  it('is the same for the same seed and differs across seeds', () => {
    expect(syntheticApplicants(pre)).toEqual(records);
    expect(syntheticApplicants(pre, 8, 1)).toEqual(records);
    const other = syntheticApplicants(pre, 8, 2);
    expect(other).not.toEqual(records);
    expect(other.slice(2).map((r) => r.score)).not.toEqual(records.slice(2).map((r) => r.score));
  });

  it('holds no row of the file', () => {
    const rows = Array.from({ length: ROWS }, (_, row) => pre.features.map((f) => cellText(TABLE.columns.find((c) => c.name === f.name)!, row)).join('|'));
    for (const record of records) expect(rows).not.toContain(pre.features.map((f) => record[f.name]).join('|'));
  });
});

describe('syntheticApplicants edge cases', () => {
  it('gives a feature without training values its fill, and makes the count asked for', () => {
    const t = table(num('empty', [Number.NaN, Number.NaN, Number.NaN]), num('x', [1.5, 2.5, 3.5]));
    const rows = Int32Array.from([0, 1, 2]);
    const pre = fitPreprocessor(t, [plan('empty', 'constant', { constant: '2.5' }), plan('x')], rows);
    const records = syntheticApplicants(pre, 5, 9);
    expect(records).toHaveLength(5);
    // No text feature: only the blank applicant is special.
    expect(records[0]).toEqual({ empty: '', x: '' });
    expect(records.slice(1).map((r) => r.empty)).toEqual(['2.5', '2.5', '2.5', '2.5']);
    for (const r of records) expect(() => encodeApplicant(pre, r)).not.toThrow();
    expect(syntheticApplicants(pre, 0)).toEqual([]);
    expect(syntheticApplicants(pre, 1)).toEqual([{ empty: '', x: '' }]);
  });

  it('shrinks a span wholly outside the possible range to the bound it lies beyond', () => {
    // Training saw 200–300 but the plan says at most 150 (the cleaning would have dropped those rows).
    const t = table(num('age', [200, 250, 300]));
    const rows = Int32Array.from([0, 1, 2]);
    const pre = fitPreprocessor(t, [plan('age', 'median', { range: { min: 0, max: 150 } })], rows);
    const records = syntheticApplicants(pre, 4);
    expect(records.slice(1).map((r) => r.age)).toEqual(['150', '150', '150']);
    for (const r of records) expect(() => encodeApplicant(pre, r)).not.toThrow();
  });

  it('keeps the unseen level distinct from a level of the same text', () => {
    const t = table(cat('c', ['(not seen in training)', 'a']));
    const rows = Int32Array.from([0, 1]);
    const pre = fitPreprocessor(t, [plan('c', 'mode')], rows);
    const [, unseen] = syntheticApplicants(pre, 2);
    expect(unseen.c).toBe('(not seen in training 2)');
  });
});
