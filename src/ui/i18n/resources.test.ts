import { describe, expect, it } from 'vitest';
import { missingTranslations, translate } from './index';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

// Leaves of a resource as "a.b.c" → message.
function leaves(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

// The {{names}} a message interpolates, sorted.
function placeholders(message: string): string[] {
  return [...message.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();
}

// A plural key's base: "rows_one" → "rows".
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('typed keys', () => {
  it('rejects a key the English resource has not got, at compile time', () => {
    // @ts-expect-error: no such key (tsc fails here if keys stop being checked)
    expect(translate('data.loader.noSuchKey')).toBe('data.loader.noSuchKey');
  });

  it('records a key that is not found, and a value a message needed and was not given', () => {
    // @ts-expect-error: no such key
    translate('data.loader.noSuchKey');
    // @ts-expect-error: the message needs {{column}}
    translate('clean.plan.dropRepeating');
    expect(missingTranslations()).toContain('en:data.loader.noSuchKey');
    expect(missingTranslations()).toContain('en:drop rows repeating a {{column}}:{{column}}');
  });
});

describe('the bundled translations', () => {
  const english = leaves(en);
  const chinese = leaves(zhCN);

  it('has every English message in Chinese, apart from the _one plural forms Chinese has not got', () => {
    const needed = [...english.keys()].filter((key) => !key.endsWith('_one'));
    expect(needed.filter((key) => !chinese.has(key))).toEqual([]);
    expect([...chinese.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  it('has no empty message and no Chinese message left in English', () => {
    expect([...english].filter(([, m]) => m.trim() === '').map(([k]) => k)).toEqual([]);
    expect([...chinese].filter(([, m]) => m.trim() === '').map(([k]) => k)).toEqual([]);
    // A Chinese message with an English word in it and no Chinese character is an untranslated
    // copy; placeholders, acronyms and the terms Chinese lending usage keeps (AUC, KS, IQR, WoE) do not count.
    const KEPT_TERMS = /\b(WoE|Gini|Brier|Shapley)\b/g;
    const englishWord = (m: string) =>
      /[a-z]{3,}/i.test(
        m
          .replace(/\{\{[^}]*\}\}/g, '')
          .replace(KEPT_TERMS, '')
          .replace(/\b[A-Z0-9][A-Z0-9-]+\b/g, ''),
      );
    const untranslated = [...chinese].filter(([, m]) => englishWord(m) && !/[\u4e00-\u9fff]/.test(m));
    expect(untranslated.map(([k]) => k)).toEqual([]);
  });

  it('interpolates the same values in both languages', () => {
    const mismatched: string[] = [];
    for (const [key, message] of chinese) {
      const source = english.get(key) ?? english.get(`${base(key)}_other`);
      if (source !== undefined && placeholders(source).join() !== placeholders(message).join()) mismatched.push(key);
    }
    expect(mismatched).toEqual([]);
  });

  it('writes each English plural with both forms', () => {
    const plurals = [...english.keys()].filter((key) => /_(one|other)$/.test(key));
    const bases = new Set(plurals.map(base));
    expect([...bases].filter((b) => !english.has(`${b}_one`) || !english.has(`${b}_other`))).toEqual([]);
  });
});
