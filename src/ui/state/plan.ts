// The cleaning plan a target choice starts from, as App.tsx derives it (ported unchanged).

import { proposeCleaningPlan, type CleaningPlan } from '../../core/clean/plan';
import { guessPositiveValue } from '../../core/columns/target';
import type { DatasetSummary } from '../../worker/protocol';

/** The target's two values as [positive, negative], or null when it does not have exactly two. */
export function targetValues(dataset: DatasetSummary, target: string, positive: string): [string, string] | null {
  const values = dataset.columns.find((c) => c.name === target)?.values;
  if (!values || values.length !== 2) return null;
  return values[0] === positive ? [values[0], values[1]] : [values[1], values[0]];
}

/** A fresh plan for `target` of `dataset` (positive value guessed unless given), or null when the target is not two-valued. */
export function planFor(dataset: DatasetSummary, target: string, positive?: string): CleaningPlan | null {
  const info = dataset.columns.find((c) => c.name === target);
  if (!info?.values || info.values.length !== 2) return null;
  const pair = targetValues(dataset, target, positive ?? guessPositiveValue(info.values));
  return pair && proposeCleaningPlan(dataset.columns, target, pair[0], pair[1]);
}
