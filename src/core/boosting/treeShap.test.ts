import { describe, expect, it } from 'vitest';
import { createRandom } from '../split/random';
import { binRows, fitBinCuts } from './featureBins';
import { fitForest, forestLogits } from './fitForest';
import { forestShapley } from './treeShap';
import { DEFAULT_BOOSTING, type BoostedForest } from './types';

/** Shapley values by definition: every coalition S of the `width` inputs, v(S) = logit with S from x and the rest from r. */
function bruteForceShapley(forests: readonly BoostedForest[], x: Float32Array, r: Float32Array, width: number): number[] {
  const v = (mask: number) => {
    const row = Float32Array.from({ length: width }, (_, j) => ((mask >> j) & 1 ? x[j] : r[j]));
    let sum = 0;
    for (const forest of forests) sum += forestLogits(forest, row, width)[0] / forests.length;
    return sum;
  };
  const fact = (n: number): number => (n <= 1 ? 1 : n * fact(n - 1));
  const phi = new Array<number>(width).fill(0);
  for (let i = 0; i < width; i++) {
    for (let mask = 0; mask < 1 << width; mask++) {
      if ((mask >> i) & 1) continue;
      let size = 0;
      for (let j = 0; j < width; j++) size += (mask >> j) & 1;
      phi[i] += ((fact(size) * fact(width - size - 1)) / fact(width)) * (v(mask | (1 << i)) - v(mask));
    }
  }
  return phi;
}

describe('forestShapley', () => {
  it('matches a hand-worked stump pair: an interaction split shares its effect equally', () => {
    // One tree: x0 ≤ 0.5 → leaf 0; else x1 ≤ 0.5 → leaf 1 (+1 only when both inputs are high), baseline 0.
    const forest: BoostedForest = {
      baseline: 0,
      trees: [{ feature: [0, -1, 1, -1, -1], threshold: [0.5, 0, 0.5, 0, 0], left: [1, -1, 3, -1, -1], right: [2, -1, 4, -1, -1], value: [0, 0, 0, 0, 1] }],
    };
    // x = (1, 1) reaches the +1 leaf, r = (0, 0) the 0 leaf: v({}) = 0, v({0}) = 0, v({1}) = 0, v({0,1}) = 1, so each input gets ½.
    const phi = forestShapley([forest], Float32Array.of(1, 1), Float32Array.of(0, 0), 2);
    expect(Array.from(phi)).toEqual([0.5, 0.5]);
    // x = (1, 0): only input 0 differs from r = (0, 0)… and the leaf both reach is worth 0: no attribution.
    expect(Array.from(forestShapley([forest], Float32Array.of(1, 0), Float32Array.of(0, 0), 2))).toEqual([0, 0]);
    // r = (1, 0), x = (1, 1): only input 1 matters, and it takes the whole +1.
    expect(Array.from(forestShapley([forest], Float32Array.of(1, 1), Float32Array.of(1, 0), 2))).toEqual([0, 1]);
  });

  it('equals Shapley values by enumeration on fitted forests, and adds up to the logit difference', () => {
    const width = 5;
    const random = createRandom(3);
    const n = 1500;
    const x = new Float32Array(n * width);
    const y = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < width; j++) x[i * width + j] = Math.round(random() * 64) / 16;
      const z = (x[i * width] - 2) * (x[i * width + 1] - 2) + 0.5 * x[i * width + 2] - 1;
      y[i] = random() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    }
    const rows = Int32Array.from({ length: n }, (_, i) => i);
    const cuts = fitBinCuts(x, width, 255);
    const fit = { bins: binRows(x, width, cuts, rows), y };
    const settings = { ...DEFAULT_BOOSTING, maxIterations: 30, maxLeaves: 8, start: 'constant' as const };
    const forests = [fitForest(fit, { bins: new Uint8Array(0), y: [] }, cuts, width, settings).forest];
    // A second forest with a linear start, so the mean of forests and the linear terms are both exercised.
    const linear = { intercept: -0.3, coefficients: [0.2, -0.1, 0.4, 0, 0.05] };
    forests.push({ ...forests[0], baseline: 0, linear, trees: forests[0].trees.slice(0, 10) });
    for (let k = 0; k < 5; k++) {
      const applicant = x.slice(k * width, (k + 1) * width);
      const reference = x.slice((k + 7) * width, (k + 8) * width);
      const phi = forestShapley(forests, applicant, reference, width);
      const expected = bruteForceShapley(forests, applicant, reference, width);
      for (let j = 0; j < width; j++) expect(phi[j]).toBeCloseTo(expected[j], 10);
      const logit = (row: Float32Array) => (forestLogits(forests[0], row, width)[0] + forestLogits(forests[1], row, width)[0]) / 2;
      expect(phi.reduce((a, b) => a + b, 0)).toBeCloseTo(logit(applicant) - logit(reference), 10);
    }
  });
});
