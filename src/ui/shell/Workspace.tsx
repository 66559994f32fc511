import type { ReactNode } from 'react';
import type { StepId } from '../state/session';
import type { StepStatus } from '../state/steps';
import { MAIN_CONTENT_ID } from './SkipLink';
import { StepNav } from './StepNav';
import { NEED_TEXT, STEP_NAMES } from './stepText';

interface Props {
  readonly steps: readonly StepStatus[];
  readonly current: StepId;
  readonly onStep: (step: StepId) => void;
  /** Every step's sections, all mounted (the navigation brings the chosen one into view). */
  readonly children: ReactNode;
}

/** The step navigation, sticky above the steps' sections, in one column that fits a phone's width. */
export function Workspace({ steps, current, onStep, children }: Props) {
  return (
    <div className="workspace" data-step={current}>
      <StepNav steps={steps} current={current} onStep={onStep} />
      {/* The skip link's target: focusable by script only, so Tab goes on into the current step. */}
      <div className="workspace-step" id={MAIN_CONTENT_ID} tabIndex={-1}>
        {children}
      </div>
    </div>
  );
}

/** What a step shows while it waits for something (Clean without a data set, say): the step's name and what it needs. */
export function StepWaiting({ status }: { readonly status: StepStatus }) {
  if (!status.needs) return null;
  return (
    <section className="card step-waiting" data-testid="step-waiting" data-needs={status.needs} aria-labelledby={`waiting-${status.step}`}>
      <h2 id={`waiting-${status.step}`}>{STEP_NAMES[status.step]}</h2>
      <p>{NEED_TEXT[status.needs]}</p>
    </section>
  );
}
