// The reasons of a whole file of applicants, kept compactly: per row, up to MAX_REASONS column
// indices, codes and weights in typed arrays (a Reason object per reason would be 400,000 objects
// for 100,000 rows, and collecting them cost more than ranking them). A row's Reason objects are
// built only when asked for: a page of the results table, a line of the download. The ranking and
// the wording rules are those of reasonsFromContributions, which the tests hold this to.

import { isMissingMarker, parseNumberCell } from '../csv/cells';
import type { Preprocessor } from '../features/preprocessor';
import { formatTypical, MAX_REASONS, type Reason, type ReasonCode } from './reasons';
import type { TypicalValues } from './typicalValues';

/** The reason codes by their stored number. */
export const REASON_CODES: readonly ReasonCode[] = ['above-typical', 'below-typical', 'missing', 'level', 'bin'];
const CODE_NUMBER = new Map(REASON_CODES.map((code, i) => [code, i]));

/** What a reason says of one input column, the same for every row: its kind and good applicants' typical answer. */
interface ReasonColumn {
  readonly name: string;
  readonly numeric: boolean;
  readonly goodMedian: number | null;
  readonly typical: string | null;
  /** The encoded inputs of the column. */
  readonly slots: readonly number[];
}

/** Up to MAX_REASONS reasons for each of `rows` rows, ranked from attributions and worded on request. */
export class ReasonStore {
  private readonly columns: readonly ReasonColumn[];
  private readonly byName: ReadonlyMap<string, number>;
  private readonly column: Int16Array;
  private readonly code: Uint8Array;
  private readonly weight: Float64Array;
  private readonly perColumn: Float64Array;

  /** `slots[c]` lists the encoded inputs of the preprocessor's c-th feature (slotGroups). */
  constructor(
    private readonly pre: Preprocessor,
    typical: TypicalValues | undefined,
    slots: readonly { readonly column: string; readonly slots: readonly number[] }[],
    rows: number,
  ) {
    this.columns = slots.map(({ column, slots: inputs }) => {
      const feature = pre.features.find((f) => f.name === column);
      const t = typical?.columns[column];
      const goodMedian = t?.kind === 'numeric' ? t.goodMedian : null;
      const typicalText = t === undefined ? null : t.kind === 'numeric' ? (t.goodMedian === null ? null : formatTypical(t.goodMedian)) : t.goodMode;
      return { name: column, numeric: feature?.kind === 'numeric', goodMedian, typical: typicalText, slots: inputs };
    });
    this.byName = new Map(this.columns.map((c, i) => [c.name, i]));
    this.column = new Int16Array(rows * MAX_REASONS).fill(-1);
    this.code = new Uint8Array(rows * MAX_REASONS);
    this.weight = new Float64Array(rows * MAX_REASONS);
    this.perColumn = new Float64Array(this.columns.length);
  }

  /**
   * Ranks row `row`'s reasons from per-input attributions to the log-odds of bad (times `sign`),
   * summed per column: the columns with a positive sum, largest first. `valueOf(column)` is the
   * row's answer in that column, as text ('' when blank).
   */
  rank(row: number, attributions: ArrayLike<number>, sign: number, valueOf: (column: string) => string): void {
    const sums = this.perColumn;
    for (let c = 0; c < this.columns.length; c++) {
      let sum = 0;
      for (const s of this.columns[c].slots) sum += attributions[s];
      sums[c] = sign * sum;
    }
    // Selection of the largest few (at most four of a few dozen columns): no sort of them all. Ties keep the column order, as a stable sort would.
    const base = row * MAX_REASONS;
    let kept = 0;
    for (let c = 0; c < sums.length; c++) {
      const w = sums[c];
      if (!(w > 1e-9)) continue;
      let at: number;
      if (kept < MAX_REASONS) at = kept++;
      else if (w > this.weight[base + MAX_REASONS - 1]) at = MAX_REASONS - 1;
      else continue;
      while (at > 0 && w > this.weight[base + at - 1]) {
        this.column[base + at] = this.column[base + at - 1];
        this.weight[base + at] = this.weight[base + at - 1];
        at--;
      }
      this.column[base + at] = c;
      this.weight[base + at] = w;
    }
    for (let k = 0; k < kept; k++) this.code[base + k] = CODE_NUMBER.get(this.codeOf(this.columns[this.column[base + k]], valueOf(this.columns[this.column[base + k]].name))) ?? 0;
  }

  /** Stores reasons already made (a scorecard's) for row `row`; columns the store does not know are left out. */
  store(row: number, reasons: readonly Reason[]): void {
    const base = row * MAX_REASONS;
    let k = 0;
    for (const reason of reasons) {
      const c = this.byName.get(reason.column);
      if (c === undefined || k === MAX_REASONS) continue;
      this.column[base + k] = c;
      this.code[base + k] = CODE_NUMBER.get(reason.code) ?? 0;
      this.weight[base + k] = reason.weight;
      k++;
    }
  }

  /** Row `row`'s reasons, worded with `valueOf` as in rank. */
  reasonsOf(row: number, valueOf: (column: string) => string): Reason[] {
    const out: Reason[] = [];
    const base = row * MAX_REASONS;
    for (let k = 0; k < MAX_REASONS && this.column[base + k] >= 0; k++) {
      const column = this.columns[this.column[base + k]];
      const code = REASON_CODES[this.code[base + k]];
      out.push({ column: column.name, code, value: code === 'missing' ? '' : valueOf(column.name), typical: column.typical, weight: this.weight[base + k] });
    }
    return out;
  }

  /** Row `row`'s reasons as `column:code` words, largest first, space-separated (the download's cell). */
  codesOf(row: number): string {
    let text = '';
    const base = row * MAX_REASONS;
    for (let k = 0; k < MAX_REASONS && this.column[base + k] >= 0; k++)
      text += `${k > 0 ? ' ' : ''}${this.columns[this.column[base + k]].name}:${REASON_CODES[this.code[base + k]]}`;
    return text;
  }

  private codeOf(column: ReasonColumn, value: string): ReasonCode {
    if (isMissingMarker(value)) return 'missing';
    if (!column.numeric) return 'level';
    if (column.goodMedian === null) return 'above-typical';
    const v = parseNumberCell(value, this.pre.decimal);
    return Number.isNaN(v) || v >= column.goodMedian ? 'above-typical' : 'below-typical';
  }
}
