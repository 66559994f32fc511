import { describe, expect, it } from 'vitest';
import { epochTicks } from './LiveLossChart';

describe('epochTicks', () => {
  it('labels every epoch up to 10, then at most 10 evenly spaced ones, always the first and the last', () => {
    expect(epochTicks(2)).toEqual([1, 2]);
    expect(epochTicks(10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(epochTicks(12)).toEqual([1, 3, 5, 7, 9, 11, 12]);
    expect(epochTicks(80)).toEqual([1, 10, 19, 28, 37, 46, 55, 64, 73, 80]);
  });
});
