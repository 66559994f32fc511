import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { denseInputGradient, gradientOfSummedLogit, integratedGradients, integratedGradientsOfRows } from './attributions';
import { buildNetwork, writeWeights } from './network';
import type { ScoringModel } from './scoringModel';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const ensemble = (members: { network: tf.LayersModel; logitShift: number }[], width: number): ScoringModel => ({ members, calibrator: { method: 'none' }, width });

describe('integrated gradients', () => {
  it('are the exact terms w·(x − r) for a logistic regression, whatever its prior shift', () => {
    const network = buildNetwork(3, { kind: 'logistic', hiddenUnits: [], dropout: 0, seed: 1 });
    writeWeights(network, [Float32Array.of(0.5, -2, 1.25), Float32Array.of(0.3)]);
    const model = ensemble([{ network, logitShift: 0.7 }], 3);
    const ig = integratedGradients(model, Float32Array.of(1, 2, -1), Float32Array.of(0, 0.5, 1));
    // By hand: 0.5·(1 − 0) = 0.5, −2·(2 − 0.5) = −3, 1.25·(−1 − 1) = −2.5.
    expect(Array.from(ig.attributions).map((a) => Number(a.toFixed(5)))).toEqual([0.5, -3, -2.5]);
    expect(ig.logit - ig.referenceLogit).toBeCloseTo(-5, 5);
    expect(ig.steps).toBe(16);
  });

  it('match a hand-worked integral through a relu layer, and add up to the logit difference within 1%', () => {
    // f(x) = 2·relu(x0 − x1) − relu(0.5·x0 + x1 − 0.5) + 0.1, from r = (0, 0) to x = (1, 2): the first
    // unit is off along the whole path, the second is on for α > 0.2, i.e. 80% of it, so
    // IG = (x − r) ⊙ (−1)·(0.5, 1)·0.8 = (−0.4, −1.6), summing to f(x) − f(r) = −1.9 − 0.1 = −2.
    const network = buildNetwork(2, { kind: 'mlp', hiddenUnits: [2], dropout: 0, seed: 1 });
    writeWeights(network, [Float32Array.of(1, 0.5, -1, 1), Float32Array.of(0, -0.5), Float32Array.of(2, -1), Float32Array.of(0.1)]);
    const ig = integratedGradients(ensemble([{ network, logitShift: 0 }], 2), Float32Array.of(1, 2), Float32Array.of(0, 0));
    expect(ig.logit).toBeCloseTo(-1.9, 5);
    expect(ig.referenceLogit).toBeCloseTo(0.1, 5);
    expect(ig.attributions[0]).toBeCloseTo(-0.4, 1);
    expect(ig.attributions[1]).toBeCloseTo(-1.6, 1);
    const sum = ig.attributions[0] + ig.attributions[1];
    expect(Math.abs(sum - -2)).toBeLessThanOrEqual(0.02);
    // 16 and 32 midpoints put 81.25% of the path on the active side (2.5% off); 64 put 79.7% (within 1%).
    expect(ig.steps).toBe(64);
  });

  it('add up to the logit difference within 1% for an ensemble of two-layer networks', () => {
    const width = 12;
    const members = [0, 1, 2].map((k) => ({ network: buildNetwork(width, { kind: 'mlp', hiddenUnits: [16, 8], dropout: 0, seed: 10 + k }), logitShift: 0.1 * k }));
    const model = ensemble(members, width);
    const x = Float32Array.from({ length: width }, (_, j) => Math.sin(j + 1) * 2);
    const r = Float32Array.from({ length: width }, (_, j) => Math.cos(j) * 0.5);
    const ig = integratedGradients(model, x, r);
    const difference = ig.logit - ig.referenceLogit;
    const sum = ig.attributions.reduce((a, b) => a + b, 0);
    expect(Math.abs(difference)).toBeGreaterThan(0.05);
    expect(Math.abs(sum - difference)).toBeLessThanOrEqual(Math.max(1e-4, 0.01 * Math.abs(difference)));
  });

  it('give many rows at once what each gets alone: the hand-worked relu row among others, each adding up within 1%', () => {
    const network = buildNetwork(2, { kind: 'mlp', hiddenUnits: [2], dropout: 0, seed: 1 });
    writeWeights(network, [Float32Array.of(1, 0.5, -1, 1), Float32Array.of(0, -0.5), Float32Array.of(2, -1), Float32Array.of(0.1)]);
    const model = ensemble([{ network, logitShift: 0 }], 2);
    const reference = Float32Array.of(0, 0);
    // Row 0 is the hand-worked one (−0.4, −1.6); the reference itself gives zeros; the others need 16 to 64 steps.
    const rows = [Float32Array.of(1, 2), Float32Array.of(0, 0), Float32Array.of(3, -1), Float32Array.of(-2, 0.5), Float32Array.of(0.7, 0.1)];
    const x = new Float32Array(rows.length * 2);
    rows.forEach((row, i) => x.set(row, 2 * i));
    const together = integratedGradientsOfRows(model, x, rows.length, reference);
    expect(together[0]).toBeCloseTo(-0.4, 1);
    expect(together[1]).toBeCloseTo(-1.6, 1);
    expect([together[2], together[3]]).toEqual([0, 0]);
    rows.forEach((row, i) => {
      const alone = integratedGradients(model, row, reference);
      expect(together[2 * i]).toBeCloseTo(alone.attributions[0], 5);
      expect(together[2 * i + 1]).toBeCloseTo(alone.attributions[1], 5);
    });
  });
});

describe('the written-out gradient of a dense stack', () => {
  it("equals tf.grad's for an ensemble of relu networks with dropout, at points on both sides of each relu", () => {
    const width = 9;
    const members = [0, 1].map((k) => ({ network: buildNetwork(width, { kind: 'mlp', hiddenUnits: [12, 6], dropout: 0.2, seed: 40 + k }), logitShift: 0.3 * k }));
    const model = ensemble(members, width);
    const points = tf.tensor2d(
      Float32Array.from({ length: 50 * width }, (_, i) => Math.sin(i * 0.7) * 3),
      [50, width],
    );
    const written = denseInputGradient(model, points);
    if (!written) throw new Error('a dense stack with dropout was not recognised');
    const tape = gradientOfSummedLogit(model, 'tape')(points);
    const a = written.dataSync();
    const b = tape.dataSync();
    let largest = 0;
    for (let i = 0; i < a.length; i++) largest = Math.max(largest, Math.abs(a[i] - b[i]));
    expect(largest).toBeLessThan(1e-6);
    // Not all zero: the points reach both sides of the relus.
    expect(Math.max(...Array.from(b, Math.abs))).toBeGreaterThan(0.01);
    // And a logistic regression's gradient is its weights on every row.
    const logistic = buildNetwork(3, { kind: 'logistic', hiddenUnits: [], dropout: 0, seed: 1 });
    writeWeights(logistic, [Float32Array.of(0.5, -2, 1.25), Float32Array.of(0.3)]);
    const flat = gradientOfSummedLogit(ensemble([{ network: logistic, logitShift: 0 }], 3))(tf.tensor2d([1, 2, 3, -4, 5, 6], [2, 3]));
    expect(Array.from(flat.dataSync())).toEqual([0.5, -2, 1.25, 0.5, -2, 1.25]);
  });
});
