// The one i18next instance: both languages bundled as plain objects (no backend, no network),
// initialised synchronously on import so the first render already speaks the chosen language.
// Import it for its side effect before rendering (App.tsx does); every translated module reaches it
// through this folder's index, so tests that render a component get it too.

import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { browserLanguages, initialLanguage, LANGUAGES, readRememberedLanguage, type Language } from './language';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';
import { recordMissing } from './missing';

/** The app's i18next instance (use `useT` in components, `translate` elsewhere). */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: initialLanguage(readRememberedLanguage(), browserLanguages()),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  load: 'currentOnly',
  // Synchronous: the resources are in memory, so there is nothing to wait for before rendering.
  initAsync: false,
  returnNull: false,
  returnEmptyString: false,
  // React escapes what it renders; escaping here too would show "&amp;" for "&".
  interpolation: { escapeValue: false },
  // A message whose {{value}} was not passed: recorded, and the placeholder left visible.
  missingInterpolationHandler: (text: string, match: RegExpExecArray) => {
    recordMissing(`${i18n.language}:${text}:${match[0]}`);
    return match[0];
  },
  saveMissing: true,
  missingKeyHandler: (_languages, _namespace, key) => recordMissing(`${i18n.language}:${key}`),
  react: { useSuspense: false },
});

/** The active language, always one of the shipped ones. */
export function activeLanguage(): Language {
  return i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
}

// Keep <html lang> on the active language, so screen readers, fonts and hyphenation follow it.
function syncDocumentLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
syncDocumentLanguage(activeLanguage());
i18n.on('languageChanged', syncDocumentLanguage);
