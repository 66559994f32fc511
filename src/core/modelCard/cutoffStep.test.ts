import { describe, expect, it } from 'vitest';
import { cutoffStep } from './cutoffStep';
import { TEST_CUTOFF_TABLE } from '../../../test/support/modelCardBundles';

describe('cutoffStep', () => {
  it('finds the exact step, even when k / 100 is not exact in binary', () => {
    const table = Array.from({ length: 101 }, (_, k) => ({ ...TEST_CUTOFF_TABLE[0], cutoff: k / 100 }));
    const step = cutoffStep(table, 0.07)!;
    expect(step.exact).toBe(true);
    expect(step.row.cutoff).toBe(7 / 100);
    expect(cutoffStep(table, 0.29)!.row).toBe(table[29]);
  });

  it('falls back to the nearest step, the lower one on a tie', () => {
    expect(cutoffStep(TEST_CUTOFF_TABLE, 0.27)).toEqual({ row: TEST_CUTOFF_TABLE[3], exact: false });
    expect(cutoffStep(TEST_CUTOFF_TABLE, 0.23)).toEqual({ row: TEST_CUTOFF_TABLE[2], exact: false });
    expect(cutoffStep(TEST_CUTOFF_TABLE, 0.25)).toEqual({ row: TEST_CUTOFF_TABLE[2], exact: false });
    expect(cutoffStep(TEST_CUTOFF_TABLE, 0.2)).toEqual({ row: TEST_CUTOFF_TABLE[2], exact: true });
    expect(TEST_CUTOFF_TABLE[2].approvalRate).toBe(0.6);
  });

  it('has no step in an empty table', () => {
    expect(cutoffStep([], 0.5)).toBeNull();
  });
});
