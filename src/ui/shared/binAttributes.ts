import type { Binning } from '../../core/binning/types';

/** What a bin holds, as data attributes a check can read without parsing its label: [lower, upper) of a numeric bin, the levels of a text group, or the missing cells. */
export function binAttributes(binning: Binning, index: number): Record<string, string | undefined> {
  if (index === -1) return { 'data-missing': 'true' };
  if (binning.kind === 'categorical') return { 'data-levels': JSON.stringify(binning.groups[index].levels), 'data-unseen': index === binning.unseenGroup ? 'true' : undefined };
  return { 'data-lower': index === 0 ? '-Infinity' : String(binning.edges[index - 1]), 'data-upper': index === binning.edges.length ? 'Infinity' : String(binning.edges[index]) };
}
