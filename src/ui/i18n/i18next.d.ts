// Typed keys: `t('data.loader.title')` is checked against the English resource, and its
// `{{values}}` are required arguments.

import 'i18next';
import type { en } from './locales/en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    returnNull: false;
  }
}
