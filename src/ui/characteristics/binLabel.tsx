import type { Binning } from '../../core/binning/types';
import { translate } from '../i18n';

// A bin's label in the active language: the core's binLabel (which the CSV export keeps in English)
// worded here, with the same numbers and the same shortening of long lists of levels. Levels are
// the user's data: BinLabel puts them in a translate="no" span.

// As the core's label: beyond this many levels a group's label names the first few and counts the rest.
const MAX_LEVELS_SHOWN = 4;
const MAX_LABEL_CHARS = 60;

/** An edge as the core writes it: whole numbers exactly, others to 6 significant digits. */
function formatEdge(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

/** A bin as its words around the user's data: `levels` (a categorical group's shown levels, or null) and the rest of the label. */
function binParts(binning: Binning, index: number): { levels: string | null; text: string } {
  if (index === -1) return { levels: null, text: translate('characteristics.bin.missing') };
  if (binning.kind === 'categorical') {
    const levels = binning.groups[index]?.levels ?? [];
    if (levels.length === 0) return { levels: null, text: translate('characteristics.bin.noLevels') };
    const all = levels.join(', ');
    if (levels.length <= MAX_LEVELS_SHOWN && all.length <= MAX_LABEL_CHARS) return { levels: all, text: '' };
    let shown = 1;
    while (shown < MAX_LEVELS_SHOWN - 1 && levels.slice(0, shown + 1).join(', ').length <= MAX_LABEL_CHARS) shown++;
    return { levels: levels.slice(0, shown).join(', '), text: translate('characteristics.bin.more', { count: levels.length - shown }) };
  }
  const { edges } = binning;
  if (edges.length === 0) return { levels: null, text: translate('characteristics.bin.all') };
  if (index === 0) return { levels: null, text: translate('characteristics.bin.below', { edge: formatEdge(edges[0]) }) };
  if (index === edges.length) return { levels: null, text: translate('characteristics.bin.atLeast', { edge: formatEdge(edges[index - 1]) }) };
  return { levels: null, text: translate('characteristics.bin.between', { lower: formatEdge(edges[index - 1]), upper: formatEdge(edges[index]) }) };
}

/** A bin's label as one text, in the active language (for SVG text and titles). */
export function binLabelText(binning: Binning, index: number): string {
  const { levels, text } = binParts(binning, index);
  return (levels ?? '') + text;
}

/** True when a bin's label shows the user's levels (then an element holding it whole is marked translate="no"). */
export function binShowsLevels(binning: Binning, index: number): boolean {
  return binParts(binning, index).levels !== null;
}

/** A bin's label, in the active language, its levels marked translate="no". */
export function BinLabel({ binning, index }: { binning: Binning; index: number }) {
  const { levels, text } = binParts(binning, index);
  return (
    <>
      {levels !== null && <span translate="no">{levels}</span>}
      {text}
    </>
  );
}
