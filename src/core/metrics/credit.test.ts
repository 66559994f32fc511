import { describe, expect, it } from 'vitest';
import { computeBinaryMetrics } from './binary';
import { computeCreditBaseline, computeCreditMetrics } from './credit';
import { computeKs } from './rank';
import { createRandom } from '../split/random';

describe('computeCreditMetrics', () => {
  it('computes every field of the hand example', () => {
    // labels 1,0,1,0,1,0 with p 0.9,0.9,0.7,0.3,0.3,0.1 (rank.test.ts works AUC, DeLong and KS by hand)
    // at 0.5: rows 0, 2 tp; row 1 fp; row 4 fn; rows 3, 5 tn → accuracy 4/6, precision 2/3, recall 2/3, F1 2/3
    const m = computeCreditMetrics([1, 0, 1, 0, 1, 0], [0.9, 0.9, 0.7, 0.3, 0.3, 0.1]);
    expect(m.confusion).toEqual({ tp: 2, fp: 1, tn: 2, fn: 1 });
    expect(m.accuracy).toBeCloseTo(4 / 6, 12);
    expect(m.precision).toBeCloseTo(2 / 3, 12);
    expect(m.recall).toBeCloseTo(2 / 3, 12);
    expect(m.f1).toBeCloseTo(2 / 3, 12);
    expect(m.auc).toBeCloseTo(2 / 3, 12);
    expect(m.aucSe).toBeCloseTo(Math.sqrt(2 / 27), 12);
    expect(m.aucLower).toBeCloseTo(0.13323203596052113, 10);
    expect(m.aucUpper).toBe(1);
    expect(m.gini).toBeCloseTo(1 / 3, 12); // 2 · 2/3 − 1
    expect(m.ks).toBeCloseTo(1 / 3, 12);
    expect(m.ksThreshold).toBe(0.7);
    // −(ln 0.9 + ln 0.1 + ln 0.7 + ln 0.7 + ln 0.3 + ln 0.9) / 6 ≈ 0.7001
    expect(m.logLoss).toBeCloseTo(-(2 * Math.log(0.9) + Math.log(0.1) + 2 * Math.log(0.7) + Math.log(0.3)) / 6, 12);
    // (0.1² + 0.9² + 0.3² + 0.3² + 0.7² + 0.1²) / 6 = 1.5 / 6 = 0.25
    expect(m.brier).toBeCloseTo(0.25, 12);
    expect(m.rows).toBe(6);
    expect(m.positiveRate).toBe(0.5);
    expect(m.threshold).toBe(0.5);
  });

  it('uses the given threshold for the threshold metrics only', () => {
    // at 0.8 only the two 0.9 rows are positive: tp 1, fp 1, tn 2, fn 2; AUC and KS are unchanged
    const m = computeCreditMetrics([1, 0, 1, 0, 1, 0], [0.9, 0.9, 0.7, 0.3, 0.3, 0.1], 0.8);
    expect(m.confusion).toEqual({ tp: 1, fp: 1, tn: 2, fn: 2 });
    expect(m.recall).toBeCloseTo(1 / 3, 12);
    expect(m.auc).toBeCloseTo(2 / 3, 12);
    expect(m.ks).toBeCloseTo(1 / 3, 12);
  });

  it('agrees with computeBinaryMetrics and computeKs on 30 000 rows, and prints its time', () => {
    const random = createRandom(11);
    const n = 30_000;
    const labels = new Uint8Array(n);
    const p = new Float32Array(n); // model outputs arrive as float32
    for (let i = 0; i < n; i++) {
      labels[i] = random() < 0.22 ? 1 : 0;
      p[i] = Math.min(1, Math.max(0, random() * 0.7 + labels[i] * 0.3));
    }
    computeCreditMetrics(labels, p); // warm up the JIT before timing
    const times: number[] = [];
    let m = computeCreditMetrics(labels, p);
    for (let run = 0; run < 5; run++) {
      const t0 = performance.now();
      m = computeCreditMetrics(labels, p);
      times.push(performance.now() - t0);
    }
    const t0 = performance.now();
    const binary = computeBinaryMetrics(labels, p);
    const binaryMs = performance.now() - t0;
    // Measured, not asserted (ARCHITECTURE.md: timings never fail a test).
    console.log(
      `computeCreditMetrics on ${n} rows: best ${Math.min(...times).toFixed(1)} ms of 5; ` + `computeBinaryMetrics (AUC by index sort) ${binaryMs.toFixed(1)} ms in the same run`,
    );
    expect(m.auc).toBeGreaterThan(0.7);
    expect(m.auc).toBeCloseTo(binary.auc, 12);
    expect(m.logLoss).toBeCloseTo(binary.logLoss, 12);
    expect(m.confusion).toEqual(binary.confusion);
    expect(m.f1).toBeCloseTo(binary.f1, 12);
    expect(m.ks).toBeCloseTo(computeKs(labels, p).ks, 12);
    expect(m.aucLower).toBeLessThan(m.auc);
    expect(m.aucUpper).toBeGreaterThan(m.auc);
  });
});

describe('computeCreditBaseline', () => {
  // 10 rows, 3 positives
  const labels = [1, 0, 0, 1, 0, 0, 0, 1, 0, 0];

  it('a constant base-rate prediction: AUC 0.5, Gini 0, KS 0, base-rate log loss and Brier', () => {
    const m = computeCreditBaseline(labels, 0.3);
    expect(m.auc).toBe(0.5);
    // every DeLong placement is ½ → se 0 → a zero-width interval
    expect(m.aucSe).toBe(0);
    expect(m.aucLower).toBe(0.5);
    expect(m.aucUpper).toBe(0.5);
    expect(m.gini).toBe(0);
    expect(m.ks).toBe(0);
    expect(m.ksThreshold).toBe(0.3);
    // −(3 ln 0.3 + 7 ln 0.7) / 10 ≈ 0.610864
    expect(m.logLoss).toBeCloseTo(-(3 * Math.log(0.3) + 7 * Math.log(0.7)) / 10, 12);
    // (3 · 0.7² + 7 · 0.3²) / 10 = 0.21
    expect(m.brier).toBeCloseTo(0.21, 12);
    // 0.3 < 0.5 → all predicted negative: accuracy 7/10
    expect(m.confusion).toEqual({ tp: 0, fp: 0, tn: 7, fn: 3 });
    expect(m.accuracy).toBeCloseTo(0.7, 12);
  });

  it('uses the training rate, not the test rate', () => {
    // training rate 0.6: Brier (3 · 0.4² + 7 · 0.6²) / 10 = (0.48 + 2.52) / 10 = 0.3; all predicted positive
    const m = computeCreditBaseline(labels, 0.6);
    expect(m.brier).toBeCloseTo(0.3, 12);
    expect(m.confusion).toEqual({ tp: 3, fp: 7, tn: 0, fn: 0 });
  });

  it.each([[-0.1], [1.1], [Number.NaN]])('throws for a training rate of %d', (rate) => {
    expect(() => computeCreditBaseline(labels, rate)).toThrow(/rate/);
  });
});
