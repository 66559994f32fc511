import type { MemberRun } from '../../worker/protocol';

/** Epochs of an ensemble's members in words: "5 × 31–48 epochs", "3 × 12 epochs"; one member: "40 epochs". */
export function epochsText(members: readonly MemberRun[]): string {
  if (members.length === 0) return '0 epochs';
  const epochs = members.map((m) => m.epochsRun);
  const lo = Math.min(...epochs);
  const hi = Math.max(...epochs);
  const range = lo === hi ? `${lo}` : `${lo}–${hi}`;
  const unit = hi === 1 ? 'epoch' : 'epochs';
  return members.length === 1 ? `${range} ${unit}` : `${members.length} × ${range} ${unit}`;
}
