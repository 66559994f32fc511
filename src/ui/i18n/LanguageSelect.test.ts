import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from './i18n';
import { LanguageSelect } from './LanguageSelect';

afterEach(() => i18n.changeLanguage('en'));

describe('LanguageSelect', () => {
  it('is a labelled select of en and zh-CN showing the active language', async () => {
    const english = renderToStaticMarkup(createElement(LanguageSelect));
    const id = /<select id="([^"]+)"/.exec(english)?.[1];
    expect(id).toBeTruthy();
    expect(english).toContain(`<label for="${id}">Language</label>`);
    expect(english).toContain('data-testid="language-select"');
    expect([...english.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1])).toEqual(['en', 'zh-CN']);
    expect(english).toMatch(/<option value="en" lang="en" translate="no" selected="">English<\/option>/);

    await i18n.changeLanguage('zh-CN');
    const chinese = renderToStaticMarkup(createElement(LanguageSelect));
    expect(chinese).toContain('>语言</label>');
    expect(chinese).toMatch(/<option value="zh-CN" lang="zh-CN" translate="no" selected="">简体中文<\/option>/);
  });
});
