import type { TrainNotice } from '../../worker/protocol';
import { localCount, problemText, useT } from '../i18n';
import { slotsFor, withData } from '../shared/messageParts';

/** A run's notice in the active language (backend names not translated); a notice sent without a code, as its English message. */
export function NoticeText({ notice }: { notice: TrainNotice | string }) {
  const { t } = useT();
  if (typeof notice === 'string') return <>{notice}</>;
  switch (notice.code) {
    case 'backend.fellBack':
      return (
        <span data-notice-code={notice.code}>
          {withData(t('train.notice.fellBack', { ...slotsFor('failed', 'backend'), epoch: localCount(notice.epoch) }), { failed: notice.failed, backend: notice.backend })}
        </span>
      );
    case 'crossValidation.notRun':
      return <span data-notice-code={notice.code}>{t('train.notice.crossValidationNotRun', { reason: problemText(notice) })}</span>;
    case 'crossValidation.stopped':
      return <span data-notice-code={notice.code}>{t('train.notice.crossValidationStopped', { fold: localCount(notice.fold), reason: problemText(notice) })}</span>;
  }
}
