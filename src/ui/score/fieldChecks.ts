// What the applicant form says about one answer before it is scored: a number that is not one or
// lies outside the column's possible range cannot be scored (the model refuses it); a blank is
// scored as missing; a number outside the range the model was trained on is scored, with a warning.
import type { SchemaColumn } from '../../core/bundle/types';
import { isMissingMarker, parseNumberCell, type DecimalMark } from '../../core/csv/cells';
import type { FeatureSpec } from '../../core/features/preprocessor';
import { numberFormat, translate } from '../i18n';

/** The form's verdict on one answer: `blocks` when it cannot be scored as it stands. */
export type FieldCheck =
  | { readonly code: 'ok' }
  | { readonly code: 'missing'; readonly blocks: false; readonly fill: string | null }
  | { readonly code: 'not-a-number'; readonly blocks: true }
  | { readonly code: 'outside-possible'; readonly blocks: true; readonly min: number | null; readonly max: number | null }
  | { readonly code: 'outside-trained'; readonly blocks: false; readonly min: number; readonly max: number };

/** Checks one answer of `feature` (the stored preprocessing) against its possible range and the trained range in `column` (the bundle's schema). */
export function checkField(feature: FeatureSpec, column: SchemaColumn | undefined, raw: string, decimal: DecimalMark): FieldCheck {
  if (isMissingMarker(raw)) {
    const fill = feature.kind === 'numeric' ? (feature.fill === null ? null : String(feature.fill)) : feature.fill;
    return { code: 'missing', blocks: false, fill };
  }
  if (feature.kind !== 'numeric') return { code: 'ok' };
  const value = parseNumberCell(raw, decimal);
  if (Number.isNaN(value)) return { code: 'not-a-number', blocks: true };
  const range = feature.range;
  if (range !== null && ((range.min !== null && value < range.min) || (range.max !== null && value > range.max)))
    return { code: 'outside-possible', blocks: true, min: range.min, max: range.max };
  if (column?.kind === 'numeric' && column.trainedMin !== null && column.trainedMax !== null && (value < column.trainedMin || value > column.trainedMax)) {
    return { code: 'outside-trained', blocks: false, min: column.trainedMin, max: column.trainedMax };
  }
  return { code: 'ok' };
}

const NUMBER: Intl.NumberFormatOptions = { maximumFractionDigits: 4 };
const number = (value: number) => numberFormat(NUMBER).format(value);

/** The check's machine values for its message's data-* attributes: which bound (between, at-least, at-most) and the limits, for tests and tools to read in any language. */
export function checkAttributes(check: FieldCheck): Readonly<Record<'data-check' | 'data-min' | 'data-max', string | undefined>> {
  if (check.code !== 'outside-possible' && check.code !== 'outside-trained') return { 'data-check': undefined, 'data-min': undefined, 'data-max': undefined };
  const { min, max } = check;
  const bound = min !== null && max !== null ? 'between' : min !== null ? 'at-least' : 'at-most';
  return { 'data-check': bound, 'data-min': min === null ? undefined : String(min), 'data-max': max === null ? undefined : String(max) };
}

/** The check in words for the field's message, in the active language ('' when there is nothing to say). */
export function fieldMessage(check: FieldCheck): string {
  switch (check.code) {
    case 'ok':
      return '';
    case 'missing':
      return check.fill === null ? translate('score.field.blank') : translate('score.field.blankFilled', { fill: check.fill });
    case 'not-a-number':
      return translate('score.field.notANumber');
    case 'outside-possible':
      return check.min !== null && check.max !== null
        ? translate('score.field.between', { min: number(check.min), max: number(check.max) })
        : check.min !== null
          ? translate('score.field.atLeast', { min: number(check.min) })
          : translate('score.field.atMost', { max: number(check.max!) });
    case 'outside-trained':
      return translate('score.field.outsideTrained', { min: number(check.min), max: number(check.max) });
  }
}
