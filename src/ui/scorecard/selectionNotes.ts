import type { SelectionNote } from '../../core/scorecard/types';
import { localFixed, localNumber, translate } from '../i18n';

const iv = (value: number) => localFixed(value, 4);

/** A selection note in words, in the active language: why a characteristic was left out of the scorecard (or kept against the IV floor). */
export function selectionNoteText(note: SelectionNote): string {
  switch (note.code) {
    case 'low-iv':
      return translate('scorecard.note.lowIv', { column: note.column, iv: iv(note.iv), minIv: localNumber(note.minIv) });
    case 'correlated':
      return translate('scorecard.note.correlated', {
        column: note.column,
        other: note.with,
        correlation: localFixed(note.correlation, 2),
        maxCorrelation: localNumber(note.maxCorrelation),
        otherIv: iv(note.withIv),
        iv: iv(note.iv),
      });
    case 'kept-best-below-min-iv':
      return translate('scorecard.note.keptBest', { column: note.column, iv: iv(note.iv), minIv: localNumber(note.minIv) });
  }
}
