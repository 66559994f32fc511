// A split at a training value's own encoding, the case where the graph's float32 input could send a
// row the other way than the app: the app reads "x" as a double and rounds the encoded value once,
// the graph gets x already rounded to float32. Expected leaves by hand: the row at the split goes
// left (x ≤ t), the next value up goes right.
import { describe, expect, it } from 'vitest';
import { FIXTURE_APPLICANTS, NETWORK_BUNDLE } from '../../test/fixtures/bundles';
import { DEFAULT_BOOSTING } from '../core/boosting/types';
import type { ModelBundle } from '../core/bundle/types';
import { sigmoid } from '../core/calibration/logistic';
import type { NumericFeature } from '../core/features/preprocessor';
import { exportOnnx } from './exportOnnx';
import { floatAtOrBelow } from './graph';
import { runOnnx } from './parity';

const age = NETWORK_BUNDLE.preprocessing.features[0] as NumericFeature;
const appEncoding = (x: number) => Math.fround((x - age.mean) / age.std);
const graphEncoding = (x: number) => Math.fround((Math.fround(x) - age.mean) / age.std);

/** Ages with two decimals whose graph encoding lies above the app's: the direction that would cross a split at the app's value. */
const drifting = Array.from({ length: 3000 }, (_, i) => Math.round(3001 + i) / 100).filter((x) => graphEncoding(x) > appEncoding(x));

function stumpAt(x: number): ModelBundle {
  const t = appEncoding(x);
  return {
    ...NETWORK_BUNDLE,
    model: {
      kind: 'boosted',
      inputWidth: NETWORK_BUNDLE.preprocessing.width,
      // Slot 0 is the standardised age; leaves −1 (left) and +1 (right).
      forests: [{ baseline: 0, trees: [{ feature: [0, -1, -1], threshold: [t, 0, 0], left: [1, -1, -1], right: [2, -1, -1], value: [0, -1, 1] }] }],
      calibrator: { method: 'none' },
      start: 'constant',
      settings: DEFAULT_BOOSTING,
    },
  };
}

describe('boosted trees in the graph', () => {
  it('route a value at a split as the app does, though its float32 encoding lies above the split', async () => {
    expect(drifting.length).toBeGreaterThan(100);
    const toBad = (p: number) => (NETWORK_BUNDLE.policy.positiveIsBad ? p : 1 - p);
    for (const x of drifting.slice(0, 20)) {
      const bundle = stumpAt(x);
      const base = FIXTURE_APPLICANTS[0];
      const records = [
        { ...base, age: String(x) },
        { ...base, age: String(Math.round(x * 100 + 1) / 100) },
      ];
      const [atSplit, above] = await runOnnx(exportOnnx(bundle), bundle, records);
      expect(atSplit).toBeCloseTo(toBad(sigmoid(-1)), 6);
      expect(above).toBeCloseTo(toBad(sigmoid(1)), 6);
    }
  });

  it('floatAtOrBelow gives the largest float32 not above its argument', () => {
    for (const t of [0.1, -0.1, 1 / 3, -2.5, 16.02, 1e-30]) {
      const f = floatAtOrBelow(t);
      expect(Math.fround(f)).toBe(f);
      expect(f).toBeLessThanOrEqual(t);
      // The next float32 up is above t.
      const next = new Float32Array([f]);
      const bits = new Int32Array(next.buffer);
      bits[0] += f >= 0 ? 1 : -1;
      expect(next[0]).toBeGreaterThan(t);
    }
  });
});
