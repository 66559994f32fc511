// Training with class weights w_c = n / (2 n_c) makes the weighted log loss treat the classes as if they
// were equally common, so the network's optimal logit is the true log-odds plus ln(w1 / w0). Removing
// that constant puts the logit back on the scale of the real class rates before calibration.

/** ln(w1 / w0) = ln(negatives / positives) in nats for w_c = n / (2 n_c); 0 when either class count is 0. */
export function classWeightLogitShift(positives: number, negatives: number): number {
  if (!(positives >= 0 && negatives >= 0 && Number.isFinite(positives) && Number.isFinite(negatives))) {
    throw new RangeError(`Class counts must be finite and ≥ 0, got ${positives} positives and ${negatives} negatives.`);
  }
  // With an empty class the weights are undefined and training cannot have used them.
  if (positives === 0 || negatives === 0) return 0;
  return Math.log(negatives / positives);
}

/** The logit with the class-weight shift taken off: logit − shift (both in nats). */
export function removePriorShift(logit: number, shift: number): number {
  return logit - shift;
}
