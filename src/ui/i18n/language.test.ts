import { describe, expect, it } from 'vitest';
import { initialLanguage, languageFromPreferences } from './language';

describe('choosing the language', () => {
  it('speaks Simplified Chinese to any Chinese preference, English to the rest', () => {
    expect(languageFromPreferences(['zh-CN'])).toBe('zh-CN');
    expect(languageFromPreferences(['zh-TW', 'en'])).toBe('zh-CN');
    expect(languageFromPreferences(['zh'])).toBe('zh-CN');
    expect(languageFromPreferences(['ZH_hans'])).toBe('zh-CN');
    expect(languageFromPreferences(['de-DE', 'zh-CN'])).toBe('zh-CN');
    expect(languageFromPreferences(['en-GB', 'zh-CN'])).toBe('en');
    expect(languageFromPreferences(['fr', 'de'])).toBe('en');
    expect(languageFromPreferences([])).toBe('en');
  });

  it('lets a remembered choice win, but only a valid one', () => {
    expect(initialLanguage('en', ['zh-CN'])).toBe('en');
    expect(initialLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(initialLanguage('zh', ['en-US'])).toBe('en');
    expect(initialLanguage('klingon', ['zh-HK'])).toBe('zh-CN');
    expect(initialLanguage(null, ['fr'])).toBe('en');
  });
});
