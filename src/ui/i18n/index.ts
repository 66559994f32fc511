// The i18n entry every translated module imports: initialising the instance is a side effect of
// importing this, so a component (or a Node test rendering one) never meets an uninitialised t.

import { warmFormats } from './format';
import { activeLanguage, i18n } from './i18n';

export { activeLanguage, i18n } from './i18n';
export { dateFormat, localCount, localDateTime, localFixed, localPercent, localPercentPoints, localNumber, localPercentTrimmed, numberFormat, warmFormats } from './format';
export { isLanguage, LANGUAGES, type Language } from './language';
export { LanguageSelect } from './LanguageSelect';
export { liveRecord } from './liveRecord';
export { missingTranslations } from './missing';
export { type Failure, problemCode, problemText } from './problems';
export { useT } from './useT';

/** The translate function for code outside React (formatters, checks); it reads the active language at call time. */
export const translate = i18n.getFixedT(null, 'translation');

// The active locale's Intl data, loaded in short tasks of their own after this script rather than
// inside a render's task. Not in Node tests: they format on demand.
if (typeof window !== 'undefined' && activeLanguage() !== 'en') void warmFormats(activeLanguage());
