// The reader's notes about a file (src/core/csv/notes.ts), worded in the active language with the
// column names and cells they quote left untranslated.

import type { ReactNode } from 'react';
import type { RenamedColumn, TypeNote } from '../../core/csv/notes';
import { translate } from '../i18n';
import { formatCount } from '../shared/format';
import { dataMarks } from '../shared/messageParts';

/** The examples a note quotes, each marked as data: "\"lots\", \"x\"" (“lots”、“x” in Chinese). */
function quotedList(mark: (value: string) => string, values: readonly string[]): string {
  return values.map((value) => translate('data.notes.quoted', { value: mark(value) })).join(translate('data.notes.listSeparator'));
}

/** A type note in the active language, its column and examples as data. */
export function typeNoteText(note: TypeNote): ReactNode {
  const { mark, render } = dataMarks();
  const column = mark(note.params.column);
  const examples = quotedList(mark, note.params.examples);
  if (note.code === 'csv.notNumbers') {
    const { cells } = note.params;
    return render(translate('data.notes.notNumbers', { count: cells, cells: formatCount(cells), column, examples }));
  }
  return render(translate('data.notes.keptAsCategories', { column, examples }));
}

/** A stable React key for a type note. */
export function typeNoteKey(note: TypeNote): string {
  return `${note.code}:${note.params.column}`;
}

/** "Duplicate or blank column names renamed: x → x_2, (blank) → col3." in the active language, the names as data. */
export function renamedText(renamed: readonly RenamedColumn[]): ReactNode {
  const { mark, render } = dataMarks();
  const names = renamed
    .map((r) => translate('data.notes.renamedItem', { original: r.original === '' ? translate('data.notes.blank') : mark(r.original), name: mark(r.name) }))
    .join(translate('data.notes.listSeparator'));
  return render(translate('data.summary.renamed', { names }));
}
