import { describe, expect, it } from 'vitest';
import type { Preprocessor } from '../features/preprocessor';
import { MAX_REASONS, columnContributions, reasonsFromContributions } from './reasons';
import { ReasonStore } from './reasonStore';
import type { TypicalValues } from './typicalValues';

// Only what the store reads of a preprocessor: the features' names and kinds, and the decimal mark.
const pre = {
  decimal: ',',
  features: [
    { kind: 'numeric', name: 'income' },
    { kind: 'numeric', name: 'rate' },
    { kind: 'categorical', name: 'home' },
    { kind: 'numeric', name: 'age' },
    { kind: 'categorical', name: 'purpose' },
    { kind: 'numeric', name: 'debt' },
  ],
} as unknown as Preprocessor;
const typical: TypicalValues = {
  rows: 10,
  goodRows: 6,
  columns: {
    income: { kind: 'numeric', median: 25, goodMedian: 31.25 },
    rate: { kind: 'numeric', median: 7, goodMedian: 6 },
    home: { kind: 'categorical', mode: 'RENT', goodMode: 'OWN' },
    age: { kind: 'numeric', median: null, goodMedian: null },
    purpose: { kind: 'categorical', mode: 'car', goodMode: 'home' },
  },
};
const slots = [
  { column: 'income', slots: [0] },
  { column: 'rate', slots: [1, 2] },
  { column: 'home', slots: [3, 4] },
  { column: 'age', slots: [5] },
  { column: 'purpose', slots: [6, 7, 8] },
  { column: 'debt', slots: [9] },
];

describe('ReasonStore', () => {
  it('ranks and words every row as reasonsFromContributions does (its own ranking by a full sort), on 2,000 random rows', () => {
    let seed = 99;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const answers = [
      { income: '12,5', rate: '9', home: 'OWN', age: '', purpose: 'car', debt: '3' },
      { income: 'NA', rate: '5,5', home: '', age: '40', purpose: 'boat', debt: '' },
      { income: '31,25', rate: '6', home: 'RENT', age: '18', purpose: 'home', debt: '0' },
    ];
    const rows = 2000;
    const store = new ReasonStore(pre, typical, slots, rows);
    const expected = [];
    for (let row = 0; row < rows; row++) {
      // Coarse values, so that ties (and ties at the fourth place) happen often.
      const attributions = Array.from({ length: 10 }, () => Math.round((random() - 0.4) * 6) / 4);
      const sign = random() < 0.5 ? 1 : -1;
      const record = answers[row % answers.length];
      store.rank(row, attributions, sign, (c) => record[c as keyof typeof record]);
      expected.push(
        reasonsFromContributions(
          columnContributions(
            attributions.map((a) => sign * a),
            slots,
          ),
          record,
          pre,
          typical,
        ),
      );
    }
    for (let row = 0; row < rows; row++) {
      const record = answers[row % answers.length];
      expect(store.reasonsOf(row, (c) => record[c as keyof typeof record])).toEqual(expected[row]);
      expect(store.codesOf(row)).toBe(expected[row].map((r) => `${r.column}:${r.code}`).join(' '));
    }
    expect(expected.some((r) => r.length === MAX_REASONS)).toBe(true);
    expect(expected.some((r) => r.length === 0)).toBe(true);
  });

  it('words a hand-worked row: missing, below and above the good median, a level, largest first', () => {
    const store = new ReasonStore(pre, typical, slots, 1);
    // Per column: income 0.5, rate 0.2 + 0.1, home −1, age 0.7, purpose 0.05, debt 0 (not a reason).
    store.rank(0, [0.5, 0.2, 0.1, -1, 0, 0.7, 0.05, 0, 0, 0], 1, (c) => ({ income: '12,5', rate: '9', home: 'OWN', age: 'n/a', purpose: 'car', debt: '1' })[c] ?? '');
    expect(store.reasonsOf(0, (c) => ({ income: '12,5', rate: '9', purpose: 'car' })[c] ?? '')).toEqual([
      { column: 'age', code: 'missing', value: '', typical: null, weight: 0.7 },
      // 12,5 (decimal comma) is below good applicants' median of 31.25.
      { column: 'income', code: 'below-typical', value: '12,5', typical: '31.25', weight: 0.5 },
      { column: 'rate', code: 'above-typical', value: '9', typical: '6', weight: expect.closeTo(0.3, 12) },
      { column: 'purpose', code: 'level', value: 'car', typical: 'home', weight: 0.05 },
    ]);
    expect(store.codesOf(0)).toBe('age:missing income:below-typical rate:above-typical purpose:level');
  });

  it('keeps reasons made elsewhere (a scorecard’s), at most four, leaving out columns it does not know', () => {
    const store = new ReasonStore(pre, typical, slots, 2);
    store.store(1, [
      { column: 'rate', code: 'bin', value: '9', typical: '6', weight: 12 },
      { column: 'nowhere', code: 'bin', value: 'x', typical: null, weight: 8 },
      { column: 'home', code: 'missing', value: '', typical: 'OWN', weight: 3 },
    ]);
    expect(store.codesOf(0)).toBe('');
    expect(store.reasonsOf(1, () => '9')).toEqual([
      { column: 'rate', code: 'bin', value: '9', typical: '6', weight: 12 },
      { column: 'home', code: 'missing', value: '', typical: 'OWN', weight: 3 },
    ]);
  });
});
