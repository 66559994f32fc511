// Characteristic selection for a scorecard: drop characteristics with too little information value,
// then, of any pair whose WoE columns are nearly collinear, the one with less IV.

import { pearsonCorrelation } from './correlation';
import type { SelectionNote } from './types';

/** One candidate characteristic: its total IV and its WoE on the fitted rows. */
export interface SelectionCandidate {
  readonly column: string;
  readonly iv: number;
  readonly woe: ArrayLike<number>;
}

/** The usual IV floor: below 0.02 a characteristic is "not predictive". */
export const DEFAULT_MIN_IV = 0.02;

/** |Pearson r| between two kept characteristics' WoE columns may not exceed this. */
export const DEFAULT_MAX_CORRELATION = 0.8;

/**
 * The kept columns (in the candidates' order) and a note for every one left out. Candidates with
 * IV < minIv are dropped ('low-iv'); the rest are visited from highest IV to lowest (ties in the given
 * order), each kept unless |r| with an already kept one exceeds maxCorrelation ('correlated', naming
 * the first such kept one). Greedy by IV, so a dropped characteristic never causes another drop. An
 * undefined r (a constant WoE column) counts as uncorrelated. When nothing reaches minIv, the
 * highest-IV candidate is kept anyway with a 'kept-best-below-min-iv' note. Throws for no candidates.
 */
export function selectCharacteristics(candidates: readonly SelectionCandidate[], minIv: number, maxCorrelation: number): { selected: string[]; notes: SelectionNote[] } {
  if (candidates.length === 0) throw new RangeError('A scorecard needs at least one candidate characteristic.');
  if (!(maxCorrelation >= 0 && maxCorrelation <= 1)) throw new RangeError(`maxCorrelation must be in [0, 1], got ${maxCorrelation}.`);
  if (!Number.isFinite(minIv)) throw new RangeError(`minIv must be a finite number, got ${minIv}.`);
  const notes: SelectionNote[] = [];
  const byIv = candidates.map((_, i) => i).sort((a, b) => candidates[b].iv - candidates[a].iv || a - b);
  const passing = byIv.filter((i) => candidates[i].iv >= minIv);
  for (const i of byIv) {
    if (candidates[i].iv < minIv) notes.push({ code: 'low-iv', column: candidates[i].column, iv: candidates[i].iv, minIv });
  }
  if (passing.length === 0) {
    const best = candidates[byIv[0]];
    notes.push({ code: 'kept-best-below-min-iv', column: best.column, iv: best.iv, minIv });
    return { selected: [best.column], notes };
  }
  const kept: number[] = [];
  for (const i of passing) {
    const candidate = candidates[i];
    const clash = kept.find((j) => Math.abs(pearsonCorrelation(candidate.woe, candidates[j].woe)) > maxCorrelation);
    if (clash === undefined) {
      kept.push(i);
      continue;
    }
    const other = candidates[clash];
    notes.push({
      code: 'correlated',
      column: candidate.column,
      iv: candidate.iv,
      with: other.column,
      withIv: other.iv,
      correlation: pearsonCorrelation(candidate.woe, other.woe),
      maxCorrelation,
    });
  }
  kept.sort((a, b) => a - b);
  return { selected: kept.map((i) => candidates[i].column), notes };
}
