/** Human text for a bin: its range of values, or its levels. */
import type { Binning } from './types';

// Beyond this many levels a group's label names the first few and counts the rest, so it fits a table cell.
const MAX_LEVELS_SHOWN = 4;
const MAX_LABEL_CHARS = 60;

/** "< 25", "25 to < 40", "≥ 40", "All values" (a single bin), "Missing" (index −1), or a group's levels joined with ", " (long lists shortened to "a, b, c and 7 more"). */
export function binLabel(b: Binning, index: number): string {
  if (index === -1) return 'Missing';
  const count = b.kind === 'numeric' ? b.bins.length : b.groups.length;
  if (!Number.isInteger(index) || index < -1 || index >= count) throw new RangeError(`Bin ${index} is not a bin of "${b.column}" (it has ${count}).`);
  if (b.kind === 'categorical') return levelsLabel(b.groups[index].levels);
  const { edges } = b;
  if (edges.length === 0) return 'All values';
  if (index === 0) return `< ${formatEdge(edges[0])}`;
  if (index === edges.length) return `≥ ${formatEdge(edges[index - 1])}`;
  return `${formatEdge(edges[index - 1])} to < ${formatEdge(edges[index])}`;
}

function levelsLabel(levels: readonly string[]): string {
  if (levels.length === 0) return 'No levels';
  const all = levels.join(', ');
  if (levels.length <= MAX_LEVELS_SHOWN && all.length <= MAX_LABEL_CHARS) return all;
  // Show as many leading levels as fit (at least one), then how many are left out.
  let shown = 1;
  while (shown < MAX_LEVELS_SHOWN - 1 && levels.slice(0, shown + 1).join(', ').length <= MAX_LABEL_CHARS) shown++;
  return `${levels.slice(0, shown).join(', ')} and ${levels.length - shown} more`;
}

/** An edge as text: whole numbers exactly (1234567, not 1.23457e+6), others to 6 significant digits. */
function formatEdge(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}
