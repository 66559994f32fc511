import { useTranslation } from 'react-i18next';
import { activeLanguage, i18n } from './i18n';

/** In a component: the typed `t` and the active language; the component re-renders when the language changes. */
export function useT() {
  const { t } = useTranslation(undefined, { i18n });
  return { t, language: activeLanguage() };
}
