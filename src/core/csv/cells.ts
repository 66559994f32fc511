/** Cell-level reading rules shared by the CSV reader and the applicant form. */

const MISSING_MARKERS = new Set(['', 'na', 'n/a', '#n/a', 'null', 'none', '?', 'nan', '-nan', 'inf', '-inf', 'infinity', '-infinity', '+infinity']);

/** True when a raw cell means "no value": empty, NA, N/A, null, ?, NaN, or an infinity. */
export function isMissingMarker(raw: string): boolean {
  if (raw.length === 0) return true;
  // A cell starting with a digit is never a marker: the common case stays cheap.
  const c = raw.charCodeAt(0);
  if (c >= 48 && c <= 57) return false;
  const text = raw.trim();
  return text.length <= 9 && MISSING_MARKERS.has(text.toLowerCase());
}

/** How numbers are written in a file: "1,234.5" (decimal point) or "1.234,5" (decimal comma). */
export type DecimalMark = '.' | ',';

// Plain decimal or scientific notation with a point; rejects hex, "3+" and the like.
const POINT_NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const POINT_GROUPED = /^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const COMMA_NUMBER = /^[-+]?(?:\d+,?\d*|,\d+)(?:[eE][-+]?\d+)?$/;
const COMMA_GROUPED = /^[-+]?\d{1,3}(?:[. \u00a0]\d{3})+(?:,\d+)?$/;

/** True for an unsigned run of ASCII digits with at most one point: the shape of almost every numeric cell. */
function isPlainDecimal(text: string): boolean {
  let point = false;
  let digits = 0;
  for (let i = text.charCodeAt(0) === 45 ? 1 : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !point) point = true;
    else return false;
  }
  return digits > 0;
}

/**
 * The number a raw cell holds; NaN when missing, not a number, or not finite (1e999).
 * Accepts scientific notation and thousands separators ("1,234.5", or "1.234,5" with a decimal comma).
 */
export function parseNumberCell(raw: string, decimal: DecimalMark = '.'): number {
  const value = readNumber(raw, decimal);
  return Number.isFinite(value) ? value : Number.NaN;
}

/** Like parseNumberCell, but a number too large for a double (1e999) gives ±Infinity rather than NaN, so callers can tell it from text. */
export function readNumber(raw: string, decimal: DecimalMark = '.'): number {
  let value: number;
  if (decimal === '.' && isPlainDecimal(raw)) value = Number(raw);
  else {
    const text = raw.trim();
    if (text === '') return Number.NaN;
    if (decimal === '.') {
      if (POINT_NUMBER.test(text)) value = Number(text);
      else if (POINT_GROUPED.test(text)) value = Number(text.replaceAll(',', ''));
      else return Number.NaN;
    } else if (COMMA_GROUPED.test(text)) value = Number(text.replace(/[. \u00a0]/g, '').replace(',', '.'));
    else if (COMMA_NUMBER.test(text)) value = Number(text.replace(',', '.'));
    else if (POINT_NUMBER.test(text)) value = Number(text);
    else return Number.NaN;
  }
  return value;
}
