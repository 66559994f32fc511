import { describe, expect, it } from 'vitest';
import { count, duration, fileSize, fixed, percent, plain } from './format';

describe('card number formats', () => {
  it('fixes decimals, writes a true minus, never −0, and n/a for non-finite figures', () => {
    expect(fixed(0.91234, 4)).toBe('0.9123');
    expect(fixed(0.5, 4)).toBe('0.5000');
    expect(fixed(-1.25, 1)).toBe('−1.3');
    expect(fixed(-0.00001, 4)).toBe('0.0000');
    expect(fixed(Number.NaN, 4)).toBe('n/a');
    expect(fixed(Number.POSITIVE_INFINITY, 2)).toBe('n/a');
  });

  it('writes rates as percentages with one decimal', () => {
    expect(percent(0.2)).toBe('20.0%');
    expect(percent(0.19872)).toBe('19.9%');
    expect(percent(1)).toBe('100.0%');
    expect(percent(0.1, 0)).toBe('10%');
    expect(percent(Number.NaN)).toBe('n/a');
  });

  it('groups thousands in counts', () => {
    expect(count(0)).toBe('0');
    expect(count(999)).toBe('999');
    expect(count(26000)).toBe('26,000');
    expect(count(1234567)).toBe('1,234,567');
    expect(count(-4200)).toBe('−4,200');
  });

  it('writes measured values to 6 significant digits, whole numbers exactly', () => {
    expect(plain(1234567)).toBe('1234567');
    expect(plain(1 / 3)).toBe('0.333333');
    expect(plain(-0.001)).toBe('−0.001');
  });

  it('gives file sizes with their exact byte count, and durations', () => {
    expect(fileSize(512)).toBe('512 bytes');
    expect(fileSize(1536)).toBe('1.5 KB (1,536 bytes)');
    expect(fileSize(1_572_864)).toBe('1.5 MB (1,572,864 bytes)');
    expect(duration(42_340)).toBe('42.3 s');
    expect(duration(192_400)).toBe('3 min 12 s');
    expect(duration(119_700)).toBe('2 min 0 s');
  });
});
