// The model file codec's public surface: one import for the UI, the worker and the registry.

export type { BundleOutcome, BundleProblem, BundleProblemCode } from '../core/bundle/problems';
export { bundleDigest } from './digest';
export { decodeModelFile, encodeModelFile, isEncryptedModelFile, type DecodeOptions, type EncodeOptions } from './file';
export { MODEL_FILE_FORMAT, MODEL_FILE_SUFFIX, MODEL_FILE_VERSION } from './envelope';
export { modelFileName } from './fileName';
export { DEFAULT_MAX_MODEL_FILE_BYTES } from './jsonText';
export { problemMessage } from './problemMessage';
