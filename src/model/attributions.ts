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

/** A network's dense layers, in order: kernel, bias, and whether a relu follows. */
interface DenseStep {
  readonly kernel: tf.Tensor2D;
  readonly bias: tf.Tensor1D | null;
  readonly relu: boolean;
}

/**
 * The network as a stack of dense layers (dropout is the identity when scoring) ending in one linear
 * unit, or null for any other shape. Its weights are read now, not kept: they may be written later.
 */
function denseStackOf(network: tf.LayersModel): readonly DenseStep[] | null {
  const steps: DenseStep[] = [];
  for (const layer of network.layers) {
    const name = layer.getClassName();
    if (name === 'Dropout') continue;
    const activation = String(layer.getConfig().activation ?? 'linear');
    if (name !== 'Dense' || (activation !== 'relu' && activation !== 'linear')) return null;
    const [kernel, bias] = layer.getWeights() as tf.Tensor[];
    steps.push({ kernel: kernel as tf.Tensor2D, bias: (bias as tf.Tensor1D | undefined) ?? null, relu: activation === 'relu' });
  }
  const last = steps.at(-1);
  return last && last.kernel.shape[1] === 1 && !last.relu ? steps : null;
}

/**
 * ∂(Σ rows of the mean logit)/∂points for networks that are dense stacks, by the chain rule written
 * out: forward keeping each relu's mask, then back through the transposed kernels. The same
 * gradient tf.grad gives (a test holds them equal), without its matMul with a transposed operand
 * of the rows' size, which tfjs-wasm runs about 10 times slower than a plain one (most of a
 * network's batch reasons).
 * Null when a member is not a dense stack.
 */
export function denseInputGradient(model: ScoringModel, points: tf.Tensor2D): tf.Tensor2D | null {
  const stacks = model.members.map((m) => denseStackOf(m.network));
  if (stacks.some((s) => s === null)) return null;
  return tf.tidy(() => {
    const perMember = (stacks as (readonly DenseStep[])[]).map((stack) => {
      const masks: tf.Tensor[] = [];
      let h: tf.Tensor2D = points;
      for (let i = 0; i < stack.length - 1; i++) {
        const z = stack[i].bias ? tf.add(tf.matMul(h, stack[i].kernel), stack[i].bias!) : tf.matMul(h, stack[i].kernel);
        if (stack[i].relu) {
          masks[i] = tf.step(z);
          h = tf.relu(z) as tf.Tensor2D;
        } else h = z as tf.Tensor2D;
      }
      // d logit / d h_last is the output kernel, the same for every row. The kernels are transposed
      // here, small; the rows' operand never is.
      // Broadcast by the first mask, not tiled (tfjs-wasm's Tile costs more than the matMuls).
      const output = stack[stack.length - 1].kernel.transpose() as tf.Tensor2D;
      const last = stack.length - 2;
      let g = (last >= 0 && masks[last] ? tf.mul(masks[last], output) : tf.broadcastTo(output, [points.shape[0], output.shape[1]])) as tf.Tensor2D;
      for (let i = last; i >= 0; i--) {
        if (masks[i] && i !== last) g = tf.mul(g, masks[i]) as tf.Tensor2D;
        g = tf.matMul(g, stack[i].kernel.transpose() as tf.Tensor2D);
      }
      return g;
    });
    return tf.div(tf.addN(perMember), model.members.length) as tf.Tensor2D;
  });
}

/** The gradient of the summed mean logit at `points`: written out for dense stacks (`'auto'`), else (or with `'tape'`) tf.grad's. */
export function gradientOfSummedLogit(model: ScoringModel, how: 'auto' | 'tape' = 'auto'): (points: tf.Tensor2D) => tf.Tensor2D {
  const generic = tf.grad((points: tf.Tensor) => meanLogit(model, points as tf.Tensor2D).sum());
  return (points) => (how === 'auto' ? denseInputGradient(model, points) : null) ?? (generic(points) as tf.Tensor2D);
}

/** Integrated gradients of `model`'s mean logit for the encoded row `x` against the encoded reference row `reference`. */
export function integratedGradients(model: ScoringModel, x: Float32Array, reference: Float32Array): Attribution {
  const width = model.width;
  const [referenceLogit, logit] = tf.tidy(() => Array.from(meanLogit(model, tf.tensor2d([...reference, ...x], [2, width])).dataSync()));
  const difference = logit - referenceLogit;
  const gradientOfSum = gradientOfSummedLogit(model);
  let steps = FIRST_STEPS;
  for (;;) {
    const product = tf.tidy(() => {
      const r = tf.tensor1d(reference);
      const delta = tf.sub(tf.tensor1d(x), r);
      const alphas = tf.div(tf.add(tf.range(0, steps), 0.5), steps).reshape([steps, 1]);
      const points = tf.add(r.reshape([1, width]), tf.mul(alphas, delta.reshape([1, width]))) as tf.Tensor2D;
      return tf.mul(gradientOfSum(points as tf.Tensor2D).mean(0), delta);
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
  const gradientOfSum = gradientOfSummedLogit(model);
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
        return tf.mul(
          gradientOfSum(points as tf.Tensor2D)
            .reshape([g, steps, width])
            .mean(1),
          delta,
        );
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
