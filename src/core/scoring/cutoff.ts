// The cut-off planner. Convention, used by every function here:
//   • the model's probability p is of the POSITIVE class (label 1);
//   • `positiveIsBad` says whether label 1 is the bad outcome (default, the usual credit target);
//   • the probability of bad is pBad = positiveIsBad ? p : 1 − p (computed once, in doubles);
//   • an applicant is APPROVED when pBad < cutoff, DECLINED when pBad ≥ cutoff; cutoff ∈ [0, 1].
// So cutoff 0 approves nobody and cutoff 1 approves everyone except rows with pBad exactly 1.
// With positiveIsBad the model "predicts positive" (bad) for the declined rows, i.e. p ≥ cutoff,
// the same rule as computeConfusion; otherwise it predicts positive (good) for the approved rows.

/** What the planner needs besides the data; money in one currency unit throughout. */
export interface CutoffOptions {
  /** True when label 1 is the bad outcome (e.g. default), false when label 1 is good (e.g. repaid). */
  readonly positiveIsBad: boolean;
  /** Profit in currency units from each approved applicant who turns out good. */
  readonly profitPerGood: number;
  /** Loss in currency units (a positive number) from each approved applicant who turns out bad. */
  readonly lossPerBad: number;
}

/** The portfolio that approving pBad < cutoff would have produced on labelled rows. */
export interface CutoffEvaluation {
  /** Probability-of-bad cut-off in [0, 1]: approve when pBad < cutoff. */
  readonly cutoff: number;
  readonly rows: number;
  /** Applicants approved (count). */
  readonly approved: number;
  /** approved / rows, in [0, 1] (0 for no rows). */
  readonly approvalRate: number;
  readonly goodsApproved: number;
  readonly badsApproved: number;
  /** badsApproved / approved, in [0, 1] (0 when nobody is approved). */
  readonly badRateApproved: number;
  /** Positive-class precision of the decision (positive predicted = declined if positiveIsBad, else approved); 0 if undefined. */
  readonly precision: number;
  /** Positive-class recall of the decision, in [0, 1]; 0 if the positive class is absent. */
  readonly recall: number;
  /** goodsApproved · profitPerGood − badsApproved · lossPerBad, in currency units. */
  readonly expectedProfit: number;
}

/** A cut-off evaluation with its KS: share of goods approved − share of bads approved, in [−1, 1]. */
export interface KsCutoffEvaluation extends CutoffEvaluation {
  readonly ks: number;
}

/** pBad values grouped by distinct value, ascending, with prefix counts of goods and bads strictly below each. */
interface CutoffBook {
  readonly values: Float64Array;
  /** goodsBelow[g] = goods with pBad < values[g]; goodsBelow[G] = all goods. */
  readonly goodsBelow: Int32Array;
  readonly badsBelow: Int32Array;
  readonly totalGoods: number;
  readonly totalBads: number;
  readonly rows: number;
  readonly options: CutoffOptions;
}

function assertOptions(options: CutoffOptions): void {
  if (!Number.isFinite(options.profitPerGood)) throw new RangeError(`profitPerGood must be a finite amount, got ${options.profitPerGood}.`);
  if (!Number.isFinite(options.lossPerBad)) throw new RangeError(`lossPerBad must be a finite amount, got ${options.lossPerBad}.`);
}

function assertCutoff(cutoff: number): void {
  if (!(cutoff >= 0 && cutoff <= 1)) throw new RangeError(`The cut-off must be a probability in [0, 1], got ${cutoff}.`);
}

function buildBook(labels: ArrayLike<number>, p: ArrayLike<number>, options: CutoffOptions): CutoffBook {
  if (labels.length !== p.length) throw new RangeError(`labels and probabilities must have the same length (got ${labels.length} and ${p.length}).`);
  assertOptions(options);
  const rows = labels.length;
  const { positiveIsBad } = options;
  let totalBads = 0;
  for (let i = 0; i < rows; i++) if ((labels[i] === 1) === positiveIsBad) totalBads++;
  const totalGoods = rows - totalBads;
  const goods = new Float64Array(totalGoods);
  const bads = new Float64Array(totalBads);
  for (let i = 0, a = 0, b = 0; i < rows; i++) {
    const pi = p[i];
    if (!(pi >= 0 && pi <= 1)) throw new RangeError(`Probability of row ${i} is ${pi}, outside [0, 1].`);
    const pBad = positiveIsBad ? pi : 1 - pi;
    if ((labels[i] === 1) === positiveIsBad) bads[b++] = pBad;
    else goods[a++] = pBad;
  }
  goods.sort();
  bads.sort();
  const values = new Float64Array(rows);
  const goodsBelow = new Int32Array(rows + 1);
  const badsBelow = new Int32Array(rows + 1);
  let groups = 0;
  let i = 0;
  let j = 0;
  while (i < totalGoods || j < totalBads) {
    const v = i >= totalGoods ? bads[j] : j >= totalBads ? goods[i] : Math.min(goods[i], bads[j]);
    values[groups] = v;
    goodsBelow[groups] = i;
    badsBelow[groups] = j;
    while (i < totalGoods && goods[i] === v) i++;
    while (j < totalBads && bads[j] === v) j++;
    groups++;
  }
  goodsBelow[groups] = totalGoods;
  badsBelow[groups] = totalBads;
  return {
    values: values.slice(0, groups),
    goodsBelow: goodsBelow.slice(0, groups + 1),
    badsBelow: badsBelow.slice(0, groups + 1),
    totalGoods,
    totalBads,
    rows,
    options,
  };
}

/** Number of groups whose pBad is < cutoff, i.e. the first group not approved (binary search). */
function approvedGroups(book: CutoffBook, cutoff: number): number {
  let lo = 0;
  let hi = book.values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (book.values[mid] < cutoff) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function evaluateGroups(book: CutoffBook, groups: number, cutoff: number): CutoffEvaluation {
  const { totalGoods, totalBads, rows, options } = book;
  const goodsApproved = book.goodsBelow[groups];
  const badsApproved = book.badsBelow[groups];
  const approved = goodsApproved + badsApproved;
  // Positive-class view: true positives and predicted positives of the decision.
  const truePositives = options.positiveIsBad ? totalBads - badsApproved : goodsApproved;
  const predictedPositives = options.positiveIsBad ? rows - approved : approved;
  const actualPositives = options.positiveIsBad ? totalBads : totalGoods;
  return {
    cutoff,
    rows,
    approved,
    approvalRate: rows > 0 ? approved / rows : 0,
    goodsApproved,
    badsApproved,
    badRateApproved: approved > 0 ? badsApproved / approved : 0,
    precision: predictedPositives > 0 ? truePositives / predictedPositives : 0,
    recall: actualPositives > 0 ? truePositives / actualPositives : 0,
    expectedProfit: goodsApproved * options.profitPerGood - badsApproved * options.lossPerBad,
  };
}

/** Every distinct achievable approval set as (cut-off, groups approved): each distinct pBad, plus 1 for "all below 1". */
function forEachCandidate(book: CutoffBook, visit: (cutoff: number, groups: number) => void): void {
  const { values } = book;
  for (let g = 0; g < values.length; g++) visit(values[g], g);
  if (values.length === 0 || values[values.length - 1] < 1) visit(1, values.length);
}

/** The portfolio of approving applicants with pBad < `cutoff` (see the convention at the top of this file). */
export function evaluateCutoff(labels: ArrayLike<number>, p: ArrayLike<number>, cutoff: number, options: CutoffOptions): CutoffEvaluation {
  assertCutoff(cutoff);
  const book = buildBook(labels, p, options);
  return evaluateGroups(book, approvedGroups(book, cutoff), cutoff);
}

/** Evaluations at `steps` evenly spaced cut-offs 0, 1/(steps−1), …, 1, for a slider; one sort in all. */
export function cutoffTable(labels: ArrayLike<number>, p: ArrayLike<number>, options: CutoffOptions, steps = 101): CutoffEvaluation[] {
  if (!Number.isInteger(steps) || steps < 2) throw new RangeError(`A cut-off table needs an integer number of steps ≥ 2, got ${steps}.`);
  const book = buildBook(labels, p, options);
  return Array.from({ length: steps }, (_, k) => {
    const cutoff = k / (steps - 1);
    return evaluateGroups(book, approvedGroups(book, cutoff), cutoff);
  });
}

/**
 * The cut-off with the highest expected profit, searched exactly: every distinct pBad (approving
 * everyone strictly below it) and 1. The reported cut-off is the pBad of the first declined
 * applicant; ties go to the lowest cut-off (fewest approvals).
 */
export function bestProfitCutoff(labels: ArrayLike<number>, p: ArrayLike<number>, options: CutoffOptions): CutoffEvaluation {
  const book = buildBook(labels, p, options);
  let bestCutoff = Number.NaN;
  let bestGroups = -1;
  let bestProfit = Number.NEGATIVE_INFINITY;
  forEachCandidate(book, (cutoff, groups) => {
    const profit = book.goodsBelow[groups] * options.profitPerGood - book.badsBelow[groups] * options.lossPerBad;
    if (bestGroups < 0 || profit > bestProfit) {
      bestCutoff = cutoff;
      bestGroups = groups;
      bestProfit = profit;
    }
  });
  return evaluateGroups(book, bestGroups, bestCutoff);
}

/**
 * The cut-off that best separates goods from bads: max over the same exact candidates of
 * (share of goods approved − share of bads approved), which is TPR − FPR with bad as the positive
 * class (the data README's KS). 0 everywhere when a class is absent; ties go to the lowest cut-off.
 */
export function bestKsCutoff(labels: ArrayLike<number>, p: ArrayLike<number>, options: CutoffOptions): KsCutoffEvaluation {
  const book = buildBook(labels, p, options);
  const { totalGoods, totalBads } = book;
  const bothClasses = totalGoods > 0 && totalBads > 0;
  let bestCutoff = Number.NaN;
  let bestGroups = -1;
  let bestGap = 0;
  forEachCandidate(book, (cutoff, groups) => {
    // goodsShare − badsShare scaled by goods·bads: exact integers, so equal gaps tie exactly.
    const gap = bothClasses ? book.goodsBelow[groups] * totalBads - book.badsBelow[groups] * totalGoods : 0;
    if (bestGroups < 0 || gap > bestGap) {
      bestCutoff = cutoff;
      bestGroups = groups;
      bestGap = gap;
    }
  });
  return { ...evaluateGroups(book, bestGroups, bestCutoff), ks: bothClasses ? bestGap / (totalGoods * totalBads) : 0 };
}

/**
 * The cut-off whose approval rate is closest to `targetRate` (in [0, 1]) over the same exact
 * candidates (every distinct pBad, and 1); ties go to the lower rate (fewer approvals). Rows with
 * the same pBad are approved or declined together, so the rate reached may differ from the target.
 */
export function cutoffForApprovalRate(labels: ArrayLike<number>, p: ArrayLike<number>, targetRate: number, options: CutoffOptions): CutoffEvaluation {
  if (!(targetRate >= 0 && targetRate <= 1)) throw new RangeError(`The target approval rate must be in [0, 1], got ${targetRate}.`);
  const book = buildBook(labels, p, options);
  let bestCutoff = Number.NaN;
  let bestGroups = -1;
  let bestGap = Number.POSITIVE_INFINITY;
  forEachCandidate(book, (cutoff, groups) => {
    const approved = book.goodsBelow[groups] + book.badsBelow[groups];
    const gap = Math.abs((book.rows > 0 ? approved / book.rows : 0) - targetRate);
    if (gap < bestGap - 1e-12) {
      bestCutoff = cutoff;
      bestGroups = groups;
      bestGap = gap;
    }
  });
  return evaluateGroups(book, bestGroups, bestCutoff);
}
