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

// WEIGHT[a * SIDE + b] = a! b! / (a + b + 1)!: the share of a leaf's value an input gets when a
// other inputs are on its side and b on the other side (so (a − 1)! b! / (a + b)! is at a − 1, b).
// A path has at most one split per node of its tree; a flat table covers every path of up to SIDE − 1 splits.
const SIDE = 64;
const WEIGHT = new Float64Array(SIDE * SIDE);
for (let a = 0; a < SIDE; a++) for (let b = 0; b < SIDE; b++) WEIGHT[a * SIDE + b] = Math.exp(logFactorial(a) + logFactorial(b) - logFactorial(a + b + 1));
function weight(a: number, b: number): number {
  return a < SIDE && b < SIDE ? WEIGHT[a * SIDE + b] : Math.exp(logFactorial(a) + logFactorial(b) - logFactorial(a + b + 1));
}

/** The walk's state for one applicant, reused across trees: which side each input is on, and the inputs on each side. */
interface Walk {
  readonly x: ArrayLike<number>;
  readonly reference: ArrayLike<number>;
  readonly out: Float64Array;
  /** 0 undecided, 1 on the applicant's side (in A), 2 on the reference's (in B). */
  readonly side: Uint8Array;
  readonly onA: number[];
  readonly onB: number[];
  scale: number;
}

function walkTree(tree: BoostedTree, node: number, w: Walk): void {
  const f = tree.feature[node];
  if (f < 0) {
    const a = w.onA.length;
    const b = w.onB.length;
    if (a + b === 0) return;
    const value = tree.value[node] * w.scale;
    const out = w.out;
    if (a > 0) {
      const share = value * weight(a - 1, b);
      const onA = w.onA;
      for (let k = 0; k < a; k++) out[onA[k]] += share;
    }
    if (b > 0) {
      const share = value * weight(b - 1, a);
      const onB = w.onB;
      for (let k = 0; k < b; k++) out[onB[k]] -= share;
    }
    return;
  }
  const t = tree.threshold[node];
  const xChild = w.x[f] <= t ? tree.left[node] : tree.right[node];
  const rChild = w.reference[f] <= t ? tree.left[node] : tree.right[node];
  const side = w.side[f];
  if (xChild === rChild || side === 1) return walkTree(tree, side === 2 ? rChild : xChild, w);
  if (side === 2) return walkTree(tree, rChild, w);
  w.side[f] = 1;
  w.onA.push(f);
  walkTree(tree, xChild, w);
  w.onA.pop();
  w.side[f] = 2;
  w.onB.push(f);
  walkTree(tree, rChild, w);
  w.onB.pop();
  w.side[f] = 0;
}

/**
 * Each encoded input's exact Shapley value for the forests' mean logit of `x` against `reference`
 * (rows of `width` encoded inputs): they sum to meanLogit(x) − meanLogit(reference). A linear start
 * adds its exact terms, coefficient · (x − reference). Written into `out` (zeroed first) when given.
 */
export function forestShapley(forests: readonly BoostedForest[], x: ArrayLike<number>, reference: ArrayLike<number>, width: number, out = new Float64Array(width)): Float64Array {
  out.fill(0);
  const scale = 1 / forests.length;
  const w: Walk = { x, reference, out, side: new Uint8Array(width), onA: [], onB: [], scale };
  for (const forest of forests) {
    if (forest.linear) for (let j = 0; j < width; j++) out[j] += scale * forest.linear.coefficients[j] * (x[j] - reference[j]);
    for (const tree of forest.trees) walkTree(tree, 0, w);
  }
  return out;
}
