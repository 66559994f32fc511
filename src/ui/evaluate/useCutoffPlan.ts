import { startTransition, useEffect, useState } from 'react';
import type { Result } from '../../core/result';
import type { CutoffPlan } from '../../worker/protocol';
import { type Failure, problemText, translate } from '../i18n';

/** The planner's economics: money per good and bad loan, and the approval rate to aim for (a share in [0, 1]). */
export interface Economics {
  readonly profitPerGood: number;
  readonly lossPerBad: number;
  readonly targetApprovalRate: number;
}

/** 1,000 earned per good loan, 5,000 lost per bad one, aiming to approve 80%. */
export const DEFAULT_ECONOMICS: Economics = { profitPerGood: 1000, lossPerBad: 5000, targetApprovalRate: 0.8 };

type Planner = (profitPerGood: number, lossPerBad: number, targetApprovalRate: number) => Promise<Result<CutoffPlan>>;

/**
 * The cut-off plan of model `modelKey` (null: no model) for these economics. A plan is only ever
 * shown for the model it was made for: after a retrain it is null until the new model's arrives;
 * while new economics are planned the last plan of the same model stays up.
 */
export function useCutoffPlan(planner: Planner, modelKey: string | null, economics: Economics): { plan: CutoffPlan | null; error: string | null } {
  // The failure is kept as such and worded at each render, so it follows a change of language.
  const [state, setState] = useState<{ key: string; plan: CutoffPlan | null; error: Failure | null } | null>(null);
  const { profitPerGood, lossPerBad, targetApprovalRate } = economics;
  useEffect(() => {
    if (modelKey === null) return;
    let current = true;
    planner(profitPerGood, lossPerBad, targetApprovalRate)
      .then((result) => {
        if (!current) return;
        // The planner, the metrics at the cut-off and the matrix render as a transition, in slices.
        startTransition(() => {
          if (result.ok) setState({ key: modelKey, plan: result.data, error: null });
          else setState((s) => ({ key: modelKey, plan: s?.key === modelKey ? s.plan : null, error: result }));
        });
      })
      .catch((cause: unknown) => {
        console.error('Cut-off plan failed', cause);
        if (current) setState((s) => ({ key: modelKey, plan: s?.key === modelKey ? s.plan : null, error: { reason: translate('evaluate.cutoff.failed') } }));
      });
    return () => {
      current = false;
    };
  }, [planner, modelKey, profitPerGood, lossPerBad, targetApprovalRate]);
  return state && state.key === modelKey ? { plan: state.plan, error: state.error && problemText(state.error) } : { plan: null, error: null };
}
