import { normalQuantile } from './normal';

// Rank metrics (ROC, AUC with a DeLong interval, KS) all read one structure: the distinct scores,
// highest first, with how many positives and negatives share each score. Building it costs one
// native sort per class; every metric after that is a linear pass, so callers that want several
// (computeCreditMetrics, an evaluation screen) call rankScores once and use the *FromRanked forms.
// Labels follow binary.ts: 1 is the positive class, anything else negative. A row is predicted
// positive at threshold t when its score ≥ t.

/** Distinct scores in descending order, with the count of each class at each score. */
export interface RankedScores {
  /** Distinct scores, highest first. */
  readonly scores: Float64Array;
  /** Positives (label 1) whose score equals `scores[g]`. */
  readonly positives: Int32Array;
  /** Negatives whose score equals `scores[g]`. */
  readonly negatives: Int32Array;
  readonly totalPositives: number;
  readonly totalNegatives: number;
}

/** Points of the ROC curve: false and true positive rates in [0, 1] when predicting positive at score ≥ threshold. */
export interface RocCurve {
  readonly fpr: number[];
  readonly tpr: number[];
  /** Score cut-off of each point; the first is +Infinity (nothing predicted positive). */
  readonly thresholds: number[];
}

/** ROC AUC with a DeLong confidence interval; all in [0, 1] (NaN interval when a class has fewer than 2 rows). */
export interface AucConfidence {
  readonly auc: number;
  readonly lower: number;
  readonly upper: number;
  /** DeLong standard error of the AUC. */
  readonly se: number;
  /** Two-sided coverage of [lower, upper], e.g. 0.95. */
  readonly level: number;
}

/** Kolmogorov–Smirnov statistic in [0, 1] and the score threshold (predict positive at ≥) where it is reached. */
export interface KsResult {
  readonly ks: number;
  /** NaN when there are no rows or a class is absent. */
  readonly threshold: number;
}

/** Cumulative class shares against the share of rows taken from the highest score down (a KS chart). */
export interface KsCurve {
  /** x: share of all rows, highest scores first, evenly spaced from 0 to 1. */
  readonly populationShare: number[];
  /** Score of the lowest-ranked row inside each share (+Infinity at share 0). */
  readonly threshold: number[];
  /** y1: share of all positives inside the top `populationShare` rows, in [0, 1]. */
  readonly cumPositiveShare: number[];
  /** y2: share of all negatives inside the top `populationShare` rows, in [0, 1]. */
  readonly cumNegativeShare: number[];
  /** The exact KS (max |y1 − y2| over distinct scores), which the sampled points may straddle. */
  readonly ks: number;
  /** Score threshold where the KS is reached (predict positive at ≥). */
  readonly ksThreshold: number;
  /** Share of rows with score ≥ ksThreshold, to place the KS marker on the x axis. */
  readonly ksPopulationShare: number;
}

/** Throws RangeError unless labels and predictions (scores or probabilities) have the same length. */
export function assertSameLength(labels: ArrayLike<number>, values: ArrayLike<number>): void {
  if (labels.length !== values.length) {
    throw new RangeError(`labels and predictions must have the same length (got ${labels.length} and ${values.length}).`);
  }
}

/** Groups `scores` by distinct value, highest first, counting each class; throws on a NaN score. */
export function rankScores(labels: ArrayLike<number>, scores: ArrayLike<number>): RankedScores {
  assertSameLength(labels, scores);
  const n = labels.length;
  let totalPositives = 0;
  for (let i = 0; i < n; i++) if (labels[i] === 1) totalPositives++;
  const totalNegatives = n - totalPositives;
  const pos = new Float64Array(totalPositives);
  const neg = new Float64Array(totalNegatives);
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    const s = scores[i];
    // A NaN would sort last and silently land in its own group: a diverged model must be loud.
    if (Number.isNaN(s)) throw new RangeError(`Score of row ${i} is not a number.`);
    if (labels[i] === 1) pos[a++] = s;
    else neg[b++] = s;
  }
  // Typed-array sort without a comparator is numeric and native: several times faster than
  // sorting an index array with a comparator, which matters at hundreds of thousands of rows.
  pos.sort();
  neg.sort();
  const groupScores = new Float64Array(n);
  const groupPositives = new Int32Array(n);
  const groupNegatives = new Int32Array(n);
  let groups = 0;
  let i = totalPositives - 1;
  let j = totalNegatives - 1;
  while (i >= 0 || j >= 0) {
    const s = i < 0 ? neg[j] : j < 0 ? pos[i] : Math.max(pos[i], neg[j]);
    let p = 0;
    while (i >= 0 && pos[i] === s) {
      p++;
      i--;
    }
    let q = 0;
    while (j >= 0 && neg[j] === s) {
      q++;
      j--;
    }
    groupScores[groups] = s;
    groupPositives[groups] = p;
    groupNegatives[groups] = q;
    groups++;
  }
  return {
    scores: groupScores.slice(0, groups),
    positives: groupPositives.slice(0, groups),
    negatives: groupNegatives.slice(0, groups),
    totalPositives,
    totalNegatives,
  };
}

/** ROC AUC in [0, 1] from ranked scores, ties counting one half; 0.5 when a class is absent. */
export function aucFromRanked(ranked: RankedScores): number {
  const { positives, negatives, totalPositives: P, totalNegatives: N } = ranked;
  if (P === 0 || N === 0) return 0.5;
  let positivesAbove = 0;
  let wins = 0;
  for (let g = 0; g < positives.length; g++) {
    wins += negatives[g] * (positivesAbove + 0.5 * positives[g]);
    positivesAbove += positives[g];
  }
  return wins / (P * N);
}

/** ROC curve from ranked scores: one point per distinct score from (0, 0) to (1, 1); the chance diagonal when a class is absent. */
export function rocCurveFromRanked(ranked: RankedScores): RocCurve {
  const { scores, positives, negatives, totalPositives: P, totalNegatives: N } = ranked;
  if (P === 0 || N === 0) {
    return { fpr: [0, 1], tpr: [0, 1], thresholds: [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY] };
  }
  const groups = scores.length;
  const fpr = new Array<number>(groups + 1);
  const tpr = new Array<number>(groups + 1);
  const thresholds = new Array<number>(groups + 1);
  fpr[0] = 0;
  tpr[0] = 0;
  thresholds[0] = Number.POSITIVE_INFINITY;
  let tp = 0;
  let fp = 0;
  for (let g = 0; g < groups; g++) {
    tp += positives[g];
    fp += negatives[g];
    // Divide the counts each time rather than accumulate shares, so the last point is exactly (1, 1).
    tpr[g + 1] = tp / P;
    fpr[g + 1] = fp / N;
    thresholds[g + 1] = scores[g];
  }
  return { fpr, tpr, thresholds };
}

/**
 * AUC with a DeLong (1988) interval from ranked scores. Each positive's placement is the share of
 * negatives it outscores (ties ½), each negative's the share of positives outscoring it; the AUC is
 * their mean and var(AUC) = S10 / P + S01 / N with S the sample variances of the placements.
 * The interval is AUC ± z·se clamped to [0, 1]; NaN when a class has fewer than two rows.
 */
export function aucConfidenceFromRanked(ranked: RankedScores, level = 0.95): AucConfidence {
  if (!(level > 0 && level < 1)) throw new RangeError(`Confidence level must be between 0 and 1, got ${level}.`);
  const { positives, negatives, totalPositives: P, totalNegatives: N } = ranked;
  const auc = aucFromRanked(ranked);
  if (P < 2 || N < 2) return { auc, lower: Number.NaN, upper: Number.NaN, se: Number.NaN, level };
  let positivesAbove = 0;
  let negativesAbove = 0;
  let sumSq10 = 0;
  let sumSq01 = 0;
  for (let g = 0; g < positives.length; g++) {
    const negativesBelow = N - negativesAbove - negatives[g];
    const v10 = (negativesBelow + 0.5 * negatives[g]) / N;
    const v01 = (positivesAbove + 0.5 * positives[g]) / P;
    sumSq10 += positives[g] * (v10 - auc) * (v10 - auc);
    sumSq01 += negatives[g] * (v01 - auc) * (v01 - auc);
    positivesAbove += positives[g];
    negativesAbove += negatives[g];
  }
  const s10 = sumSq10 / (P - 1);
  const s01 = sumSq01 / (N - 1);
  const se = Math.sqrt(s10 / P + s01 / N);
  const z = normalQuantile(0.5 + level / 2);
  return { auc, lower: Math.max(0, auc - z * se), upper: Math.min(1, auc + z * se), se, level };
}

/**
 * KS from ranked scores: max over distinct thresholds of |TPR − FPR|, the two-sample KS distance
 * between the classes' score distributions. Equal to the data README's max(TPR − FPR) whenever the
 * largest gap has positives ahead (any useful model); ties go to the highest threshold. 0 when a class is absent.
 */
export function ksFromRanked(ranked: RankedScores): KsResult {
  const { scores, positives, negatives, totalPositives: P, totalNegatives: N } = ranked;
  if (P === 0 || N === 0) return { ks: 0, threshold: Number.NaN };
  let tp = 0;
  let fp = 0;
  // Compare |tp·N − fp·P| (= P·N·|TPR − FPR|) in exact integers, so equal gaps tie exactly
  // instead of being split by rounding (2/3 − 1/3 < 1 − 2/3 in doubles).
  let bestGap = -1;
  let threshold = Number.NaN;
  for (let g = 0; g < scores.length; g++) {
    tp += positives[g];
    fp += negatives[g];
    const gap = Math.abs(tp * N - fp * P);
    if (gap > bestGap) {
      bestGap = gap;
      threshold = scores[g];
    }
  }
  return { ks: bestGap / (P * N), threshold };
}

/**
 * KS chart from ranked scores at `points` evenly spaced population shares (0, 1/(points−1), …, 1).
 * Rows are taken highest score first; inside a tie group the classes are taken in proportion, so
 * ties are one straight step as in the ROC curve. An absent class's share follows the diagonal.
 */
export function ksCurveFromRanked(ranked: RankedScores, points = 101): KsCurve {
  if (!Number.isInteger(points) || points < 2) throw new RangeError(`A KS curve needs an integer number of points ≥ 2, got ${points}.`);
  const { scores, positives, negatives, totalPositives: P, totalNegatives: N } = ranked;
  const rows = P + N;
  const populationShare = new Array<number>(points);
  const threshold = new Array<number>(points);
  const cumPositiveShare = new Array<number>(points);
  const cumNegativeShare = new Array<number>(points);
  let g = 0;
  let rowsBefore = 0;
  let positivesBefore = 0;
  let negativesBefore = 0;
  for (let k = 0; k < points; k++) {
    const share = k / (points - 1);
    // k·rows is an exact integer, so dividing once keeps group boundaries exact.
    const taken = (k * rows) / (points - 1);
    while (g < scores.length && rowsBefore + positives[g] + negatives[g] <= taken) {
      rowsBefore += positives[g] + negatives[g];
      positivesBefore += positives[g];
      negativesBefore += negatives[g];
      g++;
    }
    let pos = positivesBefore;
    let neg = negativesBefore;
    const partial = taken - rowsBefore;
    if (partial > 0 && g < scores.length) {
      const size = positives[g] + negatives[g];
      pos += (positives[g] * partial) / size;
      neg += (negatives[g] * partial) / size;
      threshold[k] = scores[g];
    } else {
      threshold[k] = g > 0 ? scores[g - 1] : Number.POSITIVE_INFINITY;
    }
    populationShare[k] = share;
    cumPositiveShare[k] = P > 0 ? pos / P : share;
    cumNegativeShare[k] = N > 0 ? neg / N : share;
  }
  const { ks, threshold: ksThreshold } = ksFromRanked(ranked);
  let ksRows = 0;
  for (let h = 0; h < scores.length && scores[h] >= ksThreshold; h++) ksRows += positives[h] + negatives[h];
  return {
    populationShare,
    threshold,
    cumPositiveShare,
    cumNegativeShare,
    ks,
    ksThreshold,
    ksPopulationShare: rows > 0 && !Number.isNaN(ksThreshold) ? ksRows / rows : Number.NaN,
  };
}

/** ROC curve of 0/1 `labels` against `scores`: one point per distinct score, (0, 0) to (1, 1), ties as one step. */
export function computeRocCurve(labels: ArrayLike<number>, scores: ArrayLike<number>): RocCurve {
  return rocCurveFromRanked(rankScores(labels, scores));
}

/** ROC AUC with its DeLong standard error and `level` (default 95 %) interval, clamped to [0, 1]. */
export function computeAucConfidence(labels: ArrayLike<number>, scores: ArrayLike<number>, level = 0.95): AucConfidence {
  return aucConfidenceFromRanked(rankScores(labels, scores), level);
}

/** KS in [0, 1] = max |TPR − FPR| over score thresholds, and the threshold (predict positive at ≥) where it peaks. */
export function computeKs(labels: ArrayLike<number>, scores: ArrayLike<number>): KsResult {
  return ksFromRanked(rankScores(labels, scores));
}

/** KS chart data: cumulative shares of positives and negatives by population share, highest score first. */
export function computeKsCurve(labels: ArrayLike<number>, scores: ArrayLike<number>, points = 101): KsCurve {
  return ksCurveFromRanked(rankScores(labels, scores), points);
}

/** Gini coefficient (accuracy ratio) in [−1, 1] from an AUC in [0, 1]: 2·AUC − 1. */
export function giniFromAuc(auc: number): number {
  return 2 * auc - 1;
}
