/** Cell-level reading rules shared by the CSV parser and the applicant form. */

const MISSING_MARKERS = new Set(['', 'na', 'n/a', 'null', '?', 'nan', 'none', '#n/a']);

/** True when a raw cell means "no value" (empty, NA, N/A, null, ?, NaN). */
export function isMissingMarker(raw: string): boolean {
  return MISSING_MARKERS.has(raw.trim().toLowerCase());
}

// Plain decimal or scientific notation; rejects hex, "1,5", "3+" and the like,
// which Number() would either accept wrongly or that are really categories.
const NUMBER_PATTERN = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** The number a raw cell holds; NaN when missing, not a number, or not finite. */
export function parseNumberCell(raw: string): number {
  const text = raw.trim();
  if (!NUMBER_PATTERN.test(text)) return Number.NaN;
  const value = Number(text);
  return Number.isFinite(value) ? value : Number.NaN;
}
