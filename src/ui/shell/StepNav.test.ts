import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ModelId } from '../../worker/protocol';
import type { RegistryId } from '../registry/types';
import { INITIAL_SESSION, sessionReducer, type ModelSummary } from '../state/session';
import type { ModelScoring } from '../state/modelFacts';
import { availableSteps } from '../state/steps';
import { StepNav } from './StepNav';
import { NEED_TEXT } from './stepText';

describe('StepNav markup (server-rendered, no DOM)', () => {
  it('marks the current step, and says why the closed ones are closed', () => {
    const state = sessionReducer(INITIAL_SESSION, {
      type: 'model-loaded',
      modelId: 'm1' as ModelId,
      summary: { defaultCutoff: 0.3 } as unknown as ModelSummary,
      facts: { name: 'Book', kind: 'mlp', scoring: {} as ModelScoring },
      source: 'registry',
      savedId: 'r1' as RegistryId,
      policy: { cutoff: 0.3, scale: INITIAL_SESSION.scale },
    });
    const page = renderToStaticMarkup(createElement(StepNav, { steps: availableSteps(state), current: state.step, onStep: () => {} }));
    expect(page.startsWith('<nav class="step-nav" aria-label="Steps" data-testid="step-nav">')).toBe(true);
    expect(page.match(/data-step="/g)).toHaveLength(7);
    expect(page.match(/aria-current="step"/g)).toHaveLength(1);
    expect(page).toMatch(/data-step="evaluate" aria-current="step"/);
    expect(page.match(/aria-disabled="true"/g)).toHaveLength(2);
    expect(page).toContain(`title="${NEED_TEXT.dataset}"`);
    expect(page).toMatch(/data-step="clean" aria-disabled="true" aria-describedby="step-why-clean"/);
    expect(page).toContain(`<span id="step-why-train" class="visually-hidden">${NEED_TEXT.dataset}</span>`);
  });
});
