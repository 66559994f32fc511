import { describe, expect, it } from 'vitest';
import { cat, num, table } from '../../../test/support/tables';
import type { ReferenceProfile } from '../bundle/types';
import { featureDrift } from './featureDrift';
import { scoreBins, scoreDrift } from './psi';

// A profile of 10 training rows written by hand (as referenceProfile stores one): numeric bins
// [lower, upper) open at both ends with a missing bin, categorical bins by level without one.
const PROFILE: ReferenceProfile = {
  rows: 10,
  features: [
    {
      column: 'income',
      kind: 'numeric',
      bins: [
        { label: '< 2', share: 0.3, upper: 2 },
        { label: '2 to < 5', share: 0.4, lower: 2, upper: 5 },
        { label: '≥ 5', share: 0.2, lower: 5 },
        { label: 'missing', share: 0.1, missing: true },
      ],
    },
    {
      column: 'home',
      kind: 'categorical',
      bins: [
        { label: 'rent', share: 0.5, levels: ['rent'] },
        { label: 'own', share: 0.5, levels: ['own'] },
      ],
    },
    {
      column: 'age',
      kind: 'numeric',
      bins: [
        { label: '< 30', share: 0.5, upper: 30 },
        { label: '≥ 30', share: 0.5, lower: 30 },
      ],
    },
    { column: 'term', kind: 'categorical', bins: [{ label: '36', share: 1, levels: ['36'] }] },
  ],
};

/** PSI by the stated rule, from counts written out by hand: (count + 0.5) over (rows + 0.5 · bins) on each side. */
function handPsi(expectedCounts: number[], actualCounts: number[]): number {
  const k = expectedCounts.length;
  const expectedTotal = expectedCounts.reduce((s, c) => s + c, 0) + 0.5 * k;
  const actualTotal = actualCounts.reduce((s, c) => s + c, 0) + 0.5 * k;
  let psi = 0;
  for (let b = 0; b < k; b++) {
    const e = (expectedCounts[b] + 0.5) / expectedTotal;
    const a = (actualCounts[b] + 0.5) / actualTotal;
    psi += (a - e) * Math.log(a / e);
  }
  return psi;
}

// Five batch rows. income: 1 → '< 2'; 2 and 4.99 → '2 to < 5' (lower bound included); 5 → '≥ 5'; NaN → missing.
// home: rent ×2, own, an unseen level and a gap (the profile has no missing bin: one is added).
// age was read as text ('x' among the numbers): a numeric feature cannot be compared. term is absent.
const BATCH = table(
  num('income', [1, 2, 4.99, 5, Number.NaN]),
  cat('home', ['rent', 'own', 'mortgage', null, 'rent']),
  cat('age', ['25', '40', 'x', '31', '29']),
  num('extra', [0, 0, 0, 0, 0]),
);

describe('featureDrift', () => {
  const report = featureDrift(PROFILE, BATCH, null, '.');
  const [income, home] = report.features;

  it('compares the profile features the batch has, and reports the others as codes, in profile order', () => {
    expect(report.rows).toBe(5);
    expect(report.features.map((f) => f.column)).toEqual(['income', 'home']);
    expect(report.problems).toEqual([
      { code: 'drift.notNumeric', column: 'age' },
      { code: 'drift.columnMissing', column: 'term' },
    ]);
  });

  it('counts numeric rows by [lower, upper) and NaN into the missing bin', () => {
    expect(income.kind).toBe('numeric');
    expect(income.bins.map((b) => [b.label, b.actualCount, b.added])).toEqual([
      ['< 2', 1, false],
      ['2 to < 5', 2, false],
      ['≥ 5', 1, false],
      ['missing', 1, false],
    ]);
    // Expected 3, 4, 2, 1 of 10 against 1, 2, 1, 1 of 5.
    expect(income.psi).toBeCloseTo(handPsi([3, 4, 2, 1], [1, 2, 1, 1]), 14);
    expect(income.bins[0].expectedShare).toBeCloseTo(3.5 / 12, 15);
    expect(income.bins[0].actualShare).toBeCloseTo(1.5 / 7, 15);
    // 0.02386 + 0.00087 + 0.00017 + 0.04812 = 0.07302: mostly the missing bin (0.1 of training, 0.2 of the batch).
    expect(income.psi).toBeCloseTo(0.07302, 5);
    expect(income.reading).toBe('stable');
  });

  it('adds an unseen bin for a level the profile lacks and a missing bin for a gap, both of expected share 0', () => {
    expect(home.bins.map((b) => [b.label, b.actualCount, b.added])).toEqual([
      ['rent', 2, false],
      ['own', 1, false],
      ['unseen', 1, true],
      ['missing', 1, true],
    ]);
    // Expected 5, 5, 0, 0 of 10 (smoothed 5.5, 5.5, 0.5, 0.5 of 12) against 2, 1, 1, 1 of 5.
    expect(home.psi).toBeCloseTo(handPsi([5, 5, 0, 0], [2, 1, 1, 1]), 14);
    expect(home.bins[2].expectedShare).toBeCloseTo(0.5 / 12, 15);
    expect(home.reading).toBe('shifted');
  });

  it('reads a batch distributed as the training rows as PSI 0, with no added bins', () => {
    const same = table(num('income', [0, 1, 1.5, 2, 3, 4, 4.5, 5, 8, Number.NaN]), cat('home', ['rent', 'own', 'rent', 'own', 'rent', 'own', 'rent', 'own', 'rent', 'own']));
    const { features, problems } = featureDrift(PROFILE, same, null, '.');
    expect(problems.map((p) => p.code)).toEqual(['drift.columnMissing', 'drift.columnMissing']);
    for (const feature of features) {
      expect(Math.abs(feature.psi), feature.column).toBeLessThanOrEqual(1e-12);
      expect(feature.reading).toBe('stable');
      expect(feature.bins.some((b) => b.added)).toBe(false);
    }
  });

  it('counts only the given rows', () => {
    const [someIncome, someHome] = featureDrift(PROFILE, BATCH, Int32Array.from([0, 4]), '.').features;
    expect(someIncome.bins.map((b) => b.actualCount)).toEqual([1, 0, 0, 1]);
    // Row 4 is 'rent', row 0 'rent': nothing unseen or missing, so no added bins.
    expect(someHome.bins.map((b) => [b.label, b.actualCount])).toEqual([
      ['rent', 2],
      ['own', 0],
    ]);
  });

  it('reads categorical levels as the applicant form does: "01" is level 1, "2,5" is 2.5 with a decimal comma, NA a gap', () => {
    const profile: ReferenceProfile = {
      rows: 4,
      features: [
        {
          column: 'grade',
          kind: 'categorical',
          bins: [
            { label: '1', share: 0.5, levels: ['1'] },
            { label: '2.5', share: 0.5, levels: ['2.5'] },
          ],
        },
      ],
    };
    const batch = table(cat('grade', ['01', '2,5', 'NA', ' 1 ']));
    const comma = featureDrift(profile, batch, null, ',').features[0];
    expect(comma.bins.map((b) => [b.label, b.actualCount])).toEqual([
      ['1', 2],
      ['2.5', 1],
      ['missing', 1],
    ]);
    // With a decimal point "2,5" is no number: an unseen level.
    const point = featureDrift(profile, batch, null, '.').features[0];
    expect(point.bins.map((b) => [b.label, b.actualCount])).toEqual([
      ['1', 2],
      ['2.5', 0],
      ['unseen', 1],
      ['missing', 1],
    ]);
    // A batch whose file held the levels as numbers: 1 and 2.5 find their levels, 7 is unseen, NaN a gap.
    const numbers = featureDrift(profile, table(num('grade', [1, 2.5, 2.5, 7, Number.NaN])), null, '.').features[0];
    expect(numbers.bins.map((b) => [b.label, b.actualCount])).toEqual([
      ['1', 1],
      ['2.5', 2],
      ['unseen', 1],
      ['missing', 1],
    ]);
  });

  it('puts present values of a feature training only saw missing into an unseen bin', () => {
    const profile: ReferenceProfile = { rows: 3, features: [{ column: 'x', kind: 'numeric', bins: [{ label: 'missing', share: 1, missing: true }] }] };
    const [x] = featureDrift(profile, table(num('x', [Number.NaN, 4, 5])), null, '.').features;
    expect(x.bins.map((b) => [b.label, b.actualCount, b.added])).toEqual([
      ['missing', 1, false],
      ['unseen', 2, true],
    ]);
    expect(x.psi).toBeCloseTo(handPsi([3, 0], [1, 2]), 14);
  });
});

describe('featureDrift and scoreDrift timing', () => {
  it('prints how long 200 000 batch rows take', () => {
    const n = 200_000;
    const income = Float64Array.from({ length: n }, (_, i) => (i % 10 === 0 ? Number.NaN : (i * 7919) % 9));
    const codes = Int32Array.from({ length: n }, (_, i) => i % 3);
    const big = table({ kind: 'numeric', name: 'income', values: income }, { kind: 'categorical', name: 'home', codes, levels: ['rent', 'own', 'mortgage'] });
    const started = performance.now();
    const { features } = featureDrift(PROFILE, big, null, '.');
    const featureMs = performance.now() - started;
    expect(features.map((f) => f.bins.reduce((s, b) => s + b.actualCount, 0))).toEqual([n, n]);
    const scores = Float64Array.from({ length: n }, (_, i) => ((i * 2654435761) % 1000003) / 1000003);
    const scoreStarted = performance.now();
    scoreDrift(scoreBins(scores), scores);
    console.log(`featureDrift, 2 features × ${n} rows: ${featureMs.toFixed(1)} ms; scoreBins + scoreDrift, ${n} scores: ${(performance.now() - scoreStarted).toFixed(1)} ms`);
  });
});
