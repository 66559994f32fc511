// What the applicant form says about one answer before it is scored: a number that is not one or
// lies outside the column's possible range cannot be scored (the model refuses it); a blank is
// scored as missing; a number outside the range the model was trained on is scored, with a warning.
import type { SchemaColumn } from '../../core/bundle/types';
import { isMissingMarker, parseNumberCell, type DecimalMark } from '../../core/csv/cells';
import type { FeatureSpec } from '../../core/features/preprocessor';

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

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/** The check in words for the field's message ('' when there is nothing to say). */
export function fieldMessage(check: FieldCheck): string {
  switch (check.code) {
    case 'ok':
      return '';
    case 'missing':
      return check.fill === null ? 'Blank: scored as missing.' : `Blank: scored as missing (filled with ${check.fill}, as in training).`;
    case 'not-a-number':
      return 'Enter a number.';
    case 'outside-possible':
      return check.min !== null && check.max !== null
        ? `Must be between ${number.format(check.min)} and ${number.format(check.max)}.`
        : check.min !== null
          ? `Must be at least ${number.format(check.min)}.`
          : `Must be at most ${number.format(check.max!)}.`;
    case 'outside-trained':
      return `Outside the trained range (${number.format(check.min)}–${number.format(check.max)}): scored, but the model has not seen such values.`;
  }
}
