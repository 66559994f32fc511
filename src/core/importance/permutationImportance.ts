// Permutation importance (Breiman 2001; scikit-learn's permutation_importance): how much the AUC
// falls when one input column's values are shuffled across rows, breaking its link to the label
// while keeping its distribution. A column's encoded inputs (one-hot levels, PLE bins, its "was
// missing" indicator) move together under one row permutation, so a shuffled row still holds one
// coherent answer for the column, as scikit-learn gets by permuting the raw column.

import { featureSlots, type Preprocessor } from '../features/preprocessor';
import { aucFromRanked, rankScores } from '../metrics/rank';
import { createRandom, shuffleInPlace } from '../split/random';

/** An input column and the indices of the encoded inputs (slots) it owns. */
export interface SlotGroup {
  readonly column: string;
  readonly slots: readonly number[];
}

/** Each input column of the preprocessing, in encoding order, with the slots its encoding writes (none for a categorical column without levels). */
export function slotGroups(pre: Preprocessor): SlotGroup[] {
  // featureSlots is the preprocessor's own account of the encoding order, so the two cannot drift apart.
  const byColumn = new Map<string, number[]>(pre.features.map((feature) => [feature.name, []]));
  featureSlots(pre).forEach((slot, index) => byColumn.get(slot.feature)?.push(index));
  return pre.features.map((feature) => ({ column: feature.name, slots: byColumn.get(feature.name) ?? [] }));
}

/** What permutationImportance measures on. */
export interface PermutationImportanceInput {
  /** Encoded rows, row-major, rows × width. Not modified. */
  readonly x: Float32Array;
  readonly width: number;
  /** One per row: 1 = bad, anything else good. */
  readonly labels: Float32Array;
  readonly groups: readonly SlotGroup[];
  /** Probability of bad for every row of a rows × width matrix; called with a scratch matrix it must neither keep nor modify. */
  readonly score: (x: Float32Array) => Float64Array;
  /** Shuffles per column (5 unless given). */
  readonly repeats?: number;
  readonly seed: number;
}

/** One column's AUC drops under permutation. */
export interface ColumnImportance {
  readonly column: string;
  /** Mean of `drops`: baseline AUC minus the AUC with the column shuffled (negative when shuffling helped, by chance). */
  readonly meanDrop: number;
  /** Population standard deviation of `drops` (scikit-learn's importances_std). */
  readonly sd: number;
  /** One per repeat. */
  readonly drops: readonly number[];
}

/** The baseline AUC and each group's drops, in the order of the groups given. */
export interface PermutationImportance {
  readonly baselineAuc: number;
  readonly columns: readonly ColumnImportance[];
}

/**
 * AUC drop per slot group when its slots are permuted across rows (one permutation for all its
 * slots), `repeats` times. Each column's permutations come from the seed and the column's name,
 * so a column's result does not depend on which other columns are measured or in what order.
 */
export function permutationImportance(input: PermutationImportanceInput): PermutationImportance {
  const { x, width, labels, groups, score, seed } = input;
  const repeats = input.repeats ?? 5;
  const rows = labels.length;
  if (x.length !== rows * width) throw new RangeError(`x holds ${x.length} values, not rows × width = ${rows} × ${width}.`);
  if (!Number.isInteger(repeats) || repeats < 1) throw new RangeError(`repeats must be a positive integer (got ${repeats}).`);
  for (const group of groups) {
    for (const slot of group.slots) if (!Number.isInteger(slot) || slot < 0 || slot >= width) throw new RangeError(`Slot ${slot} of "${group.column}" is outside 0…${width - 1}.`);
  }
  const aucOf = (scratch: Float32Array): number => {
    const p = score(scratch);
    if (p.length !== rows) throw new RangeError(`score returned ${p.length} probabilities for ${rows} rows.`);
    return aucFromRanked(rankScores(labels, p));
  };

  const scratch = Float32Array.from(x);
  const baselineAuc = aucOf(scratch);
  const order = new Int32Array(rows);
  const columns = groups.map((group): ColumnImportance => {
    const drops: number[] = [];
    if (group.slots.length === 0) {
      // Nothing to shuffle: the scores are the baseline's.
      for (let k = 0; k < repeats; k++) drops.push(0);
      return summarise(group.column, drops);
    }
    const random = createRandom(columnSeed(seed, group.column));
    for (let r = 0; r < rows; r++) order[r] = r;
    for (let k = 0; k < repeats; k++) {
      // Shuffling the previous permutation again gives another uniform one; it indexes the untouched x.
      shuffleInPlace(order, random);
      for (let r = 0; r < rows; r++) {
        const to = r * width;
        const from = order[r] * width;
        for (const slot of group.slots) scratch[to + slot] = x[from + slot];
      }
      drops.push(baselineAuc - aucOf(scratch));
    }
    // Put the column back before the next one is shuffled.
    for (let r = 0; r < rows; r++) for (const slot of group.slots) scratch[r * width + slot] = x[r * width + slot];
    return summarise(group.column, drops);
  });
  return { baselineAuc, columns };
}

function summarise(column: string, drops: number[]): ColumnImportance {
  const meanDrop = drops.reduce((sum, d) => sum + d, 0) / drops.length;
  const variance = drops.reduce((sum, d) => sum + (d - meanDrop) * (d - meanDrop), 0) / drops.length;
  return { column, meanDrop, sd: Math.sqrt(variance), drops };
}

/** A generator seed from the run's seed and a column name (FNV-1a of the name, mixed with the seed). */
function columnSeed(seed: number, column: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < column.length; i++) hash = Math.imul(hash ^ column.charCodeAt(i), 0x01000193);
  return Math.imul(hash ^ (seed >>> 0), 0x9e3779b1) >>> 0;
}
