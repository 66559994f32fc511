import { describe, expect, it } from 'vitest';
import { formatBytes, formatChange, formatDate } from './modelsFormat';

describe('Models step formatting', () => {
  it('writes sizes in decimal units', () => {
    expect(formatBytes(812)).toBe('812 bytes');
    expect(formatBytes(41_249)).toBe('41.2 kB');
    expect(formatBytes(999_999)).toBe('1,000 kB');
    expect(formatBytes(3_400_000)).toBe('3.4 MB');
  });

  it('signs changes and rounds to four decimals', () => {
    expect(formatChange(0.00123)).toBe('+0.0012');
    expect(formatChange(-0.00031)).toBe('\u22120.0003');
    expect(formatChange(-0.00004)).toBe('±0.0000');
    expect(formatChange(0)).toBe('±0.0000');
    expect(formatChange(null)).toBe('–');
  });

  it('writes a date in words and leaves a non-date alone', () => {
    // 12:00 UTC is 2 Dec in every time zone from UTC−11 to UTC+11.
    expect(formatDate('2025-12-02T12:00:00.000Z')).toMatch(/^2 Dec 2025, \d\d:\d\d$/);
    expect(formatDate('yesterday')).toBe('yesterday');
  });
});
