import type { TranslationOf } from '../../types';
import type { characteristics as english } from '../en/characteristics';

/** The characteristics area's Simplified Chinese messages. */
export const characteristics: TranslationOf<typeof english> = {
  characteristics: {},
};
