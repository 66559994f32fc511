/** Applying a fitted binning: the bin, and the weight of evidence, of a value, a typed answer or table rows. */
import { isMissingMarker, parseNumberCell, type DecimalMark } from '../csv/cells';
import { getColumn, MISSING_CODE, type Table } from '../table';
import { findNumericBin } from './numericBins';
import type { Binning, CategoricalBinning, NumericBinning } from './types';

/** Index of the bin holding `value` (a value equal to an edge goes to the bin above); −1 (the missing bin) for NaN. */
export function numericBinIndex(b: NumericBinning, value: number): number {
  return findNumericBin(b.edges, value);
}

// Level → group maps, built once per binning: a fitted binning is immutable and applied to many rows.
const groupMaps = new WeakMap<CategoricalBinning, ReadonlyMap<string, number>>();

function groupOfLevel(b: CategoricalBinning): ReadonlyMap<string, number> {
  let map = groupMaps.get(b);
  if (!map) {
    map = new Map(b.groups.flatMap((g, i) => g.levels.map((level) => [level, i] as const)));
    groupMaps.set(b, map);
  }
  return map;
}

/** Index of the group holding `level`; unseenGroup for a level training never saw; −1 (the missing bin) for null. */
export function categoricalBinIndex(b: CategoricalBinning, level: string | null): number {
  if (level === null) return -1;
  return groupOfLevel(b).get(level) ?? b.unseenGroup;
}

/** The WoE of bin `index` (−1: the missing bin); throws a RangeError for an index the binning does not have. */
export function binWoe(b: Binning, index: number): number {
  if (index === -1) return b.missing.woe;
  const bins = b.kind === 'numeric' ? b.bins : b.groups;
  if (!Number.isInteger(index) || index < -1 || index >= bins.length) throw new RangeError(`Bin ${index} is not a bin of "${b.column}" (it has ${bins.length}).`);
  return b.kind === 'numeric' ? b.bins[index].woe : b.groups[index].stats.woe;
}

/**
 * The WoE of each of `rows` of `table`, in their order. A column held differently from how it was
 * binned (a batch file where a text column reads as numbers, or the reverse) is converted as the
 * preprocessor does: numbers become their String() level; levels are parsed with `decimal`, and a level
 * that is neither a number nor a missing marker throws.
 */
export function woeOfRows(b: Binning, table: Table, rows: Int32Array, decimal: DecimalMark = '.'): Float64Array {
  const column = getColumn(table, b.column);
  const out = new Float64Array(rows.length);
  if (b.kind === 'numeric') {
    if (column.kind === 'numeric') {
      for (let i = 0; i < rows.length; i++) out[i] = binWoe(b, numericBinIndex(b, column.values[rows[i]]));
    } else {
      // Each level is parsed once, when a row first needs it: text in rows not asked for does not throw.
      const woeOfCode: (number | undefined)[] = new Array(column.levels.length);
      for (let i = 0; i < rows.length; i++) {
        const code = column.codes[rows[i]];
        if (code === MISSING_CODE) out[i] = b.missing.woe;
        else out[i] = woeOfCode[code] ??= binWoe(b, numericBinIndex(b, parseLevel(b.column, column.levels[code], decimal)));
      }
    }
    return out;
  }
  if (column.kind === 'categorical') {
    const woeOfCode = column.levels.map((level) => binWoe(b, categoricalBinIndex(b, level)));
    for (let i = 0; i < rows.length; i++) {
      const code = column.codes[rows[i]];
      out[i] = code === MISSING_CODE ? b.missing.woe : woeOfCode[code];
    }
  } else {
    for (let i = 0; i < rows.length; i++) {
      const v = column.values[rows[i]];
      out[i] = binWoe(b, categoricalBinIndex(b, v !== v ? null : String(v)));
    }
  }
  return out;
}

/**
 * The WoE of one applicant's typed answer. Blank, NA, ? and the like are missing. A numeric answer is
 * read with `decimal` and throws when it is not a number; a categorical answer is matched as typed,
 * then trimmed, and one training never saw goes to unseenGroup.
 */
export function woeOfValue(b: Binning, raw: string, decimal: DecimalMark = '.'): number {
  if (b.kind === 'numeric') return binWoe(b, numericBinIndex(b, parseLevel(b.column, raw, decimal)));
  const map = groupOfLevel(b);
  const known = map.get(raw) ?? map.get(raw.trim());
  // A level is looked up before the missing markers, so a real level spelt like one ("None") still counts.
  if (known !== undefined) return binWoe(b, known);
  return binWoe(b, isMissingMarker(raw) ? -1 : b.unseenGroup);
}

/** The number `raw` holds, NaN for a missing marker; throws a message naming the column for other text. */
function parseLevel(column: string, raw: string, decimal: DecimalMark): number {
  if (isMissingMarker(raw)) return Number.NaN;
  const v = parseNumberCell(raw, decimal);
  if (Number.isNaN(v)) throw new Error(`Column "${column}" should hold numbers, but holds "${raw}".`);
  return v;
}
