// A scorecard's points: each bin of each characteristic gets a whole number of points, and an
// applicant's score is the sum of the points of their bins, so it can be added up by hand.
//   log-odds of bad = β₀ + Σⱼ βⱼ·WoEⱼ            (m characteristics, calibration folded in)
//   points          = offset − factor · log-odds  (scoring/points.ts: more points = lower risk)
//                   = Σⱼ [offset/m − factor·(βⱼ·WoEⱼ + β₀/m)]
// so bin points = round(−(βⱼ·WoE_bin + β₀/m)·factor + offset/m), intercept and offset shared equally.
// Rounding each of the m terms moves the total by at most m/2 points, i.e. the log-odds by at most
// m·0.5/factor (0.087 nats for 5 characteristics on a 20-points-to-double scale). Probabilities here
// are always taken from the integer total, so the score a person adds up and the probability shown
// agree exactly; the exact σ(log-odds) differs from them by no more than that bound.

import { binLabel, woeOfRows, woeOfValue } from '../binning';
import type { DecimalMark } from '../csv/cells';
import { asPoints, pointsScaleConstants, probabilityFromPoints, type PointsScale } from '../scoring/points';
import type { Table } from '../table';
import { answerOf } from './scorecardLogit';
import type { Scorecard } from './types';

/** One bin's line of the points table. */
export interface PointsRow {
  readonly characteristic: string;
  /** Bin (or group) index; −1 is the missing bin. */
  readonly binIndex: number;
  readonly label: string;
  readonly woe: number;
  /** Whole points for falling in this bin. */
  readonly points: number;
}

/** Every bin's points, characteristic by characteristic (bins in order, then the missing bin). */
export interface PointsTable {
  readonly scale: PointsScale;
  readonly rows: readonly PointsRow[];
  /** Largest change of the log-odds (nats) that rounding each characteristic's points can cause: m·0.5/factor. */
  readonly maxRoundingLogOdds: number;
}

/** Whole points of one term: round(−(coefficient·woe + intercept/m)·factor + offset/m); never −0. */
function termPoints(coefficient: number, woe: number, share: { intercept: number; offset: number }, factor: number): number {
  return Math.round(-(coefficient * woe + share.intercept) * factor + share.offset) + 0;
}

function sharesOf(sc: Scorecard, scale: PointsScale): { factor: number; share: { intercept: number; offset: number } } {
  const { factor, offset } = pointsScaleConstants(scale);
  const m = sc.characteristics.length;
  if (m === 0) throw new RangeError('A scorecard without characteristics has no points table.');
  return { factor, share: { intercept: sc.intercept / m, offset: offset / m } };
}

/** The points table of `sc` on `scale`: a row for every bin of every characteristic, the missing bin included. */
export function scorecardPoints(sc: Scorecard, scale: PointsScale): PointsTable {
  const { factor, share } = sharesOf(sc, scale);
  const rows: PointsRow[] = [];
  for (const c of sc.characteristics) {
    const b = c.binning;
    const stats = b.kind === 'numeric' ? b.bins : b.groups.map((g) => g.stats);
    const indices = [...stats.keys(), -1];
    for (const binIndex of indices) {
      const woe = binIndex === -1 ? b.missing.woe : stats[binIndex].woe;
      rows.push({ characteristic: c.column, binIndex, label: binLabel(b, binIndex), woe, points: termPoints(c.coefficient, woe, share, factor) });
    }
  }
  return { scale, rows, maxRoundingLogOdds: (sc.characteristics.length * 0.5) / factor };
}

/** Each of `rows`' score: the sum of the whole points of its bins (so a whole number), in the rows' order. */
export function scoreOfRows(sc: Scorecard, table: Table, rows: Int32Array, scale: PointsScale): Float64Array {
  const { factor, share } = sharesOf(sc, scale);
  const out = new Float64Array(rows.length);
  for (const c of sc.characteristics) {
    const woe = woeOfRows(c.binning, table, rows);
    for (let i = 0; i < rows.length; i++) out[i] += termPoints(c.coefficient, woe[i], share, factor);
  }
  return out;
}

/** One applicant's score from typed answers keyed by column (absent = missing; numbers read with `decimal`). */
export function scoreOfRecord(sc: Scorecard, record: Readonly<Record<string, string>>, scale: PointsScale, decimal: DecimalMark = '.'): number {
  const { factor, share } = sharesOf(sc, scale);
  let score = 0;
  for (const c of sc.characteristics) score += termPoints(c.coefficient, woeOfValue(c.binning, answerOf(record, c.column), decimal), share, factor);
  return score;
}

/** Probability of bad, in [0, 1], of each row's whole-points score on `scale` (within maxRoundingLogOdds of σ(log-odds)). */
export function scorecardProbabilityOfRows(sc: Scorecard, table: Table, rows: Int32Array, scale: PointsScale): Float64Array {
  const scores = scoreOfRows(sc, table, rows, scale);
  return scores.map((score) => probabilityFromPoints(asPoints(score), scale));
}

/** Probability of bad, in [0, 1], of one applicant's whole-points score on `scale`. */
export function scorecardProbabilityOfRecord(sc: Scorecard, record: Readonly<Record<string, string>>, scale: PointsScale, decimal: DecimalMark = '.'): number {
  return probabilityFromPoints(asPoints(scoreOfRecord(sc, record, scale, decimal)), scale);
}
