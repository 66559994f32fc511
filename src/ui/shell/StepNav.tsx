import { useEffect, useRef } from 'react';
import { useT } from '../i18n';
import type { StepId } from '../state/session';
import type { StepStatus } from '../state/steps';
import { NEED_TEXT, STEP_NAMES } from './stepText';

interface Props {
  readonly steps: readonly StepStatus[];
  readonly current: StepId;
  readonly onStep: (step: StepId) => void;
}

/**
 * The steps as buttons, the current one marked. A closed step stays focusable (aria-disabled, not
 * disabled) so that keyboard and screen-reader users can hear what it waits for.
 */
export function StepNav({ steps, current, onStep }: Props) {
  const { t } = useT();
  const navRef = useRef<HTMLElement>(null);
  // On a narrow screen the row scrolls sideways: keep the current step in view (sideways only, never the page).
  useEffect(() => {
    const nav = navRef.current;
    const button = nav?.querySelector<HTMLElement>('[aria-current="step"]');
    if (!nav || !button) return;
    const left = button.offsetLeft;
    const right = left + button.offsetWidth;
    if (left < nav.scrollLeft) nav.scrollLeft = Math.max(0, left - 8);
    else if (right > nav.scrollLeft + nav.clientWidth) nav.scrollLeft = right - nav.clientWidth + 8;
  }, [current]);
  return (
    <nav ref={navRef} className="step-nav" aria-label={t('nav.label')} data-testid="step-nav">
      <ol>
        {steps.map(({ step, available, needs }, index) => {
          const why = !available && needs ? NEED_TEXT[needs] : undefined;
          return (
            <li key={step}>
              <button
                type="button"
                className={step === current ? 'step current' : 'step'}
                data-step={step}
                aria-current={step === current ? 'step' : undefined}
                aria-disabled={available ? undefined : true}
                aria-describedby={why ? `step-why-${step}` : undefined}
                title={why}
                onClick={() => available && onStep(step)}
              >
                <span className="step-number" aria-hidden="true">
                  {index + 1}
                </span>
                {STEP_NAMES[step]}
              </button>
              {why && (
                <span id={`step-why-${step}`} className="visually-hidden">
                  {why}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
