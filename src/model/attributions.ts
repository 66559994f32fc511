// Integrated gradients (Sundararajan, Taly and Yan 2017) of a network ensemble's mean logit, from a
// reference applicant to the one scored: φ_j = (x_j − r_j) · ∫₀¹ ∂f/∂x_j (r + α(x − r)) dα, with
// the integral a midpoint sum over `steps` points of the path, gradients from tf.grad. Completeness
// (Σφ = f(x) − f(r)) holds in the limit: the steps double until the sum is within 1% of the logit
// difference (for a logistic regression the gradient is constant and any step count is exact).
import * as tf from '@tensorflow/tfjs';
import type { ScoringModel } from './scoringModel';

/** Attributions of one applicant and how they were computed. */
export interface Attribution {
  /** One per encoded input; they sum to `logit − referenceLogit` within `gap`. */
  readonly attributions: Float64Array;
  /** The ensemble's mean logit (prior shifts removed) of the applicant and of the reference. */
  readonly logit: number;
  readonly referenceLogit: number;
  /** Midpoints used on the path. */
  readonly steps: number;
  /** |Σφ − (logit − referenceLogit)| at those steps. */
  readonly gap: number;
}

const FIRST_STEPS = 16;
const MAX_STEPS = 512;
/** Completeness must hold to this share of the logit difference (the 1%), or to 1e-4 absolute for a tiny difference. */
const RELATIVE_GAP = 0.01;
const ABSOLUTE_GAP = 1e-4;

/**
 * The ensemble's mean logit of label 1 (shifts removed) for a [rows, width] tensor. `apply` runs
 * each network on the whole tensor at once (inference: no dropout); `predict` would cut it into
 * batches of 32 and concatenate them, each a step on the gradient tape (tens of thousands of
 * kernels for one pass of path points, which aborted the wasm backend).
 */
function meanLogit(model: ScoringModel, x: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const logits = model.members.map((m) => tf.sub((m.network.apply(x) as tf.Tensor2D).reshape([-1]), m.logitShift));
    return tf.div(tf.addN(logits), model.members.length) as tf.Tensor1D;
  });
}

/** Integrated gradients of `model`'s mean logit for the encoded row `x` against the encoded reference row `reference`. */
export function integratedGradients(model: ScoringModel, x: Float32Array, reference: Float32Array): Attribution {
  const width = model.width;
  const [referenceLogit, logit] = tf.tidy(() => Array.from(meanLogit(model, tf.tensor2d([...reference, ...x], [2, width])).dataSync()));
  const difference = logit - referenceLogit;
  const gradientOfSum = tf.grad((points: tf.Tensor) => meanLogit(model, points as tf.Tensor2D).sum());
  let steps = FIRST_STEPS;
  for (;;) {
    const product = tf.tidy(() => {
      const r = tf.tensor1d(reference);
      const delta = tf.sub(tf.tensor1d(x), r);
      const alphas = tf.div(tf.add(tf.range(0, steps), 0.5), steps).reshape([steps, 1]);
      const points = tf.add(r.reshape([1, width]), tf.mul(alphas, delta.reshape([1, width]))) as tf.Tensor2D;
      return tf.mul(gradientOfSum(points).mean(0), delta);
    });
    const attributions = Float64Array.from(product.dataSync());
    product.dispose();
    let sum = 0;
    for (const a of attributions) sum += a;
    const gap = Math.abs(sum - difference);
    if (gap <= Math.max(ABSOLUTE_GAP, RELATIVE_GAP * Math.abs(difference)) || steps >= MAX_STEPS) return { attributions, logit, referenceLogit, steps, gap };
    steps *= 2;
  }
}

// Path points per tf.grad pass when many rows are explained together (rows × steps × width floats in memory).
const MAX_POINTS_PER_PASS = 32_768;

/**
 * Integrated gradients of `rows` encoded rows of `x` (row-major) at once, as integratedGradients
 * gives each alone: the paths of a group of rows go through one tf.grad pass, and only the rows
 * whose completeness gap is still too wide go round again with twice the steps.
 */
export function integratedGradientsOfRows(model: ScoringModel, x: Float32Array, rows: number, reference: Float32Array): Float64Array {
  const width = model.width;
  const out = new Float64Array(rows * width);
  if (rows === 0) return out;
  const logits = tf.tidy(() => meanLogit(model, tf.tensor2d(x.subarray(0, rows * width), [rows, width])).dataSync());
  const referenceLogit = tf.tidy(() => meanLogit(model, tf.tensor2d(reference, [1, width])).dataSync()[0]);
  const gradientOfSum = tf.grad((points: tf.Tensor) => meanLogit(model, points as tf.Tensor2D).sum());
  let pending = Array.from({ length: rows }, (_, i) => i);
  for (let steps = FIRST_STEPS; pending.length > 0; steps *= 2) {
    const perPass = Math.max(1, Math.floor(MAX_POINTS_PER_PASS / steps));
    const again: number[] = [];
    for (let first = 0; first < pending.length; first += perPass) {
      const group = pending.slice(first, first + perPass);
      const g = group.length;
      const xs = new Float32Array(g * width);
      group.forEach((row, j) => xs.set(x.subarray(row * width, (row + 1) * width), j * width));
      const product = tf.tidy(() => {
        const r = tf.tensor2d(reference, [1, width]);
        const delta = tf.sub(tf.tensor2d(xs, [g, width]), r);
        const alphas = tf.div(tf.add(tf.range(0, steps), 0.5), steps).reshape([1, steps, 1]);
        const points = tf.add(r.reshape([1, 1, width]), tf.mul(alphas, delta.reshape([g, 1, width]))).reshape([g * steps, width]);
        return tf.mul(gradientOfSum(points).reshape([g, steps, width]).mean(1), delta);
      });
      const values = product.dataSync();
      product.dispose();
      group.forEach((row, j) => {
        let sum = 0;
        for (let i = 0; i < width; i++) sum += values[j * width + i];
        const difference = logits[row] - referenceLogit;
        if (Math.abs(sum - difference) <= Math.max(ABSOLUTE_GAP, RELATIVE_GAP * Math.abs(difference)) || steps >= MAX_STEPS) {
          for (let i = 0; i < width; i++) out[row * width + i] = values[j * width + i];
        } else again.push(row);
      });
    }
    pending = again;
  }
  return out;
}
