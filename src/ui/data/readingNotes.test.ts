import { createElement, Fragment, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { englishNote, englishRenamed, type TypeNote } from '../../core/csv/notes';
import { i18n } from '../i18n';
import { renamedText, typeNoteText } from './readingNotes';

const markup = (node: ReactNode) => renderToStaticMarkup(createElement(Fragment, null, node));
const text = (node: ReactNode) =>
  markup(node)
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"');

const NOTES: readonly TypeNote[] = [
  { code: 'csv.notNumbers', params: { column: 'annual_income', cells: 1, examples: ['lots'] } },
  { code: 'csv.notNumbers', params: { column: 'annual_income', cells: 1200, examples: ['lots', 'n/k'] } },
  { code: 'csv.keptAsCategories', params: { column: 'dependents', examples: ['3+'] } },
];

afterEach(() => i18n.changeLanguage('en'));

describe('the reader’s notes worded from codes', () => {
  it.each(NOTES.map((n) => [englishNote(n), n] as const))('words "%s" in English as the core does (apart from the grouped count)', (english, note) => {
    expect(text(typeNoteText(note))).toBe(english.replace('1200', '1,200'));
  });

  it('words renamed columns as the core does', () => {
    const renamed = [
      { original: 'x', name: 'x_2' },
      { original: '', name: 'col3' },
    ];
    expect(text(renamedText(renamed))).toBe(`Duplicate or blank column names renamed: ${renamed.map(englishRenamed).join(', ')}.`);
  });

  it('words them in Chinese, with the column and the cells quoted untranslated', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(markup(typeNoteText(NOTES[1]))).toBe(
      '<span translate="no">annual_income</span>：有 1,200 个单元格不是数字（“<span translate="no">lots</span>”、“<span translate="no">n/k</span>”），已按缺失值读取。',
    );
    expect(text(renamedText([{ original: '', name: 'col3' }]))).toBe('重复或空白的列名已重命名：（空白） → col3。');
  });
});
