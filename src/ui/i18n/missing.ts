// A record of every translation key the page asked for and did not find, and of every `{{value}}`
// a message needed and was not given, so an e2e test can assert there were none
// (window.__i18nMissing). Recording is always on: the list only grows when something is wrong.

declare global {
  interface Window {
    /** "language:key" for each missing key, "language:key:{{name}}" for each missing interpolation value. */
    __i18nMissing?: string[];
  }
}

const seen: string[] = [];

/** Records one miss (once) and says so on the console, where details belong. */
export function recordMissing(entry: string): void {
  if (seen.includes(entry)) return;
  seen.push(entry);
  if (typeof window !== 'undefined') window.__i18nMissing = seen;
  console.warn(`Missing translation: ${entry}`);
}

/** The misses recorded so far (the same array as window.__i18nMissing). */
export function missingTranslations(): readonly string[] {
  return seen;
}

if (typeof window !== 'undefined') window.__i18nMissing = seen;
