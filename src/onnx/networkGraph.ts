// A network ensemble as graph nodes: each member's tfjs layers (Dense with relu or linear, Dropout,
// which is the identity at scoring) read from its topology JSON and weights as tfjs would load them
// (dequantised by the core's own decoder), its logit less its class-weight prior shift, averaged.
import { decodeBase64 } from '../core/bundle/base64';
import { dequantizeWeights } from '../core/bundle/quantize';
import type { NetworkMember, NetworkModel } from '../core/bundle/types';
import { DTYPE, type GraphBuilder } from './graph';

/** The ensemble's mean logit of label 1 (prior shifts removed), double [N, 1], from the encoded inputs (float32 [N, width]). */
export function networkLogit(graph: GraphBuilder, encoded: string, model: NetworkModel): string {
  const logits = model.members.map((member, k) => {
    const logit = graph.node('Cast', [memberLogit(graph, encoded, member, k)], { to: { int: DTYPE.double } });
    return graph.node('Sub', [logit, graph.doubles('logit_shift', [member.logitShift], [])]);
  });
  const sum = logits.length === 1 ? logits[0] : graph.node('Sum', logits);
  return graph.node('Div', [sum, graph.doubles('members', [logits.length], [])]);
}

/** One tfjs Dense layer as the topology states it. */
interface DenseLayer {
  readonly name: string;
  readonly activation: 'relu' | 'linear';
  readonly useBias: boolean;
}

/** The member's Dense layers in order; throws for any layer or activation this export does not know (the app builds none). */
export function denseLayersOf(member: NetworkMember): DenseLayer[] {
  const topology = member.modelTopology as { class_name?: string; config?: { layers?: { class_name: string; config: Record<string, unknown> }[] } };
  const layers = topology.config?.layers;
  if (topology.class_name !== 'Sequential' || !Array.isArray(layers)) throw new Error('A network member is not a tfjs Sequential model.');
  const dense: DenseLayer[] = [];
  for (const layer of layers) {
    if (layer.class_name === 'Dropout') continue;
    if (layer.class_name !== 'Dense') throw new Error(`A network layer of type ${layer.class_name} cannot be exported.`);
    const activation = (layer.config.activation as string | undefined) ?? 'linear';
    if (activation !== 'relu' && activation !== 'linear') throw new Error(`A Dense layer with activation "${activation}" cannot be exported.`);
    dense.push({ name: String(layer.config.name), activation, useBias: layer.config.use_bias !== false });
  }
  if (dense.length === 0) throw new Error('A network member has no Dense layer.');
  return dense;
}

/** Member k's logit, float32 [N, 1]: MatMul + bias + activation per Dense layer, in float32 as tfjs computes it. */
function memberLogit(graph: GraphBuilder, encoded: string, member: NetworkMember, k: number): string {
  const values = dequantizeWeights(member.weightSpecs, decodeBase64(member.weightData));
  const byName = new Map(member.weightSpecs.map((spec, i) => [spec.name, { shape: spec.shape, values: values[i] }]));
  const weight = (name: string) => {
    const found = byName.get(name);
    if (found === undefined) throw new Error(`A network member has no weight "${name}".`);
    return found;
  };
  let h = encoded;
  for (const layer of denseLayersOf(member)) {
    const kernel = weight(`${layer.name}/kernel`);
    h = graph.node('MatMul', [h, graph.floats(`m${k}_kernel`, kernel.values, kernel.shape)]);
    if (layer.useBias) {
      const bias = weight(`${layer.name}/bias`);
      h = graph.node('Add', [h, graph.floats(`m${k}_bias`, bias.values, bias.shape)]);
    }
    if (layer.activation === 'relu') h = graph.node('Relu', [h]);
  }
  return h;
}
