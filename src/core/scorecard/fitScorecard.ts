// Fitting a scorecard: bin each candidate, select characteristics by IV and correlation, regress bad
// on the kept characteristics' WoE, and calibrate with an affine map chosen on cross-fitted
// out-of-fold logits and folded into the coefficients, so the log-odds stay a sum of per-bin terms.

import { fitColumnBinning, woeOfRows, type Binning, type BinningOptions } from '../binning';
import type { Table } from '../table';
import { chooseAdditiveCalibration } from './additiveCalibration';
import { fitLogisticRegression } from './logisticRegression';
import { scorecardLogitOfRows } from './scorecardLogit';
import { DEFAULT_MAX_CORRELATION, DEFAULT_MIN_IV, selectCharacteristics } from './selection';
import { SCORECARD_VERSION, type Scorecard, type ScorecardCharacteristic } from './types';

/** Options of `fitScorecard`; only `features` is required. */
export interface FitScorecardOptions {
  /** Candidate characteristics (column names), each once. */
  readonly features: readonly string[];
  /** Binning constraints (DEFAULT_BINNING_OPTIONS for the rest). */
  readonly binning?: Partial<BinningOptions>;
  /** IV floor (default 0.02). */
  readonly minIv?: number;
  /** Ceiling on |Pearson r| between kept characteristics' WoE (default 0.8). */
  readonly maxCorrelation?: number;
  /** Ridge strength on the mean log loss (default DEFAULT_SCORECARD_L2); sklearn C = 1 / (rows · l2). */
  readonly l2?: number;
  /** The user's edited bins by column: used instead of a fit, on all rows and in every fold, as given. */
  readonly binningOverrides?: ReadonlyMap<string, Binning>;
}

/**
 * Default ridge: small enough to shrink a WoE coefficient (about −1 on its own) by well under 1% on
 * typical data, large enough to keep the fit finite when a small fold separates the classes.
 */
export const DEFAULT_SCORECARD_L2 = 1e-4;

/**
 * A scorecard fitted on table rows `rows` with labels `bad` (bad[i] is rows[i]'s, 1 = bad).
 * `validationFolds` hold positions in `rows` (disjoint; may be empty). Selection, final binning and
 * regression use all `rows`. For each fold the binning (overrides as given) and the regression of the
 * already selected characteristics are refitted on the positions outside it and predict it; those
 * out-of-fold logits choose between no calibration and Platt scaling (see chooseAdditiveCalibration),
 * and the chosen affine map is folded into the intercept and coefficients. Throws for mismatched
 * lengths, labels other than 0/1, one class only, no or repeated features, or a bad fold position.
 */
export function fitScorecard(table: Table, rows: Int32Array, bad: Uint8Array, validationFolds: readonly Int32Array[], options: FitScorecardOptions): Scorecard {
  const { features } = options;
  const minIv = options.minIv ?? DEFAULT_MIN_IV;
  const maxCorrelation = options.maxCorrelation ?? DEFAULT_MAX_CORRELATION;
  const l2 = options.l2 ?? DEFAULT_SCORECARD_L2;
  const overrides = options.binningOverrides ?? new Map<string, Binning>();
  assertInputs(rows, bad, features, overrides);
  const foldOfPosition = foldPositions(validationFolds, rows.length);

  const binOn = (column: string, fitRows: Int32Array, fitBad: Uint8Array): Binning => overrides.get(column) ?? fitColumnBinning(table, column, fitRows, fitBad, options.binning);

  // Selection on all rows.
  const binnings = new Map(features.map((column) => [column, binOn(column, rows, bad)] as const));
  const woe = new Map(features.map((column) => [column, woeOfRows(binnings.get(column)!, table, rows)] as const));
  const { selected, notes } = selectCharacteristics(
    features.map((column) => ({ column, iv: binnings.get(column)!.iv, woe: woe.get(column)! })),
    minIv,
    maxCorrelation,
  );

  // The final regression on all rows.
  const m = selected.length;
  const x = new Float64Array(rows.length * m);
  selected.forEach((column, j) => {
    const values = woe.get(column)!;
    for (let i = 0; i < rows.length; i++) x[i * m + j] = values[i];
  });
  const regression = fitLogisticRegression(x, bad, m, { l2 });

  // Cross-fitting: every fold predicted by a model (bins and coefficients) that never saw it.
  let oofCount = 0;
  for (const fold of validationFolds) oofCount += fold.length;
  const oofLogits = new Float64Array(oofCount);
  const oofLabels = new Uint8Array(oofCount);
  const oofFold = new Int32Array(oofCount);
  let at = 0;
  validationFolds.forEach((fold, f) => {
    const trainPositions: number[] = [];
    for (let p = 0; p < rows.length; p++) if (foldOfPosition[p] !== f) trainPositions.push(p);
    const trainRows = Int32Array.from(trainPositions, (p) => rows[p]);
    const trainBad = Uint8Array.from(trainPositions, (p) => bad[p]);
    const foldBinnings = selected.map((column) => binOn(column, trainRows, trainBad));
    const foldX = new Float64Array(trainRows.length * m);
    foldBinnings.forEach((b, j) => {
      const values = woeOfRows(b, table, trainRows);
      for (let i = 0; i < trainRows.length; i++) foldX[i * m + j] = values[i];
    });
    const foldFit = fitLogisticRegression(foldX, trainBad, m, { l2 });
    const logits = scorecardLogitOfRows(
      {
        intercept: foldFit.intercept,
        characteristics: foldBinnings.map((binning, j) => ({ column: binning.column, binning, coefficient: foldFit.coefficients[j], edited: false })),
      },
      table,
      Int32Array.from(fold, (p) => rows[p]),
    );
    for (let i = 0; i < fold.length; i++, at++) {
      oofLogits[at] = logits[i];
      oofLabels[at] = bad[fold[i]];
      oofFold[at] = f;
    }
  });
  const calibration = chooseAdditiveCalibration(oofLogits, oofLabels, oofFold, validationFolds.length);

  // a·(β₀ + Σ βⱼ·WoEⱼ) + b = (a·β₀ + b) + Σ (a·βⱼ)·WoEⱼ: still one term per characteristic.
  const characteristics: ScorecardCharacteristic[] = selected.map((column, j) => ({
    column,
    binning: binnings.get(column)!,
    coefficient: calibration.a * regression.coefficients[j],
    edited: overrides.has(column),
  }));
  let bads = 0;
  for (let i = 0; i < bad.length; i++) bads += bad[i];
  return {
    kind: 'scorecard',
    version: SCORECARD_VERSION,
    intercept: calibration.a * regression.intercept + calibration.b,
    characteristics,
    regression: {
      intercept: regression.intercept,
      coefficients: Array.from(regression.coefficients),
      l2,
      iterations: regression.iterations,
      converged: regression.converged,
    },
    calibration,
    selection: { minIv, maxCorrelation, candidates: features.map((column) => ({ column, iv: binnings.get(column)!.iv })), notes },
    rows: rows.length,
    bads,
  };
}

/** Throws unless labels match rows and hold both classes, and the features are a non-empty list without repeats. */
function assertInputs(rows: Int32Array, bad: Uint8Array, features: readonly string[], overrides: ReadonlyMap<string, Binning>): void {
  if (bad.length !== rows.length) throw new RangeError(`Got ${rows.length} rows but ${bad.length} labels; bad[i] is the label of rows[i].`);
  let bads = 0;
  for (let i = 0; i < bad.length; i++) {
    if (bad[i] !== 0 && bad[i] !== 1) throw new RangeError(`Labels must be 0 (good) or 1 (bad); label ${i} is ${bad[i]}.`);
    bads += bad[i];
  }
  if (bads === 0 || bads === bad.length) throw new RangeError('A scorecard needs both good and bad rows.');
  if (features.length === 0) throw new RangeError('A scorecard needs at least one candidate characteristic.');
  if (new Set(features).size !== features.length) throw new RangeError('Each candidate characteristic may be listed once.');
  // Overrides for columns that are not candidates are ignored: the app may keep edits of a feature the user dropped.
  for (const [column, b] of overrides) {
    if (b.column !== column) throw new RangeError(`The edited bins given for "${column}" are the bins of "${b.column}".`);
  }
}

/** The fold of each position in rows (−1: in none); throws for a position out of range or in two folds. */
function foldPositions(folds: readonly Int32Array[], n: number): Int32Array {
  const foldOf = new Int32Array(n).fill(-1);
  folds.forEach((fold, f) => {
    if (fold.length === 0) throw new RangeError(`Validation fold ${f} is empty.`);
    for (const p of fold) {
      if (!(p >= 0 && p < n)) throw new RangeError(`Validation fold ${f} holds position ${p}; positions index rows (0 … ${n - 1}).`);
      if (foldOf[p] !== -1) throw new RangeError(`Position ${p} is in validation folds ${foldOf[p]} and ${f}.`);
      foldOf[p] = f;
    }
  });
  return foldOf;
}
