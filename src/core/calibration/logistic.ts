// The logistic function and its relatives, written so that no finite input overflows: exp is only
// ever taken of a non-positive number.

/** σ(z) = 1 / (1 + e^−z) in [0, 1], for any z (±∞ give 1 and 0; NaN gives NaN). */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** softplus(z) = ln(1 + e^z) in [0, ∞), for any finite z; −ln σ(−z), so the log loss of a logit is softplus. */
export function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/** ln(p / (1 − p)) for p in (0, 1): the inverse of `sigmoid`; ±∞ at 1 and 0. */
export function logit(p: number): number {
  return Math.log(p) - Math.log1p(-p);
}
