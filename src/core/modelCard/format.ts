// The card's number formats, fixed so that every figure of one kind reads alike and a validator can
// compare cards: AUC and other scores to 4 decimals, rates as percentages to 1 decimal, counts with
// thousands separators. A figure that could not be computed (NaN) is said to be so, never printed as "NaN".

/** What a missing or non-finite figure reads as. */
export const NOT_AVAILABLE = 'n/a';

/** The text of a negative number with a true minus sign (U+2212), as the rest of CreditLab writes it. */
function signed(text: string): string {
  return text.startsWith('-') ? `−${text.slice(1)}` : text;
}

/** `value` to exactly `digits` decimals ("0.9123"); n/a when not finite; −0 prints as 0. */
export function fixed(value: number, digits: number): string {
  if (!Number.isFinite(value)) return NOT_AVAILABLE;
  const text = value.toFixed(digits);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : signed(text);
}

/** A share in [0, 1] as a percentage with `digits` decimals (1 by default): 0.2345 → "23.5%". */
export function percent(share: number, digits = 1): string {
  return Number.isFinite(share) ? `${fixed(100 * share, digits)}%` : NOT_AVAILABLE;
}

/** A whole count with thousands separators: 26000 → "26,000"; others are rounded first. */
export function count(value: number): string {
  if (!Number.isFinite(value)) return NOT_AVAILABLE;
  const whole = Math.round(value);
  const digits = String(Math.abs(whole)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return whole < 0 ? `−${digits}` : digits;
}

/** A measured value as written elsewhere in the app: whole numbers exactly, others to 6 significant digits ("1234567", "0.333333"). */
export function plain(value: number): string {
  if (!Number.isFinite(value)) return NOT_AVAILABLE;
  return signed(Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6))));
}

/** A file size in bytes, with the exact count: "1.5 MB (1,572,864 bytes)". */
export function fileSize(bytes: number): string {
  const units = ['KB', 'MB', 'GB'];
  if (!(bytes >= 1024)) return `${count(bytes)} bytes`;
  let size = bytes / 1024;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit++;
  }
  return `${fixed(size, 1)} ${units[unit]} (${count(bytes)} bytes)`;
}

/** A duration in milliseconds as seconds or minutes: "42.3 s", "3 min 12 s". */
export function duration(ms: number): string {
  if (!Number.isFinite(ms)) return NOT_AVAILABLE;
  const seconds = ms / 1000;
  if (seconds < 60) return `${fixed(seconds, 1)} s`;
  const total = Math.round(seconds);
  const minutes = Math.floor(total / 60);
  return `${minutes} min ${total - 60 * minutes} s`;
}

/** "yes" or "no". */
export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}
