import type { TrainSummary } from '../../worker/protocol';
import { localCount, translate } from '../i18n';
import { epochsText } from './members';

// The Train step's status line as a code and values, worded when shown: a language switch rewords
// it, and automation reads the code (data-status), not the words.

/** The codes of the status line (keys of train.status). */
export type TrainingStatusCode =
  | 'loadData'
  | 'ready'
  | 'preparing'
  | 'binning'
  | 'forest'
  | 'forests'
  | 'ensemble'
  | 'training'
  | 'member'
  | 'memberSideBySide'
  | 'fold'
  | 'failed'
  | 'crashed'
  | 'workerStopped'
  | 'comparing'
  | 'inUseCompared'
  | 'doneScorecard'
  | 'stoppedMembers'
  | 'doneMembers'
  | 'stopped'
  | 'stoppedEarly'
  | 'done';

/** What the status line says: a code and its values (counts as numbers, formatted when worded). */
export interface TrainingStatus {
  readonly code: TrainingStatusCode;
  readonly values?: Readonly<Record<string, string | number>>;
  readonly members?: TrainSummary['members'];
}

// Keys made from codes: outside the typed keys of the resources.
const translateKey = translate as unknown as (key: string, values?: Record<string, unknown>) => string;

/** The status in words, in the active language (numbers with its separators). */
export function statusWords(status: TrainingStatus): string {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(status.values ?? {})) values[name] = typeof value === 'number' ? localCount(value) : value;
  if (status.members) values.epochs = epochsText(status.members);
  return translateKey(`train.status.${status.code}`, values);
}

/** The status once a run has ended: how many epochs (per member), and which were kept. */
export function doneStatus(run: TrainSummary): TrainingStatus {
  if (run.scorecard) return { code: 'doneScorecard', values: { characteristics: run.scorecard.scorecard.characteristics.length } };
  if (run.members.length > 1) return { code: run.stopped ? 'stoppedMembers' : 'doneMembers', members: run.members };
  const values = { epochs: run.epochsRun, best: run.bestEpoch };
  return { code: run.stopped ? 'stopped' : run.stoppedEarly ? 'stoppedEarly' : 'done', values };
}
