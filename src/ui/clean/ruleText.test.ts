import { createElement, Fragment, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { CleaningStep, MissingSummary } from '../../core/clean/cleanTable';
import { i18n } from '../i18n';
import { missingTranslations } from '../i18n/missing';
import { excludedText, filledByText, stepRuleText } from './ruleText';

/** A node's text (tags removed, entities decoded) and its markup. */
function text(node: ReactNode): string {
  return renderToStaticMarkup(createElement(Fragment, null, node))
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&');
}
const markup = (node: ReactNode) => renderToStaticMarkup(createElement(Fragment, null, node));

// Each rule as the core words it (`rule`) and as its code: the English from the code must be the core's words.
const STEPS: readonly Pick<CleaningStep, 'rule' | 'because'>[] = [
  { rule: 'not checked: duplicate rows are kept', because: { code: 'duplicates.off' } },
  { rule: 'identical in every column; the first is kept', because: { code: 'duplicates.all' } },
  { rule: 'same loan_id; the first is kept (a missing loan_id matches nothing)', because: { code: 'duplicates.byId', column: 'loan_id' } },
  { rule: 'default is missing or neither "1" nor "0"', because: { code: 'label.unusable', target: 'default', positive: '1', negative: '0' } },
  { rule: 'allowed 0–150', because: { code: 'range.allowed', min: 0, max: 150 } },
  { rule: 'allowed ≥ 200000', because: { code: 'range.allowed', min: 200000, max: null } },
  { rule: 'allowed ≤ -1.5', because: { code: 'range.allowed', min: null, max: -1.5 } },
  { rule: 'rows with a missing value are dropped', because: { code: 'missing.drop' } },
  { rule: 'IQR, k = 1.5, bounds -2 to 13.3333', because: { code: 'outlier.bounds', method: 'iqr', threshold: 1.5, lower: -2, upper: 13.333333333 } },
  { rule: 'z-score, |z| > 3, no values', because: { code: 'outlier.noValues', method: 'zscore', threshold: 3 } },
];

const missing = (strategy: MissingSummary['strategy'], fill: NonNullable<MissingSummary['fill']>, filledBy: string): MissingSummary => ({
  column: 'income',
  missing: 4,
  strategy,
  filledBy,
  fill,
});
const NUMERIC = { kind: 'numeric', constant: null, indicator: false } as const;
const FILLS: readonly MissingSummary[] = [
  missing('median', NUMERIC, 'the median of the training rows'),
  missing('median', { ...NUMERIC, indicator: true }, 'the median of the training rows, plus a "income was missing" input'),
  missing('mean', NUMERIC, 'the mean of the training rows'),
  missing('mode', { ...NUMERIC, kind: 'categorical' }, 'the most frequent value in the training rows'),
  missing('constant', { ...NUMERIC, constant: '0' }, 'the value "0"'),
  missing('indicator', { ...NUMERIC, kind: 'categorical' }, 'a category of its own, "(missing)"'),
  missing('forward-fill', NUMERIC, "the previous row's value; the median of the training rows where there is none"),
  missing('drop-row', { ...NUMERIC, kind: 'categorical' }, 'rows with a missing value are dropped; the most frequent value in the training rows when scoring'),
];

afterEach(() => i18n.changeLanguage('en'));

describe('the cleaning report worded from codes', () => {
  it.each(STEPS.map((s) => [s.rule, s] as const))('words "%s" in English as the core does', (rule, step) => {
    expect(text(stepRuleText(step))).toBe(rule);
  });

  it.each(FILLS.map((m) => [m.filledBy, m] as const))('words the fill "%s" in English as the core does', (filledBy, m) => {
    expect(text(filledByText(m))).toBe(filledBy);
  });

  it('words an excluded feature in English as the core does, the column and value as data', () => {
    const constant = { column: 'k', reason: 'constant', value: 'A', note: '' } as const;
    expect(text(excludedText(constant))).toBe('k is "A" in every training row, so it cannot tell outcomes apart and is left out of the features.');
    expect(markup(excludedText(constant))).toContain('<span translate="no">k</span>');
    expect(text(excludedText({ column: 'n', reason: 'all-missing', note: '' }))).toBe('n has no values in the training rows, so it is left out of the features.');
  });

  it('keeps the core’s English for a report without codes (an older bundle)', () => {
    expect(stepRuleText({ rule: 'allowed 0–150' })).toBe('allowed 0–150');
    expect(filledByText({ column: 'a', missing: 1, strategy: 'median', filledBy: 'old words' })).toBe('old words');
  });

  it('words the same in Chinese, with the user’s values untranslated', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(text(stepRuleText(STEPS[2]))).toBe('loan_id 相同；保留第一行（loan_id 缺失的行不与任何行匹配）');
    expect(markup(stepRuleText(STEPS[2]))).toBe('<span translate="no">loan_id</span> 相同；保留第一行（<span translate="no">loan_id</span> 缺失的行不与任何行匹配）');
    expect(text(stepRuleText(STEPS[8]))).toBe('IQR，k = 1.5，边界 -2 至 13.3333');
    expect(text(filledByText(FILLS[1]))).toBe('用训练行的中位数填充，并添加“income 曾缺失”输入');
    for (const step of STEPS) expect(text(stepRuleText(step)), step.rule).not.toMatch(/[a-z]{4,} [a-z]{3,}/);
    expect(missingTranslations()).toEqual([]);
  });
});
