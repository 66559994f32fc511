// The one-file export format NAME.creditlab.json. A plain file is the bundle with its SHA-256 next to
// it; an encrypted file is a plain file sealed whole with AES-GCM, so its digest and bundle are both
// inside. Decoding runs every check in order and stops at the first problem: size, JSON, format,
// version, (passphrase), digest, then migration and the bundle schema.

import * as v from 'valibot';
import { decodeBase64, encodeBase64 } from '../core/bundle/base64';
import { canonicalJson, CanonicalJsonError } from '../core/bundle/canonical';
import { bundleRefused, type BundleOutcome } from '../core/bundle/problems';
import { parseBundle } from '../core/bundle/schema';
import type { ModelBundle } from '../core/bundle/types';
import { sha256Hex } from './digest';
import { decryptBytes, encryptBytes, freshParameters, PBKDF2_ITERATIONS } from './encryption';
import { encryptedEnvelopeSchema, MODEL_FILE_FORMAT, MODEL_FILE_VERSION, plainEnvelopeSchema } from './envelope';
import { DEFAULT_MAX_MODEL_FILE_BYTES, readJson, utf8 } from './jsonText';

/** Options of encodeModelFile: a passphrase encrypts the file; iterations may only be raised above 600,000. */
export interface EncodeOptions {
  readonly passphrase?: string;
  readonly iterations?: number;
}

/** Options of decodeModelFile: the passphrase of an encrypted file, and the size limit (50 MB by default). */
export interface DecodeOptions {
  readonly passphrase?: string;
  readonly maxBytes?: number;
}

/**
 * The bytes of a model file for `bundle`: plain UTF-8 JSON with the bundle's digest, or, with a
 * passphrase, that plain file encrypted (fresh salt and nonce each time). Throws for an empty
 * passphrase, fewer than 600,000 iterations, or a bundle canonicalJson refuses (an undefined in an array, say; a NaN metric is written as null).
 */
export async function encodeModelFile(bundle: ModelBundle, options: EncodeOptions = {}): Promise<Uint8Array> {
  const { passphrase, iterations = PBKDF2_ITERATIONS } = options;
  if (!Number.isSafeInteger(iterations) || iterations < PBKDF2_ITERATIONS) throw new RangeError(`PBKDF2 needs at least ${PBKDF2_ITERATIONS} iterations, got ${iterations}.`);
  const bundleJson = canonicalJson(bundle);
  const digest = await sha256Hex(utf8(bundleJson));
  // Written by hand so the envelope keeps its documented key order; the bundle is its canonical JSON.
  const plain = utf8(`{"format":"${MODEL_FILE_FORMAT}","formatVersion":${MODEL_FILE_VERSION},"digest":{"algorithm":"SHA-256","value":"${digest}"},"bundle":${bundleJson}}`);
  if (passphrase === undefined) return plain;
  if (passphrase.length === 0) throw new RangeError('An encrypted model file needs a passphrase that is not empty.');
  const parameters = freshParameters(iterations);
  const ciphertext = await encryptBytes(plain, passphrase, parameters);
  const encryption = {
    cipher: 'AES-GCM',
    keyLength: 256,
    kdf: 'PBKDF2',
    hash: 'SHA-256',
    iterations: parameters.iterations,
    salt: encodeBase64(parameters.salt),
    iv: encodeBase64(parameters.iv),
  };
  return utf8(JSON.stringify({ format: MODEL_FILE_FORMAT, formatVersion: MODEL_FILE_VERSION, encryption, ciphertext: encodeBase64(ciphertext) }));
}

/**
 * The bundle in a model file, or why not: too-large, not-json, truncated, not-a-bundle,
 * newer-version (of the file or of the bundle), invalid, passphrase-required, wrong-passphrase,
 * digest-mismatch. It does not rescore the reference applicants (the worker does).
 */
export async function decodeModelFile(bytes: Uint8Array, options: DecodeOptions = {}): Promise<BundleOutcome<ModelBundle>> {
  const read = readJson(bytes, options.maxBytes ?? DEFAULT_MAX_MODEL_FILE_BYTES);
  if (!read.ok) return read;
  const envelope = read.data;
  const versionProblem = checkFormatAndVersion(envelope);
  if (versionProblem !== null) return versionProblem;
  if (!hasKey(envelope, 'encryption')) return decodePlain(envelope);

  const encrypted = v.safeParse(encryptedEnvelopeSchema, envelope);
  if (!encrypted.success) return invalid(encrypted.issues[0]);
  if (options.passphrase === undefined || options.passphrase.length === 0) return bundleRefused({ code: 'passphrase-required' });
  const { iterations, salt, iv } = encrypted.output.encryption;
  const plain = await decryptBytes(decodeBase64(encrypted.output.ciphertext), options.passphrase, { iterations, salt: decodeBase64(salt), iv: decodeBase64(iv) });
  if (plain === null) return bundleRefused({ code: 'wrong-passphrase' });
  // Authenticated, so written by whoever knew the passphrase: still checked like any plain file.
  const inner = readJson(plain, Number.POSITIVE_INFINITY);
  if (!inner.ok) return inner;
  const innerProblem = checkFormatAndVersion(inner.data);
  if (innerProblem !== null) return innerProblem;
  if (hasKey(inner.data, 'encryption')) return bundleRefused({ code: 'invalid', path: 'ciphertext', message: 'An encrypted file holds another encrypted file.' });
  return decodePlain(inner.data);
}

/** True when `bytes` are a model file that is encrypted (so a passphrase must be asked for); false for anything else. */
export function isEncryptedModelFile(bytes: Uint8Array): boolean {
  const read = readJson(bytes, Number.POSITIVE_INFINITY);
  return read.ok && isModelFile(read.data) && hasKey(read.data, 'encryption');
}

async function decodePlain(envelope: unknown): Promise<BundleOutcome<ModelBundle>> {
  const plain = v.safeParse(plainEnvelopeSchema, envelope);
  if (!plain.success) return invalid(plain.issues[0]);
  let bundleJson: string;
  try {
    bundleJson = canonicalJson(plain.output.bundle);
  } catch (error) {
    // Parsed JSON holds only what canonical JSON carries, except a number too large for a double.
    if (error instanceof CanonicalJsonError) return bundleRefused({ code: 'invalid', path: joinPath('bundle', error.path), message: 'The number is too large.' });
    throw error;
  }
  if ((await sha256Hex(utf8(bundleJson))) !== plain.output.digest.value) return bundleRefused({ code: 'digest-mismatch' });
  const parsed = parseBundle(plain.output.bundle);
  if (!parsed.ok && parsed.problem.code === 'invalid') return bundleRefused({ ...parsed.problem, path: joinPath('bundle', parsed.problem.path) });
  return parsed;
}

function checkFormatAndVersion(envelope: unknown): BundleOutcome<never> | null {
  if (!isModelFile(envelope)) return bundleRefused({ code: 'not-a-bundle' });
  const version = envelope.formatVersion;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    return bundleRefused({ code: 'invalid', path: 'formatVersion', message: 'The file format version must be a whole number.' });
  }
  if (version > MODEL_FILE_VERSION) return bundleRefused({ code: 'newer-version', of: 'file', version, supported: MODEL_FILE_VERSION });
  return null;
}

function isModelFile(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && (value as Record<string, unknown>).format === MODEL_FILE_FORMAT;
}

function hasKey(value: unknown, key: string): boolean {
  return typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, key);
}

function invalid(issue: v.BaseIssue<unknown>): BundleOutcome<never> {
  return bundleRefused({ code: 'invalid', path: v.getDotPath(issue) ?? '', message: issue.message });
}

function joinPath(prefix: string, path: string): string {
  return path === '' ? prefix : `${prefix}.${path}`;
}
