// The cleaning report's rules and fills worded from the core's codes (StepRule, MissingSummary.fill,
// ClipSummary.outliers, ExcludedFeature.value) in the active language, the user's column names and
// values left untranslated. A report from an older bundle without the codes keeps the core's English.

import type { ReactNode } from 'react';
import type { CleaningStep, ExcludedFeature, MissingSummary, StepRule } from '../../core/clean/cleanTable';
import { MISSING_LEVEL, type OutlierRule, type RangeRule } from '../../core/clean/plan';
import type { FeatureSpec } from '../../core/features/preprocessor';
import { numberFormat, translate } from '../i18n';
import { dataMarks } from '../shared/messageParts';

/** A number as the core writes it in rules (String(n): no grouping), with the language's digits and decimal mark. */
function plain(value: number): string {
  return numberFormat({ maximumFractionDigits: 20, useGrouping: false }).format(value);
}

/** A fitted bound as the core writes it (6 significant digits). */
function bound(value: number): string {
  return plain(Number(value.toPrecision(6)));
}

/** "IQR, k = 1.5" / "z-score, |z| > 3". */
export function outlierRuleText(rule: Pick<OutlierRule, 'method' | 'threshold'>): string {
  return translate(rule.method === 'iqr' ? 'clean.report.rule.iqr' : 'clean.report.rule.zscore', { threshold: plain(rule.threshold) });
}

/** "IQR, k = 1.5, bounds -2 to 13": an outlier rule with the bounds fitted on the training rows. */
export function boundsText(rule: Pick<OutlierRule, 'method' | 'threshold'>, lower: number, upper: number): string {
  return translate('clean.report.rule.outlierBounds', { rule: outlierRuleText(rule), lower: bound(lower), upper: bound(upper) });
}

/** "0–150", "≥ 0", "≤ 150", "any value". */
export function rangeWords(range: RangeRule): string {
  if (range.min !== null && range.max !== null) return translate('clean.report.rule.rangeBetween', { min: plain(range.min), max: plain(range.max) });
  if (range.min !== null) return translate('clean.report.rule.rangeAtLeast', { min: plain(range.min) });
  if (range.max !== null) return translate('clean.report.rule.rangeAtMost', { max: plain(range.max) });
  return translate('clean.report.rule.rangeAny');
}

/** A step's rule from its code; the core's English `rule` when the step has none (an older bundle). */
export function stepRuleText(step: Pick<CleaningStep, 'rule' | 'because'>): ReactNode {
  const because: StepRule | undefined = step.because;
  if (!because) return step.rule;
  const { mark, render } = dataMarks();
  switch (because.code) {
    case 'duplicates.off':
      return translate('clean.report.rule.duplicatesOff');
    case 'duplicates.all':
      return translate('clean.report.rule.duplicatesAll');
    case 'duplicates.byId':
      return render(translate('clean.report.rule.duplicatesById', { column: mark(because.column) }));
    case 'label.unusable':
      return render(translate('clean.report.rule.labelUnusable', { target: mark(because.target), positive: mark(because.positive), negative: mark(because.negative) }));
    case 'range.allowed':
      return translate('clean.report.rule.rangeAllowed', { range: rangeWords({ min: because.min, max: because.max }) });
    case 'missing.drop':
      return translate('clean.report.rule.missingDrop');
    case 'outlier.bounds':
      return boundsText(because, because.lower, because.upper);
    case 'outlier.noValues':
      return translate('clean.report.rule.outlierNoValues', { rule: outlierRuleText(because) });
  }
}

/** What fills a feature's missing cells, from the strategy and `fill`; the core's English `filledBy` without them. */
export function filledByText(m: MissingSummary): ReactNode {
  const fill = m.fill;
  if (!fill) return m.filledBy;
  const { mark, render } = dataMarks();
  const flagged = fill.indicator ? translate('clean.report.fill.flagged', { column: mark(m.column) }) : '';
  const fitted = translate(fill.kind === 'numeric' ? 'clean.report.fill.fittedMedian' : 'clean.report.fill.fittedMode');
  switch (m.strategy) {
    case 'median':
      return render(translate('clean.report.fill.median', { flagged }));
    case 'mean':
      return render(translate('clean.report.fill.mean', { flagged }));
    case 'mode':
      return render(translate('clean.report.fill.mode', { flagged }));
    case 'constant':
      return render(translate('clean.report.fill.constant', { value: mark(fill.constant ?? ''), flagged }));
    case 'indicator':
      return fill.kind === 'numeric' ? render(translate('clean.report.fill.median', { flagged })) : render(translate('clean.report.fill.ownLevel', { level: mark(MISSING_LEVEL) }));
    case 'forward-fill':
      return render(translate('clean.report.fill.forwardFill', { fitted, flagged }));
    case 'drop-row':
      return render(translate('clean.report.fill.dropRow', { fitted }));
  }
}

/** The fitted fill value of a feature: "2", "\"b\"" (a level is data), or "no fill value". */
export function fillValueText(feature: FeatureSpec): ReactNode {
  if (feature.fill === null) return translate('clean.report.fill.none');
  if (feature.kind === 'numeric') return bound(feature.fill);
  const { mark, render } = dataMarks();
  return render(translate('clean.report.fill.quoted', { value: mark(feature.fill) }));
}

/** Why a chosen feature was left out; the core's English note when the reason's value is missing (an older bundle). */
export function excludedText(e: ExcludedFeature): ReactNode {
  const { mark, render } = dataMarks();
  if (e.reason === 'all-missing') return render(translate('clean.report.excluded.allMissing', { column: mark(e.column) }));
  if (e.value === undefined) return e.note;
  return render(translate('clean.report.excluded.constant', { column: mark(e.column), value: mark(e.value) }));
}
