import { memo, useId } from 'react';
import { warmFormats } from './format';
import { i18n } from './i18n';
import { useT } from './useT';
import { isLanguage, LANGUAGES, rememberLanguage, type Language } from './language';

// Each language named in itself, so a reader finds their own whichever language is showing (and
// marked translate="no": a name in its own language is not to be translated).
const ENDONYMS: Readonly<Record<Language, string>> = { en: 'English', 'zh-CN': '简体中文' };

/** The language switch (`language-select`: `en` | `zh-CN`); the choice is remembered on this device. */
export const LanguageSelect = memo(function LanguageSelect() {
  const { t, language } = useT();
  const id = useId();
  return (
    <div className="language-select">
      <label htmlFor={id}>{t('language.label')}</label>{' '}
      <select
        id={id}
        data-testid="language-select"
        value={language}
        onChange={(event) => {
          const chosen = event.target.value;
          if (!isLanguage(chosen)) return;
          rememberLanguage(chosen);
          // The new locale's number and date data load in tasks of their own, then the page re-renders in it.
          void warmFormats(chosen).then(() => i18n.changeLanguage(chosen));
        }}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code} translate="no">
            {ENDONYMS[code]}
          </option>
        ))}
      </select>
    </div>
  );
});
