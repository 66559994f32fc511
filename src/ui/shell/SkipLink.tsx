import type { MouseEvent } from 'react';
import { useT } from '../i18n';

/** The id of the element the skip link moves focus to: the steps' sections, past the header and the step navigation. */
export const MAIN_CONTENT_ID = 'main-content';

/** Moves focus itself (the target has tabindex -1): the page then reads on from the steps, and the address keeps no #fragment. */
function skip(event: MouseEvent<HTMLAnchorElement>): void {
  const target = document.getElementById(MAIN_CONTENT_ID);
  if (!target) return;
  event.preventDefault();
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'start' });
}

/** "Skip to content": the first thing a Tab reaches, shown only while it has focus. */
export function SkipLink() {
  const { t } = useT();
  return (
    <a className="skip-link" href={`#${MAIN_CONTENT_ID}`} data-testid="skip-link" onClick={skip}>
      {t('skipLink')}
    </a>
  );
}
