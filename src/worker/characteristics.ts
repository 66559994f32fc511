// The characteristics report: every feature binned on the training rows of a data set's preparation
// (never the test rows), and the user's edits of those bins (merge two, split one), re-counted on
// the same rows. The binning engine is the pure core's; this module only picks the rows and labels.
import { binLabel, fitColumnBinning, ivStrength, mergeCategoricalGroups, mergeNumericBins, numericBinIndex, splitNumericBin } from '../core/binning';
import type { Binning } from '../core/binning/types';
import type { PrepareConfig, PreparedData } from '../core/pipeline';
import { getColumn } from '../core/table';
import type { Dataset } from './datasets';
import { outcomeNames, prepare } from './preparing';
import type { BinEdit, BinEditResult, CharacteristicBin, CharacteristicReport, CharacteristicsReport } from './protocol';
import type { Result } from '../core/result';

/** The training rows of a preparation and their labels as 1 = bad, aligned with the rows. */
export interface BadLabelledRows {
  readonly rows: Int32Array;
  readonly bad: Uint8Array;
}

/** The training rows (table rows of `data.source`) with 1 = bad labels, whichever target value is positive. */
export function trainingBadRows(data: PreparedData, config: PrepareConfig): BadLabelledRows {
  const positiveIsBad = outcomeNames(config).bad === config.positive;
  const y = data.train.y;
  const bad = new Uint8Array(y.length);
  for (let i = 0; i < y.length; i++) bad[i] = (y[i] === 1) === positiveIsBad ? 1 : 0;
  return { rows: data.trainTableRows, bad };
}

/** A binning's bins in display order (value bins, then the missing bin when it holds rows), each labelled. */
export function characteristicBins(binning: Binning): CharacteristicBin[] {
  const stats = binning.kind === 'numeric' ? binning.bins : binning.groups.map((g) => g.stats);
  const bins: CharacteristicBin[] = stats.map((s, index) => ({ index, label: binLabel(binning, index), ...pickStats(s) }));
  if (binning.missing.count > 0) bins.push({ index: -1, label: binLabel(binning, -1), ...pickStats(binning.missing) });
  return bins;
}

function pickStats(s: Binning['missing']) {
  return { count: s.count, share: s.share, goods: s.goods, bads: s.bads, badRate: s.badRate, woe: s.woe, iv: s.iv };
}

/** The report entry of one binning. */
export function describeCharacteristic(binning: Binning, edited: boolean): CharacteristicReport {
  return { column: binning.column, kind: binning.kind, binning, bins: characteristicBins(binning), iv: binning.iv, strength: ivStrength(binning.iv), edited };
}

/** Bins every feature of `dataset` prepared for `config` on its training rows; features ranked by IV, highest first. */
export function computeCharacteristics(dataset: Dataset, config: PrepareConfig): Result<CharacteristicsReport> {
  const started = performance.now();
  const prepared = prepare(dataset, config);
  if (!prepared.ok) return prepared;
  const data = prepared.data;
  const { rows, bad } = trainingBadRows(data, config);
  let bads = 0;
  for (const b of bad) bads += b;
  const features = data.report.features.map((column) => describeCharacteristic(fitColumnBinning(data.source, column, rows, bad), false));
  features.sort((a, b) => b.iv - a.iv || a.column.localeCompare(b.column));
  return { ok: true, data: { trainRows: rows.length, goods: rows.length - bads, bads, features, elapsedMs: performance.now() - started } };
}

/** Applies one edit to `binning` (a feature of `dataset` prepared for `config`), re-counted on the training rows. */
export function editCharacteristic(dataset: Dataset, config: PrepareConfig, binning: Binning, edit: BinEdit): BinEditResult {
  const prepared = prepare(dataset, config);
  if (!prepared.ok) return { ok: false, problem: 'not-prepared' };
  const data = prepared.data;
  if (!data.report.features.includes(binning.column)) return { ok: false, problem: 'unknown-column' };
  const { rows, bad } = trainingBadRows(data, config);
  const column = getColumn(data.source, binning.column);
  if (edit.type === 'merge') {
    if (binning.kind === 'numeric') {
      if (edit.other !== edit.index + 1 || edit.index < 0 || edit.other >= binning.bins.length || column.kind !== 'numeric') return { ok: false, problem: 'not-adjacent' };
      return { ok: true, data: describeCharacteristic(mergeNumericBins(binning, edit.index, column.values, rows, bad), true) };
    }
    const n = binning.groups.length;
    if (edit.index < 0 || edit.other < 0 || edit.index >= n || edit.other >= n || edit.index === edit.other || column.kind !== 'categorical')
      return { ok: false, problem: 'not-adjacent' };
    return { ok: true, data: describeCharacteristic(mergeCategoricalGroups(binning, edit.index, edit.other, column.codes, column.levels, rows, bad), true) };
  }
  if (binning.kind !== 'numeric' || column.kind !== 'numeric') return { ok: false, problem: 'split-not-numeric' };
  if (!Number.isFinite(edit.at)) return { ok: false, problem: 'split-not-finite' };
  if (binning.edges.includes(edit.at)) return { ok: false, problem: 'split-at-edge' };
  const split = splitNumericBin(binning, edit.at, column.values, rows, bad);
  // A cut with no training row on one side makes an empty bin, with no evidence: refuse it.
  const upper = numericBinIndex(split, edit.at);
  if (split.bins[upper].count === 0 || split.bins[upper - 1].count === 0) return { ok: false, problem: 'split-empty-side' };
  return { ok: true, data: describeCharacteristic(split, true) };
}
