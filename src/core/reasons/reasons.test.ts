import { describe, expect, it } from 'vitest';
import { cat, num, table } from '../../../test/support/tables';
import type { Preprocessor } from '../features/preprocessor';
import { columnContributions, MAX_REASONS, reasonsFromContributions, referenceRecord } from './reasons';
import { fitTypicalValues } from './typicalValues';

// Only what the functions read of a preprocessor: the features' names and kinds, and the decimal mark.
const pre = (decimal: '.' | ',' = '.') =>
  ({
    decimal,
    features: [
      { kind: 'numeric', name: 'income' },
      { kind: 'numeric', name: 'rate' },
      { kind: 'categorical', name: 'home' },
      { kind: 'numeric', name: 'age' },
      { kind: 'categorical', name: 'purpose' },
    ],
  }) as unknown as Preprocessor;

describe('fitTypicalValues', () => {
  // Rows 0–5; row 5 is not a training row. Good rows (isGood = 1): training positions 0, 2, 3 → table rows 0, 2, 3.
  const t = table(
    num('income', [10, 40, 20, Number.NaN, 30, 999]),
    num('rate', [5, 9, 7, 6, 8, 1]),
    cat('home', ['RENT', 'OWN', 'OWN', 'RENT', null, 'OWN']),
    num('age', [Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN, 50]),
    cat('purpose', ['car', 'car', 'home', 'home', 'car', 'home']),
  );
  const rows = Int32Array.of(0, 1, 2, 3, 4);
  const typical = fitTypicalValues(t, rows, [1, 0, 1, 1, 0], pre());

  it('takes medians of the present values (the mean of the middle two for an even count) and modes of present levels', () => {
    // income over rows 0–4, NaN left out: 10, 20, 30, 40 → 25; good rows 0, 2, 3: 10, 20 → 15.
    expect(typical.columns.income).toEqual({ kind: 'numeric', median: 25, goodMedian: 15 });
    // rate: 5, 6, 7, 8, 9 → 7; good 5, 7, 6 → 6.
    expect(typical.columns.rate).toEqual({ kind: 'numeric', median: 7, goodMedian: 6 });
    // home: RENT 2, OWN 2 (the missing cell left out): the tie goes to the level seen first, RENT; good rows RENT, OWN, RENT → RENT.
    expect(typical.columns.home).toEqual({ kind: 'categorical', mode: 'RENT', goodMode: 'RENT' });
    // purpose: car 3 of 5; good rows car, home, home → home.
    expect(typical.columns.purpose).toEqual({ kind: 'categorical', mode: 'car', goodMode: 'home' });
    expect(typical.columns.age).toEqual({ kind: 'numeric', median: null, goodMedian: null });
    expect([typical.rows, typical.goodRows]).toEqual([5, 3]);
  });

  it('gives the reference applicant as answers, numbers in the training file’s decimal mark, blank where nothing was known', () => {
    expect(referenceRecord(pre(), typical)).toEqual({ income: '25', rate: '7', home: 'RENT', age: '', purpose: 'car' });
    const halves = fitTypicalValues(t, Int32Array.of(0, 2), [1, 1], pre(','));
    expect(referenceRecord(pre(','), halves).income).toBe('15');
    expect(referenceRecord(pre(','), { ...halves, columns: { ...halves.columns, rate: { kind: 'numeric', median: 6.5, goodMedian: 6 } } }).rate).toBe('6,5');
  });

  it('names the columns that raised the risk, largest first, at most four, with what good applicants typically answer', () => {
    const contributions = columnContributions(
      [0.2, 0.3, -0.5, 0.9, 0.05, 0.1, 0.4],
      [
        { column: 'income', slots: [0] },
        { column: 'rate', slots: [1, 2] },
        { column: 'home', slots: [3] },
        { column: 'age', slots: [4] },
        { column: 'purpose', slots: [5, 6] },
      ],
    );
    // Per column: income 0.2, rate 0.3 − 0.5 = −0.2 (lowers the risk: not a reason), home 0.9, age 0.05, purpose 0.5.
    expect([...contributions.entries()]).toEqual([
      ['income', 0.2],
      ['rate', -0.2],
      ['home', 0.9],
      ['age', 0.05],
      ['purpose', 0.5],
    ]);
    const reasons = reasonsFromContributions(contributions, { income: '12', rate: '9', home: 'OWN', age: '', purpose: 'car' }, pre(), typical);
    expect(reasons).toEqual([
      { column: 'home', code: 'level', value: 'OWN', typical: 'RENT', weight: 0.9 },
      { column: 'purpose', code: 'level', value: 'car', typical: 'home', weight: 0.5 },
      // 12 is below good applicants' median income of 15.
      { column: 'income', code: 'below-typical', value: '12', typical: '15', weight: 0.2 },
      { column: 'age', code: 'missing', value: '', typical: null, weight: 0.05 },
    ]);
    expect(reasons.length).toBeLessThanOrEqual(MAX_REASONS);
    const many = new Map([...'abcdef'].map((c, i) => [c, i + 1] as const));
    expect(reasonsFromContributions(many, {}, pre(), undefined).map((r) => r.column)).toEqual(['f', 'e', 'd', 'c']);
  });
});
