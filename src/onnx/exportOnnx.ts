// The whole scoring pipeline of a bundle as one ONNX model: raw columns in, the probability of bad
// out. Pure (no Node, no DOM, no tfjs): the command line writes the bytes to a file, the app can
// offer them as a download. What the graph leaves out, and why, is listed in docs/scale-out.md.
import type { ModelBundle } from '../core/bundle/types';
import { boostedLogit } from './boostedGraph';
import { calibratedProbability } from './calibratorGraph';
import { DTYPE, GraphBuilder } from './graph';
import { ColumnInputs } from './inputs';
import { networkLogit } from './networkGraph';
import { encodedInputs } from './preprocessingGraph';
import { scorecardProbabilityOfBad } from './scorecardGraph';

/** The graph output's name: the probability of the bad outcome, float32 [N, 1] in [0, 1]. */
export const ONNX_OUTPUT = 'probability_of_bad';

/**
 * The bundle's scoring as ONNX model bytes (IR 8, opsets ai.onnx 17 and ai.onnx.ml 3): one input per
 * schema column named after it, [N, 1], float32 (NaN = missing) for numbers and string (empty =
 * missing) for categories; one output `probability_of_bad`, float32 [N, 1]. Throws an Error with a
 * plain sentence for a bundle it cannot express (a layer type the app never builds, a column read
 * as another kind than the schema says).
 */
export function exportOnnx(bundle: ModelBundle): Uint8Array {
  const graph = new GraphBuilder();
  const columns = new ColumnInputs(graph, bundle.schema);
  const model = bundle.model;
  let probabilityOfBad: string;
  if (model.kind === 'scorecard') {
    // The scorecard reads raw columns through its own bins and already gives the probability of bad.
    probabilityOfBad = scorecardProbabilityOfBad(graph, columns, model.scorecard, bundle.policy.scale);
  } else {
    if (model.inputWidth !== bundle.preprocessing.width) throw new Error(`The model takes ${model.inputWidth} inputs; the preprocessing gives ${bundle.preprocessing.width}.`);
    const encoded = encodedInputs(graph, columns, bundle.preprocessing);
    const logit = model.kind === 'network' ? networkLogit(graph, encoded, model) : boostedLogit(graph, encoded, model, bundle.preprocessing);
    const positive = calibratedProbability(graph, logit, model.calibrator);
    probabilityOfBad = bundle.policy.positiveIsBad ? positive : graph.node('Sub', [graph.doubles('one', [1], []), positive]);
  }
  graph.output(graph.node('Cast', [probabilityOfBad], { to: { int: DTYPE.float } }), ONNX_OUTPUT, DTYPE.float);
  return graph.toBytes(safeGraphName(bundle.name), `CreditLab model "${bundle.name}" (${bundle.id}), ${model.kind}: raw columns to ${ONNX_OUTPUT}.`);
}

function safeGraphName(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 64) || 'creditlab';
}
