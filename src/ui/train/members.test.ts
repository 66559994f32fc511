import { describe, expect, it } from 'vitest';
import { epochsText } from './members';

const member = (n: number, epochsRun: number) => ({ member: n, epochsRun, bestEpoch: epochsRun, stoppedEarly: false });

describe('epochsText', () => {
  it('names the members and the spread of their epochs', () => {
    expect(epochsText([member(1, 31), member(2, 48), member(3, 40), member(4, 35), member(5, 33)])).toBe('5 × 31–48 epochs');
    expect(epochsText([member(1, 12), member(2, 12), member(3, 12)])).toBe('3 × 12 epochs');
    expect(epochsText([member(1, 40)])).toBe('40 epochs');
    expect(epochsText([member(1, 1)])).toBe('1 epoch');
  });
});
