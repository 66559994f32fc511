// Which language the page speaks: a remembered choice first, else the browser's preferred
// languages (any Chinese → Simplified Chinese, anything else → English). Pure apart from the
// storage helpers, which tolerate a missing or refusing localStorage (Node tests, private mode).

/** The languages the app ships, as BCP 47 tags (also the `<html lang>` and `language-select` values). */
export const LANGUAGES = ['en', 'zh-CN'] as const;

/** One of the shipped languages. */
export type Language = (typeof LANGUAGES)[number];

/** The localStorage key under which the user's choice is remembered. */
export const LANGUAGE_STORAGE_KEY = 'creditlab.language';

/** Whether a value is one of the shipped language tags, exactly. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The shipped language for the browser's preferences, in order: the first `zh*` or `en*` wins; English when none matches. */
export function languageFromPreferences(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (primary === 'zh') return 'zh-CN';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

/** The language to start in: a valid remembered choice, else the one the preferences give. */
export function initialLanguage(remembered: string | null, preferred: readonly string[]): Language {
  return isLanguage(remembered) ? remembered : languageFromPreferences(preferred);
}

/** The remembered choice, or null when there is none or storage is unavailable. */
export function readRememberedLanguage(): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage refused (e.g. blocked cookies): behave as if nothing was remembered
  }
}

/** Remembers the choice; a refusing storage only means it is not remembered. */
export function rememberLanguage(language: Language): void {
  try {
    if (typeof localStorage !== 'undefined') localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch (cause) {
    console.warn('The language choice could not be remembered', cause);
  }
}

/** The browser's preferred languages, most preferred first; none outside a browser. */
export function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  if (navigator.languages && navigator.languages.length > 0) return navigator.languages;
  return navigator.language ? [navigator.language] : [];
}
