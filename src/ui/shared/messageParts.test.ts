import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { badNode } from '../evaluate/outcomeNodes';
import { markData, rich, slot, withData } from './messageParts';

const html = (node: ReturnType<typeof rich>) => renderToStaticMarkup(createElement(Fragment, null, node));
const outcome = { target: 'Loan_Status', bad: 'N', good: 'Y' };

afterEach(() => i18n.changeLanguage('en'));

describe('message parts', () => {
  it('puts each slot’s node where the translation put the slot', () => {
    expect(html(rich(`a ${slot('x')} b ${slot('y')}`, { x: createElement('b', null, '1'), y: '2' }))).toBe('a <b>1</b> b 2');
  });

  it('names the bad outcome with the target’s value marked as data, in each language', async () => {
    expect(html(badNode(outcome))).toBe('bad (<span translate="no">Loan_Status = N</span>)');
    await i18n.changeLanguage('zh-CN');
    expect(html(badNode(outcome))).toBe('坏客户（<span translate="no">Loan_Status = N</span>）');
  });

  it('puts data values in translate="no" spans, and leaves a message without slots a plain string', () => {
    expect(html(withData(`column ${slot('c')} is missing`, { c: 'a<b' }))).toBe('column <span translate="no">a&lt;b</span> is missing');
    expect(withData('no slots', { c: 'x' })).toBe('no slots');
  });

  it('marks every occurrence of the data values in a plain string', () => {
    expect(html(markData('bads (a = 1), goods (a = 0)', ['a = 1', 'a = 0']))).toBe('bads (<span translate="no">a = 1</span>), goods (<span translate="no">a = 0</span>)');
    expect(markData('chance', ['a = 1'])).toBe('chance');
  });
});
