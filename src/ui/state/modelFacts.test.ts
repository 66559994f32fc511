import { describe, expect, it } from 'vitest';
import { NETWORK_BUNDLE, SCORECARD_BUNDLE } from '../../../test/fixtures/bundles';
import type { ScorecardModel } from '../../core/bundle/types';
import type { TrainSummary } from '../../worker/protocol';
import { modelFactsOf } from './modelFacts';

describe('modelFactsOf', () => {
  it('a run with a summary scores with that summary’s preprocessing, outcome and scorecard, and the bundle’s input schema', () => {
    const summary = { preprocessor: NETWORK_BUNDLE.preprocessing, outcome: NETWORK_BUNDLE.schema.outcome, scorecard: null } as unknown as TrainSummary;
    const facts = modelFactsOf(NETWORK_BUNDLE, summary);
    expect(facts).toEqual({ name: NETWORK_BUNDLE.name, kind: 'mlp', scoring: { ...summary, columns: NETWORK_BUNDLE.schema.columns } });
    expect(facts.scoring.preprocessor).toBe(summary.preprocessor);
    expect(modelFactsOf(NETWORK_BUNDLE, summary, 'Saved as').name).toBe('Saved as');
  });

  it('without a summary, a network scores from the bundle: its preprocessing, its outcome names, no scorecard', () => {
    const facts = modelFactsOf(NETWORK_BUNDLE, null);
    expect(facts.kind).toBe('mlp');
    expect(facts.scoring.preprocessor).toBe(NETWORK_BUNDLE.preprocessing);
    expect(facts.scoring.outcome).toBe(NETWORK_BUNDLE.schema.outcome);
    expect(facts.scoring.scorecard).toBeNull();
  });

  it('without a summary, a scorecard keeps its card, the scale it was saved with and the characteristics whose bins were edited (the fixture edited home, not age)', () => {
    const card = (SCORECARD_BUNDLE.model as ScorecardModel).scorecard;
    const facts = modelFactsOf(SCORECARD_BUNDLE, null);
    expect(facts.kind).toBe('scorecard');
    expect(facts.scoring.scorecard).toEqual({ scorecard: card, scale: SCORECARD_BUNDLE.policy.scale, editedCharacteristics: ['home'], search: null });
  });
});
