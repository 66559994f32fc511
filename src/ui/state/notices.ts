import { formatPercent } from '../shared/outcome';
import type { CutoffNotice } from './defaults';

/** The sentence shown under the cut-off slider when a new model moved the cut-off. */
export function cutoffNoticeText(notice: CutoffNotice | null): string | null {
  if (!notice) return null;
  return notice.origin === 'trained'
    ? `New model: the cut-off is back to ${formatPercent(notice.cutoff)}.`
    : `Loaded model: the cut-off is the one it was saved with, ${formatPercent(notice.cutoff)}.`;
}
