import { translate } from '../i18n';
import { formatPercent } from '../shared/outcome';
import type { CutoffNotice } from './defaults';

/** The sentence shown under the cut-off slider when a new model moved the cut-off, in the active language (called in a render). */
export function cutoffNoticeText(notice: CutoffNotice | null): string | null {
  if (!notice) return null;
  const cutoff = formatPercent(notice.cutoff);
  return notice.origin === 'trained' ? translate('cutoffNotice.trained', { cutoff }) : translate('cutoffNotice.loaded', { cutoff });
}
