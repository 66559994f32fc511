import type { SelectionNote } from '../../core/scorecard/types';

const iv = (value: number) => value.toFixed(4);

/** A selection note in words: why a characteristic was left out of the scorecard (or kept against the IV floor). */
export function selectionNoteText(note: SelectionNote): string {
  switch (note.code) {
    case 'low-iv':
      return `${note.column}: left out; its information value ${iv(note.iv)} is under ${note.minIv} (not predictive).`;
    case 'correlated':
      return `${note.column}: left out; its WoE moves with that of ${note.with} (correlation ${note.correlation.toFixed(2)}, above ${note.maxCorrelation}), which has the higher information value (${iv(note.withIv)} against ${iv(note.iv)}).`;
    case 'kept-best-below-min-iv':
      return `${note.column}: kept although its information value ${iv(note.iv)} is under ${note.minIv}: no characteristic reached it, and a scorecard needs one.`;
  }
}
