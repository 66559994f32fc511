import { translate } from '../i18n';
import type { RowSource } from '../../worker/protocol';

// Resource keys are camelCase: "out-of-fold" is the protocol's value, not a key.
const SOURCE_KEY: Readonly<Record<RowSource, 'test' | 'validation' | 'outOfFold'>> = { test: 'test', validation: 'validation', 'out-of-fold': 'outOfFold' };

/** Which rows figures come from, as a word in the active language: "validation", "out-of-fold", "test". */
export function sourceWord(source: RowSource): string {
  return translate(`evaluate.source.${SOURCE_KEY[source]}`);
}
