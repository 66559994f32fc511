import type { TranslationOf } from '../../types';
import type { evaluate as english } from '../en/evaluate';

/** The evaluate area's Simplified Chinese messages. */
export const evaluate: TranslationOf<typeof english> = {
  evaluate: {},
};
