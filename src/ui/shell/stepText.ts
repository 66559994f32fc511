// The steps and what they wait for, in the words the navigation and the empty steps use. Each entry
// is a getter, so reading it (during a render) gives the active language's words.

import { liveRecord, translate } from '../i18n';
import type { StepId } from '../state/session';
import type { StepNeed } from '../state/steps';

const STEP_IDS: readonly StepId[] = ['data', 'clean', 'train', 'evaluate', 'decide', 'score', 'models'];
const NEED_KEYS = { dataset: 'dataset', 'two-valued-target': 'twoValuedTarget', model: 'model', 'test-results': 'testResults' } as const satisfies Record<StepNeed, string>;

/** Each step's name in the navigation, in the active language. */
export const STEP_NAMES: Readonly<Record<StepId, string>> = liveRecord(STEP_IDS, (step) => translate(`step.${step}`));

/** What a step waits for, as one sentence in the active language. */
export const NEED_TEXT: Readonly<Record<StepNeed, string>> = liveRecord(Object.keys(NEED_KEYS) as StepNeed[], (need) => translate(`need.${NEED_KEYS[need]}`));
