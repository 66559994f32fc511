import { nameWords } from '../columns/names';
import type { ColumnInfo } from '../columns/profile';
import type { RangeRule } from './cleanTable';

/** Range rules a loan officer would expect: age outside 0–150 is impossible. */
export function proposeRangeRules(columns: readonly ColumnInfo[]): RangeRule[] {
  return columns
    .filter((c) => c.role === 'numeric' && nameWords(c.name).includes('age'))
    .map((c) => ({ column: c.name, min: 0, max: 150 }));
}
