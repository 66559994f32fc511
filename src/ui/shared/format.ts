/** A ratio in [0, 1] with four decimals, or an en dash when undefined. */
export function formatRatio(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '–' : value.toFixed(4);
}

/** An integer with thousands separators. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** A duration such as "2.4 s" or "350 ms". */
export function formatDuration(elapsedMs: number): string {
  return elapsedMs >= 1000 ? `${(elapsedMs / 1000).toFixed(1)} s` : `${Math.round(elapsedMs)} ms`;
}
