import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataText } from './messageParts';

const render = (words: (stand: Readonly<Record<string, string>>) => string, data: Record<string, string>) => renderToStaticMarkup(createElement(DataText, { words, data }));

describe('DataText', () => {
  it('marks each data value translate="no" where the sentence puts it', () => {
    expect(render((s) => `"${s.target}" has 3 values`, { target: 'loan_status' })).toBe('&quot;<span translate="no">loan_status</span>&quot; has 3 values');
    expect(render((s) => `${s.b}：列 ${s.a}`, { a: 'age', b: 'book.csv' })).toBe('<span translate="no">book.csv</span>：列 <span translate="no">age</span>');
  });

  it('keeps values that look like markup or markers as plain text', () => {
    expect(render((s) => `[${s.x}]`, { x: '<b>{{y}}</b> 1' })).toBe('[<span translate="no">&lt;b&gt;{{y}}&lt;/b&gt; 1</span>]');
  });
});
