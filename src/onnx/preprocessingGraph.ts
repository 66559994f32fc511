// The bundle's fitted preprocessing as graph nodes, step for step as encodeApplicant applies it:
// numbers filled, clipped and standardised (or PLE-encoded), with "was missing" indicators; levels
// one-hot (unseen: all zeros). Arithmetic runs in double and the result is cast to float32 once, as
// the app computes in double and stores a Float32Array, so the encoded inputs are the same floats.
import type { CategoricalFeature, NumericFeature, Preprocessor } from '../core/features/preprocessor';
import { DTYPE, type GraphBuilder } from './graph';
import { MISSING_SPELLINGS, type ColumnInputs } from './inputs';

/** The encoded inputs, float32 [N, pre.width], in the preprocessing's slot order. */
export function encodedInputs(graph: GraphBuilder, columns: ColumnInputs, pre: Preprocessor): string {
  const blocks = pre.features.map((feature) => (feature.kind === 'numeric' ? numericBlock(graph, columns, feature) : categoricalBlock(graph, columns, feature)));
  const joined = blocks.length === 1 ? blocks[0] : graph.node('Concat', blocks, { axis: { int: 1 } });
  return graph.node('Cast', [joined], { to: { int: DTYPE.float } });
}

/** Double [N, 1 | bins (+1)]: fill, clip, then (v − mean) / std or the PLE bins, then the indicator. */
function numericBlock(graph: GraphBuilder, columns: ColumnInputs, feature: NumericFeature): string {
  const raw = columns.number(feature.name);
  const missing = columns.missing(feature.name);
  // No fill: the value stays NaN, as in the app (whose data-quality gate then refuses to train).
  let v = feature.fill === null ? raw : graph.node('Where', [missing, graph.doubles('fill', [feature.fill], []), raw]);
  if (feature.clip !== null) v = graph.node('Clip', [v, graph.doubles('clip_lower', [feature.clip.lower], []), graph.doubles('clip_upper', [feature.clip.upper], [])]);
  let value: string;
  if (feature.ple === null) {
    value = graph.node('Div', [graph.node('Sub', [v, graph.doubles('mean', [feature.mean], [])]), graph.doubles('std', [feature.std], [])]);
  } else {
    // (v − lo) / (hi − lo) clipped into [0, 1] is writePle's three cases exactly: v ≥ hi gives ≥ 1
    // and v ≤ lo gives ≤ 0 (rounding is monotone), between them the same division.
    const edges = feature.ple.edges;
    const lo = edges.slice(0, -1);
    const span = lo.map((l, t) => edges[t + 1] - l);
    const fraction = graph.node('Div', [graph.node('Sub', [v, graph.doubles('ple_lo', lo, [1, lo.length])]), graph.doubles('ple_span', span, [1, span.length])]);
    value = graph.node('Clip', [fraction, graph.doubles('zero', [0], []), graph.doubles('one', [1], [])]);
  }
  if (!feature.indicator) return value;
  return graph.node('Concat', [value, graph.node('Cast', [missing], { to: { int: DTYPE.double } })], { axis: { int: 1 } });
}

/**
 * Double [N, levels]: the level's slot from a LabelEncoder (missing spellings → the fill's slot,
 * anything else unknown → −1), then slot = 0 … levels − 1 compared: −1 matches none, so an unseen
 * level is all zeros (ONNX OneHot would read −1 as the last level).
 */
function categoricalBlock(graph: GraphBuilder, columns: ColumnInputs, feature: CategoricalFeature): string {
  const fillSlot = feature.fill === null ? -1 : feature.levels.indexOf(feature.fill);
  const slots = levelSlots(feature.levels, fillSlot);
  const slot = graph.node(
    'LabelEncoder',
    [columns.text(feature.name)],
    { keys_strings: slots.keys, values_int64s: { ints: slots.values }, default_int64: { int: -1 } },
    'ai.onnx.ml',
  );
  const positions = graph.ints(
    'levels',
    feature.levels.map((_, i) => i),
    [1, feature.levels.length],
  );
  return graph.node('Cast', [graph.node('Equal', [slot, positions])], { to: { int: DTYPE.double } });
}

/** LabelEncoder keys and values: each level's slot, and every missing spelling → `missingSlot` (missing is tested first, as encodeApplicant does). */
export function levelSlots(levels: readonly string[], missingSlot: number): { keys: string[]; values: number[] } {
  const slotOf = new Map<string, number>();
  levels.forEach((level, i) => {
    if (!slotOf.has(level)) slotOf.set(level, i);
  });
  for (const spelling of MISSING_SPELLINGS) slotOf.set(spelling, missingSlot);
  return { keys: [...slotOf.keys()], values: [...slotOf.values()] };
}
