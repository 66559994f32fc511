// Axis ticks for the hand-drawn charts (the live loss chart, the bin chart) and the recharts ones.

/** Decimals needed to print every multiple of `step` exactly (0.025 → 3). */
export function stepDecimals(step: number): number {
  let digits = 0;
  while (digits < 8 && Math.abs(Math.round(step * 10 ** digits) - step * 10 ** digits) > 1e-6) digits++;
  return digits;
}

/**
 * Evenly spaced "nice" ticks (1, 2, 2.5 or 5 × 10^k apart) that cover [lo, hi], about `count` of
 * them (never fewer than 3 for a non-empty range): the axis then starts and ends on a tick.
 */
export function niceTicks(lo: number, hi: number, count = 6): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  const span = hi - lo || Math.max(Math.abs(hi) * 0.1, 0.01);
  const rough = span / Math.max(1, count - 1);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough - 1e-12) ?? 10 * magnitude;
  const digits = stepDecimals(step);
  const start = Math.floor(lo / step + 1e-9) * step;
  const end = Math.max(Math.ceil(hi / step - 1e-9) * step, start + step);
  const ticks: number[] = [];
  for (let i = 0; start + i * step <= end + step * 1e-6; i++) ticks.push(Number((start + i * step).toFixed(digits)));
  return ticks;
}
