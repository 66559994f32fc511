import { softplus, sigmoid } from '../calibration/logistic';

// Binary logistic regression by Newton–Raphson (IRLS) with a backtracking line search. It minimises
//   (1 / W) · Σ wᵢ · [softplus(zᵢ) − yᵢ·zᵢ]  +  (l2 / 2) · Σⱼ βⱼ²,   zᵢ = β₀ + xᵢ·β,  W = Σ wᵢ,
// the weighted mean log loss plus a ridge penalty on the coefficients only (the intercept is free).
// Multiplying by C·W shows it is scikit-learn's C · Σ wᵢ·loglossᵢ + ½‖β‖² with C = 1 / (W · l2), so
// with unit weights C = 1 / (n · l2). A scorecard has a handful of WoE columns, so the (k+1)² Hessian
// is tiny and Newton's quadratic convergence beats any first-order method here.

/** Options of `fitLogisticRegression`. */
export interface LogisticRegressionOptions {
  /** Ridge strength on the mean-loss scale (≥ 0, default 0): sklearn's C = 1 / (Σ weights · l2). */
  readonly l2?: number;
  /** Non-negative row weights (default 1 each); the loss is their weighted mean. */
  readonly weights?: ArrayLike<number>;
}

/** A fitted logistic regression: logit of label 1 = intercept + Σⱼ coefficients[j] · xⱼ. */
export interface LogisticRegressionFit {
  readonly intercept: number;
  readonly coefficients: Float64Array;
  /** Newton steps taken. */
  readonly iterations: number;
  /**
   * True when the loss could no longer be lowered measurably, false when MAX_NEWTON_ITERATIONS ran out
   * first. Separable data with l2 = 0 has its optimum at infinity: the fit then stops, "converged",
   * once the loss is within rounding of 0, with large but finite coefficients. Use l2 > 0 there.
   */
  readonly converged: boolean;
}

/** Newton steps at most; a well-posed fit takes under 15. */
export const MAX_NEWTON_ITERATIONS = 100;
const MAX_HALVINGS = 60;
// Armijo constant: a step must achieve at least this share of the decrease the gradient promises.
const SUFFICIENT_DECREASE = 1e-4;
// The gradient is a weighted mean of terms of the size of x: below this it is rounding noise.
const GRADIENT_TOLERANCE = 1e-12;
// A Newton decrement gᵀH⁻¹g below this (relative to the loss) is within a few ulps of the mean loss;
// it also bounds the distance to the optimum in the Hessian's norm by 1e-7 before the last full step.
const NEGLIGIBLE_DECREASE = 1e-14;

/**
 * Fits the logit of label 1 to `x` (n × k, row-major) and 0/1 labels `y` (n = y.length), minimising
 * the weighted mean log loss + (l2/2)·‖β‖² (intercept unpenalised). Throws for mismatched sizes,
 * labels other than 0/1, negative or non-finite weights, non-finite inputs, or a class without weight.
 */
export function fitLogisticRegression(x: Float64Array, y: ArrayLike<number>, k: number, options: LogisticRegressionOptions = {}): LogisticRegressionFit {
  const n = y.length;
  const l2 = options.l2 ?? 0;
  const w = options.weights;
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, got ${k}.`);
  if (x.length !== n * k) throw new RangeError(`x has ${x.length} values; ${n} rows × ${k} columns need ${n * k}.`);
  if (!(l2 >= 0 && Number.isFinite(l2))) throw new RangeError(`l2 must be a finite number ≥ 0, got ${l2}.`);
  if (w && w.length !== n) throw new RangeError(`Got ${w.length} weights for ${n} rows.`);
  let total = 0;
  let positive = 0;
  for (let i = 0; i < n; i++) {
    const label = y[i];
    if (label !== 0 && label !== 1) throw new RangeError(`Labels must be 0 or 1; row ${i} has ${label}.`);
    const weight = w ? w[i] : 1;
    if (!(weight >= 0 && Number.isFinite(weight))) throw new RangeError(`Weights must be finite and ≥ 0; row ${i} has ${weight}.`);
    total += weight;
    positive += weight * label;
  }
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) throw new RangeError(`x[${i}] is ${x[i]}; inputs must be finite.`);
  // With one class only the intercept's optimum is at ±∞ whatever l2 is: refuse rather than drift.
  if (!(positive > 0 && positive < total)) throw new RangeError('Logistic regression needs rows of both labels (with positive weight).');

  const d = k + 1; // θ = [β₀, β₁ … β_k]
  const theta = new Float64Array(d);
  // Start at the base rate: the optimum when the inputs carry nothing, and a good first point otherwise.
  theta[0] = Math.log(positive / (total - positive));
  const z = new Float64Array(n);
  const gradient = new Float64Array(d);
  const hessian = new Float64Array(d * d);
  const step = new Float64Array(d);
  const trial = new Float64Array(d);

  const objective = (params: Float64Array, logits: Float64Array): number => {
    let loss = 0;
    for (let i = 0; i < n; i++) {
      let zi = params[0];
      for (let j = 0; j < k; j++) zi += params[j + 1] * x[i * k + j];
      logits[i] = zi;
      const weight = w ? w[i] : 1;
      if (weight !== 0) loss += weight * (softplus(zi) - y[i] * zi);
    }
    let penalty = 0;
    for (let j = 1; j < d; j++) penalty += params[j] * params[j];
    return loss / total + (l2 / 2) * penalty;
  };

  let current = objective(theta, z);
  const trialZ = new Float64Array(n);
  let iterations = 0;
  let converged = false;
  for (; iterations < MAX_NEWTON_ITERATIONS; iterations++) {
    gradient.fill(0);
    hessian.fill(0);
    for (let i = 0; i < n; i++) {
      const weight = (w ? w[i] : 1) / total;
      if (weight === 0) continue;
      const p = sigmoid(z[i]);
      const r = weight * (p - y[i]);
      const c = weight * p * (1 - p);
      const row = i * k;
      gradient[0] += r;
      hessian[0] += c;
      for (let a = 0; a < k; a++) {
        const xa = x[row + a];
        gradient[a + 1] += r * xa;
        hessian[a + 1] += c * xa; // row 0, column a+1
        for (let b = 0; b <= a; b++) hessian[(a + 1) * d + b + 1] += c * xa * x[row + b];
      }
    }
    for (let a = 1; a < d; a++) {
      gradient[a] += l2 * theta[a];
      hessian[a * d + a] += l2;
      hessian[a * d] = hessian[a]; // mirror row 0 into column 0
      for (let b = 1; b < a; b++) hessian[b * d + a] = hessian[a * d + b];
    }
    let largest = 0;
    for (let a = 0; a < d; a++) largest = Math.max(largest, Math.abs(gradient[a]));
    if (largest <= GRADIENT_TOLERANCE) {
      converged = true;
      break;
    }
    solveNewtonStep(hessian, gradient, d, step);
    let slope = 0;
    for (let a = 0; a < d; a++) slope += gradient[a] * step[a];
    if (!(slope < 0)) {
      // Not a descent direction (a numerically singular Hessian): steepest descent, sized by the search.
      for (let a = 0; a < d; a++) step[a] = -gradient[a];
      slope = -largest * largest;
    }
    if (-slope <= NEGLIGIBLE_DECREASE * (1 + current)) {
      // The Newton decrement is below what the mean loss can resolve, so a line search cannot judge
      // the step; this close to the optimum the full Newton step is quadratically convergent: take it
      // and stop (iterating further only chases rounding noise in the gradient).
      for (let a = 0; a < d; a++) theta[a] += step[a];
      iterations++;
      converged = true;
      break;
    }
    let length = 1;
    let accepted = false;
    for (let halving = 0; halving < MAX_HALVINGS; halving++) {
      for (let a = 0; a < d; a++) trial[a] = theta[a] + length * step[a];
      const next = objective(trial, trialZ);
      if (next <= current + SUFFICIENT_DECREASE * length * slope) {
        theta.set(trial);
        z.set(trialZ);
        current = next;
        accepted = true;
        break;
      }
      length /= 2;
    }
    // No step lowers the loss: at the optimum to floating-point precision.
    if (!accepted) {
      converged = true;
      break;
    }
  }
  return { intercept: theta[0], coefficients: theta.slice(1), iterations, converged };
}

/**
 * Writes into `out` the solution of H·s = −g by Cholesky, adding a growing ridge when H is not
 * numerically positive definite (collinear or constant columns with l2 = 0).
 */
function solveNewtonStep(hessian: Float64Array, gradient: Float64Array, d: number, out: Float64Array): void {
  let trace = 0;
  for (let a = 0; a < d; a++) trace += hessian[a * d + a];
  const factor = new Float64Array(d * d);
  for (let ridge = 0, attempt = 0; attempt < 30; attempt++, ridge = ridge === 0 ? 1e-12 * (trace / d + 1e-300) : ridge * 100) {
    if (choleskyInto(hessian, d, ridge, factor)) {
      // forward then back substitution: L·u = −g, Lᵀ·s = u
      for (let a = 0; a < d; a++) {
        let sum = -gradient[a];
        for (let b = 0; b < a; b++) sum -= factor[a * d + b] * out[b];
        out[a] = sum / factor[a * d + a];
      }
      for (let a = d - 1; a >= 0; a--) {
        let sum = out[a];
        for (let b = a + 1; b < d; b++) sum -= factor[b * d + a] * out[b];
        out[a] = sum / factor[a * d + a];
      }
      return;
    }
  }
  for (let a = 0; a < d; a++) out[a] = -gradient[a];
}

/** Lower-triangular L with L·Lᵀ = H + ridge·I into `factor`; false when a pivot is not positive. */
function choleskyInto(hessian: Float64Array, d: number, ridge: number, factor: Float64Array): boolean {
  factor.fill(0);
  for (let a = 0; a < d; a++) {
    for (let b = 0; b <= a; b++) {
      let sum = hessian[a * d + b] + (a === b ? ridge : 0);
      for (let c = 0; c < b; c++) sum -= factor[a * d + c] * factor[b * d + c];
      if (a === b) {
        if (!(sum > 0)) return false;
        factor[a * d + a] = Math.sqrt(sum);
      } else {
        factor[a * d + b] = sum / factor[b * d + b];
      }
    }
  }
  return true;
}
