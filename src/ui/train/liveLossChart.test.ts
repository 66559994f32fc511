import { describe, expect, it } from 'vitest';
import type { EpochReport } from '../../model/train';
import { niceTicks, stepDecimals } from '../shared/ticks';
import { epochTicks, keptEpoch, lossTicks } from './lossAxes';

const report = (epoch: number, loss: number, valLoss: number | null): EpochReport => ({ epoch, epochs: 10, loss, valLoss, valAuc: null, elapsedMs: 0, samplesPerSecond: 0 });

describe('epochTicks', () => {
  it('labels every epoch while they fit, then multiples of a nice step, epoch 1 in front from a step of 5', () => {
    expect(epochTicks(1)).toEqual([1]);
    expect(epochTicks(2)).toEqual([1, 2]);
    expect(epochTicks(10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(epochTicks(12)).toEqual([2, 4, 6, 8, 10, 12]);
    expect(epochTicks(20)).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(epochTicks(22)).toEqual([1, 5, 10, 15, 20]);
    expect(epochTicks(80)).toEqual([1, 10, 20, 30, 40, 50, 60, 70, 80]);
    expect(epochTicks(100)).toEqual([1, 20, 40, 60, 80, 100]);
  });
  it('keeps to fewer ticks on a narrow chart, and never more than asked', () => {
    expect(epochTicks(10, 5)).toEqual([2, 4, 6, 8, 10]);
    expect(epochTicks(80, 5)).toEqual([1, 20, 40, 60, 80]);
    for (let n = 1; n <= 400; n++) {
      const ticks = epochTicks(n, 8);
      expect(ticks.length, `${n} epochs`).toBeLessThanOrEqual(8);
      expect(
        ticks.every((t) => Number.isInteger(t) && t >= 1 && t <= n),
        `${n} epochs`,
      ).toBe(true);
      if (n >= 5) expect(ticks.length, `${n} epochs`).toBeGreaterThanOrEqual(4);
    }
  });
});

describe('niceTicks', () => {
  it('covers the range with nice steps, starting and ending on a tick', () => {
    // By hand: span 0.2 / 5 = 0.04 → step 0.05 → 0.30 … 0.50.
    expect(niceTicks(0.31, 0.49)).toEqual([0.3, 0.35, 0.4, 0.45, 0.5]);
    // span 0.5 / 5 = 0.1 → step 0.1, from 0.1 to 0.6.
    expect(niceTicks(0.12, 0.62)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
    // span 0.11 / 5 = 0.022 → step 0.025.
    expect(niceTicks(0.401, 0.511)).toEqual([0.4, 0.425, 0.45, 0.475, 0.5, 0.525]);
  });
  it('gives a flat series an axis around its value and never fewer than 3 ticks for a range', () => {
    const flat = niceTicks(0.5, 0.5);
    expect(flat[0]).toBeLessThanOrEqual(0.5);
    expect(flat[flat.length - 1]).toBeGreaterThanOrEqual(0.5);
    for (const [lo, hi] of [
      [0.1, 0.9],
      [0.2001, 0.2999],
      [1.3, 7.1],
      [0.0004, 0.0011],
    ]) {
      const ticks = niceTicks(lo, hi);
      expect(ticks[0]).toBeLessThanOrEqual(lo);
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(hi);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(8);
    }
  });
  it('prints each step exactly', () => {
    expect(stepDecimals(0.025)).toBe(3);
    expect(stepDecimals(0.5)).toBe(1);
    expect(stepDecimals(20)).toBe(0);
  });
});

describe('keptEpoch', () => {
  const history = [report(1, 0.6, 0.62), report(2, 0.5, 0.55), report(3, 0.45, 0.53), report(4, 0.4, 0.53), report(5, 0.35, 0.58)];
  it('is the first epoch with the lowest validation loss when early stopping restores it', () => {
    expect(keptEpoch(history, 'best')).toBe(3);
  });
  it('is the last epoch otherwise, or without validation losses', () => {
    expect(keptEpoch(history, 'last')).toBe(5);
    expect(keptEpoch([report(1, 0.6, null), report(2, 0.5, null)], 'best')).toBe(2);
    expect(keptEpoch([], 'best')).toBeNull();
  });
  it('loss ticks cover both losses', () => {
    const ticks = lossTicks(history);
    expect(ticks[0]).toBeLessThanOrEqual(0.35);
    expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(0.62);
  });
});
