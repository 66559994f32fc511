// Made-up applicants that a bundle carries with the probabilities the model gave them at export:
// scoring them again after import shows whether weights or rules changed. They are built from the
// preprocessor's fitted values only, never from rows of the file, so a shared model carries no
// one's data.

import { MISSING_LEVEL } from '../clean/plan';
import type { DecimalMark } from '../csv/cells';
import type { ApplicantRecord, CategoricalFeature, NumericFeature, Preprocessor } from '../features/preprocessor';
import { createRandom, shuffleInPlace } from '../split/random';

/** Standard deviations either side of the mean that values of a standardised feature span. */
const SPREAD_STDS = 2;

/**
 * `count` applicants for `pre`, the same for the same seed. The first has every answer blank (the
 * fills, and "was missing" inputs, are scored); the second, when there are text features, answers
 * each with a level training never saw; the others answer every text feature with its levels in
 * turn. Numbers are spread over the trained span, a Latin hypercube (each applicant in its own
 * slice of every feature's span, the slices shuffled per feature): between the first and last PLE
 * edge, else mean ± 2 std, within any clip bounds, an outlier 'drop' rule's trained range and the
 * possible range; a feature without training values gets its fill. Numbers are written with the
 * preprocessor's decimal mark, so encodeApplicant reads each record as a form answer.
 */
export function syntheticApplicants(pre: Preprocessor, count = 8, seed = 1): ApplicantRecord[] {
  const random = createRandom(seed);
  const hasText = pre.features.some((f) => f.kind === 'categorical');
  const special = Math.min(count, hasText ? 2 : 1);
  const regular = count - special;
  // Per feature, in order: one column of answers for the regular applicants.
  const answers = pre.features.map((feature) => (feature.kind === 'numeric' ? numericAnswers(feature, pre, regular, random) : levelAnswers(feature, regular, random)));
  const records: ApplicantRecord[] = [];
  for (let i = 0; i < count; i++) {
    const record: Record<string, string> = {};
    pre.features.forEach((feature, f) => {
      if (i === 0) record[feature.name] = '';
      else if (i < special) record[feature.name] = feature.kind === 'categorical' ? unseenLevel(feature) : numericAnswers(feature, pre, 1, random)[0];
      else record[feature.name] = answers[f][i - special];
    });
    records.push(record);
  }
  return records;
}

function numericAnswers(feature: NumericFeature, pre: Preprocessor, count: number, random: () => number): string[] {
  const span = feature.missingInTraining < pre.fittedOnRows ? trainedSpan(feature) : null;
  if (span === null) return new Array<string>(count).fill(fillAnswer(feature, pre.decimal));
  const [lower, upper] = span;
  const decimal = pre.decimal;
  const slices = shuffleInPlace(
    Int32Array.from({ length: count }, (_, i) => i),
    random,
  );
  return Array.from(slices, (slice) => {
    const u = (slice + random()) / count;
    return writeNumber(valueAt(feature, u, lower, upper), decimal, lower, upper);
  });
}

/** The fill as an answer for a feature training had no values of; blank when there is none or the possible range refuses it. */
function fillAnswer(feature: NumericFeature, decimal: DecimalMark): string {
  const { fill, range } = feature;
  if (fill === null || (range !== null && ((range.min !== null && fill < range.min) || (range.max !== null && fill > range.max)))) return '';
  return writeNumber(fill, decimal, fill, fill);
}

/**
 * Where a feature's synthetic values may lie: the PLE edges' span or mean ± 2 std, narrowed to the
 * clip bounds, the 'drop' rule's trained range and the possible range (that last one decides, as
 * encodeApplicant refuses values outside it).
 */
function trainedSpan(feature: NumericFeature): [number, number] {
  const edges = feature.ple?.edges ?? null;
  let lower = edges === null ? feature.mean - SPREAD_STDS * feature.std : edges[0];
  let upper = edges === null ? feature.mean + SPREAD_STDS * feature.std : edges[edges.length - 1];
  for (const bounds of [feature.clip, feature.trainedRange]) {
    if (bounds === null) continue;
    lower = Math.min(Math.max(lower, bounds.lower), bounds.upper);
    upper = Math.max(Math.min(upper, bounds.upper), bounds.lower);
  }
  const range = feature.range;
  if (range === null) return [lower, upper];
  // A span wholly beyond the possible range shrinks to the bound it lies beyond.
  if (range.max !== null && lower > range.max) return [range.max, range.max];
  if (range.min !== null && upper < range.min) return [range.min, range.min];
  if (range.min !== null) lower = Math.max(lower, range.min);
  if (range.max !== null) upper = Math.min(upper, range.max);
  return [lower, upper];
}

/**
 * The value at fraction u of the span: linearly, or for PLE along the edges (quantiles of training,
 * so the values follow the training distribution) between the fractions the span's bounds sit at.
 */
function valueAt(feature: NumericFeature, u: number, lower: number, upper: number): number {
  const edges = feature.ple?.edges ?? null;
  if (edges === null) return lower + u * (upper - lower);
  const from = edgeFraction(edges, lower);
  const position = (from + u * (edgeFraction(edges, upper) - from)) * (edges.length - 1);
  const k = Math.min(edges.length - 2, Math.floor(position));
  const v = edges[k] + (edges[k + 1] - edges[k]) * (position - k);
  return v < lower ? lower : v > upper ? upper : v;
}

/** Where v lies along the edges, 0 at the first and 1 at the last, linear between neighbours (clamped). */
function edgeFraction(edges: readonly number[], v: number): number {
  const last = edges.length - 1;
  if (v <= edges[0]) return 0;
  if (v >= edges[last]) return 1;
  let k = 0;
  while (edges[k + 1] < v) k++;
  return (k + (v - edges[k]) / (edges[k + 1] - edges[k])) / last;
}

/** v as a form answer: six significant digits (the exact value when rounding would leave [lower, upper]), with the decimal mark. */
function writeNumber(v: number, decimal: DecimalMark, lower: number, upper: number): string {
  const rounded = Number(v.toPrecision(6));
  const text = String(rounded >= lower && rounded <= upper ? rounded : v);
  return decimal === ',' ? text.replace('.', ',') : text;
}

function levelAnswers(feature: CategoricalFeature, count: number, random: () => number): string[] {
  // The "(missing)" stand-in is what a blank answer becomes, not an answer; the blank applicant scores it.
  const levels = feature.levels.filter((level) => !(feature.missing === 'indicator' && level === MISSING_LEVEL));
  if (levels.length === 0) return new Array<string>(count).fill('');
  const start = Math.floor(random() * levels.length);
  return Array.from({ length: count }, (_, i) => levels[(start + i) % levels.length]);
}

/** A level that is none of the feature's levels, is not blank, and does not read as a number. */
function unseenLevel(feature: CategoricalFeature): string {
  let text = '(not seen in training)';
  for (let k = 2; feature.levels.includes(text); k++) text = `(not seen in training ${k})`;
  return text;
}
