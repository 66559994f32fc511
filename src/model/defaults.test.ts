import { describe, expect, it } from 'vitest';
import { DEFAULT_NETWORK, DEFAULT_SETTINGS, defaultBatchSize, defaultClassWeights, defaultEpochs, defaultMinEpochs, defaultPatience, defaultSettingsFor } from './defaults';

describe('defaultBatchSize', () => {
  it.each([
    [100, 32],
    [1_999, 32],
    [2_000, 64],
    [9_999, 64],
    [10_000, 128],
    [99_999, 128],
    [100_000, 256],
    [1_000_000, 256],
  ])('%d rows → batches of %d', (rows, size) => expect(defaultBatchSize(rows)).toBe(size));
});

describe('defaultEpochs', () => {
  it('allows 80 epochs (early stopping ends most runs sooner) below 100,000 rows, 20 from there', () => {
    expect(defaultEpochs(614)).toBe(80);
    expect(defaultEpochs(99_999)).toBe(80);
    expect(defaultEpochs(100_000)).toBe(20);
    expect(DEFAULT_SETTINGS.epochs).toBe(80);
  });
});

describe('defaultClassWeights', () => {
  it('is on only when the rarer class is under 20% of the rows, whichever class it is', () => {
    expect(defaultClassWeights(19, 81)).toBe(true);
    expect(defaultClassWeights(81, 19)).toBe(true);
    expect(defaultClassWeights(20, 80)).toBe(false);
    expect(defaultClassWeights(50, 50)).toBe(false);
  });
});

describe('defaults', () => {
  it('are one hidden layer of 32, Adam, early stopping restoring the best epoch', () => {
    expect(DEFAULT_NETWORK).toMatchObject({ kind: 'mlp', hiddenUnits: [32], dropout: 0 });
    expect(DEFAULT_SETTINGS).toMatchObject({ optimizer: 'adam', restoreBest: true, patience: 5 });
  });

  it('adapt to a data set: credit_risk-like (32,416 rows, 21.9% bad) and a rare-default book (50,000 rows, 4% bad)', () => {
    expect(defaultSettingsFor(32_416, 7_108)).toMatchObject({ batchSize: 128, epochs: 80, classWeights: false });
    expect(defaultSettingsFor(50_000, 2_000)).toMatchObject({ batchSize: 128, epochs: 80, classWeights: true });
    expect(defaultSettingsFor(989_514, 200_000)).toMatchObject({ batchSize: 256, epochs: 20, classWeights: false });
  });

  it('count patience and the minimum run in optimizer steps: more epochs where an epoch is a few steps', () => {
    // german_credit's 5-fold training rows: 800, cross-fitted → 640 fit rows / 32 = 20 steps an epoch:
    // patience ⌈600 / 20⌉ = 30 → capped at 20; minimum ⌈400 / 20⌉ = 20 epochs.
    expect(defaultSettingsFor(800, 240)).toMatchObject({ batchSize: 32, patience: 20, minEpochs: 20 });
    // credit_risk's 25,933 training rows → 20,746 fit rows / 128 = 163 steps: patience ⌈600 / 163⌉ = 4 → 5 (the floor); minimum ⌈400 / 163⌉ = 3.
    expect(defaultSettingsFor(25_933, 5_671)).toMatchObject({ batchSize: 128, patience: 5, minEpochs: 3 });
    // A million rows, a 10% hold-out: 900,000 / 256 = 3,516 steps → patience 5, minimum 1.
    expect(defaultSettingsFor(1_000_000, 100_000)).toMatchObject({ patience: 5, minEpochs: 1 });
    expect(defaultPatience(60)).toBe(10);
    expect(defaultMinEpochs(60)).toBe(7);
  });
});
