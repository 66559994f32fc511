// The schema of the fitted model: network members with their weights, the calibrator, the
// scorecard with its bins. Scoring applies all of it, so the checks are strict.

import * as v from 'valibot';
import { SCORECARD_VERSION } from '../scorecard/types';
import { base64ByteLength, isBase64 } from './base64';
import { count, distinct, finite, strictlyIncreasing, unitInterval } from './valueSchemas';

/** A calibrator: none, Platt scaling, or isotonic regression (Calibrator). */
export const calibratorSchema = v.variant('method', [
  v.strictObject({ method: v.literal('none') }),
  v.strictObject({ method: v.literal('platt'), a: finite, b: finite }),
  v.pipe(
    v.strictObject({
      method: v.literal('isotonic'),
      x: v.pipe(
        v.array(finite),
        v.minLength(1, 'Isotonic calibration needs at least one threshold.'),
        v.check((values) => strictlyIncreasing(values), 'Isotonic thresholds must increase.'),
      ),
      y: v.pipe(
        v.array(unitInterval),
        v.check((y) => y.every((value, i) => i === 0 || value >= y[i - 1]), 'Isotonic values must not decrease.'),
      ),
    }),
    v.forward(
      v.check((c) => c.x.length === c.y.length, 'Isotonic calibration needs as many values as thresholds.'),
      ['y'],
    ),
  ),
]);

const quantization = v.variant('dtype', [v.strictObject({ dtype: v.literal('float16') }), v.strictObject({ dtype: v.literal('uint8'), scale: finite, min: finite })]);

const weightSpec = v.strictObject({
  name: v.string(),
  shape: v.array(count),
  dtype: v.literal('float32'),
  quantization: v.optional(quantization),
});

/** Bytes one stored value of a weight tensor takes: 4 as float32, 2 as float16, 1 as uint8. */
export function bytesPerValue(spec: v.InferOutput<typeof weightSpec>): number {
  return spec.quantization === undefined ? 4 : spec.quantization.dtype === 'float16' ? 2 : 1;
}

/** Bytes the weight tensors take, in weightSpecs order. */
export function weightBytes(specs: readonly v.InferOutput<typeof weightSpec>[]): number {
  return specs.reduce((sum, spec) => sum + spec.shape.reduce((n, d) => n * d, 1) * bytesPerValue(spec), 0);
}

const networkMember = v.pipe(
  v.strictObject({
    // A Keras/tfjs topology as model.toJSON() writes it; tfjs checks the rest when it loads it.
    modelTopology: v.looseObject({ class_name: v.string(), config: v.looseObject({}) }),
    weightSpecs: v.pipe(v.array(weightSpec), v.minLength(1, 'A network has at least one weight tensor.')),
    weightData: v.pipe(v.string(), v.check(isBase64, 'The weights are not base64.')),
    logitShift: finite,
  }),
  v.forward(
    v.check((m) => base64ByteLength(m.weightData) === weightBytes(m.weightSpecs), 'The weights are not as long as their specs say.'),
    ['weightData'],
  ),
);

// Measured at export; strict like the rest of the model, since it is what a reviewer trusts the quantised weights by.
const quantizationEffect = v.strictObject({
  maxReferenceChange: v.pipe(finite, v.minValue(0)),
  testAucChange: v.nullable(finite),
  testLogLossChange: v.nullable(finite),
});

const quantizationOf = (spec: v.InferOutput<typeof weightSpec>) => spec.quantization?.dtype ?? 'none';

const networkModel = v.pipe(
  v.strictObject({
    kind: v.literal('network'),
    network: v.strictObject({
      kind: v.picklist(['logistic', 'mlp']),
      hiddenUnits: v.array(v.pipe(count, v.minValue(1))),
      dropout: v.pipe(finite, v.minValue(0), v.ltValue(1)),
      seed: finite,
    }),
    inputWidth: v.pipe(count, v.minValue(1)),
    members: v.pipe(v.array(networkMember), v.minLength(1, 'A network model has at least one member.')),
    calibrator: calibratorSchema,
    quantization: v.picklist(['none', 'float16', 'uint8']),
    quantizationEffect: v.optional(quantizationEffect),
  }),
  v.forward(
    v.check((m) => m.members.every((member) => member.weightSpecs.every((spec) => quantizationOf(spec) === m.quantization)), 'The weights are not stored as the model says.'),
    ['quantization'],
  ),
  v.forward(
    v.check((m) => m.quantization !== 'none' || m.quantizationEffect === undefined, 'Weights stored as float32 have no quantisation effect.'),
    ['quantizationEffect'],
  ),
);

const binStats = v.strictObject({
  count,
  goods: count,
  bads: count,
  share: unitInterval,
  badRate: unitInterval,
  woe: finite,
  iv: finite,
});

const numericBinning = v.pipe(
  v.strictObject({
    kind: v.literal('numeric'),
    column: v.string(),
    edges: v.pipe(
      v.array(finite),
      v.check((values) => strictlyIncreasing(values), 'Bin edges must increase.'),
    ),
    bins: v.array(binStats),
    missing: binStats,
    trend: v.picklist(['none', 'ascending', 'descending']),
    iv: finite,
  }),
  v.forward(
    v.check((b) => b.bins.length === b.edges.length + 1, 'There must be one bin more than edges.'),
    ['bins'],
  ),
);

const categoricalBinning = v.pipe(
  v.strictObject({
    kind: v.literal('categorical'),
    column: v.string(),
    groups: v.pipe(
      v.array(v.strictObject({ levels: v.pipe(v.array(v.string()), v.minLength(1, 'A group has at least one level.')), stats: binStats })),
      v.minLength(1, 'A categorical binning has at least one group.'),
      v.check((groups) => distinct(groups.flatMap((g) => g.levels)), 'A level is in two groups.'),
    ),
    unseenGroup: count,
    missing: binStats,
    iv: finite,
  }),
  v.forward(
    v.check((b) => b.unseenGroup < b.groups.length, 'The group for unseen levels does not exist.'),
    ['unseenGroup'],
  ),
);

const selectionNote = v.variant('code', [
  v.strictObject({ code: v.literal('low-iv'), column: v.string(), iv: finite, minIv: finite }),
  v.strictObject({
    code: v.literal('correlated'),
    column: v.string(),
    iv: finite,
    with: v.string(),
    withIv: finite,
    correlation: finite,
    maxCorrelation: finite,
  }),
  v.strictObject({ code: v.literal('kept-best-below-min-iv'), column: v.string(), iv: finite, minIv: finite }),
]);

const scorecard = v.strictObject({
  kind: v.literal('scorecard'),
  version: v.literal(SCORECARD_VERSION),
  intercept: finite,
  characteristics: v.pipe(
    v.array(
      v.pipe(
        v.strictObject({ column: v.string(), binning: v.variant('kind', [numericBinning, categoricalBinning]), coefficient: finite, edited: v.boolean() }),
        v.forward(
          v.check((c) => c.binning.column === c.column, 'The binning is of another column.'),
          ['binning'],
        ),
      ),
    ),
    v.minLength(1, 'A scorecard has at least one characteristic.'),
    v.check((cs) => distinct(cs.map((c) => c.column)), 'A column is in the scorecard twice.'),
  ),
  regression: v.strictObject({ intercept: finite, coefficients: v.array(finite), l2: v.pipe(finite, v.minValue(0)), iterations: count, converged: v.boolean() }),
  calibration: v.strictObject({
    method: v.picklist(['none', 'platt']),
    a: finite,
    b: finite,
    reason: v.picklist(['compared', 'no-folds', 'too-few-rows']),
    folds: count,
    rows: count,
    outOfFoldLogLoss: v.nullable(v.strictObject({ none: finite, platt: finite })),
  }),
  selection: v.strictObject({
    minIv: finite,
    maxCorrelation: finite,
    candidates: v.array(v.strictObject({ column: v.string(), iv: finite })),
    notes: v.array(selectionNote),
  }),
  rows: count,
  bads: count,
});

const scorecardModel = v.strictObject({ kind: v.literal('scorecard'), scorecard });

const nodeIndex = v.pipe(v.number(), v.safeInteger(), v.minValue(-1));

const boostedTree = v.pipe(
  v.strictObject({ feature: v.array(nodeIndex), threshold: v.array(finite), left: v.array(nodeIndex), right: v.array(nodeIndex), value: v.array(finite) }),
  v.check((t) => treeIsWellFormed(t), 'A tree is not well formed (its arrays differ in length, or a split points outside the tree or back up it).'),
);

/** True when every array has one entry per node, the root exists, and each split's children are later nodes (so walking it ends). */
function treeIsWellFormed(t: { feature: number[]; threshold: number[]; left: number[]; right: number[]; value: number[] }): boolean {
  const n = t.feature.length;
  if (n === 0 || t.threshold.length !== n || t.left.length !== n || t.right.length !== n || t.value.length !== n) return false;
  for (let node = 0; node < n; node++) {
    if (t.feature[node] < 0) continue;
    if (!(t.left[node] > node && t.left[node] < n && t.right[node] > node && t.right[node] < n)) return false;
  }
  return true;
}

const boostedForest = v.strictObject({
  baseline: finite,
  linear: v.optional(v.strictObject({ intercept: finite, coefficients: v.array(finite) })),
  trees: v.array(boostedTree),
});

const boostedModel = v.pipe(
  v.strictObject({
    kind: v.literal('boosted'),
    inputWidth: v.pipe(count, v.minValue(1)),
    forests: v.pipe(v.array(boostedForest), v.minLength(1, 'A boosted model has at least one forest.')),
    calibrator: calibratorSchema,
    start: v.picklist(['constant', 'linear']),
    settings: v.strictObject({
      learningRate: v.pipe(finite, v.gtValue(0)),
      maxIterations: count,
      maxLeaves: v.pipe(count, v.minValue(2)),
      minRowsPerLeaf: v.pipe(count, v.minValue(1)),
      l2: v.pipe(finite, v.minValue(0)),
      maxBins: v.pipe(count, v.minValue(2), v.maxValue(256)),
      patience: count,
      tolerance: v.pipe(finite, v.minValue(0)),
      start: v.picklist(['auto', 'constant', 'linear']),
    }),
  }),
  v.forward(
    v.check(
      (m) =>
        m.forests.every((f) => f.trees.every((t) => t.feature.every((input) => input < m.inputWidth)) && (f.linear === undefined || f.linear.coefficients.length === m.inputWidth)),
      'A tree splits on an input, or the linear start weighs inputs, the model does not take.',
    ),
    ['forests'],
  ),
);

/** The fitted model: a network ensemble, a scorecard or boosted trees (BundleModel). */
export const bundleModelSchema = v.variant('kind', [networkModel, scorecardModel, boostedModel]);
