import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POINTS_SCALE,
  PROBABILITY_OF_BAD_CLAMP,
  asPoints,
  asProbability,
  pointsFormula,
  pointsFromProbability,
  pointsScaleConstants,
  probabilityFromPoints,
  probabilityOfBad,
  type PointsScale,
} from './points';

// Default scale: factor = 20 / ln 2 = 28.85390081777927, offset = 600 − factor · ln 50 = 487.1228762045055
// (Python's math module). Odds good:bad = (1 − pBad) / pBad, so pBad = 1 / (odds + 1).

describe('pointsFromProbability', () => {
  it.each([
    // [odds good:bad, pBad, points]
    [50, 1 / 51, 600], //   the base odds score the base score
    [100, 1 / 101, 620], // one doubling adds 20
    [25, 1 / 26, 580], //   one halving takes 20 away
    [200, 1 / 201, 640],
    [1, 0.5, 487.1228762045055], // ln 1 = 0 → the offset
    [9, 0.1, 550.5213762333517], //  487.12 + 28.854 · ln 9 (2.1972) = 550.52
  ])('odds %d:1 (pBad %d) → %d points', (_odds, pBad, points) => {
    expect(pointsFromProbability(asProbability(pBad))).toBeCloseTo(points, 9);
  });

  it('clamps pBad to [1e-6, 1 − 1e-6] so 0 and 1 give finite points', () => {
    // pBad 1e-6 → odds 999999 → 487.1229 + 28.8539 · 13.8155 = 885.7542187370736
    // pBad 1 − 1e-6 → odds 1/999999 → 88.49153367276693 (Python)
    expect(PROBABILITY_OF_BAD_CLAMP).toBe(1e-6);
    expect(pointsFromProbability(asProbability(0))).toBeCloseTo(885.7542187370736, 6);
    expect(pointsFromProbability(asProbability(1))).toBeCloseTo(88.49153367276693, 6);
    expect(pointsFromProbability(asProbability(1e-9))).toBe(pointsFromProbability(asProbability(1e-6)));
  });

  it('uses the scale it is given', () => {
    // 500 at 1:1, 50 points per doubling: pBad 0.2 → odds 4 = two doublings → 600; pBad 0.5 → 500
    const scale: PointsScale = { baseScore: 500, baseOdds: 1, pointsToDoubleOdds: 50 };
    expect(pointsFromProbability(asProbability(0.2), scale)).toBeCloseTo(600, 9);
    expect(pointsFromProbability(asProbability(0.5), scale)).toBeCloseTo(500, 9);
  });

  it.each([
    ['baseOdds 0', { baseScore: 600, baseOdds: 0, pointsToDoubleOdds: 20 }, /baseOdds/],
    ['negative pdo', { baseScore: 600, baseOdds: 50, pointsToDoubleOdds: -20 }, /pointsToDoubleOdds/],
    ['NaN base score', { baseScore: Number.NaN, baseOdds: 50, pointsToDoubleOdds: 20 }, /baseScore/],
  ])('rejects a scale with %s', (_label, scale, message) => {
    expect(() => pointsFromProbability(asProbability(0.1), scale)).toThrow(message);
  });
});

describe('probabilityFromPoints', () => {
  it.each([
    [600, 1 / 51],
    [620, 1 / 101],
    [580, 1 / 26],
  ])('%d points → pBad %d', (points, pBad) => {
    expect(probabilityFromPoints(asPoints(points))).toBeCloseTo(pBad, 12);
  });

  it('round-trips probability → points → probability inside the clamp', () => {
    for (const pBad of [1e-5, 0.001, 0.02, 0.1, 0.3, 0.5, 0.77, 0.999]) {
      const back = probabilityFromPoints(pointsFromProbability(asProbability(pBad)));
      expect(Math.abs(back - pBad) / pBad).toBeLessThan(1e-10);
    }
  });

  it('round-trips points → probability → points', () => {
    for (const points of [300, 487.5, 600, 731.25]) {
      expect(pointsFromProbability(probabilityFromPoints(asPoints(points)))).toBeCloseTo(points, 8);
    }
  });
});

describe('pointsFormula', () => {
  it('states the default scale so it can be checked by hand', () => {
    expect(pointsFormula()).toBe('points = 487.12 + 28.85 × ln(odds good:bad); odds 50:1 → 600, each doubling of the odds adds 20');
    // the printed numbers reproduce the base score to within rounding: 487.12 + 28.85 · ln 50 = 599.98
    expect(487.12 + 28.85 * Math.log(50)).toBeCloseTo(600, 1);
  });

  it('prints a negative offset with a minus sign and fractional odds as given', () => {
    // 100 − 28.8539 · ln 1000 = −99.31568569324173
    expect(pointsFormula({ baseScore: 100, baseOdds: 1000, pointsToDoubleOdds: 20 })).toBe(
      'points = −99.32 + 28.85 × ln(odds good:bad); odds 1000:1 → 100, each doubling of the odds adds 20',
    );
    expect(pointsFormula({ baseScore: 500, baseOdds: 2.5, pointsToDoubleOdds: 40 })).toMatch(/odds 2\.5:1 → 500, each doubling of the odds adds 40$/);
  });

  it('matches the constants', () => {
    const { factor, offset } = pointsScaleConstants(DEFAULT_POINTS_SCALE);
    expect(factor).toBeCloseTo(28.85390081777927, 12);
    expect(offset).toBeCloseTo(487.1228762045055, 10);
  });
});

describe('branded constructors', () => {
  it.each([[-0.01], [1.01], [Number.NaN]])('asProbability rejects %d', (value) => {
    expect(() => asProbability(value)).toThrow(RangeError);
  });

  it.each([[Number.POSITIVE_INFINITY], [Number.NaN]])('asPoints rejects %d', (value) => {
    expect(() => asPoints(value)).toThrow(RangeError);
  });

  it('probabilityOfBad flips p when label 1 is good', () => {
    expect(probabilityOfBad(0.25, true)).toBe(0.25);
    expect(probabilityOfBad(0.25, false)).toBe(0.75);
    expect(() => probabilityOfBad(2, true)).toThrow(RangeError);
  });
});
