// Boosted forests as one ai.onnx.ml TreeEnsembleRegressor (every tree of every forest, leaves
// divided by the forest count, so the sum is the forests' mean) plus the forests' baselines and
// linear starts in double. Split rule x ≤ threshold (BRANCH_LEQ) as forestLogits walks it.
//
// One difference needs care: the app reads "16.02" as a double and rounds the encoded value to
// float32 once; the graph gets 16.02 already rounded to float32, so its encoded value can be a few
// float32 steps off (65% of credit_risk's loan_int_rate values are, by a step or more). Split points
// are often a training value's own encoding, so such a row would fall on the other side. Each
// threshold is therefore raised by a bound on that error (`jitterBound`); a row is then misrouted
// only when its value lies within about 1e-7 (relative) of a split and is not the split's own value.
import type { BoostedModel } from '../core/bundle/types';
import type { Preprocessor } from '../core/features/preprocessor';
import { DTYPE, floatAtOrBelow, type GraphBuilder } from './graph';

/** The forests' mean logit of label 1, double [N, 1], from the encoded inputs (float32 [N, width]). */
export function boostedLogit(graph: GraphBuilder, encoded: string, model: BoostedModel, pre: Preprocessor): string {
  const forests = model.forests;
  if (forests.length === 0) throw new Error('The boosted model has no forest.');
  const count = forests.length;
  const baseline = forests.reduce((sum, forest) => sum + forest.baseline, 0) / count;
  let logit = graph.doubles('baseline', [baseline], []);
  const withLinear = forests.filter((forest) => forest.linear !== undefined);
  if (withLinear.length > 0) {
    // Σ over forests of (intercept + coefficients · x) / count, one MatMul on the summed coefficients.
    const coefficients = new Float64Array(model.inputWidth);
    let intercept = 0;
    for (const forest of withLinear) {
      intercept += forest.linear!.intercept / count;
      forest.linear!.coefficients.forEach((c, j) => (coefficients[j] += c / count));
    }
    const x = graph.node('Cast', [encoded], { to: { int: DTYPE.double } });
    const linear = graph.node('MatMul', [x, graph.doubles('linear', coefficients, [model.inputWidth, 1])]);
    logit = graph.node('Add', [linear, graph.doubles('intercept', [intercept + baseline], [])]);
  }
  const trees = treeAttributes(model, count, slotScales(pre));
  if (trees === null) return logit;
  const sum = graph.node('TreeEnsembleRegressor', [encoded], trees, 'ai.onnx.ml');
  return graph.node('Add', [logit, graph.node('Cast', [sum], { to: { int: DTYPE.double } })]);
}

function treeAttributes(model: BoostedModel, count: number, slots: readonly SlotScale[]) {
  const a = {
    nodes_treeids: [] as number[],
    nodes_nodeids: [] as number[],
    nodes_featureids: [] as number[],
    nodes_values: [] as number[],
    nodes_modes: [] as string[],
    nodes_truenodeids: [] as number[],
    nodes_falsenodeids: [] as number[],
    target_treeids: [] as number[],
    target_nodeids: [] as number[],
    target_ids: [] as number[],
    target_weights: [] as number[],
  };
  let treeId = 0;
  for (const forest of model.forests) {
    for (const tree of forest.trees) {
      for (let node = 0; node < tree.feature.length; node++) {
        const leaf = tree.feature[node] < 0;
        a.nodes_treeids.push(treeId);
        a.nodes_nodeids.push(node);
        a.nodes_featureids.push(leaf ? 0 : tree.feature[node]);
        const t = tree.threshold[node];
        a.nodes_values.push(leaf ? 0 : floatAtOrBelow(t + jitterBound(slots[tree.feature[node]], t)));
        a.nodes_modes.push(leaf ? 'LEAF' : 'BRANCH_LEQ');
        a.nodes_truenodeids.push(leaf ? 0 : tree.left[node]);
        a.nodes_falsenodeids.push(leaf ? 0 : tree.right[node]);
        if (leaf) {
          a.target_treeids.push(treeId);
          a.target_nodeids.push(node);
          a.target_ids.push(0);
          a.target_weights.push(tree.value[node] / count);
        }
      }
      treeId++;
    }
  }
  if (treeId === 0) return null;
  return {
    n_targets: { int: 1 },
    aggregate_function: 'SUM',
    post_transform: 'NONE',
    nodes_treeids: { ints: a.nodes_treeids },
    nodes_nodeids: { ints: a.nodes_nodeids },
    nodes_featureids: { ints: a.nodes_featureids },
    nodes_values: a.nodes_values,
    nodes_modes: a.nodes_modes,
    nodes_truenodeids: { ints: a.nodes_truenodeids },
    nodes_falsenodeids: { ints: a.nodes_falsenodeids },
    target_treeids: { ints: a.target_treeids },
    target_nodeids: { ints: a.target_nodeids },
    target_ids: { ints: a.target_ids },
    target_weights: a.target_weights,
  };
}

/** How an encoded slot was made from a raw number: encoded = (v − center) / scale; null for 0/1 slots (one-hot, indicators), which are exact. */
type SlotScale = { readonly center: number; readonly scale: number } | null;

/** Each encoded slot's affine map from the (filled, clipped) raw value, in slot order. */
export function slotScales(pre: Preprocessor): SlotScale[] {
  const slots: SlotScale[] = [];
  for (const feature of pre.features) {
    if (feature.kind === 'categorical') {
      for (let i = 0; i < feature.levels.length; i++) slots.push(null);
      continue;
    }
    if (feature.ple === null) slots.push({ center: feature.mean, scale: feature.std });
    else {
      const edges = feature.ple.edges;
      for (let t = 1; t < edges.length; t++) slots.push({ center: edges[t - 1], scale: edges[t] - edges[t - 1] });
    }
    if (feature.indicator) slots.push(null);
  }
  return slots;
}

// float32's relative rounding error is at most 2⁻²⁴; twice that for the input and as much again for the result, with a margin.
const FLOAT32_ERROR = 2 ** -22;

/**
 * An upper bound on |graph's encoded value − app's| near threshold t: the raw value there is
 * center + t·scale, whose float32 rounding moves the encoded value by |raw|·2⁻²⁴ / scale, plus the
 * rounding of the encoded value itself.
 */
export function jitterBound(slot: SlotScale, t: number): number {
  if (slot === null) return 0;
  return (Math.abs(slot.center + t * slot.scale) / slot.scale + Math.abs(t)) * FLOAT32_ERROR;
}
