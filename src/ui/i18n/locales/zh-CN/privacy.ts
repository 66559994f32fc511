import type { TranslationOf } from '../../types';
import type { privacy as english } from '../en/privacy';

/** The privacy area's Simplified Chinese messages. */
export const privacy: TranslationOf<typeof english> = {
  privacy: {},
};
