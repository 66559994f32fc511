// The model file's outer JSON: a plain file carries the bundle and its digest, an encrypted one the
// encryption parameters and the ciphertext of a whole plain file.

import * as v from 'valibot';
import { decodeBase64, isBase64 } from '../core/bundle/base64';
import { IV_BYTES, MAX_ITERATIONS, PBKDF2_ITERATIONS, SALT_BYTES, TAG_BYTES } from './encryption';

/** The file format's name, so any other JSON is recognised as not a model file. */
export const MODEL_FILE_FORMAT = 'creditlab-model-file';

/** The current file format version. */
export const MODEL_FILE_VERSION = 1;

/** The end of every model file's name. */
export const MODEL_FILE_SUFFIX = '.creditlab.json';

const base64Of = (bytes: number, what: string) =>
  v.pipe(
    v.string(),
    v.check((text) => isBase64(text) && decodeBase64(text).length === bytes, `The ${what} must be ${bytes} bytes of base64.`),
  );

/** A plain file's envelope (the bundle itself is checked by parseBundle, after its digest). */
export const plainEnvelopeSchema = v.object({
  format: v.literal(MODEL_FILE_FORMAT),
  formatVersion: v.literal(MODEL_FILE_VERSION),
  digest: v.strictObject({
    algorithm: v.literal('SHA-256'),
    value: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'The digest must be 64 lowercase hex digits.')),
  }),
  bundle: v.unknown(),
});

/** An encrypted file's envelope: fixed algorithms, the iterations, salt and nonce, and the ciphertext with its tag. */
export const encryptedEnvelopeSchema = v.object({
  format: v.literal(MODEL_FILE_FORMAT),
  formatVersion: v.literal(MODEL_FILE_VERSION),
  encryption: v.strictObject({
    cipher: v.literal('AES-GCM'),
    keyLength: v.literal(256),
    kdf: v.literal('PBKDF2'),
    hash: v.literal('SHA-256'),
    iterations: v.pipe(v.number(), v.safeInteger(), v.minValue(PBKDF2_ITERATIONS), v.maxValue(MAX_ITERATIONS)),
    salt: base64Of(SALT_BYTES, 'salt'),
    iv: base64Of(IV_BYTES, 'nonce'),
  }),
  ciphertext: v.pipe(
    v.string(),
    v.check((text) => isBase64(text), 'The ciphertext is not base64.'),
    v.check((text) => text.length >= Math.ceil(TAG_BYTES / 3) * 4, 'The ciphertext is too short to carry its tag.'),
  ),
});
