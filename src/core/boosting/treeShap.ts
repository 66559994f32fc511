// Exact Shapley values of boosted trees against one reference applicant (the "interventional"
// TreeSHAP of Lundberg et al. 2020 with a single background row): the game is v(S) = the model's
// logit with the inputs in S taken from the applicant and the rest from the reference, so the
// values add up exactly to logit(applicant) − logit(reference). Per tree, the applicant and the
// reference are walked together; where they part at a split on an input not yet decided, both
// branches are followed, one with the input on the applicant's side (set A), one on the reference's
// (set B). A leaf reached with |A| = a and |B| = b is reached exactly by the coalitions holding A
// and none of B, so it adds value · (a − 1)! b! / (a + b)! to each input of A and takes
// value · a! (b − 1)! / (a + b)! from each input of B; inputs the leaf does not depend on get nothing.

import type { BoostedForest, BoostedTree } from './types';

/** ln(n!) for the small n a tree path reaches (at most one per split on the path). */
const LOG_FACTORIAL: number[] = [0];
function logFactorial(n: number): number {
  for (let k = LOG_FACTORIAL.length; k <= n; k++) LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
  return LOG_FACTORIAL[n];
}

/** Adds one tree's Shapley values for `x` against `reference` (both encoded rows) to `out`, times `scale`. */
function addTreeShapley(tree: BoostedTree, x: ArrayLike<number>, reference: ArrayLike<number>, out: Float64Array, scale: number): void {
  // side[f]: 0 undecided, 1 on the applicant's side (in A), 2 on the reference's (in B).
  const side = new Uint8Array(out.length);
  const onA: number[] = [];
  const onB: number[] = [];
  const walk = (node: number): void => {
    const f = tree.feature[node];
    if (f < 0) {
      const a = onA.length;
      const b = onB.length;
      if (a + b === 0) return;
      const value = tree.value[node] * scale;
      const total = logFactorial(a + b);
      if (a > 0) {
        const w = value * Math.exp(logFactorial(a - 1) + logFactorial(b) - total);
        for (const i of onA) out[i] += w;
      }
      if (b > 0) {
        const w = value * Math.exp(logFactorial(a) + logFactorial(b - 1) - total);
        for (const i of onB) out[i] -= w;
      }
      return;
    }
    const t = tree.threshold[node];
    const xChild = x[f] <= t ? tree.left[node] : tree.right[node];
    const rChild = reference[f] <= t ? tree.left[node] : tree.right[node];
    if (side[f] === 1 || xChild === rChild) return walk(side[f] === 2 ? rChild : xChild);
    if (side[f] === 2) return walk(rChild);
    side[f] = 1;
    onA.push(f);
    walk(xChild);
    onA.pop();
    side[f] = 2;
    onB.push(f);
    walk(rChild);
    onB.pop();
    side[f] = 0;
  };
  walk(0);
}

/**
 * Each encoded input's exact Shapley value for the forests' mean logit of `x` against `reference`
 * (rows of `width` encoded inputs): they sum to meanLogit(x) − meanLogit(reference). A linear start
 * adds its exact terms, coefficient · (x − reference).
 */
export function forestShapley(forests: readonly BoostedForest[], x: ArrayLike<number>, reference: ArrayLike<number>, width: number): Float64Array {
  const out = new Float64Array(width);
  const scale = 1 / forests.length;
  for (const forest of forests) {
    if (forest.linear) for (let j = 0; j < width; j++) out[j] += scale * forest.linear.coefficients[j] * (x[j] - reference[j]);
    for (const tree of forest.trees) addTreeShapley(tree, x, reference, out, scale);
  }
  return out;
}
