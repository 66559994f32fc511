import { createRandom, shuffleInPlace } from '../split/random';
import { describe, expect, it } from 'vitest';
import { profileColumns } from '../columns/profile';
import { selectRows, type Column, type Table } from '../table';
import { cat, num, table } from '../../../test/support/tables';
import { profileTable, targetBalance, type ColumnProfile, type ProfileOptions } from './profileTable';

const NaN_ = Number.NaN;

function profileOf(column: Column, options?: ProfileOptions): ColumnProfile {
  return profileTable(table(column), options)[0];
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Seeded PRNG so generated tables are the same on every run. */
const seeded = createRandom;

describe('profileTable: numeric summaries', () => {
  it('median of an odd count is the middle value; min, max and mean skip missing cells', () => {
    // present 5, 1, 3 → sorted 1, 3, 5 → median 3; mean 9 / 3 = 3
    const s = profileOf(num('x', [5, 1, NaN_, 3])).numeric;
    expect(s).toMatchObject({ min: 1, max: 5, mean: 3, median: 3 });
  });

  it('median of an even count is the mean of the two middle values', () => {
    // present 10, 2, 2, 7, 100, 1 → sorted 1, 2, 2, 7, 10, 100 → (2 + 7) / 2 = 4.5; mean 122 / 6
    const s = profileOf(num('x', [10, 2, 2, 7, NaN_, 100, 1])).numeric!;
    expect(s.median).toBe(4.5);
    expect(s.mean).toBeCloseTo(122 / 6, 12);
    expect(profileOf(num('x', [4, 1, 3, 2])).numeric!.median).toBe(2.5);
    expect(profileOf(num('x', [-3, 8])).numeric!.median).toBe(2.5);
  });

  it.each([
    // Whole numbers in a small range are counted value by value; other columns go through
    // the histogram and a quickselect: both paths must give the same answers as a full sort.
    ['whole numbers, small range', (u: number, distinct: number) => Math.floor(u * distinct)],
    ['whole numbers, wide range', (u: number, distinct: number) => Math.floor(u * distinct) * 1_000_003 - 7],
    ['halves', (u: number, distinct: number) => Math.floor(u * distinct) * 0.5],
    ['three-place decimals', (u: number, distinct: number) => Math.floor(u * distinct) / 1000 - 0.5],
    ['skewed decimals', (u: number, distinct: number) => (distinct === 1 ? 0.25 : u ** 6 * distinct + 0.1)],
  ])('median and mean agree with a full sort: %s', (_label, make) => {
    const random = seeded(7);
    for (const n of [1, 2, 3, 100, 101, 5000, 5001]) {
      for (const distinct of [1, 2, 5, 1000]) {
        const values = range(n).map(() => make(random(), distinct));
        const sorted = [...values].sort((a, b) => a - b);
        const expected = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        const s = profileOf(num('x', [NaN_, ...values])).numeric!;
        expect(s.median, `n=${n} distinct=${distinct}`).toBe(expected);
        expect([s.min, s.max]).toEqual([sorted[0], sorted[n - 1]]);
        expect(s.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / n, 6);
      }
    }
  });

  it('histogram: 12 equal-width bins over [min, max], the last bin closed', () => {
    // min 0, max 12 → width 1. Bins: [0,1) 0,0 → 2; [3,4) 3, 3.5 → 2; [6,7) 6 → 1; [11,12] 11.99, 12 → 2
    const h = profileOf(num('x', [0, 0, 6, 12, NaN_, 3, 3.5, 11.99])).numeric!.histogram;
    expect(h.edges).toEqual(range(13));
    expect(h.counts).toEqual([2, 0, 0, 2, 0, 0, 1, 0, 0, 0, 0, 2]);
  });

  it('histogram: a value on an inner edge falls in the bin that starts there', () => {
    // min 10, max 34 → width 2, edges 10, 12, …, 34. 11.999 → bin 0, 12 → bin 1, 22 → bin 6, 33 → bin 11.
    const h = profileOf(num('x', [10, 34, 12, 11.999, 22, 33])).numeric!.histogram;
    expect(h.edges).toEqual(range(13).map((i) => 10 + 2 * i));
    expect(h.counts).toEqual([2, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 2]);
  });

  it.each([
    ['decimals over [0.1, 1.3]', (u: number) => 0.1 + u * 1.2, range(13).map((i) => 0.1 + (1.2 * i) / 12), [0.1, 1.3]],
    // Two-place decimals are counted in steps of 0.01: every step from 0.10 to 1.30, on or near the edges.
    ['two-place decimals over [0.1, 1.3]', (u: number) => Math.round(10 + u * 120) / 100, range(121).map((k) => (10 + k) / 100), [0.1, 1.3]],
    ['whole numbers over [3, 40]', (u: number) => 3 + Math.floor(u * 38), range(38).map((i) => 3 + i), [3, 40]],
  ])('histogram counts match the edges exactly: %s', (_label, make, extra, ends) => {
    const random = seeded(11);
    const values = [...range(2000).map(() => make(random())), ...extra, ...ends];
    const h = profileOf(num('x', values)).numeric!.histogram;
    expect([h.edges[0], h.edges[12]]).toEqual(ends);
    const expected = h.counts.map((_, b) => values.filter((x) => x >= h.edges[b] && (b === 11 ? x <= h.edges[12] : x < h.edges[b + 1])).length);
    expect(h.counts).toEqual(expected);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(values.length);
  });

  it('all-equal values give one bin', () => {
    const p = profileOf(num('x', [7, 7, NaN_, 7]));
    expect(p.numeric).toEqual({ min: 7, max: 7, mean: 7, median: 7, histogram: { edges: [7, 7], counts: [3] } });
  });

  it('an all-missing or empty numeric column has no summary', () => {
    expect(profileOf(num('x', [NaN_, NaN_])).numeric).toBeNull();
    const empty = profileTable({ rowCount: 0, columns: [num('x', []), cat('k', [])] });
    expect(empty.map((p) => [p.missingShare, p.numeric, p.categorical])).toEqual([
      [0, null, null],
      [0, null, { top: [], otherCount: 0 }],
    ]);
  });
});

describe('profileTable: missing, distinct and levels', () => {
  it('missing share is missing / rows', () => {
    expect(profileOf(num('x', [1, NaN_, NaN_, 4])).missingShare).toBe(0.5);
    const p = profileOf(cat('k', ['a', null, 'b', 'a', 'c']));
    expect([p.missing, p.missingShare]).toEqual([1, 0.2]);
  });

  it('top levels: most frequent first, ties by level text, the rest counted as other', () => {
    // a×5, b×4, c×4, d×3, then e f g h i j once each, one missing; levels appear in scrambled order.
    const cells = ['j', 'c', 'i', 'b', 'h', 'a', 'g', 'd', 'f', 'e', 'c', 'b', 'a', 'd', 'c', 'b', 'a', null, 'd', 'c', 'b', 'a', 'a'];
    const p = profileOf(cat('k', cells));
    expect(p.categorical).toEqual({
      top: [
        { level: 'a', count: 5 },
        { level: 'b', count: 4 },
        { level: 'c', count: 4 },
        { level: 'd', count: 3 },
        { level: 'e', count: 1 },
        { level: 'f', count: 1 },
        { level: 'g', count: 1 },
        { level: 'h', count: 1 },
      ],
      otherCount: 2, // i and j
    });
    expect(p.distinct).toBe(10);
    expect(p.numeric).toBeNull();
  });

  it('levels no longer used after rows are removed are not counted', () => {
    const full = table(cat('k', ['a', 'b', 'c', 'a']));
    const p = profileTable(selectRows(full, Int32Array.from([0, 1, 3])))[0]; // drops the only "c"
    expect(p.categorical!.top).toEqual([
      { level: 'a', count: 2 },
      { level: 'b', count: 1 },
    ]);
    expect([p.distinct, p.values, p.valueCounts]).toEqual([2, ['a', 'b'], [2, 1]]);
  });

  it('counts -0 and 0 as one value, as their texts are', () => {
    const p = profileOf(num('x', [0, -0, 1]));
    expect([p.distinct, p.values, p.valueCounts]).toEqual([2, ['0', '1'], [2, 1]]);
  });

  it.each([
    // [cap, cells, distinct, capped]
    [3, [1, 2, 3, 4, 5, 5], 3, true],
    [5, [1, 2, 3, 4, 5, 5], 5, false],
    [4, [1, 2, 3, 4, 4], 4, false], // exactly the cap is still exact
  ])('numeric distinct with cap %i', (distinctCap, cells, distinct, capped) => {
    const p = profileOf(num('x', cells), { distinctCap });
    expect([p.distinct, p.distinctCapped]).toEqual([distinct, capped]);
    // A small cap still lists the (≤ 20) values, exactly as profileColumns does.
    expect(p.values).toEqual(profileColumns(table(num('x', cells)))[0].values);
  });

  it('categorical distinct is capped too', () => {
    const p = profileOf(cat('k', ['a', 'b', 'c', 'a']), { distinctCap: 2 });
    expect([p.distinct, p.distinctCapped, p.values]).toEqual([2, true, ['a', 'b', 'c']]);
  });

  it('counting stops at the cap: many values are reported as the cap, with no value list', () => {
    const p = profileOf(
      num(
        'amount',
        range(100).map((i) => i * 1.5),
      ),
      { distinctCap: 30 },
    );
    expect([p.distinct, p.distinctCapped, p.values, p.valueCounts]).toEqual([30, true, null, null]);
    expect(profileOf(num('amount', range(100))).distinctCapped).toBe(false);
  });

  it.each([
    // [label, column]: roles must not change when the distinct count is capped
    ['unique whole-number id', num('customer_id', range(1000))],
    [
      'id with every value twice (whole numbers)',
      num(
        'customer_id',
        range(1000).map((i) => i >> 1),
      ),
    ],
    [
      'unique id over a wide range',
      num(
        'customer_id',
        range(1000).map((i) => i * 1000),
      ),
    ],
    [
      'id over a wide range, every value twice',
      num(
        'customer_id',
        range(1000).map((i) => (i >> 1) * 1000),
      ),
    ],
    [
      'unique decimal "ref_no"',
      num(
        'ref_no',
        range(1000).map((i) => i + 0.5),
      ),
    ],
    [
      'decimal "ref_no" with every value twice',
      num(
        'ref_no',
        range(1000).map((i) => (i >> 1) + 0.5),
      ),
    ],
    [
      'id with 96% distinct values',
      num(
        'loan_id',
        range(1000).map((i) => (i < 960 ? i : 0)),
      ),
    ],
    [
      'id with 94% distinct values',
      num(
        'loan_id',
        range(1000).map((i) => (i < 940 ? i : 0)),
      ),
    ],
    ['row numbers 0..999 not named like an id', num('n', range(1000))],
    [
      'row numbers with every 20th row gone',
      num(
        'n',
        range(1000).filter((i) => i % 20 !== 7),
      ),
    ],
    [
      'unique whole numbers spread wide (incomes)',
      num(
        'income',
        range(1000).map((i) => 20_000 + 37 * i),
      ),
    ],
    [
      'unique whole numbers over a range too wide to count slot by slot',
      num(
        'income',
        range(1000).map((i) => i * 1_000_003),
      ),
    ],
    [
      'unique text',
      cat(
        'Loan_ID',
        range(1000).map((i) => `LP${i}`),
      ),
    ],
    [
      'unique text codes not named like an id',
      cat(
        'code',
        range(1000).map((i) => `K${i}`),
      ),
    ],
    [
      'text with every value twice',
      cat(
        'ref',
        range(1000).map((i) => `R${i >> 1}`),
      ),
    ],
  ])('capped role equals profileColumns: %s', (_label, column) => {
    const p = profileOf(column, { distinctCap: 10 });
    expect(p.distinctCapped).toBe(true);
    expect(p.distinct).toBe(10);
    const expected = profileColumns(table(column))[0];
    expect([p.role, p.identifierReason]).toEqual([expected.role, expected.identifierReason]);
  });

  it.each([
    // [label, column, role, reason]: known answers, with and without a cap
    ['row numbers', num('n', range(1000)), 'identifier', 'sequence'],
    [
      'incomes',
      num(
        'income',
        range(1000).map((i) => 20_000 + 37 * i),
      ),
      'numeric',
      undefined,
    ],
    [
      'unique codes',
      cat(
        'code',
        range(1000).map((i) => `K${i}`),
      ),
      'identifier',
      'unique-text',
    ],
    [
      'unique numbers named like an id',
      num(
        'loan_id',
        range(1000).map((i) => i * 1_000_003),
      ),
      'identifier',
      'id-name',
    ],
  ])('role of %s is the same with a cap of 10 and without', (_label, column, role, reason) => {
    for (const options of [{}, { distinctCap: 10 }]) {
      const p = profileOf(column, options);
      expect([p.role, p.identifierReason]).toEqual([role, reason]);
    }
  });

  it('unnamedColumns makes those columns identifiers, whatever their values', () => {
    const t = table(
      num(
        'col1',
        range(30).map((i) => 7 * i),
      ),
      num(
        'amount',
        range(30).map((i) => 7 * i),
      ),
    );
    const profiles = profileTable(t, { unnamedColumns: ['col1'] });
    expect(profiles.map((p) => [p.name, p.role, p.identifierReason])).toEqual([
      ['col1', 'identifier', 'unnamed'],
      ['amount', 'numeric', undefined],
    ]);
    expect(profileTable(t).map((p) => p.role)).toEqual(['numeric', 'numeric']);
  });
});

describe('profileTable agrees with profileColumns', () => {
  it('on roles, missing, distinct and values of a mixed table', () => {
    const random = seeded(3);
    const n = 400;
    const t = table(
      num(
        'id',
        range(n).map((i) => i + 100),
      ),
      num(
        'customer_id',
        range(n).map((i) => (i % 10 === 0 ? NaN_ : i)),
      ),
      num(
        'term',
        range(n).map(() => [12, 36, 60][Math.floor(random() * 3)]),
      ),
      num(
        'income',
        range(n).map(() => (random() < 0.1 ? NaN_ : Math.round(random() * 1e5) / 100)),
      ),
      num(
        'flag',
        range(n).map(() => (random() < 0.3 ? 1 : 0)),
      ),
      num(
        'ratio',
        range(n).map(() => random()),
      ),
      cat(
        'Loan_ID',
        range(n).map((i) => `LP${i}`),
      ),
      cat(
        'grade',
        range(n).map(() => (random() < 0.05 ? null : 'ABCDEFG'[Math.floor(random() * 7)])),
      ),
      cat(
        'dependents',
        range(n).map(() => ['0', '1', '2', '3+', '10'][Math.floor(random() * 5)]),
      ),
      cat(
        'city',
        range(n).map(() => `c${Math.floor(random() * 60)}`),
      ),
      num(
        'all_missing',
        range(n).map(() => NaN_),
      ),
      num('row', Array.from(shuffleInPlace(Float64Array.from(range(n)), random))),
      num(
        'amount',
        range(n).map((i) => 1000 + 37 * i),
      ),
      num(
        'col13',
        range(n).map((i) => i * 3),
      ),
    );
    const strip = (p: ColumnProfile) => {
      const { name, role, identifierReason, missing, distinct, values } = p;
      return identifierReason ? { name, role, identifierReason, missing, distinct, values } : { name, role, missing, distinct, values };
    };
    const hints = { unnamedColumns: ['col13'] };
    const profiles = profileTable(t, hints).map(strip);
    expect(profiles).toEqual(profileColumns(t, hints));
    // Known answers for the identifiers: by name, by name with 10% missing, row numbers, text ids, the unnamed column.
    expect(profiles.filter((p) => p.role === 'identifier').map((p) => [p.name, p.identifierReason])).toEqual([
      ['id', 'id-name'],
      ['customer_id', 'id-name'],
      ['Loan_ID', 'id-name'],
      ['row', 'sequence'],
      ['col13', 'unnamed'],
    ]);
  });
});

describe('targetBalance', () => {
  it('gives each value of a 0/1 target with its share of the present rows, in value order', () => {
    const p = profileOf(num('loan_status', [1, 0, 0, NaN_, 0, 1, 0, 0]));
    expect(targetBalance(p)).toEqual([
      { level: '0', count: 5, share: 5 / 7 },
      { level: '1', count: 2, share: 2 / 7 },
    ]);
  });

  it('works for a text target', () => {
    const p = profileOf(cat('Loan_Status', ['Y', 'N', 'Y', 'Y']));
    expect(targetBalance(p)).toEqual([
      { level: 'N', count: 1, share: 0.25 },
      { level: 'Y', count: 3, share: 0.75 },
    ]);
  });

  it('falls back to the top levels and "(other)" for a many-valued text column, and [] for a many-valued number', () => {
    const cells = range(30).map((i) => `v${i < 10 ? 0 : i}`); // v0 ×10, then 20 singletons → 21 distinct
    const balance = targetBalance(profileOf(cat('k', cells)));
    expect(balance[0]).toEqual({ level: 'v0', count: 10, share: 10 / 30 });
    expect(balance.at(-1)).toEqual({ level: '(other)', count: 13, share: 13 / 30 });
    expect(balance).toHaveLength(9);
    expect(targetBalance(profileOf(num('x', range(30))))).toEqual([]);
  });
});

// A 1M × 14 table takes a few seconds to build and ~150 MB, and timing depends on the machine,
// so this is opt-in (BENCH_BIG=1 npx vitest run src/core/profile) and prints; it asserts nothing about time.
describe.skipIf(!process.env.BENCH_BIG)('profileTable speed (BENCH_BIG)', () => {
  it('profiles 1,000,000 rows × 14 columns', () => {
    const rows = 1_000_000;
    const random = seeded(0x2f6b1d3);
    const column = (name: string, f: (i: number) => number): Column => {
      const values = new Float64Array(rows);
      for (let i = 0; i < rows; i++) values[i] = f(i);
      return { kind: 'numeric', name, values };
    };
    const categorical = (name: string, levels: string[], missingShare: number): Column => {
      const codes = new Int32Array(rows);
      for (let i = 0; i < rows; i++) codes[i] = random() < missingShare ? -1 : Math.floor(random() * levels.length);
      return { kind: 'categorical', name, codes, levels };
    };
    const withMissing = (share: number, f: () => number) => () => (random() < share ? NaN_ : f());
    // Same shape as scripts/make-big-csv.mjs.
    const t: Table = {
      rowCount: rows,
      columns: [
        column('loan_id', (i) => 100000 + i),
        column('age', () => 21 + Math.floor(random() * 50)),
        column('annual_income', () => Math.round(20000 + random() * random() * 180000)),
        column(
          'employment_years',
          withMissing(0.02, () => Math.round(random() * 400) / 10),
        ),
        column('loan_amount', () => Math.round(1000 + random() * 34000)),
        column('term_months', () => [12, 24, 36, 48, 60][Math.floor(random() * 5)]),
        column(
          'interest_rate',
          withMissing(0.02, () => Math.round((5 + random() * 20) * 100) / 100),
        ),
        column('credit_score', () => Math.round(450 + random() * 400)),
        column('open_accounts', () => Math.floor(random() * 15)),
        column('delinquencies', () => (random() < 0.8 ? 0 : 1 + Math.floor(random() * 5))),
        column('debt_to_income', () => Math.round(random() * 1500) / 1000),
        categorical('home_ownership', ['RENT', 'OWN', 'MORTGAGE', 'OTHER'], 0.02),
        categorical('purpose', ['debt_consolidation', 'credit_card', 'home_improvement', 'car', 'medical', 'education', 'small_business'], 0),
        column('default', () => (random() < 0.22 ? 1 : 0)),
      ],
    };
    const times: number[] = [];
    let profiles: ColumnProfile[] = [];
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      profiles = profileTable(t);
      times.push(performance.now() - start);
    }
    const start = performance.now();
    const infos = profileColumns(t);
    const profileColumnsMs = performance.now() - start;
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `profileTable 1M × 14: runs ${times.map((ms) => ms.toFixed(0)).join(', ')} ms; median ${sorted[2].toFixed(0)} ms. ` +
        `profileColumns (same table, same run): ${profileColumnsMs.toFixed(0)} ms`,
    );
    expect(profiles.map((p) => p.role)).toEqual(infos.map((i) => i.role));
    expect(profiles.map((p) => p.values)).toEqual(infos.map((i) => i.values));
  }, 120_000);
});
