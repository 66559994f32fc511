// Drift of each input column of a batch of applicants against the training rows' reference
// profile stored in the bundle: the batch's rows are counted into the profile's own bins and the
// PSI (psi.ts, 0.5 smoothing) compares the two. A batch cell no profile bin holds (a level training
// never saw, a gap where training had none) is counted in an extra bin of expected share 0, added
// only when the batch has such a cell, so a batch distributed as the training rows reads PSI 0.

import { assignReferenceBin, type ReferenceFeature } from '../bundle/reference';
import type { ReferenceProfile } from '../bundle/types';
import { isMissingMarker, type DecimalMark } from '../csv/cells';
import { MISSING_CODE, type Column, type Table } from '../table';
import { populationStability, type DriftReading, type PsiBin } from './psi';

/** Why a profile feature got no PSI: the batch lacks the column, or read a numeric column as text. */
export type DriftProblem = { readonly code: 'drift.columnMissing'; readonly column: string } | { readonly code: 'drift.notNumeric'; readonly column: string };

/** One bin of a feature's drift: the profile's bin (or an added one) with the batch's rows in it. */
export interface FeatureDriftBin extends PsiBin {
  /** The profile bin's label; 'unseen' or 'missing' for a bin the profile does not have. */
  readonly label: string;
  /** Batch rows counted in the bin (before smoothing). */
  readonly actualCount: number;
  /** True for a bin added for batch cells no profile bin holds (expected share 0 before smoothing). */
  readonly added: boolean;
}

/** The PSI of one input column of the batch against its reference profile. */
export interface FeatureDrift {
  readonly column: string;
  readonly kind: 'numeric' | 'categorical';
  readonly psi: number;
  readonly reading: DriftReading;
  /** The profile's bins in its order, then any added 'unseen' and 'missing' bins. */
  readonly bins: readonly FeatureDriftBin[];
}

/** Drift per profile feature the batch could be compared on, and why the others could not. */
export interface FeatureDriftReport {
  /** Batch rows compared. */
  readonly rows: number;
  /** In the profile's order. */
  readonly features: readonly FeatureDrift[];
  readonly problems: readonly DriftProblem[];
}

/**
 * The drift of `rows` of `table` (all rows when null) against `profile`, feature by feature.
 * Numeric features read numeric columns by the bins' [lower, upper), NaN into the missing bin.
 * Categorical features read levels as the applicant form does (assignReferenceBin: trimmed, "01"
 * finds "1" with `decimal`, NA and blanks missing), and a numeric column by its numbers' text.
 */
export function featureDrift(profile: ReferenceProfile, table: Table, rows: Int32Array | null, decimal: DecimalMark): FeatureDriftReport {
  const batchRows = rows ?? Int32Array.from({ length: table.rowCount }, (_, i) => i);
  const features: FeatureDrift[] = [];
  const problems: DriftProblem[] = [];
  for (const feature of profile.features) {
    const column = table.columns.find((c) => c.name === feature.column);
    if (column === undefined) problems.push({ code: 'drift.columnMissing', column: feature.column });
    else if (feature.kind === 'numeric' && column.kind !== 'numeric') problems.push({ code: 'drift.notNumeric', column: feature.column });
    else features.push(compare(feature, profile.rows, binCounts(feature, column, batchRows, decimal)));
  }
  return { rows: batchRows.length, features, problems };
}

/** Batch rows per profile bin, then the rows no bin holds: present ('unseen') and missing. */
interface BatchCounts {
  readonly counts: Float64Array;
  readonly unseen: number;
  readonly missing: number;
}

/** Where a cell no profile bin holds is counted: a present value, or a gap where training had none. */
const UNSEEN = -1;
const GAP = -2;

function binCounts(feature: ReferenceFeature, column: Column, rows: Int32Array, decimal: DecimalMark): BatchCounts {
  const missingBin = feature.bins.findIndex((bin) => bin.missing === true);
  const gapSlot = missingBin >= 0 ? missingBin : GAP;
  if (column.kind === 'categorical') {
    // Each level is read once; a level such as "NA" is a gap as the applicant form reads it, though the table kept it as text.
    const slotOf = Int32Array.from(column.levels, (level) => {
      const bin = assignReferenceBin(feature, level, decimal);
      return bin >= 0 ? bin : isMissingMarker(level) ? GAP : UNSEEN;
    });
    const codes = column.codes;
    return tally(feature, rows, (row) => (codes[row] === MISSING_CODE ? gapSlot : slotOf[codes[row]]));
  }
  const values = column.values;
  if (feature.kind === 'numeric') {
    const valueBins = missingBin < 0 ? feature.bins.length : missingBin;
    // Value bins come first, ordered [lower, upper), the first open below and the last above: v belongs to the
    // first whose upper exceeds it, else the last. Only a profile without present training values has none.
    const uppers = feature.bins.slice(0, valueBins - 1).map((bin) => bin.upper ?? Number.POSITIVE_INFINITY);
    return tally(feature, rows, (row) => {
      const v = values[row];
      if (Number.isNaN(v)) return gapSlot;
      return valueBins === 0 ? UNSEEN : firstAbove(uppers, v);
    });
  }
  // A categorical feature whose levels the batch's file held as numbers ("3" read as 3): each distinct value looked up once.
  const slotOfValue = new Map<number, number>();
  return tally(feature, rows, (row) => {
    const v = values[row];
    if (Number.isNaN(v)) return gapSlot;
    let slot = slotOfValue.get(v);
    if (slot === undefined) {
      const bin = assignReferenceBin(feature, v, decimal);
      slot = bin >= 0 ? bin : UNSEEN;
      slotOfValue.set(v, slot);
    }
    return slot;
  });
}

/** Counts each of `rows` by the slot `slotOf` gives it: a profile bin, UNSEEN or GAP. */
function tally(feature: ReferenceFeature, rows: Int32Array, slotOf: (row: number) => number): BatchCounts {
  const counts = new Float64Array(feature.bins.length);
  let unseen = 0;
  let missing = 0;
  for (let i = 0; i < rows.length; i++) {
    const slot = slotOf(rows[i]);
    if (slot >= 0) counts[slot]++;
    else if (slot === GAP) missing++;
    else unseen++;
  }
  return { counts, unseen, missing };
}

/** The index of the first of ascending `uppers` greater than v (uppers.length when none is). */
function firstAbove(uppers: readonly number[], v: number): number {
  let lo = 0;
  let hi = uppers.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (uppers[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function compare(feature: ReferenceFeature, profileRows: number, batch: BatchCounts): FeatureDrift {
  const shares = feature.bins.map((bin) => bin.share);
  const counts = Array.from(batch.counts);
  const labels = feature.bins.map((bin) => bin.label);
  const added: boolean[] = feature.bins.map(() => false);
  for (const [label, count] of [
    ['unseen', batch.unseen],
    ['missing', batch.missing],
  ] as const)
    if (count > 0) {
      shares.push(0);
      counts.push(count);
      labels.push(label);
      added.push(true);
    }
  const { psi, reading, bins } = populationStability(shares, profileRows, counts);
  return {
    column: feature.column,
    kind: feature.kind,
    psi,
    reading,
    bins: bins.map((bin, b) => ({ ...bin, label: labels[b], actualCount: counts[b], added: added[b] })),
  };
}
