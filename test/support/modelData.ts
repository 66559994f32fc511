import { denseRows } from '../../src/core/features/encodedRows';
import { createRandom } from '../../src/core/split/random';

/** Seeded rows whose label is 1 exactly when x0 + x1 > 0: a model that learns anything gets it right. */
export function separable(rows: number, seed: number) {
  const random = createRandom(seed);
  const x = new Float32Array(rows * 2);
  const y = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    x[2 * i] = random() * 2 - 1;
    x[2 * i + 1] = random() * 2 - 1;
    y[i] = x[2 * i] + x[2 * i + 1] > 0 ? 1 : 0;
  }
  return { ...denseRows(x, y, 2), x };
}
