// A trained tfjs network as a bundle member (topology JSON + base64 weights in the weights-manifest
// form) and back. Saving and loading go through tfjs's own formats: `model.toJSON()` and
// `tf.loadLayersModel(tf.io.fromMemory(…))`, so a member is a standard TensorFlow.js layers model.
import * as tf from '@tensorflow/tfjs';
import { decodeBase64, encodeBase64 } from '../core/bundle/base64';
import { quantizeWeights } from '../core/bundle/quantize';
import type { NetworkMember, NetworkModel, WeightQuantization } from '../core/bundle/types';
import { disposeNetwork } from './network';
import type { ScoringMember, ScoringModel } from './scoringModel';

/** `network` as a bundle member: its topology as plain JSON, its weights (by tfjs weight name, in model order) stored as `quantization` says. */
export function networkMemberOf(network: tf.LayersModel, logitShift: number, quantization: WeightQuantization = 'none'): NetworkMember {
  // A JSON round trip: what a saved file holds, with nothing left that JSON would not keep.
  const modelTopology = JSON.parse(JSON.stringify(network.toJSON(null, false))) as Record<string, unknown>;
  // getWeights() hands out the variables' own tensors (not copies): read them, never dispose them.
  const values = network.getWeights();
  const tensors = network.weights.map((weight, i) => ({ name: weight.originalName, shape: weight.shape as number[], values: values[i].dataSync() as Float32Array }));
  const { specs, data } = quantizeWeights(tensors, quantization);
  return { modelTopology, weightSpecs: specs, weightData: encodeBase64(data), logitShift };
}

/** Loads one member as tfjs loads any saved layers model; throws when tfjs cannot, or when its input width is not `inputWidth`. */
export async function loadNetworkMember(member: NetworkMember, inputWidth: number): Promise<tf.LayersModel> {
  const weightData = decodeBase64(member.weightData).buffer;
  const weightSpecs = member.weightSpecs.map((spec) => ({ ...spec, shape: [...spec.shape] })) as tf.io.WeightsManifestEntry[];
  const network = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: member.modelTopology, weightSpecs, weightData }));
  const width = network.inputs[0]?.shape[1];
  if (network.inputs.length !== 1 || width !== inputWidth) {
    disposeNetwork(network);
    throw new Error(`The network takes ${String(width)} inputs; the preprocessing gives ${inputWidth}.`);
  }
  return network;
}

/** The bundle's network model loaded into a ScoringModel (every member, or none if one fails: the others are freed). */
export async function scoringModelOf(model: NetworkModel): Promise<ScoringModel> {
  const members: ScoringMember[] = [];
  try {
    for (const member of model.members) members.push({ network: await loadNetworkMember(member, model.inputWidth), logitShift: member.logitShift });
  } catch (error) {
    for (const member of members) disposeNetwork(member.network);
    throw error;
  }
  return { members, calibrator: model.calibrator, width: model.inputWidth };
}
