import { logit, sigmoid, softplus } from './logistic';

// Platt scaling: p = σ(a·score + b), fitted by minimising the log loss against Platt's (1999)
// smoothed targets rather than the raw 0/1 labels. The smoothing is a Bayesian prior that keeps the
// optimum finite even when the classes are perfectly separated, and it is exactly the objective
// scikit-learn's `_sigmoid_calibration` minimises (which returns A = −a, B = −b for p = 1/(1 + e^(A·f + B))).

/** Fitted Platt scaling: the probability is σ(a·score + b); a is unitless per score unit, b in nats. */
export interface PlattParameters {
  readonly a: number;
  readonly b: number;
}

const MAX_ITERATIONS = 100;
const MAX_HALVINGS = 60;
// Armijo constant: a step must achieve at least this share of the decrease the gradient promises.
const SUFFICIENT_DECREASE = 1e-4;

/** σ(a·score + b) in [0, 1]: the calibrated probability of label 1 for one score. */
export function applyPlatt(params: PlattParameters, score: number): number {
  // a = 0 means "ignore the score": do not let 0 · ±∞ turn that into NaN.
  return sigmoid(params.a === 0 ? params.b : params.a * score + params.b);
}

/**
 * Platt scaling fitted to `scores` and 0/1 `labels` by damped Newton's method on Platt's smoothed
 * targets; matches scikit-learn 1.2's `_sigmoid_calibration` with a = −A, b = −B. Constant scores give
 * a = 0 and b = logit of the smoothed positive rate. Throws for no rows, unequal lengths, a label other
 * than 0/1 or a non-finite score.
 */
export function fitPlatt(scores: ArrayLike<number>, labels: ArrayLike<number>): PlattParameters {
  const n = scores.length;
  if (labels.length !== n) throw new RangeError(`Got ${n} scores but ${labels.length} labels.`);
  if (n === 0) throw new RangeError('Cannot fit Platt scaling to no rows.');
  let positives = 0;
  let lowest = Infinity;
  let highest = -Infinity;
  for (let i = 0; i < n; i++) {
    const label = labels[i];
    if (label !== 0 && label !== 1) throw new RangeError(`Labels must be 0 or 1; row ${i} has ${label}.`);
    positives += label;
    const s = scores[i];
    if (!Number.isFinite(s)) throw new RangeError(`Score of row ${i} is ${s}; scores must be finite.`);
    if (s < lowest) lowest = s;
    if (s > highest) highest = s;
  }
  const negatives = n - positives;
  const targetPositive = (positives + 1) / (positives + 2);
  const targetNegative = 1 / (negatives + 2);
  const targets = new Float64Array(n);
  for (let i = 0; i < n; i++) targets[i] = labels[i] === 1 ? targetPositive : targetNegative;

  // Halved before subtracting so that scores near ±1.8e308 cannot overflow.
  const center = lowest / 2 + highest / 2;
  const halfRange = highest / 2 - lowest / 2;
  if (!(halfRange > 0)) {
    // With one score value only a·s + b is identified; a = 0 keeps the score out of it, and the best
    // constant probability under the smoothed targets is their mean.
    return { a: 0, b: logit((positives * targetPositive + negatives * targetNegative) / n) };
  }
  // Fitting on scores rescaled into [−1, 1] keeps the Hessian well conditioned whatever the score
  // units (logits of ±1e6 included); the optimum maps back exactly because the model is affine in s.
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) u[i] = (scores[i] - center) / halfRange;

  const loss = (alpha: number, beta: number): number => {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const z = alpha * u[i] + beta;
      // −t·ln σ(z) − (1 − t)·ln(1 − σ(z)), via softplus so a large |z| stays finite
      total += targets[i] * softplus(-z) + (1 - targets[i]) * softplus(z);
    }
    return total;
  };

  // sklearn's starting point: no slope, the intercept at the smoothed prior log-odds.
  let alpha = 0;
  let beta = Math.log((positives + 1) / (negatives + 1));
  let current = loss(alpha, beta);
  // Gradient entries are sums of n terms each below 1 in size: this is close to rounding noise.
  const tolerance = 1e-12 * n;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let gAlpha = 0;
    let gBeta = 0;
    let hAA = 0;
    let hAB = 0;
    let hBB = 0;
    for (let i = 0; i < n; i++) {
      const p = sigmoid(alpha * u[i] + beta);
      const residual = p - targets[i];
      const curvature = p * (1 - p);
      gAlpha += residual * u[i];
      gBeta += residual;
      hAA += curvature * u[i] * u[i];
      hAB += curvature * u[i];
      hBB += curvature;
    }
    if (Math.abs(gAlpha) <= tolerance && Math.abs(gBeta) <= tolerance) break;
    // Levenberg-style damping: a small ridge keeps the 2×2 system solvable when the fitted
    // probabilities saturate and the Hessian is close to singular.
    const ridge = 1e-12 * (hAA + hBB) + 1e-300;
    const dAA = hAA + ridge;
    const dBB = hBB + ridge;
    const determinant = dAA * dBB - hAB * hAB;
    let stepAlpha: number;
    let stepBeta: number;
    if (determinant > 0) {
      stepAlpha = -(dBB * gAlpha - hAB * gBeta) / determinant;
      stepBeta = -(dAA * gBeta - hAB * gAlpha) / determinant;
    } else {
      // Numerically singular: fall back to steepest descent; the line search sets its length.
      stepAlpha = -gAlpha;
      stepBeta = -gBeta;
    }
    let slope = gAlpha * stepAlpha + gBeta * stepBeta;
    if (!(slope < 0)) {
      stepAlpha = -gAlpha;
      stepBeta = -gBeta;
      slope = -(gAlpha * gAlpha + gBeta * gBeta);
    }
    if (-slope <= 1e-10 * (1 + current)) {
      // The promised decrease is below what the summed loss can resolve, so a line search would only
      // shrink the step to nothing. This close to the optimum the full Newton step converges
      // quadratically; take it, and stop once it no longer moves the parameters.
      const nextAlpha = alpha + stepAlpha;
      const nextBeta = beta + stepBeta;
      if (nextAlpha === alpha && nextBeta === beta) break;
      alpha = nextAlpha;
      beta = nextBeta;
      current = loss(alpha, beta);
      continue;
    }
    // Backtracking: halve the step until the loss falls enough, so the iteration can never diverge.
    let step = 1;
    let accepted = false;
    for (let halving = 0; halving < MAX_HALVINGS; halving++) {
      const nextAlpha = alpha + step * stepAlpha;
      const nextBeta = beta + step * stepBeta;
      const next = loss(nextAlpha, nextBeta);
      if (next <= current + SUFFICIENT_DECREASE * step * slope) {
        alpha = nextAlpha;
        beta = nextBeta;
        current = next;
        accepted = true;
        break;
      }
      step /= 2;
    }
    // No step lowers the loss any more: we are at the optimum to floating-point precision.
    if (!accepted) break;
  }
  return { a: alpha / halfRange, b: beta - (alpha * center) / halfRange };
}
