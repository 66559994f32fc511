// Fisher's exact test on a 2×2 table, two-sided: the probability, under the hypergeometric law of
// tables with the observed margins, of every table at most as probable as the observed one. The
// probabilities are computed in log space by Loader's saddle-point form (as R's dhyper does): a
// Stirling-series remainder and a deviance term per factor, which keeps about 1e-13 relative
// accuracy at counts of a million, where differences of lgamma values (≈ 1e7) would lose digits.

/**
 * A table counts as "at most as probable" as the observed one when its probability is at most
 * (1 + 1e-7) times the observed one's, so tables of mathematically equal probability are all
 * included whatever the rounding. R's fisher.test uses this tolerance; scipy 1.10.1 uses 1 + 1e-14,
 * which differs only when a table's probability is within 1e-7 but not 1e-14 of the observed one's.
 */
export const FISHER_RELATIVE_TOLERANCE = 1e-7;

const LN_2PI = Math.log(2 * Math.PI);

// ln(n!) − (n ln n − n + ½ ln(2πn)) for n = 0 … 15, from exact 50-digit arithmetic (fisherReference.py); n = 0 is never used.
const STIRLING_ERRORS = [
  0, 0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093, 0.016644691189821193, 0.013876128823070748, 0.01189670994589177, 0.010411265261972096,
  0.009255462182712733, 0.00833056343336287, 0.007573675487951841, 0.00694284010720953, 0.006408994188004207, 0.0059513701127588475, 0.005554733551962801,
];

/** Stirling's error for an integer n ≥ 1: ln(n!) − (n ln n − n + ½ ln(2πn)), from a table to 15 and the asymptotic series above. */
export function stirlingError(n: number): number {
  if (n <= 15) return STIRLING_ERRORS[n];
  const nn = n * n;
  // The series 1/(12n) − 1/(360n³) + 1/(1260n⁵) − 1/(1680n⁷) + 1/(1188n⁹), cut where its next term is below double precision.
  if (n > 500) return (1 / 12 - 1 / 360 / nn) / n;
  if (n > 80) return (1 / 12 - (1 / 360 - 1 / 1260 / nn) / nn) / n;
  if (n > 35) return (1 / 12 - (1 / 360 - (1 / 1260 - 1 / 1680 / nn) / nn) / nn) / n;
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / 1188 / nn) / nn) / nn) / nn) / n;
}

/** x ln(x / m) + m − x, the deviance of x from m, summed as a series when x is near m (where the formula would cancel). */
function deviance(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let s = (x - m) * v;
    let term = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      term *= v;
      const next = s + term / (2 * j + 1);
      if (next === s) return next;
      s = next;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

/** ln of the binomial probability of x successes in m trials of success probability p (q = 1 − p, passed so it is exact). */
function logBinomial(x: number, m: number, p: number, q: number): number {
  if (p === 0) return x === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (q === 0) return x === m ? 0 : Number.NEGATIVE_INFINITY;
  if (x === 0) return m === 0 ? 0 : p < 0.1 ? -deviance(m, m * q) - m * p : m * Math.log(q);
  if (x === m) return q < 0.1 ? -deviance(m, m * p) - m * q : m * Math.log(p);
  const lc = stirlingError(m) - stirlingError(x) - stirlingError(m - x) - deviance(x, m * p) - deviance(m - x, m * q);
  return lc - 0.5 * (LN_2PI + Math.log(x) + Math.log1p(-x / m));
}

/**
 * ln P(X = x) for X hypergeometric: x of `draws` items drawn without replacement are of the
 * `marked` kind, from `marked` + `unmarked` items. −Infinity outside the support.
 */
export function hypergeometricLogPmf(x: number, marked: number, unmarked: number, draws: number): number {
  if (x < Math.max(0, draws - unmarked) || x > Math.min(draws, marked)) return Number.NEGATIVE_INFINITY;
  const total = marked + unmarked;
  const p = draws / total;
  const q = (total - draws) / total;
  return logBinomial(x, marked, p, q) + logBinomial(draws - x, unmarked, p, q) - logBinomial(draws, total, p, q);
}

/**
 * The two-sided p-value of Fisher's exact test for the table [[a, b], [c, d]], as
 * scipy.stats.fisher_exact gives it: 1 when a row or column sums to 0, else the summed probability
 * of the tables with the same margins at most (1 + FISHER_RELATIVE_TOLERANCE) times as probable as
 * this one, capped at 1. Cells must be non-negative integers (throws otherwise).
 */
export function fisherExactTwoSided(a: number, b: number, c: number, d: number): number {
  for (const cell of [a, b, c, d]) if (!Number.isSafeInteger(cell) || cell < 0) throw new RangeError(`Fisher's test needs non-negative integer cells, got ${cell}.`);
  const marked = a + b;
  const unmarked = c + d;
  const draws = a + c;
  const total = marked + unmarked;
  if (marked === 0 || unmarked === 0 || draws === 0 || draws === total) return 1;
  const logPmf = (x: number): number => hypergeometricLogPmf(x, marked, unmarked, draws);
  const low = Math.max(0, draws - unmarked);
  const high = Math.min(draws, marked);
  // The pmf rises to the mode and falls after it (it is log-concave), so the tables at most as probable
  // as the observed one are two tails: low … lowerEnd and upperStart … high.
  const mode = Math.floor(((draws + 1) * (marked + 1)) / (total + 2));
  const logObserved = logPmf(a);
  const threshold = logObserved + Math.log1p(FISHER_RELATIVE_TOLERANCE);
  if (logPmf(mode) <= threshold) return 1;
  const within = (x: number): boolean => logPmf(x) <= threshold;
  // Probabilities are summed relative to the observed one's, so a p-value far below 1e-300 still sums exactly until the end.
  let relative = 0;
  if (within(low)) relative += tailSum(logPmf, logObserved, lastWithin(within, low, mode), -1, low);
  if (within(high)) relative += tailSum(logPmf, logObserved, firstWithin(within, mode, high), 1, high);
  return Math.min(1, Math.exp(logObserved + Math.log(relative)));
}

/** The largest x in [from, to) with within(x), given within(from) and not within(to), within true then false. */
function lastWithin(within: (x: number) => boolean, from: number, to: number): number {
  let yes = from;
  let no = to;
  while (no - yes > 1) {
    const mid = Math.floor((yes + no) / 2);
    if (within(mid)) yes = mid;
    else no = mid;
  }
  return yes;
}

/** The smallest x in (from, to] with within(x), given not within(from) and within(to), within false then true. */
function firstWithin(within: (x: number) => boolean, from: number, to: number): number {
  let no = from;
  let yes = to;
  while (yes - no > 1) {
    const mid = Math.floor((yes + no) / 2);
    if (within(mid)) yes = mid;
    else no = mid;
  }
  return yes;
}

/**
 * Σ exp(logPmf(x) − logScale) from `start` outwards by `step` to `end`. Outwards from the mode each
 * term is at most the previous one times the previous ratio r (log-concavity), so the rest is below
 * term · r / (1 − r) and the sum stops once that is below 1e-17 of it.
 */
function tailSum(logPmf: (x: number) => number, logScale: number, start: number, step: 1 | -1, end: number): number {
  let sum = 0;
  // NaN: the first term has no ratio, so it never stops the sum.
  let previous = Number.NaN;
  for (let x = start; step > 0 ? x <= end : x >= end; x += step) {
    const term = Math.exp(logPmf(x) - logScale);
    sum += term;
    const ratio = term / previous;
    if (ratio < 1 && (term * ratio) / (1 - ratio) < sum * 1e-17) break;
    previous = term;
  }
  return sum;
}
