// Exporting and importing model files through the worker's calls, in Node on the cpu backend:
// quantised exports score as stored and near full precision, their test figures match a plain
// JavaScript forward pass, encrypted files need their passphrase, every corruption is refused with
// its code and nothing kept, NaN audit figures survive the round trip, and a quantised member is a
// standard tfjs layers model.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalDigest } from '../bundle/digest';
import { MODEL_FILE_FORMAT, MODEL_FILE_VERSION } from '../bundle/envelope';
import { decodeBase64, encodeBase64 } from '../core/bundle/base64';
import { dequantizeWeights, quantizationTolerance, quantizeWeights } from '../core/bundle/quantize';
import type { ModelBundle, NetworkMember, NetworkModel, WeightQuantization } from '../core/bundle/types';
import { applyCalibrator } from '../core/calibration/calibrator';
import { materialise } from '../core/features/encodedRows';
import { encodeApplicant } from '../core/features/preprocessor';
import { computeRocAuc } from '../core/metrics/binary';
import { modelCardHtml } from '../core/modelCard/modelCard';
import { admitBundle } from './bundleLoading';
import { scoreReferenceApplicants } from './buildBundle';
import type { Dataset } from './datasets';
import { exportModel, importModelFile, modelCard, quantizationPreview } from './exporting';
import { modelCount, releaseModel } from './models';
import { prepare } from './preparing';
import type { ExportRequest, ModelId, QuantizationOption, TrainRequest, TrainedModel } from './protocol';
import { disposeScorer, scorerOf } from './scorer';
import { score, setPolicy } from './scoring';
import { configOf, fakeWorkerHost, loadText, loanCsv, networkRequest, NEVER, scorecardRequest } from '../../test/support/workerFixtures';
import { train } from './training';

const PASSPHRASE = 'correct horse battery staple';

async function trained(dataset: Dataset, request: TrainRequest): Promise<TrainedModel> {
  const result = await train(dataset, request, () => undefined, NEVER);
  if (!result.ok) throw new Error(result.reason);
  return result.data;
}

async function exported(modelId: ModelId, request: ExportRequest) {
  const result = await exportModel(modelId, request);
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result.data;
}

async function imported(bytes: Uint8Array, passphrase?: string) {
  const result = await importModelFile(bytes, passphrase);
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result.data;
}

async function previewOf(modelId: ModelId) {
  const result = await quantizationPreview(modelId);
  if (!result.ok) throw new Error(result.reason);
  return result.data;
}

function scoreOf(id: ModelId, record: Record<string, string>): number {
  const scored = score(id, record);
  if (!scored.ok) throw new Error(scored.reason);
  return scored.data.probabilityOfBad;
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytesOf = (value: string) => new TextEncoder().encode(value);

/** A plain model file of `bundle` (any value) with its digest computed afresh: a change the digest does not catch. */
async function refiled(bundle: unknown): Promise<Uint8Array> {
  const digest = await canonicalDigest(bundle);
  return bytesOf(JSON.stringify({ format: MODEL_FILE_FORMAT, formatVersion: MODEL_FILE_VERSION, digest: { algorithm: 'SHA-256', value: digest }, bundle }));
}

/** Dotted paths of every NaN in `value`. */
function nanPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isNaN(value) ? [path] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => nanPaths(item, path === '' ? key : `${path}.${key}`));
}

// ---- A plain JavaScript forward pass: the second implementation the worker's figures are checked against.

interface DenseLayer {
  readonly kernel: Float32Array;
  readonly bias: Float32Array;
  readonly inputs: number;
  readonly units: number;
  readonly relu: boolean;
}

/** The member's dense layers with the weights as stored (dequantised as tfjs would), read from its Keras topology. */
function denseLayers(member: NetworkMember): DenseLayer[] {
  const values = dequantizeWeights(member.weightSpecs, decodeBase64(member.weightData));
  const config = member.modelTopology.config as { layers: { class_name: string; config: { units: number; activation: string } }[] };
  const dense = config.layers.filter((layer) => layer.class_name === 'Dense');
  expect(values).toHaveLength(2 * dense.length);
  return dense.map((layer, i) => {
    const kernel = member.weightSpecs[2 * i];
    expect(kernel.name).toMatch(/kernel$/);
    expect(member.weightSpecs[2 * i + 1].name).toMatch(/bias$/);
    expect(['relu', 'linear']).toContain(layer.config.activation);
    return { kernel: values[2 * i], bias: values[2 * i + 1], inputs: kernel.shape[0], units: kernel.shape[1], relu: layer.config.activation === 'relu' };
  });
}

/** One member's logit for the row at `offset` of `x`: relu dense layers, then the linear output. */
function memberLogit(layers: readonly DenseLayer[], x: Float32Array, offset: number): number {
  let h: ArrayLike<number> = x.subarray(offset, offset + layers[0].inputs);
  for (const layer of layers) {
    const out = new Float64Array(layer.units);
    for (let j = 0; j < layer.units; j++) {
      let sum = layer.bias[j];
      for (let i = 0; i < layer.inputs; i++) sum += h[i] * layer.kernel[i * layer.units + j];
      out[j] = layer.relu ? Math.max(0, sum) : sum;
    }
    h = out;
  }
  return h[0];
}

/** Probabilities of bad of the rows of `x`: the members' mean logit with their shifts removed, through the calibrator. */
function forwardProbabilitiesOfBad(bundle: ModelBundle, x: Float32Array): Float64Array {
  const model = bundle.model as NetworkModel;
  const members = model.members.map((member) => ({ layers: denseLayers(member), shift: member.logitShift }));
  const rows = x.length / model.inputWidth;
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let mean = 0;
    for (const { layers, shift } of members) mean += (memberLogit(layers, x, r * model.inputWidth) - shift) / members.length;
    const p = applyCalibrator(model.calibrator, mean);
    out[r] = bundle.policy.positiveIsBad ? p : 1 - p;
  }
  return out;
}

/** Mean binary cross-entropy, probabilities clipped to [1e-7, 1 − 1e-7] as the app clips them. */
function logLoss(bad: ArrayLike<number>, pBad: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < bad.length; i++) {
    const p = Math.min(1 - 1e-7, Math.max(1e-7, pBad[i]));
    total -= bad[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return total / bad.length;
}

let book: { dataset: Dataset; request: TrainRequest; scorecard: TrainRequest };
let network: TrainedModel;

beforeAll(async () => {
  fakeWorkerHost();
  await tf.setBackend('cpu');
  const { dataset, summary } = await loadText(loanCsv(7, 600, 1), 'book.csv');
  // Enough epochs for weights like a trained network's (spread, non-zero biases): 5 cross-fit members.
  book = {
    dataset,
    request: networkRequest(configOf(summary), { settings: { ...networkRequest(configOf(summary)).settings, epochs: 15 } }),
    scorecard: scorecardRequest(configOf(summary)),
  };
  network = await trained(book.dataset, book.request);
}, 120_000);

describe('quantised exports', () => {
  it('preview: every encoding of a network, its file sizes falling with the precision, its test figures those of a plain forward pass', async () => {
    const preview = await previewOf(network.modelId);
    const none = preview.none!;
    const float16 = preview.float16!;
    const uint8 = preview.uint8!;
    expect(none).toEqual({ bytes: none.bytes, maxReferenceChange: 0, testAucChange: 0, testLogLossChange: 0 });
    expect(float16.bytes).toBeLessThan(none.bytes);
    expect(uint8.bytes).toBeLessThan(float16.bytes);
    expect(float16.maxReferenceChange).toBeGreaterThan(0);
    expect(float16.maxReferenceChange).toBeLessThanOrEqual(quantizationTolerance('float16'));
    expect(uint8.maxReferenceChange).toBeGreaterThan(float16.maxReferenceChange);
    expect(uint8.maxReferenceChange).toBeLessThanOrEqual(quantizationTolerance('uint8'));

    // The test rows as the model reads them, and the file's weights (float32 and each quantised copy) through plain JavaScript.
    const data = prepare(book.dataset, book.request.prepare);
    if (!data.ok) throw new Error(data.reason);
    const x = materialise(data.data.test);
    const bad = data.data.test.y;
    expect(network.bundle.policy.positiveIsBad).toBe(true);
    const full = forwardProbabilitiesOfBad(network.bundle, x);
    const figures: Record<string, { auc: number; logLoss: number }> = {};
    for (const [mode, option] of [
      ['float16', float16],
      ['uint8', uint8],
    ] as const) {
      const file = await exported(network.modelId, { quantization: mode });
      expect(file.bytes.length).toBe(option.bytes);
      const quantised = forwardProbabilitiesOfBad(file.bundle, x);
      const aucChange = computeRocAuc(bad, quantised) - computeRocAuc(bad, full);
      const logLossChange = logLoss(bad, quantised) - logLoss(bad, full);
      expect(Math.abs(option.testAucChange! - aucChange)).toBeLessThan(1e-6);
      expect(Math.abs(option.testLogLossChange! - logLossChange)).toBeLessThan(1e-6);
      figures[mode] = { auc: aucChange, logLoss: logLossChange };
      // And the file's reference applicants carry what its own weights give them.
      for (const applicant of file.bundle.referenceApplicants) {
        const [p] = forwardProbabilitiesOfBad(file.bundle, encodeApplicant(file.bundle.preprocessing, applicant.record));
        expect(Math.abs(p - applicant.probabilityOfBad)).toBeLessThan(1e-5);
      }
    }
    // uint8 moves the test log loss visibly; the check above is not of two zeros.
    expect(Math.abs(figures.uint8.logLoss)).toBeGreaterThan(1e-5);
  }, 120_000);

  it.each<Exclude<WeightQuantization, 'none'>>(['float16', 'uint8'])(
    '%s: the file imports, scores its reference applicants as stored, and stays within the mode’s tolerance of full precision',
    async (mode) => {
      const file = await exported(network.modelId, { quantization: mode, name: `loans ${mode}` });
      expect(file.fileName).toBe(`loans ${mode}.creditlab.json`);
      const model = file.bundle.model as NetworkModel;
      expect(model.quantization).toBe(mode);
      expect(model.members.every((m) => m.weightSpecs.every((s) => s.quantization?.dtype === mode))).toBe(true);
      expect(file.bundle.referenceTolerance).toBe(quantizationTolerance('none'));
      const preview = (await previewOf(network.modelId))[mode] as QuantizationOption;
      expect(model.quantizationEffect).toEqual({
        maxReferenceChange: preview.maxReferenceChange,
        testAucChange: preview.testAucChange,
        testLogLossChange: preview.testLogLossChange,
      });

      const before = modelCount();
      const copy = await imported(file.bytes);
      expect(modelCount()).toBe(before + 1);
      expect(copy.bundle.name).toBe(`loans ${mode}`);
      expect(copy.bundle.model).toEqual(model);
      let worst = 0;
      for (const { record, probabilityOfBad } of copy.bundle.referenceApplicants) {
        const now = scoreOf(copy.modelId, record);
        expect(Math.abs(now - probabilityOfBad)).toBeLessThanOrEqual(quantizationTolerance('none'));
        const change = Math.abs(now - scoreOf(network.modelId, record));
        expect(change).toBeLessThanOrEqual(quantizationTolerance(mode));
        worst = Math.max(worst, change);
      }
      expect(worst).toBeGreaterThan(0);
      expect(Math.abs(worst - preview.maxReferenceChange)).toBeLessThan(1e-6);

      // Loaded from a file, the model has no test rows: its preview offers only its own encoding, with the effect its bundle recorded.
      const again = await previewOf(copy.modelId);
      expect(again.none).toBeNull();
      expect(again[mode === 'float16' ? 'uint8' : 'float16']).toBeNull();
      expect(again[mode]).toEqual({ ...model.quantizationEffect, bytes: file.bytes.length });
      const refused = await exportModel(copy.modelId, { quantization: 'none' });
      expect(refused).toEqual({ ok: false, problem: { code: 'quantization-unavailable', mode: 'none', reason: 'already-quantized', stored: mode } });
      releaseModel(copy.modelId);
    },
    120_000,
  );

  it('a quantised member is a standard tfjs layers model: tf.loadLayersModel(tf.io.fromMemory(…)) loads it and predicts its logits', async () => {
    for (const mode of ['float16', 'uint8'] as const) {
      const file = await exported(network.modelId, { quantization: mode });
      const bundle = (JSON.parse(text(file.bytes)) as { bundle: ModelBundle }).bundle;
      const member = (bundle.model as NetworkModel).members[0];
      const weightData = decodeBase64(member.weightData).buffer;
      const layers = await tf.loadLayersModel(
        tf.io.fromMemory({ modelTopology: member.modelTopology, weightSpecs: member.weightSpecs as tf.io.WeightsManifestEntry[], weightData }),
      );
      const x = encodeApplicant(bundle.preprocessing, bundle.referenceApplicants[0].record);
      const logit = tf.tidy(() => (layers.predict(tf.tensor2d(x, [1, x.length])) as tf.Tensor).dataSync()[0]);
      expect(Math.abs(logit - memberLogit(denseLayers(member), x, 0))).toBeLessThan(1e-5);
      layers.dispose();
    }
  });

  it('refuses an encoding that moves a reference applicant beyond its tolerance (the preview shows it first); a milder one still exports', async () => {
    // One hidden unit made dead (no inputs, bias −1) with an output weight of 10⁴: at full precision it
    // adds nothing, but uint8's step on the output kernel becomes 10⁴ / 255 and rounds every other output weight to 0.
    const float32 = network.bundle.model as NetworkModel;
    const members = float32.members.map((member): NetworkMember => {
      const values = dequantizeWeights(member.weightSpecs, decodeBase64(member.weightData));
      const [kernel, bias, outKernel] = values;
      const units = member.weightSpecs[0].shape[1];
      for (let i = 0; i < member.weightSpecs[0].shape[0]; i++) kernel[i * units] = 0;
      bias[0] = -1;
      outKernel[0] = 1e4;
      const { specs, data } = quantizeWeights(
        member.weightSpecs.map((spec, i) => ({ name: spec.name, shape: spec.shape, values: values[i] })),
        'none',
      );
      return { ...member, weightSpecs: specs, weightData: encodeBase64(data) };
    });
    const changed: ModelBundle = { ...network.bundle, model: { ...float32, members } };
    const scorer = await scorerOf(changed.model);
    const rescored: ModelBundle = { ...changed, referenceApplicants: scoreReferenceApplicants(scorer, changed) };
    disposeScorer(scorer);
    const admitted = await admitBundle(rescored);
    if (!admitted.ok) throw new Error(JSON.stringify(admitted.problem));
    const id = admitted.data.id;
    const preview = await previewOf(id);
    expect(preview.uint8!.maxReferenceChange).toBeGreaterThan(quantizationTolerance('uint8'));
    expect(preview.uint8!.testAucChange).toBeNull();
    expect(preview.float16!.maxReferenceChange).toBeLessThanOrEqual(quantizationTolerance('float16'));
    const before = modelCount();
    expect(await exportModel(id, { quantization: 'uint8' })).toEqual({
      ok: false,
      problem: { code: 'quantization-too-lossy', mode: 'uint8', maxReferenceChange: preview.uint8!.maxReferenceChange, tolerance: quantizationTolerance('uint8') },
    });
    expect(modelCount()).toBe(before);
    expect((await exportModel(id, { quantization: 'float16' })).ok).toBe(true);
    releaseModel(id);
  }, 120_000);
});

describe('encrypted exports', () => {
  it('import with the passphrase; a wrong or missing one is refused and nothing is kept', async () => {
    const file = await exported(network.modelId, { quantization: 'float16', passphrase: PASSPHRASE });
    expect(text(file.bytes)).toContain('"encryption"');
    expect(text(file.bytes)).not.toContain('referenceApplicants');
    const before = modelCount();
    expect(await importModelFile(file.bytes)).toEqual({ ok: false, problem: { code: 'passphrase-required' } });
    expect(await importModelFile(file.bytes, 'Correct horse battery staple')).toEqual({ ok: false, problem: { code: 'wrong-passphrase' } });
    expect(modelCount()).toBe(before);
    const copy = await imported(file.bytes, PASSPHRASE);
    expect(copy.bundle.model).toEqual(file.bundle.model);
    expect(modelCount()).toBe(before + 1);
    releaseModel(copy.modelId);
  }, 60_000);
});

describe('importModelFile refuses a damaged file with its code and keeps nothing', () => {
  it('flipped byte, truncated, changed weight under a recomputed digest, invalid JSON, newer versions, not a bundle, oversized', async () => {
    const file = await exported(network.modelId, { quantization: 'none' });
    const plain = text(file.bytes);
    const envelope = JSON.parse(plain) as { bundle: ModelBundle };
    const model = envelope.bundle.model as NetworkModel;

    const flipped = file.bytes.slice();
    const at = plain.indexOf('"name":"') + '"name":"'.length;
    flipped[at] ^= 0x01; // 'd' of "default …" becomes 'e': still JSON, another bundle.

    const weights = decodeBase64(model.members[0].weightData);
    const view = new DataView(weights.buffer);
    // The last float is the output bias: moving it moves every logit.
    view.setFloat32(weights.length - 4, view.getFloat32(weights.length - 4, true) - 30, true);
    const reweighted = { ...envelope.bundle, model: { ...model, members: [{ ...model.members[0], weightData: encodeBase64(weights) }, ...model.members.slice(1)] } };

    const cases: [string, Uint8Array, object][] = [
      ['flipped byte', flipped, { code: 'digest-mismatch' }],
      ['truncated', file.bytes.slice(0, Math.floor(file.bytes.length / 2)), { code: 'truncated' }],
      ['changed weight, digest recomputed', await refiled(reweighted), { code: 'reference-mismatch', tolerance: quantizationTolerance('none') }],
      ['invalid JSON', bytesOf(plain.replace('"format":', '"format"')), { code: 'not-json' }],
      ['a newer file format', bytesOf(plain.replace(`"formatVersion":${MODEL_FILE_VERSION}`, `"formatVersion":${MODEL_FILE_VERSION + 1}`)), { code: 'newer-version', of: 'file' }],
      ['a newer bundle version', await refiled({ ...envelope.bundle, version: 2 }), { code: 'newer-version', of: 'bundle', version: 2, supported: 1 }],
      ['not a bundle', bytesOf(JSON.stringify({ format: 'layers-model', modelTopology: {} })), { code: 'not-a-bundle' }],
      ['oversized', new Uint8Array(50 * 1024 * 1024 + 1), { code: 'too-large', maxBytes: 50 * 1024 * 1024 }],
      ['a null in a scoring field', await refiled({ ...envelope.bundle, policy: { ...envelope.bundle.policy, cutoff: null } }), { code: 'invalid', path: 'bundle.policy.cutoff' }],
    ];
    const models = modelCount();
    const tensors = tf.memory().numTensors;
    for (const [what, bytes, problem] of cases) {
      const result = await importModelFile(bytes);
      expect(result.ok, what).toBe(false);
      if (!result.ok) expect(result.problem, what).toMatchObject(problem);
      expect(modelCount(), what).toBe(models);
    }
    expect(tf.memory().numTensors).toBe(tensors);
  }, 120_000);
});

describe('NaN audit figures', () => {
  it('a tiny training set: its NaN metrics export as null, import back as NaN in the same places, and the digest holds', async () => {
    const { dataset, summary } = await loadText(loanCsv(7, 16, 1), 'tiny.csv');
    const run = await trained(dataset, networkRequest(configOf(summary, 3, { validation: { kind: 'holdout', fraction: 0.2 } })));
    const paths = nanPaths(run.bundle);
    expect(paths).toEqual(expect.arrayContaining(['metrics.test.metrics.aucLower', 'metrics.calibration.crossValidatedLogLoss.none']));
    expect(paths.every((path) => /^(metrics|cleaning|provenance)\./.test(path))).toBe(true);
    const file = await exported(run.modelId, { quantization: 'float16' });
    expect(text(file.bytes)).toContain('"aucLower":null');
    expect(text(file.bytes)).not.toContain('NaN');
    const copy = await imported(file.bytes);
    expect(nanPaths(copy.bundle)).toEqual(paths);
    releaseModel(copy.modelId);
    releaseModel(run.modelId);
  }, 60_000);
});

describe('scorecards and model cards', () => {
  it('a scorecard exports only as it is (no weights to quantise) with its current policy, and imports back', async () => {
    const run = await trained(book.dataset, book.scorecard);
    const scale = { baseScore: 500, baseOdds: 20, pointsToDoubleOdds: 40 };
    expect(setPolicy(run.modelId, { cutoff: 0.3, scale }).ok).toBe(true);
    const preview = await previewOf(run.modelId);
    expect(preview.float16).toBeNull();
    expect(preview.uint8).toBeNull();
    expect(preview.none).toMatchObject({ maxReferenceChange: 0, testAucChange: 0, testLogLossChange: 0 });
    expect(await exportModel(run.modelId, { quantization: 'uint8' })).toEqual({
      ok: false,
      problem: { code: 'quantization-unavailable', mode: 'uint8', reason: 'scorecard', stored: 'none' },
    });
    const file = await exported(run.modelId, { quantization: 'none' });
    expect(file.bytes.length).toBe(preview.none!.bytes);
    const copy = await imported(file.bytes);
    expect(copy.bundle.policy).toEqual({ ...run.bundle.policy, cutoff: 0.3, scale });

    const card = modelCard(run.modelId);
    if (!card.ok) throw new Error(card.reason);
    expect(card.data.html).toBe(modelCardHtml({ ...run.bundle, policy: copy.bundle.policy, referenceApplicants: copy.bundle.referenceApplicants }));
    expect(card.data.html).not.toBe(modelCardHtml(run.bundle));
    expect(card.data.fileName).toBe(`${run.bundle.name}.model-card.html`.replace(/:/g, '_'));
    releaseModel(copy.modelId);
    releaseModel(run.modelId);
  });

  it('a released model: not-loaded for export, a reason for the preview and the card', async () => {
    const run = await trained(book.dataset, book.scorecard);
    releaseModel(run.modelId);
    expect(await exportModel(run.modelId, { quantization: 'none' })).toEqual({ ok: false, problem: { code: 'not-loaded' } });
    expect((await quantizationPreview(run.modelId)).ok).toBe(false);
    expect(modelCard(run.modelId).ok).toBe(false);
  });
});
