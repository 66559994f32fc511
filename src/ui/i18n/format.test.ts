import { describe, expect, it } from 'vitest';
import { localCount, localDateTime, localFixed, localPercent, localPercentTrimmed, numberFormat } from './format';

describe('locale formatting', () => {
  it('groups and rounds numbers as each language does', () => {
    expect(localCount(1234567, 'en')).toBe('1,234,567');
    expect(localCount(1234567, 'zh-CN')).toBe('1,234,567');
    expect(localFixed(0.12345, 4, 'en')).toBe('0.1235');
    // toFixed's rounding, not Intl's: 1.005 is stored as 1.00499…, which toFixed rounds down.
    expect(localFixed(1.005, 2, 'en')).toBe((1.005).toFixed(2));
  });

  it('writes percentages with the given decimals, or trimmed', () => {
    expect(localPercent(0.2346, 1, 'en')).toBe('23.5%');
    // As the app always rounded: 100 × 0.2345 is 23.4499…, so "23.4%".
    expect(localPercent(0.2345, 1, 'en')).toBe(`${(100 * 0.2345).toFixed(1)}%`);
    expect(localPercent(0.3, 1, 'zh-CN')).toBe('30.0%');
    expect(localPercent(0.07, 0, 'en')).toBe('7%');
    expect(localPercentTrimmed(0.5, 2, 'en')).toBe('50%');
    expect(localPercentTrimmed(0.2345, 2, 'en')).toBe('23.45%');
  });

  it('writes dates the English way the app always had and the Chinese way', () => {
    // 12:00 UTC is 2 Dec in every time zone from UTC−11 to UTC+11.
    expect(localDateTime('2025-12-02T12:00:00.000Z', 'en')).toMatch(/^2 Dec 2025, \d\d:\d\d$/);
    expect(localDateTime('2025-12-02T12:00:00.000Z', 'zh-CN')).toMatch(/^2025年12月2日 \d\d:\d\d$/);
    expect(localDateTime('yesterday', 'zh-CN')).toBe('yesterday');
  });

  it('builds one formatter per language and options', () => {
    expect(numberFormat({ maximumFractionDigits: 1 }, 'en')).toBe(numberFormat({ maximumFractionDigits: 1 }, 'en'));
    expect(numberFormat({ maximumFractionDigits: 1 }, 'en')).not.toBe(numberFormat({ maximumFractionDigits: 1 }, 'zh-CN'));
  });
});
