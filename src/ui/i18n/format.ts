// Numbers, counts, percentages and dates in the active language's conventions, through Intl.
// Formatters are memoised per locale and options: building one costs about a millisecond on this
// machine (a bin table's 30 counts were a 38 ms render when each built its own).

import { activeLanguage } from './i18n';
import type { Language } from './language';

// The Intl locale behind each language. English keeps the formats the app always had: en-US
// numbers ("1,234.5") and en-GB dates ("2 Dec 2025, 14:05").
const NUMBER_LOCALE: Readonly<Record<Language, string>> = { en: 'en-US', 'zh-CN': 'zh-CN' };
const DATE_LOCALE: Readonly<Record<Language, string>> = { en: 'en-GB', 'zh-CN': 'zh-CN' };

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The memoised number formatter for a language and options. */
export function numberFormat(options: Intl.NumberFormatOptions = {}, language: Language = activeLanguage()): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(NUMBER_LOCALE[language], options);
    numberFormats.set(key, format);
  }
  return format;
}

/** The memoised date formatter for a language and options. */
export function dateFormat(options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }, language: Language = activeLanguage()): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(DATE_LOCALE[language], options);
    dateFormats.set(key, format);
  }
  return format;
}

/** An integer (or any number, as Intl rounds it to at most 3 decimals) with the language's grouping: "1,234". */
export function localCount(value: number, language?: Language): string {
  return numberFormat({}, language).format(value);
}

/** A number with exactly `digits` decimals, rounded as `toFixed` rounds (so figures match those computed elsewhere with toFixed). */
export function localFixed(value: number, digits: number, language?: Language): string {
  return numberFormat({ minimumFractionDigits: digits, maximumFractionDigits: digits }, language).format(Number(value.toFixed(digits)));
}

/** A share in [0, 1] as a percentage with exactly `digits` decimals, rounded as `(100 * share).toFixed(digits)`: "23.4%". */
export function localPercent(share: number, digits = 1, language?: Language): string {
  const rounded = Number((100 * share).toFixed(digits)) / 100;
  return numberFormat({ style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }, language).format(rounded);
}

/** A share as a percentage with at most `maxDigits` decimals and no trailing zeros: 0.5 → "50%", 0.2345 → "23.45%". */
export function localPercentTrimmed(share: number, maxDigits = 2, language?: Language): string {
  const rounded = Number((100 * share).toFixed(maxDigits)) / 100;
  return numberFormat({ style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: maxDigits }, language).format(rounded);
}

/** A time (epoch ms or ISO 8601 text) as a medium date and short time in the reader's time zone; an unparseable text as itself. */
export function localDateTime(time: number | string, language?: Language): string {
  const ms = typeof time === 'number' ? time : Date.parse(time);
  return Number.isNaN(ms) ? String(time) : dateFormat(undefined, language).format(ms);
}

/** A value already in percent (23.45 for 23.45%) with exactly `digits` decimals, rounded as `percent.toFixed(digits)`. */
export function localPercentPoints(percent: number, digits = 1, language?: Language): string {
  const rounded = Number(percent.toFixed(digits)) / 100;
  return numberFormat({ style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }, language).format(rounded);
}

/** A number with all its decimals (up to 20) and the language's separators: a threshold as configured, 0.02 → "0.02". */
export function localNumber(value: number, language?: Language): string {
  return numberFormat({ maximumFractionDigits: 20 }, language).format(value);
}

// A task boundary, so each warm-up step is a task of its own.
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Builds the formatters every step uses for `language`, one per task. The first Chinese
 * formatter loads the browser's zh locale data (measured 20–40 ms in Chromium here, the first date
 * formatter another ~20 ms; English ones about 1 ms): warmed ahead, that cost is two short tasks
 * instead of part of a render's.
 */
export async function warmFormats(language: Language): Promise<void> {
  await nextTask();
  numberFormat({}, language).format(1);
  await nextTask();
  dateFormat(undefined, language).format(0);
}
