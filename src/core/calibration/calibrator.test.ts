import { describe, expect, it } from 'vitest';
import { createRandom } from '../split/random';
import { applyCalibrator, applyCalibratorToAll, CALIBRATION_METHODS, type Calibrator, fitCalibrator, fitCalibratorWithMethod, ISOTONIC_PROBABILITY_FLOOR } from './calibrator';

const probability = (z: number) => 1 / (1 + Math.exp(-z));

/** n logits uniform on [−4, 4] with labels drawn at `rate(z)`, from the repo's seeded generator. */
function drawRows(n: number, seed: number, rate: (z: number) => number): { logits: Float64Array; labels: Uint8Array } {
  const random = createRandom(seed);
  const logits = new Float64Array(n);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    logits[i] = -4 + 8 * random();
    labels[i] = random() < rate(logits[i]) ? 1 : 0;
  }
  return { logits, labels };
}

const GRID = Array.from({ length: 41 }, (_, i) => -10 + i / 2);

function numbersIn(c: Calibrator): number[] {
  if (c.method === 'platt') return [c.a, c.b];
  if (c.method === 'isotonic') return [...c.x, ...c.y];
  return [];
}

describe('applyCalibrator', () => {
  it("'none' is σ(z) and 'platt' is σ(a·z + b)", () => {
    expect(applyCalibrator({ method: 'none' }, Math.log(3))).toBeCloseTo(0.75, 15);
    // a = 2, b = −1 at z = 1: σ(1); a sign slip in either gives σ(−3), σ(3) or σ(−1)
    expect(applyCalibrator({ method: 'platt', a: 2, b: -1 }, 1)).toBeCloseTo(probability(1), 15);
    expect(applyCalibrator({ method: 'platt', a: 0.5, b: Math.log(3) }, 0)).toBeCloseTo(0.75, 15);
  });

  it("'isotonic' interpolates on the logit scale and clips to [1e-6, 1 − 1e-6]", () => {
    // thresholds (−2, 0), (0, 0), (2, 1): halfway between logits 0 and 2 the prediction is 0.5.
    // Interpolating on σ(z) instead would give (σ(1) − σ(0)) / (σ(2) − σ(0)) = 0.606.
    const c = fitCalibratorWithMethod('isotonic', [-2, 0, 2], [0, 0, 1]);
    expect(c).toEqual({ method: 'isotonic', x: [-2, 0, 2], y: [0, 0, 1] });
    expect(applyCalibrator(c, 1)).toBeCloseTo(0.5, 15);
    expect(applyCalibrator(c, 1.5)).toBeCloseTo(0.75, 15);
    expect(applyCalibrator(c, -1)).toBe(ISOTONIC_PROBABILITY_FLOOR);
    expect(applyCalibrator(c, 9)).toBe(1 - ISOTONIC_PROBABILITY_FLOOR);
  });

  it('applyCalibratorToAll maps every logit, Float32 or Float64', () => {
    const c: Calibrator = { method: 'platt', a: 0.7, b: -0.2 };
    const logits = Float32Array.from([-3, -0.5, 0, 1.25, 6]);
    const all = applyCalibratorToAll(c, logits);
    expect(all).toBeInstanceOf(Float64Array);
    expect(all).toHaveLength(5);
    all.forEach((p, i) => expect(p).toBeCloseTo(probability(0.7 * logits[i] - 0.2), 14));
  });
});

describe('fitCalibrator chooses by cross-validated log loss', () => {
  it('picks isotonic for a monotone step that no sigmoid fits', () => {
    // P(label 1) is 0.1 below logit 0 and 0.9 above: monotone, but flat on each side.
    const { logits, labels } = drawRows(2000, 11, (z) => (z < 0 ? 0.1 : 0.9));
    const fit = fitCalibrator(logits, labels, 3);
    expect(fit.calibrator.method).toBe('isotonic');
    expect(fit.folds).toBe(5);
    expect(fit.rows).toBe(2000);
    const loss = fit.crossValidatedLogLoss;
    expect(loss.isotonic).toBeLessThan(loss.platt - 0.02);
    // the refit follows the plateaus, on the logit scale, including between the data's thresholds
    for (const z of [-3.5, -2, -0.5]) expect(Math.abs(applyCalibrator(fit.calibrator, z) - 0.1)).toBeLessThan(0.05);
    for (const z of [0.5, 2, 3.5]) expect(Math.abs(applyCalibrator(fit.calibrator, z) - 0.9)).toBeLessThan(0.05);
    if (fit.calibrator.method === 'isotonic') {
      expect(fit.calibrator.x[0]).toBeLessThan(-3.9); //   thresholds are logits, not probabilities
      expect(fit.calibrator.x.at(-1)).toBeGreaterThan(3.9);
    }
  });

  it('picks Platt for logits that are twice too confident, recovering slope 0.5', () => {
    // The true probability is σ(0.5·z): 'none' is overconfident; Platt is the right family.
    const { logits, labels } = drawRows(2000, 12, (z) => probability(0.5 * z));
    const fit = fitCalibrator(logits, labels, 4);
    expect(fit.calibrator.method).toBe('platt');
    const loss = fit.crossValidatedLogLoss;
    expect(loss.platt).toBeLessThan(loss.none - 0.02);
    expect(loss.platt).toBeLessThan(loss.isotonic);
    if (fit.calibrator.method === 'platt') {
      expect(Math.abs(fit.calibrator.a - 0.5)).toBeLessThan(0.06);
      expect(Math.abs(fit.calibrator.b)).toBeLessThan(0.12);
    }
  });

  it("keeps 'none' on calibrated logits even when Platt is ahead by less than the tolerance", () => {
    // Labels drawn at σ(z). With 40 000 rows the CV noise (~1/n) is below the 1e-4 tolerance; on
    // this seed Platt's held-out loss happens to be slightly lower, so this also pins the tie rule.
    const { logits, labels } = drawRows(40000, 8, probability);
    const fit = fitCalibrator(logits, labels, 8);
    const loss = fit.crossValidatedLogLoss;
    expect(loss.platt).toBeLessThan(loss.none);
    expect(loss.none - loss.platt).toBeLessThan(1e-4);
    expect(loss.isotonic).toBeGreaterThan(loss.none); // isotonic overfits what is already right
    expect(fit.calibrator).toEqual({ method: 'none' });
  }, 60000);

  it('is reproducible for a seed', () => {
    const { logits, labels } = drawRows(300, 5, (z) => probability(0.5 * z));
    expect(fitCalibrator(logits, labels, 9)).toEqual(fitCalibrator(logits, labels, 9));
  });
});

describe('fitCalibrator with little data', () => {
  it('fits Platt on all rows without CV below 20 rows', () => {
    const logits = [-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5];
    const labels = [0, 0, 1, 0, 0, 1, 0, 1, 1, 1];
    const fit = fitCalibrator(logits, labels, 1);
    expect(fit.folds).toBe(0);
    expect(fit.rows).toBe(10);
    for (const m of CALIBRATION_METHODS) expect(fit.crossValidatedLogLoss[m]).toBeNaN();
    expect(fit.calibrator).toEqual(fitCalibratorWithMethod('platt', logits, labels));
    expect(fit.calibrator.method).toBe('platt');
  });

  it('fits Platt without CV when the rarer class has a single row', () => {
    const logits = Array.from({ length: 30 }, (_, i) => i / 10 - 1.5);
    const labels = logits.map((_, i) => (i === 29 ? 1 : 0));
    const fit = fitCalibrator(logits, labels, 1);
    expect(fit.folds).toBe(0);
    expect(fit.calibrator.method).toBe('platt');
  });

  it("returns 'none' for one class or no rows", () => {
    expect(fitCalibrator([0.1, 0.2, 0.3], [1, 1, 1], 1).calibrator).toEqual({ method: 'none' });
    expect(fitCalibrator(new Float64Array(50).fill(1), new Uint8Array(50), 1).calibrator).toEqual({ method: 'none' });
    expect(fitCalibrator([], [], 1)).toMatchObject({ calibrator: { method: 'none' }, rows: 0, folds: 0 });
  });

  it('uses as many folds as the rarer class has rows, below 5', () => {
    // 3 positives among 40 rows: 3 folds, each with one positive held out
    const logits = Array.from({ length: 40 }, (_, i) => i / 10 - 2);
    const labels = logits.map((_, i) => (i % 13 === 12 ? 1 : 0));
    const fit = fitCalibrator(logits, labels, 2);
    expect(fit.folds).toBe(3);
    for (const m of CALIBRATION_METHODS) expect(Number.isFinite(fit.crossValidatedLogLoss[m])).toBe(true);
  });

  it('throws for unequal lengths, labels other than 0/1 and non-finite logits', () => {
    expect(() => fitCalibrator([1, 2], [1], 1)).toThrow(RangeError);
    expect(() => fitCalibrator([1, 2], [1, 2], 1)).toThrow(/0 or 1/);
    expect(() => fitCalibrator([1, Number.NaN], [1, 0], 1)).toThrow(/finite/);
  });
});

describe('calibrators are plain JSON', () => {
  const cases: [string, (z: number) => number][] = [
    ['isotonic', (z) => (z < 0 ? 0.1 : 0.9)],
    ['platt', (z) => probability(0.5 * z)],
  ];
  it.each(cases)('a fitted %s calibrator round-trips through JSON with identical predictions', (method, rate) => {
    const { logits, labels } = drawRows(2000, 21, rate);
    const c = fitCalibrator(logits, labels, 21).calibrator;
    expect(c.method).toBe(method);
    // JSON has no NaN or Infinity: they would come back as null
    for (const v of numbersIn(c)) expect(Number.isFinite(v)).toBe(true);
    const copy = JSON.parse(JSON.stringify(c)) as Calibrator;
    expect(copy).toEqual(c);
    for (const z of GRID) expect(applyCalibrator(copy, z)).toBe(applyCalibrator(c, z));
  });

  it("'none' round-trips too", () => {
    const copy = JSON.parse(JSON.stringify({ method: 'none' })) as Calibrator;
    for (const z of GRID) expect(applyCalibrator(copy, z)).toBeCloseTo(probability(z), 15);
  });

  it('lists the methods from simplest to most flexible', () => {
    expect(CALIBRATION_METHODS).toEqual(['none', 'platt', 'isotonic']);
  });
});
