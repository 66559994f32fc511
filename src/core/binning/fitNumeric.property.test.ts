import { describe, expect, it } from 'vitest';
import { createRandom } from '../split/random';
import { fitNumericBinning } from './fitNumeric';
import { fineClassEdges } from './quantiles';
import type { BinningOptions, MonotoneTrend } from './types';

// Seeded random columns and constraints: every fit must meet its constraints, and its stats must be
// what a plain count of the rows between its edges gives.
const TRIALS = 150;
const TRENDS: MonotoneTrend[] = ['none', 'ascending', 'descending', 'auto'];

interface Trial {
  values: Float64Array;
  rows: Int32Array;
  bad: Uint8Array;
  options: BinningOptions;
}

function makeTrial(seed: number): Trial {
  const random = createRandom(seed);
  const tableRows = 100 + Math.floor(random() * 3000);
  const missingRate = random() < 0.3 ? 0 : random() * 0.3;
  const ties = random() < 0.5; // whole numbers 0…k make heavy ties
  const k = 2 + Math.floor(random() * 30);
  const values = Float64Array.from({ length: tableRows }, () => {
    if (random() < missingRate) return Number.NaN;
    return ties ? Math.floor(random() * k) : (random() - 0.5) * 1000;
  });
  // A bad rate that rises, falls or bends with the value, around a random base rate.
  const slope = (random() - 0.5) * 8;
  const bend = random() < 0.3 ? 6 : 0;
  const base = -3 + random() * 3;
  const scale = ties ? k : 1000;
  // Fit on a random ~80% of the table rows, as on a training split.
  const rows = Int32Array.from(Array.from({ length: tableRows }, (_, i) => i).filter(() => random() < 0.8));
  const bad = Uint8Array.from(rows, (row) => {
    const x = values[row] !== values[row] ? 0 : values[row] / scale;
    const logit = base + slope * x + bend * x * x;
    return random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
  });
  const options: BinningOptions = {
    fineClasses: 2 + Math.floor(random() * 40),
    minBinShare: random() * 0.2,
    minGoods: Math.floor(random() * 30),
    minBads: Math.floor(random() * 30),
    maxBins: 1 + Math.floor(random() * 10),
    monotone: TRENDS[Math.floor(random() * TRENDS.length)],
  };
  return { values, rows, bad, options };
}

/** Goods and bads of the rows in [low, high), counted directly. */
function countBetween({ values, rows, bad }: Trial, low: number, high: number): [number, number] {
  let goods = 0;
  let bads = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (v >= low && v < high) {
      if (bad[i]) bads++;
      else goods++;
    }
  }
  return [goods, bads];
}

/** True when the rates strictly rise (ascending) or strictly fall (descending). */
function isMonotone(rates: number[], direction: 'ascending' | 'descending'): boolean {
  return rates.every((r, i) => i === 0 || (direction === 'ascending' ? r > rates[i - 1] : r < rates[i - 1]));
}

describe('fitNumericBinning on seeded random data', () => {
  it(`meets its constraints and counts right in ${TRIALS} trials`, () => {
    let multiBin = 0;
    for (let seed = 1; seed <= TRIALS; seed++) {
      const trial = makeTrial(seed);
      const { values, rows, bad, options } = trial;
      const b = fitNumericBinning('x', values, rows, bad, options);
      const context = `seed ${seed}, ${JSON.stringify(options)}`;

      // The cut points are some of the fine classes' cut points.
      const present = Float64Array.from(Array.from(rows, (r) => values[r]).filter((v) => v === v)).sort();
      const fine = new Set(fineClassEdges(present, options.fineClasses));
      expect(
        b.edges.every((e) => fine.has(e)),
        context,
      ).toBe(true);
      expect(
        b.edges.every((e, i) => i === 0 || e > b.edges[i - 1]),
        context,
      ).toBe(true);

      // Stats are a direct count of the rows between the edges; missing rows are the rest.
      const bounds = [Number.NEGATIVE_INFINITY, ...b.edges, Number.POSITIVE_INFINITY];
      b.bins.forEach((bin, i) => expect([bin.goods, bin.bads], context).toEqual(countBetween(trial, bounds[i], bounds[i + 1])));
      const missingBads = Array.from(rows).filter((r, i) => values[r] !== values[r] && bad[i] === 1).length;
      const missingRows = Array.from(rows).filter((r) => values[r] !== values[r]).length;
      expect([b.missing.count, b.missing.bads], context).toEqual([missingRows, missingBads]);
      expect(b.bins.reduce((t, s) => t + s.count, 0) + b.missing.count).toBe(rows.length);
      expect(b.iv).toBeCloseTo(b.bins.reduce((t, s) => t + s.iv, 0) + b.missing.iv, 12);

      // Constraints: a single bin is the fallback when they cannot all be met.
      expect(b.bins.length, context).toBeLessThanOrEqual(options.maxBins);
      if (b.bins.length > 1) {
        multiBin++;
        for (const bin of b.bins) {
          expect(bin.count, context).toBeGreaterThanOrEqual(options.minBinShare * rows.length - 1e-9);
          expect(bin.goods, context).toBeGreaterThanOrEqual(options.minGoods);
          expect(bin.bads, context).toBeGreaterThanOrEqual(options.minBads);
        }
      }
      const rates = b.bins.map((s) => s.badRate);
      if (options.monotone === 'ascending' || options.monotone === 'descending') expect(isMonotone(rates, options.monotone), context).toBe(true);
      if (options.monotone === 'auto') {
        const ascending = fitNumericBinning('x', values, rows, bad, { ...options, monotone: 'ascending' });
        const descending = fitNumericBinning('x', values, rows, bad, { ...options, monotone: 'descending' });
        expect([ascending, descending], context).toContainEqual(b);
        expect(b.iv, context).toBeGreaterThanOrEqual(Math.max(ascending.iv, descending.iv) - 1e-12);
        if (b.bins.length > 1) expect(isMonotone(rates, b.trend as 'ascending' | 'descending'), context).toBe(true);
      }
      if (b.bins.length === 1 || options.monotone === 'none') expect(b.trend).toBe('none');
    }
    // The generator must exercise real merging, not only the one-bin fallback.
    expect(multiBin).toBeGreaterThan(TRIALS / 3);
  });

  it('prints the time of one fit on 26k rows with 20 fine classes', () => {
    const random = createRandom(7);
    const n = 26_000;
    const values = Float64Array.from({ length: n }, () => (random() < 0.05 ? Number.NaN : Math.round(random() * 100_000) / 10));
    const rows = Int32Array.from({ length: n }, (_, i) => i);
    const bad = Uint8Array.from(values, (v) => (random() < (v !== v ? 0.3 : 0.05 + v / 50_000) ? 1 : 0));
    fitNumericBinning('x', values, rows, bad); // warm up the JIT
    const runs = 20;
    const started = performance.now();
    for (let i = 0; i < runs; i++) fitNumericBinning('x', values, rows, bad);
    const elapsedMs = (performance.now() - started) / runs;
    console.log(`fitNumericBinning: ${n} rows, 20 fine classes, monotone auto: ${elapsedMs.toFixed(2)} ms per fit (11 columns × 5 folds ≈ ${(elapsedMs * 55).toFixed(0)} ms)`);
    expect(fitNumericBinning('x', values, rows, bad).bins.length).toBeGreaterThan(1);
  });
});
