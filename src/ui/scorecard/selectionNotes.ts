import type { SelectionNote } from '../../core/scorecard/types';
import { localFixed, localNumber, translate } from '../i18n';
import { slotsFor } from '../shared/messageParts';

const iv = (value: number) => localFixed(value, 4);

/**
 * A selection note in words, in the active language: why a characteristic was left out of the
 * scorecard (or kept against the IV floor). With `marked`, the column names are slots (see shared/messageParts)
 * (so the page can put them in translate="no" spans); without, the names themselves.
 */
export function selectionNoteText(note: SelectionNote, marked = false): string {
  const column = marked ? slotsFor('column').column : note.column;
  switch (note.code) {
    case 'low-iv':
      return translate('scorecard.note.lowIv', { column, iv: iv(note.iv), minIv: localNumber(note.minIv) });
    case 'correlated':
      return translate('scorecard.note.correlated', {
        column,
        other: marked ? slotsFor('other').other : note.with,
        correlation: localFixed(note.correlation, 2),
        maxCorrelation: localNumber(note.maxCorrelation),
        otherIv: iv(note.withIv),
        iv: iv(note.iv),
      });
    case 'kept-best-below-min-iv':
      return translate('scorecard.note.keptBest', { column, iv: iv(note.iv), minIv: localNumber(note.minIv) });
  }
}

/** The column names a marked note refers to (for withData). */
export function selectionNoteData(note: SelectionNote): Record<string, string> {
  return note.code === 'correlated' ? { column: note.column, other: note.with } : { column: note.column };
}
