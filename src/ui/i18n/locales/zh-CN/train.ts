import type { TranslationOf } from '../../types';
import type { train as english } from '../en/train';

/** The train area's Simplified Chinese messages. */
export const train: TranslationOf<typeof english> = {
  train: {},
};
