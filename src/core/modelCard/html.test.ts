import { describe, expect, it } from 'vitest';
import { escapeHtml, html, join, raw } from './html';

describe('escapeHtml', () => {
  it('replaces the five characters that can end text or an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    expect(escapeHtml('plain – text ≥ 0')).toBe('plain – text ≥ 0');
  });
});

describe('html', () => {
  it('escapes interpolated text but keeps interpolated markup', () => {
    const name = '<script>';
    const inner = html`<em>${name}</em>`;
    expect(inner.text).toBe('<em>&lt;script&gt;</em>');
    expect(html`<p>${inner} & ${name}</p>`.text).toBe('<p><em>&lt;script&gt;</em> & &lt;script&gt;</p>');
  });

  it('escapes text inside attribute values', () => {
    const title = '" onmouseover="alert(1)';
    expect(html`<td title="${title}">`.text).toBe('<td title="&quot; onmouseover=&quot;alert(1)">');
  });

  it('renders lists in order and leaves out null, undefined and false', () => {
    expect(html`<ul>${['a<', html`<li>b</li>`, null, undefined, false, ['c', ['d']]]}</ul>`.text).toBe('<ul>a&lt;<li>b</li>cd</ul>');
  });

  it('joins parts with an escaped separator unless it is markup', () => {
    expect(join(['a', 'b'], ' & ').text).toBe('a &amp; b');
    expect(join(['a', 'b'], raw('<br>')).text).toBe('a<br>b');
    expect(raw('<b>').text).toBe('<b>');
  });
});
