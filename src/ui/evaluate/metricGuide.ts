import { localFixed, translate } from '../i18n';

// What each held-out metric means to a newcomer, which way is better, and what a typical credit
// model reaches, as plain data: the strings are keyed by metric id so a translation can replace
// them one for one (the words are in the i18n resources, evaluate.guide). Wording stays modest: "typical", never "good".
//
// Where the typical figures come from:
// - AUC and Gini: the widely quoted rule of thumb for retail scorecards, a Gini of about 0.40–0.60
//   for application scorecards and up to 0.70–0.80 for behavioural ones (Siddiqi, "Credit Risk
//   Scorecards", Wiley 2006; Anderson, "The Credit Scoring Toolkit", OUP 2007). We quote Gini
//   0.40–0.70, i.e. AUC 0.70–0.85 (Gini = 2 × AUC − 1).
// - KS: 0.30–0.50 is the band usually quoted for the same models (Siddiqi 2006). It agrees with the
//   Gini band: for binormal scores of equal spread, AUC = Φ(d/√2) and KS = 2Φ(d/2) − 1, so Gini
//   0.40 → KS 0.29 and Gini 0.70 → KS 0.54.
// - Log loss and Brier have no range of their own: both depend on the bad rate, so they are read
//   against the base-rate baseline the panel shows beside them (everyone quoted the average bad
//   rate). A calibrated model that ranks at all is below it; how far below is what it adds.
// - Calibration (ECE over 10 bins): a calibrated model's ECE is mostly sampling noise, so the panel
//   shows what chance alone gives on its own test rows (chanceEce below): about 0.03 for 100 rows
//   in a bin at a 20% bad rate. This project measured 0.0076 on credit_risk's 6,483 test rows and
//   about 0.07 on 200-row folds.

/** The metrics that carry an explanation; each is shown with data-testid `metric-help-<id>`. */
export type GuidedMetric = 'auc' | 'gini' | 'ks' | 'logloss' | 'brier' | 'calibration';

/** Which way a metric improves. */
export type MetricDirection = 'higher' | 'lower';

/** What a typical credit model reaches: a band on the metric's own scale, "below the base-rate baseline", or "near what chance gives a calibrated model". */
export type TypicalReach = { readonly kind: 'range'; readonly low: number; readonly high: number } | { readonly kind: 'below-baseline' } | { readonly kind: 'near-chance' };

/** One metric's explanation: a one-line meaning, the better direction and the typical reach in words. */
export interface MetricGuide {
  readonly id: GuidedMetric;
  /** One line, plain words: what the number says about the model. */
  readonly meaning: string;
  readonly direction: MetricDirection;
  readonly typical: TypicalReach;
  /** The typical reach in words, for a person who has never built a credit model. */
  readonly typicalText: string;
}

// A guide whose words are read from the resources at access time, so a render after a language
// switch shows the new language; a range's figures are formatted for the language too.
function guide(id: GuidedMetric, direction: MetricDirection, typical: TypicalReach): MetricGuide {
  return {
    id,
    direction,
    typical,
    get meaning() {
      return translate(`evaluate.guide.${id}.meaning`);
    },
    get typicalText() {
      if (typical.kind === 'range') return translate('evaluate.guide.typicalRange', { low: localFixed(typical.low, 2), high: localFixed(typical.high, 2) });
      return translate(`evaluate.guide.${id as 'logloss' | 'brier' | 'calibration'}.typical`);
    },
  };
}

/** The explanations, in the order the metrics table shows them: a short line of meaning, then the typical reach. */
export const METRIC_GUIDES: Readonly<Record<GuidedMetric, MetricGuide>> = {
  auc: guide('auc', 'higher', { kind: 'range', low: 0.7, high: 0.85 }),
  gini: guide('gini', 'higher', { kind: 'range', low: 0.4, high: 0.7 }),
  ks: guide('ks', 'higher', { kind: 'range', low: 0.3, high: 0.5 }),
  logloss: guide('logloss', 'lower', { kind: 'below-baseline' }),
  brier: guide('brier', 'lower', { kind: 'below-baseline' }),
  calibration: guide('calibration', 'lower', { kind: 'near-chance' }),
};

/** "Higher is better." / "Lower is better.", in the active language. */
export function directionText(direction: MetricDirection): string {
  return direction === 'higher' ? translate('evaluate.guide.higher') : translate('evaluate.guide.lower');
}

/**
 * How much lower `model` is than `baseline`, as a share of the baseline (0.14 = 14% below; negative
 * when the model is worse); null when either is missing or the baseline is 0.
 */
export function reductionFromBaseline(model: number | null, baseline: number | null): number | null {
  if (model === null || baseline === null || !Number.isFinite(model) || !Number.isFinite(baseline) || baseline <= 0) return null;
  return (baseline - model) / baseline;
}

/**
 * Fewer test rows than this of either outcome and the held-out figures may move a lot with another
 * split: with 100 bads and 100 goods the standard error of an AUC near 0.75 is already about 0.035
 * (Hanley and McNeil, Radiology 1982), so its 95% interval spans ±0.07, about the width of the whole
 * typical band. "About 100" is the rule of thumb.
 */
export const SMALL_SAMPLE_MIN_ROWS = 100;

/** The test rows of each outcome, and which outcomes have fewer than SMALL_SAMPLE_MIN_ROWS. */
export interface SmallSample {
  readonly bads: number;
  readonly goods: number;
  /** The outcomes under the threshold, bad first; never empty. */
  readonly short: readonly ('bad' | 'good')[];
}

/** A SmallSample when the test rows hold fewer than SMALL_SAMPLE_MIN_ROWS bads or goods; null when both have enough. */
export function checkSmallSample(bads: number, goods: number): SmallSample | null {
  const short: ('bad' | 'good')[] = [];
  if (bads < SMALL_SAMPLE_MIN_ROWS) short.push('bad');
  if (goods < SMALL_SAMPLE_MIN_ROWS) short.push('good');
  return short.length === 0 ? null : { bads, goods, short };
}

/**
 * The ECE a perfectly calibrated model would show on these bins by chance alone: the mean over bins,
 * weighted by rows, of E|X/n − p| for X ~ Binomial(n, p), with n a bin's rows and p its mean
 * predicted probability of bad. Exact (de Moivre's mean absolute deviation,
 * E|X − np| = 2n·C(n−1, m)·p^(m+1)·(1−p)^(n−m), m = ⌊np⌋); O(rows) in all. NaN without rows.
 */
export function chanceEce(bins: readonly { readonly predicted: number; readonly count: number }[]): number {
  let rows = 0;
  let sum = 0;
  for (const { predicted: p, count: n } of bins) {
    if (n <= 0) continue;
    rows += n;
    if (p <= 0 || p >= 1) continue;
    const m = Math.min(n - 1, Math.floor(n * p));
    // ln C(n−1, m) as a sum of logs: no gamma function needed, exact enough for any test set.
    let logChoose = 0;
    for (let i = 1; i <= m; i++) logChoose += Math.log((n - 1 - m + i) / i);
    const mad = 2 * n * Math.exp(logChoose + (m + 1) * Math.log(p) + (n - m) * Math.log1p(-p));
    sum += mad; // n × E|X/n − p| = E|X − np|: the bin's weight n/rows is applied by dividing by rows below.
  }
  return rows > 0 ? sum / rows : Number.NaN;
}
