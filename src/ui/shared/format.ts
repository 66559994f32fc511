// The app's number and duration formats, in the active language (Intl formatters memoised per
// locale in ../i18n/format.ts). Signatures unchanged, so callers need not know about languages.

import { localCount, localFixed, translate } from '../i18n';

/** A ratio in [0, 1] with four decimals, or an en dash when undefined. */
export function formatRatio(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '–' : localFixed(value, 4);
}

/** An integer with the active language's thousands separators. */
export function formatCount(value: number): string {
  return localCount(value);
}

/** A duration such as "2.4 s" or "350 ms" (in the active language). */
export function formatDuration(elapsedMs: number): string {
  return elapsedMs >= 1000 ? translate('units.seconds', { value: localFixed(elapsedMs / 1000, 1) }) : translate('units.milliseconds', { value: localCount(Math.round(elapsedMs)) });
}
