// The worker's side of sharing a model: what each weight encoding would give, the model file as
// exported (current policy, weights quantised as asked, encrypted when asked), a model file read
// back through the same checks as any bundle, and the model card. Nothing is kept on a refusal.
import { decodeModelFile, encodeModelFile, MODEL_FILE_SUFFIX, modelFileName, problemMessage } from '../bundle';
import { bundleOk, bundleRefused, type BundleOutcome, type BundleProblem } from '../core/bundle/problems';
import { quantizationTolerance } from '../core/bundle/quantize';
import { parseBundle } from '../core/bundle/schema';
import type { ModelBundle, NetworkModel, QuantizationEffect, WeightQuantization } from '../core/bundle/types';
import { modelCardHtml } from '../core/modelCard/modelCard';
import { failWith, ok, type Result } from '../core/result';
import { admitBundle } from './bundleLoading';
import { findModel, type LoadedModel } from './models';
import type { ExportedModel, ExportRequest, ImportedModel, ModelCardFile, ModelId, QuantizationOption, QuantizationPreview } from './protocol';
import { fullPrecisionOf, quantizeBundle, type FullPrecision } from './quantizing';
import { bundleOf } from './scoring';

const MODES: readonly WeightQuantization[] = ['none', 'float16', 'uint8'];

/** The end of every model card's file name. */
export const MODEL_CARD_SUFFIX = '.model-card.html';

/**
 * Per weight encoding, the plain file's size and how far the scores move from the float32 model
 * (the largest change of a reference applicant's probability of bad, and of test AUC and log loss
 * when this session has the model's test rows); null where an encoding does not apply: a scorecard
 * has no weights ('none' only), and weights stored quantised are exported only as stored (with the
 * figures their bundle recorded). An encoding beyond its tolerance is shown: exportModel refuses it.
 */
export async function quantizationPreview(modelId: ModelId): Promise<Result<QuantizationPreview>> {
  const current = currentBundle(modelId);
  if (!current.ok) return failWith('bundle.problem', { detail: problemMessage(current.problem) });
  const { model, bundle } = current.data;
  const full = needsYardstick(bundle) ? fullPrecisionOf(model, bundle) : null;
  const preview: Partial<Record<WeightQuantization, QuantizationOption | null>> = {};
  for (const mode of MODES) {
    const encoded = await encodedIn(model, bundle, mode, full);
    if (encoded.ok) preview[mode] = { bytes: (await encodeModelFile(encoded.data.bundle)).length, ...encoded.data.effect };
    else if (encoded.problem.code === 'quantization-unavailable') preview[mode] = null;
    else return failWith('bundle.problem', { detail: problemMessage(encoded.problem) });
  }
  return ok(preview as QuantizationPreview);
}

/**
 * Model `modelId` as a model file: its bundle with the current policy, the weights stored as
 * `request.quantization` says (refused as quantization-too-lossy when a reference applicant moves
 * by more than that encoding's tolerance, as quantizationPreview shows first), named `request.name`
 * when given, encrypted with `request.passphrase` when given (an empty one throws). Also refused:
 * not-loaded, quantization-unavailable, and invalid when the bundle would not pass its own schema.
 */
export async function exportModel(modelId: ModelId, request: ExportRequest): Promise<BundleOutcome<ExportedModel>> {
  const current = currentBundle(modelId);
  if (!current.ok) return current;
  const { model, bundle } = current.data;
  const mode = request.quantization;
  const encoded = await encodedIn(model, bundle, mode, needsYardstick(bundle) && mode !== 'none' ? fullPrecisionOf(model, bundle) : null);
  if (!encoded.ok) return encoded;
  const { effect } = encoded.data;
  const tolerance = quantizationTolerance(mode);
  if (!(effect.maxReferenceChange <= tolerance) && isQuantizedHere(bundle, mode)) {
    return bundleRefused({ code: 'quantization-too-lossy', mode, maxReferenceChange: effect.maxReferenceChange, tolerance });
  }
  const named: ModelBundle = request.name === undefined ? encoded.data.bundle : { ...encoded.data.bundle, name: request.name };
  // What is written must import: the same schema every import goes through.
  const checked = parseBundle(named);
  if (!checked.ok) return checked;
  const bytes = await encodeModelFile(named, request.passphrase === undefined ? {} : { passphrase: request.passphrase });
  return bundleOk({ bytes, fileName: modelFileName(named.name), bundle: named });
}

/**
 * A model file read into a new model: decoded (too-large, not-json, truncated, not-a-bundle,
 * newer-version, invalid, digest-mismatch, passphrase-required, wrong-passphrase), then loaded as
 * any bundle is (its reference applicants scored again: reference-mismatch). Nothing of a refused file is kept.
 */
export async function importModelFile(bytes: Uint8Array, passphrase?: string): Promise<BundleOutcome<ImportedModel>> {
  const decoded = await decodeModelFile(bytes, passphrase === undefined ? {} : { passphrase });
  if (!decoded.ok) return decoded;
  const loaded = await admitBundle(decoded.data);
  return loaded.ok ? bundleOk({ modelId: loaded.data.id, summary: loaded.data.summary, bundle: loaded.data.bundle }) : loaded;
}

/** Model `modelId`'s model card (of its bundle with the current policy) as HTML, with a file name from the bundle's name. */
export function modelCard(modelId: ModelId): Result<ModelCardFile> {
  const bundle = bundleOf(modelId);
  if (!bundle.ok) return bundle;
  return ok({ html: modelCardHtml(bundle.data), fileName: modelCardFileName(bundle.data.name) });
}

/** `name` as a safe file name (as modelFileName makes one) ending in .model-card.html. */
export function modelCardFileName(name: string): string {
  return `${modelFileName(name).slice(0, -MODEL_FILE_SUFFIX.length)}${MODEL_CARD_SUFFIX}`;
}

/** The model and its bundle with the current policy, or why not. */
function currentBundle(modelId: ModelId): BundleOutcome<{ model: LoadedModel; bundle: ModelBundle }> {
  const found = findModel(modelId);
  if (!found.ok) return bundleRefused({ code: 'not-loaded' });
  const bundle = bundleOf(modelId);
  // A scorecard's reference applicants are scored again on a changed scale; one that no longer scores makes the bundle one that cannot check itself.
  if (!bundle.ok) return bundleRefused({ code: 'invalid', path: 'referenceApplicants', message: bundle.reason });
  return bundleOk({ model: found.data, bundle: bundle.data });
}

/** True when quantising `bundle` needs the float32 model's scores to measure against (a network stored as float32). */
function needsYardstick(bundle: ModelBundle): boolean {
  return bundle.model.kind === 'network' && bundle.model.quantization === 'none';
}

/** True when exporting `bundle` in `mode` quantises its weights now (rather than writing them as stored). */
function isQuantizedHere(bundle: ModelBundle, mode: WeightQuantization): boolean {
  return mode !== 'none' && needsYardstick(bundle);
}

/**
 * `bundle` with its weights stored in `mode`, and what that cost against float32. As stored (no
 * change) for 'none' on a float32 network or a scorecard, and for a network's own stored encoding
 * (the effect its bundle recorded); quantised now for float16 and uint8 from float32;
 * quantization-unavailable otherwise. `full` is required when quantising now.
 */
async function encodedIn(
  model: LoadedModel,
  bundle: ModelBundle,
  mode: WeightQuantization,
  full: FullPrecision | null,
): Promise<BundleOutcome<{ bundle: ModelBundle; effect: QuantizationEffect }>> {
  const stored = bundle.model.kind === 'network' ? bundle.model.quantization : 'none';
  if (mode === stored) return bundleOk({ bundle, effect: storedEffect(model, bundle) });
  const unavailable: BundleProblem = { code: 'quantization-unavailable', mode, reason: bundle.model.kind === 'network' ? 'already-quantized' : bundle.model.kind, stored };
  if (bundle.model.kind !== 'network' || stored !== 'none' || mode === 'none') return bundleRefused(unavailable);
  if (full === null) throw new Error('Quantising needs the float32 model’s scores to measure against.');
  try {
    return bundleOk(await quantizeBundle(bundle as ModelBundle & { readonly model: NetworkModel }, mode, full));
  } catch (error) {
    console.error('A quantised network did not load', error);
    return bundleRefused({ code: 'invalid', path: 'model.members', message: 'TensorFlow.js could not load the quantised network.' });
  }
}

/**
 * The effect of exporting weights as they are stored: none at all for float32 weights (test
 * changes 0 when this session has test rows to grade on, else null); for weights stored quantised,
 * what their bundle recorded against the float32 model they came from (NaN when it recorded nothing).
 */
function storedEffect(model: LoadedModel, bundle: ModelBundle): QuantizationEffect {
  if (bundle.model.kind === 'network' && bundle.model.quantization !== 'none') {
    return bundle.model.quantizationEffect ?? { maxReferenceChange: Number.NaN, testAucChange: null, testLogLossChange: null };
  }
  const graded = model.rows !== null && model.rows.test.bad.length > 0 ? 0 : null;
  return { maxReferenceChange: 0, testAucChange: graded, testLogLossChange: graded };
}
