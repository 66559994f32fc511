import type { MemberRun } from '../../worker/protocol';
import { localCount, translate } from '../i18n';

/** Epochs of an ensemble's members in words, in the active language: "5 × 31–48 epochs", "3 × 12 epochs"; one member: "40 epochs". */
export function epochsText(members: readonly MemberRun[]): string {
  if (members.length === 0) return translate('train.epochs.none');
  const epochs = members.map((m) => m.epochsRun);
  const lo = Math.min(...epochs);
  const hi = Math.max(...epochs);
  const range = lo === hi ? localCount(lo) : translate('train.epochs.range', { low: localCount(lo), high: localCount(hi) });
  return members.length === 1
    ? translate('train.epochs.single', { range, count: hi })
    : translate('train.epochs.members', { range, count: hi, members: localCount(members.length) });
}
