// The binning engine's plain-JSON values: how one characteristic is cut into bins, with each bin's
// goods, bads, weight of evidence and information value. Fitted on training rows only; stored with
// the model and only applied afterwards.

/** Direction of the bad rate across a numeric characteristic's bins (low to high values). */
export type MonotoneTrend = 'none' | 'ascending' | 'descending' | 'auto';

/** Constraints of a fit; every field has a default (DEFAULT_BINNING_OPTIONS). */
export interface BinningOptions {
  /** Fine classes cut at quantiles before merging (about 20). */
  readonly fineClasses: number;
  /**
   * Smallest share of the fitted rows (missing cells included) in one bin (0.05 = 5%); the missing
   * bin is exempt. Categorical levels with fewer fitted rows than this share are first pooled into
   * one "other" group, which then has to meet the constraints like any group.
   */
  readonly minBinShare: number;
  /** Fewest goods in one bin (the missing bin is exempt: its WoE is smoothed instead). */
  readonly minGoods: number;
  /** Fewest bads in one bin (the missing bin is exempt). */
  readonly minBads: number;
  /** At most this many bins of values (the missing bin is not counted). */
  readonly maxBins: number;
  /**
   * A monotone bad rate over the numeric bins: 'auto' keeps whichever direction keeps more IV.
   * Categorical groups are always ordered by bad rate, so this does not apply to them.
   */
  readonly monotone: MonotoneTrend;
}

/** Counts and evidence of one bin. WoE = ln(%good / %bad): positive means fewer bads than average (lower risk). */
export interface BinStats {
  readonly count: number;
  readonly goods: number;
  readonly bads: number;
  /** count / all fitted rows. */
  readonly share: number;
  /** bads / count (0 when the bin is empty). */
  readonly badRate: number;
  /** ln(%good / %bad) with 0.5 added to a zero good or bad count (stated smoothing), so never infinite. */
  readonly woe: number;
  /** (%good − %bad) × WoE: this bin's part of the characteristic's IV (≥ 0). */
  readonly iv: number;
}

/** A numeric characteristic: bins [edges[i−1], edges[i]) with −∞ and +∞ at the ends, plus a bin for missing cells. */
export interface NumericBinning {
  readonly kind: 'numeric';
  readonly column: string;
  /** Interior cut points, strictly ascending; bins.length = edges.length + 1. A value equal to an edge goes to the bin above it. */
  readonly edges: readonly number[];
  readonly bins: readonly BinStats[];
  /** Missing cells' bin; its stats have count 0 when training had none (WoE 0 then: scored as average). */
  readonly missing: BinStats;
  /**
   * The bad-rate direction the fit kept, strictly rising or falling from bin to bin ('none' when not
   * asked for, or when there is one bin); after an edit, the direction the bins show, if any.
   */
  readonly trend: 'none' | 'ascending' | 'descending';
  /** Total IV over all bins, the missing bin included. */
  readonly iv: number;
}

/** A categorical characteristic: groups of levels, a group for levels training never saw, and one for missing cells. */
export interface CategoricalBinning {
  readonly kind: 'categorical';
  readonly column: string;
  /** Groups of levels (each level in exactly one group), ordered by bad rate, lowest first. */
  readonly groups: readonly { readonly levels: readonly string[]; readonly stats: BinStats }[];
  /** Index into groups where a level unseen in training goes (the "other" group, or the largest group when none). */
  readonly unseenGroup: number;
  /** Missing cells' bin (count 0 when training had none). */
  readonly missing: BinStats;
  readonly iv: number;
}

/** How one characteristic is binned. */
export type Binning = NumericBinning | CategoricalBinning;

/** The usual reading of a total IV. */
export type IvStrength = 'not predictive' | 'weak' | 'medium' | 'strong' | 'suspicious';
