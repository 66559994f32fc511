// A small scorecard built by hand for the points and scoring tests: its numbers are chosen, not fitted.

import type { BinStats, CategoricalBinning, NumericBinning } from '../binning/types';
import type { Table } from '../table';
import { SCORECARD_VERSION, type Scorecard } from './types';

/** Stats of a bin with the given WoE (the counts are for show; scoring reads only the WoE). */
export function statsWithWoe(woe: number, count = 10): BinStats {
  return { count, goods: count - 2, bads: 2, share: 0.1, badRate: 0.2, woe, iv: 0.01 };
}

/** age: bins < 25, 25 to < 40, ≥ 40 with WoE −0.6, 0.1, 0.5; no missing cells in training (WoE 0). */
export const AGE_BINNING: NumericBinning = {
  kind: 'numeric',
  column: 'age',
  edges: [25, 40],
  bins: [statsWithWoe(-0.6), statsWithWoe(0.1), statsWithWoe(0.5)],
  missing: statsWithWoe(0, 0),
  trend: 'descending',
  iv: 0.2,
};

/** home: {own} WoE 0.4, {rent, other} WoE −0.3 (also where unseen levels go), missing WoE −0.2. */
export const HOME_BINNING: CategoricalBinning = {
  kind: 'categorical',
  column: 'home',
  groups: [
    { levels: ['own'], stats: statsWithWoe(0.4) },
    { levels: ['rent', 'other'], stats: statsWithWoe(-0.3) },
  ],
  unseenGroup: 1,
  missing: statsWithWoe(-0.2, 3),
  iv: 0.15,
};

/** Log-odds of bad = −1.2 − 0.8·WoE(age) − 1.1·WoE(home). */
export const HAND_SCORECARD: Scorecard = {
  kind: 'scorecard',
  version: SCORECARD_VERSION,
  intercept: -1.2,
  characteristics: [
    { column: 'age', binning: AGE_BINNING, coefficient: -0.8, edited: false },
    { column: 'home', binning: HOME_BINNING, coefficient: -1.1, edited: true },
  ],
  regression: { intercept: -1.2, coefficients: [-0.8, -1.1], l2: 0, iterations: 0, converged: true },
  calibration: { method: 'none', a: 1, b: 0, reason: 'no-folds', folds: 0, rows: 0, outOfFoldLogLoss: null },
  selection: {
    minIv: 0.02,
    maxCorrelation: 0.8,
    candidates: [
      { column: 'age', iv: 0.2 },
      { column: 'home', iv: 0.15 },
    ],
    notes: [],
  },
  rows: 100,
  bads: 20,
};

/** Four applicants: age 30 & rent; age missing & "boat" (unseen); age 40 & home missing; age 18 & own. */
export const HAND_TABLE: Table = {
  rowCount: 4,
  columns: [
    { kind: 'numeric', name: 'age', values: Float64Array.from([30, Number.NaN, 40, 18]) },
    { kind: 'categorical', name: 'home', codes: Int32Array.from([1, 2, -1, 0]), levels: ['own', 'rent', 'boat'] },
  ],
};
