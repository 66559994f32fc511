import type { ColumnInfo } from '../columns/profile';
import type { RangeRule } from './cleanTable';

const AGE_NAME = /(^|[^a-z])age([^a-z]|$)|^age/i;

/** Range rules a loan officer would expect: age outside 0–150 is impossible. */
export function proposeRangeRules(columns: readonly ColumnInfo[]): RangeRule[] {
  return columns
    .filter((c) => c.role === 'numeric' && AGE_NAME.test(c.name.replace(/([a-z])([A-Z])/g, '$1_$2')))
    .map((c) => ({ column: c.name, min: 0, max: 150 }));
}
