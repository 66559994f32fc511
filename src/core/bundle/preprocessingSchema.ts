// The schema of the fitted preprocessing: scoring applies it as stored, so every field is checked.

import * as v from 'valibot';
import { count, decimalMark, distinct, finite, positive, strictlyIncreasing } from './valueSchemas';

const missingStrategy = v.picklist(['median', 'mean', 'mode', 'constant', 'indicator', 'forward-fill', 'drop-row']);

const bounds = <T extends v.ObjectEntries>(entries: T) => v.strictObject({ lower: finite, upper: finite, ...entries });

const rangeRule = v.pipe(
  v.strictObject({ min: v.nullable(finite), max: v.nullable(finite) }),
  v.check((r) => r.min === null || r.max === null || r.min <= r.max, 'The smallest possible value is above the largest.'),
);

const numericFeature = v.strictObject({
  kind: v.literal('numeric'),
  name: v.string(),
  missing: missingStrategy,
  fill: v.nullable(finite),
  indicator: v.boolean(),
  missingInTraining: count,
  clip: v.nullable(
    v.pipe(
      bounds({ rule: v.string(), trainingCellsClipped: count }),
      v.check((c) => c.lower <= c.upper, 'The lower clip bound is above the upper one.'),
    ),
  ),
  range: v.nullable(rangeRule),
  trainedRange: v.nullable(
    v.pipe(
      bounds({ rule: v.string() }),
      v.check((c) => c.lower <= c.upper, 'The lower bound is above the upper one.'),
    ),
  ),
  mean: finite,
  std: positive,
  ple: v.nullable(
    v.strictObject({
      edges: v.pipe(
        v.array(finite),
        v.minLength(2, 'PLE needs at least two edges.'),
        v.check((values) => strictlyIncreasing(values), 'PLE edges must increase.'),
      ),
    }),
  ),
});

const categoricalFeature = v.pipe(
  v.strictObject({
    kind: v.literal('categorical'),
    name: v.string(),
    missing: missingStrategy,
    levels: v.pipe(
      v.array(v.string()),
      v.check((values) => distinct(values), 'A level occurs twice.'),
    ),
    fill: v.nullable(v.string()),
  }),
  v.forward(
    v.check((f) => f.fill === null || f.levels.includes(f.fill), 'The fill level is not one of the levels.'),
    ['fill'],
  ),
);

/** One input column's fitted preprocessing (FeatureSpec). */
export const featureSpecSchema = v.variant('kind', [numericFeature, categoricalFeature]);

/** Inputs a feature takes in the encoded vector (as the preprocessor lays them out). */
export function featureInputs(feature: v.InferOutput<typeof featureSpecSchema>): number {
  if (feature.kind === 'categorical') return feature.levels.length;
  return (feature.ple === null ? 1 : feature.ple.edges.length - 1) + (feature.indicator ? 1 : 0);
}

/** The fitted preprocessing (Preprocessor, version 4): its width must be what its features take. */
export const preprocessorSchema = v.pipe(
  v.strictObject({
    version: v.literal(4),
    decimal: decimalMark,
    features: v.pipe(
      v.array(featureSpecSchema),
      v.check((features) => distinct(features.map((f) => f.name)), 'Two features have the same name.'),
    ),
    width: count,
    fittedOnRows: count,
  }),
  v.forward(
    v.check((p) => p.width === p.features.reduce((sum, f) => sum + featureInputs(f), 0), 'The width is not the number of inputs the features take.'),
    ['width'],
  ),
);
