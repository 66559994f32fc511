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

/** The ensemble's mean logit of label 1 (shifts removed) for a [rows, width] tensor. */
function meanLogit(model: ScoringModel, x: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const logits = model.members.map((m) => tf.sub((m.network.predict(x) as tf.Tensor2D).reshape([-1]), m.logitShift));
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
