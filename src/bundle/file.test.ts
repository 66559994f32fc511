import { Buffer } from 'node:buffer';
import { createDecipheriv, createHash, pbkdf2Sync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { float32Base64, NETWORK_BUNDLE, SCORECARD_BUNDLE } from '../../test/fixtures/bundles';
import { canonicalJson, CanonicalJsonError } from '../core/bundle/canonical';
import type { BundleOutcome } from '../core/bundle/problems';
import type { ModelBundle } from '../core/bundle/types';
import { bundleDigest } from './digest';
import { decodeModelFile, encodeModelFile, isEncryptedModelFile } from './file';

const PASSPHRASE = 'correct horse battery staple';
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');
const bytesOf = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const nodeSha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** A plain model file for any value, its digest computed with node:crypto (not the codec's WebCrypto). */
function plainFileOf(bundle: unknown, overrides: Record<string, unknown> = {}): Uint8Array {
  const json = canonicalJson(bundle);
  return bytesOf(JSON.stringify({ format: 'creditlab-model-file', formatVersion: 1, digest: { algorithm: 'SHA-256', value: nodeSha256(json) }, bundle, ...overrides }));
}

function problemOf(outcome: BundleOutcome<ModelBundle>) {
  return outcome.ok ? null : outcome.problem;
}

/** Byte offset of `needle` in `bytes` (not a string index: the file holds multi-byte characters). */
function byteIndex(bytes: Uint8Array, needle: string): number {
  const at = Buffer.from(bytes).indexOf(needle, 0, 'utf8');
  if (at < 0 || Buffer.from(bytes).indexOf(needle, at + 1, 'utf8') >= 0) throw new Error(`"${needle}" is not in the file exactly once.`);
  return at;
}

// The policy's cut-off, as canonical JSON writes it (the cut-off table has "cutoff" keys too).
const POLICY_CUTOFF = '"cutoff":0.35,"positiveIsBad"';

function flipByteAt(bytes: Uint8Array, index: number, mask = 0x01): Uint8Array {
  const copy = bytes.slice();
  copy[index] ^= mask;
  return copy;
}

let plain: Uint8Array;
let encrypted: Uint8Array;
let encryptedAgain: Uint8Array;

beforeAll(async () => {
  plain = await encodeModelFile(NETWORK_BUNDLE);
  encrypted = await encodeModelFile(NETWORK_BUNDLE, { passphrase: PASSPHRASE });
  encryptedAgain = await encodeModelFile(NETWORK_BUNDLE, { passphrase: PASSPHRASE });
});

describe('plain model files', () => {
  it('round-trip both fixtures to the same bundle', async () => {
    expect(await decodeModelFile(plain)).toEqual({ ok: true, data: NETWORK_BUNDLE });
    expect(await decodeModelFile(await encodeModelFile(SCORECARD_BUNDLE))).toEqual({ ok: true, data: SCORECARD_BUNDLE });
  });

  it('are the documented envelope around the canonical bundle, whose SHA-256 node:crypto confirms', async () => {
    const written = text(plain);
    const prefix = '{"format":"creditlab-model-file","formatVersion":1,"digest":{"algorithm":"SHA-256","value":"';
    expect(written.startsWith(prefix)).toBe(true);
    const digest = written.slice(prefix.length, prefix.length + 64);
    const rest = written.slice(prefix.length + 64);
    expect(rest.startsWith('"},"bundle":{')).toBe(true);
    const bundleText = rest.slice('"},"bundle":'.length, -1);
    expect(JSON.parse(bundleText)).toEqual(NETWORK_BUNDLE);
    expect(digest).toBe(nodeSha256(bundleText));
    expect(await bundleDigest(NETWORK_BUNDLE)).toBe(nodeSha256(canonicalJson(NETWORK_BUNDLE)));
    expect(await bundleDigest(SCORECARD_BUNDLE)).toBe(nodeSha256(canonicalJson(SCORECARD_BUNDLE)));
  });

  it('still import after an editor re-indents them or reorders keys (the digest is over canonical JSON)', async () => {
    const parsed = JSON.parse(text(plain));
    const reordered = { bundle: { ...parsed.bundle, policy: { positiveIsBad: true, ...parsed.bundle.policy } }, digest: parsed.digest, formatVersion: 1, format: parsed.format };
    expect(await decodeModelFile(bytesOf(JSON.stringify(reordered, null, 2)))).toEqual({ ok: true, data: NETWORK_BUNDLE });
  });

  it('still import with a UTF-8 byte-order mark in front', async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(await decodeModelFile(withBom)).toEqual({ ok: true, data: NETWORK_BUNDLE });
  });

  it('are not mistaken for encrypted ones', () => {
    expect(isEncryptedModelFile(plain)).toBe(false);
    expect(isEncryptedModelFile(bytesOf('{"a":1}'))).toBe(false);
    expect(isEncryptedModelFile(bytesOf('not json'))).toBe(false);
  });
});

describe('refused plain files', () => {
  it('a flipped byte in a number value: digest-mismatch', async () => {
    const flipped = flipByteAt(plain, byteIndex(plain, POLICY_CUTOFF) + '"cutoff":0.3'.length);
    expect(text(flipped)).toContain('"cutoff":0.34,"positiveIsBad"');
    expect(problemOf(await decodeModelFile(flipped))).toEqual({ code: 'digest-mismatch' });
  });

  it('a flipped structural byte: not-json', async () => {
    const flipped = flipByteAt(plain, byteIndex(plain, POLICY_CUTOFF) + '"cutoff"'.length);
    expect(text(flipped)).toContain('"cutoff";0.35,"positiveIsBad"');
    expect(problemOf(await decodeModelFile(flipped))).toEqual({ code: 'not-json' });
  });

  it('a file cut at 60 %, or inside a UTF-8 character: truncated', async () => {
    expect(problemOf(await decodeModelFile(plain.slice(0, Math.floor(plain.length * 0.6))))).toEqual({ code: 'truncated' });
    // The fixture's name holds an em dash (three bytes): cut after its first byte.
    const dash = Buffer.from(plain).indexOf(Buffer.from('—'));
    expect(dash).toBeGreaterThan(0);
    expect(problemOf(await decodeModelFile(plain.slice(0, dash + 1)))).toEqual({ code: 'truncated' });
  });

  it('a changed weight with the digest left alone: digest-mismatch', async () => {
    const parsed = JSON.parse(text(plain));
    parsed.bundle.model.members[0].weightData = float32Base64([0.5, -0.25, 1, 0, -0.75, 0.5, 0.25, -0.5, 0.125, 0.25, 1.5, -1, -0.25]);
    expect(problemOf(await decodeModelFile(bytesOf(JSON.stringify(parsed))))).toEqual({ code: 'digest-mismatch' });
  });

  it('a changed weight with the digest recomputed passes the codec: the worker’s reference check is what catches it', async () => {
    const parsed = JSON.parse(text(plain));
    const weightData = float32Base64([0.5, -0.25, 1, 0, -0.75, 0.5, 0.25, -0.5, 0.125, 0.25, 1.5, -1, -0.25]);
    parsed.bundle.model.members[0].weightData = weightData;
    const outcome = await decodeModelFile(plainFileOf(parsed.bundle));
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.data.model.kind === 'network' && outcome.data.model.members[0].weightData).toBe(weightData);
    // The reference applicants still carry the old model's probabilities: only rescoring can tell.
    expect(outcome.ok && outcome.data.referenceApplicants).toEqual(NETWORK_BUNDLE.referenceApplicants);
  });

  it('text that is not JSON, or not UTF-8: not-json', async () => {
    expect(problemOf(await decodeModelFile(bytesOf('this is not json')))).toEqual({ code: 'not-json' });
    expect(problemOf(await decodeModelFile(bytesOf('{"format":"creditlab-model-file",}')))).toEqual({ code: 'not-json' });
    expect(problemOf(await decodeModelFile(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))).toEqual({ code: 'not-json' });
    expect(problemOf(await decodeModelFile(new Uint8Array(0)))).toEqual({ code: 'not-json' });
  });

  it('a newer file format version: newer-version of the file', async () => {
    const parsed = JSON.parse(text(plain));
    parsed.formatVersion = 2;
    expect(problemOf(await decodeModelFile(bytesOf(JSON.stringify(parsed))))).toEqual({ code: 'newer-version', of: 'file', version: 2, supported: 1 });
  });

  it('a newer bundle version with its digest recomputed: newer-version of the bundle', async () => {
    expect(problemOf(await decodeModelFile(plainFileOf({ ...NETWORK_BUNDLE, version: 2 })))).toEqual({ code: 'newer-version', of: 'bundle', version: 2, supported: 1 });
  });

  it('JSON that is not a model file: not-a-bundle', async () => {
    const tfjsModelJson = { modelTopology: { class_name: 'Sequential', config: {} }, weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: [] }], format: 'layers-model' };
    for (const other of [tfjsModelJson, { a: 1 }, [1, 2], 'creditlab-model-file', null, NETWORK_BUNDLE]) {
      expect(problemOf(await decodeModelFile(bytesOf(JSON.stringify(other))))).toEqual({ code: 'not-a-bundle' });
    }
  });

  it('a file over the size limit: too-large, before it is read', async () => {
    expect(problemOf(await decodeModelFile(plain, { maxBytes: 1000 }))).toEqual({ code: 'too-large', bytes: plain.length, maxBytes: 1000 });
    const huge = new Uint8Array(50 * 1024 * 1024 + 1);
    expect(problemOf(await decodeModelFile(huge))).toEqual({ code: 'too-large', bytes: huge.length, maxBytes: 50 * 1024 * 1024 });
  });

  it('schema violations under a correct digest: invalid, with the path in the file', async () => {
    const cases: [unknown, string][] = [
      [{ ...NETWORK_BUNDLE, policy: { ...NETWORK_BUNDLE.policy, cutoff: 1.5 } }, 'bundle.policy.cutoff'],
      [{ ...NETWORK_BUNDLE, policy: { ...NETWORK_BUNDLE.policy, cutoff: 'NaN' } }, 'bundle.policy.cutoff'],
      [
        NETWORK_BUNDLE.model.kind === 'network' && {
          ...NETWORK_BUNDLE,
          model: { ...NETWORK_BUNDLE.model, members: [NETWORK_BUNDLE.model.members[0], { ...NETWORK_BUNDLE.model.members[1], weightData: float32Base64([1, 2, 3]) }] },
        },
        'bundle.model.members.1.weightData',
      ],
    ];
    for (const [bundle, path] of cases) {
      const problem = problemOf(await decodeModelFile(plainFileOf(bundle)));
      expect(problem).toMatchObject({ code: 'invalid', path });
    }
  });

  it('a number too large for a double: no export writes one (digest-mismatch); under a digest recomputed, invalid at its path', async () => {
    byteIndex(plain, POLICY_CUTOFF);
    const tampered = text(plain).replace(POLICY_CUTOFF, '"cutoff":1e999,"positiveIsBad"');
    expect(problemOf(await decodeModelFile(bytesOf(tampered)))).toEqual({ code: 'digest-mismatch' });
    // 1e999 parses as Infinity, which canonical JSON writes as null: a digest over that text matches, and the schema refuses the cut-off.
    const bundle = (JSON.parse(tampered) as { bundle: unknown }).bundle;
    expect(problemOf(await decodeModelFile(plainFileOf(bundle)))).toMatchObject({ code: 'invalid', path: 'bundle.policy.cutoff' });
  });

  it('a broken envelope: invalid at its path', async () => {
    const parsed = JSON.parse(text(plain));
    expect(problemOf(await decodeModelFile(bytesOf(JSON.stringify({ ...parsed, digest: { algorithm: 'SHA-256', value: parsed.digest.value.toUpperCase() } }))))).toMatchObject({
      code: 'invalid',
      path: 'digest.value',
    });
    expect(problemOf(await decodeModelFile(bytesOf(JSON.stringify({ ...parsed, digest: { algorithm: 'MD5', value: parsed.digest.value } }))))).toMatchObject({
      code: 'invalid',
      path: 'digest.algorithm',
    });
    const { digest: _digest, ...withoutDigest } = parsed;
    expect(problemOf(await decodeModelFile(bytesOf(JSON.stringify(withoutDigest))))).toMatchObject({ code: 'invalid', path: 'digest' });
    expect(problemOf(await decodeModelFile(bytesOf(JSON.stringify({ ...parsed, formatVersion: '1' }))))).toMatchObject({ code: 'invalid', path: 'formatVersion' });
  });
});

describe('encrypted model files', () => {
  it('round-trip to the same bundle with the passphrase', async () => {
    expect(isEncryptedModelFile(encrypted)).toBe(true);
    expect(await decodeModelFile(encrypted, { passphrase: PASSPHRASE })).toEqual({ ok: true, data: NETWORK_BUNDLE });
  });

  it('carry the documented header: AES-GCM 256, PBKDF2-SHA-256 with 600,000 iterations, 16-byte salt, 12-byte nonce', () => {
    const file = JSON.parse(text(encrypted));
    expect(Object.keys(file)).toEqual(['format', 'formatVersion', 'encryption', 'ciphertext']);
    expect(file.format).toBe('creditlab-model-file');
    expect(file.formatVersion).toBe(1);
    expect(Object.keys(file.encryption)).toEqual(['cipher', 'keyLength', 'kdf', 'hash', 'iterations', 'salt', 'iv']);
    expect(file.encryption).toMatchObject({ cipher: 'AES-GCM', keyLength: 256, kdf: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 });
    expect(Buffer.from(file.encryption.salt, 'base64').length).toBe(16);
    expect(Buffer.from(file.encryption.iv, 'base64').length).toBe(12);
    // GCM adds a 16-byte tag and no padding.
    expect(Buffer.from(file.ciphertext, 'base64').length).toBe(plain.length + 16);
  });

  it('get a fresh salt and nonce on every export', () => {
    const first = JSON.parse(text(encrypted));
    const second = JSON.parse(text(encryptedAgain));
    expect(second.encryption.salt).not.toBe(first.encryption.salt);
    expect(second.encryption.iv).not.toBe(first.encryption.iv);
    expect(second.ciphertext).not.toBe(first.ciphertext);
  });

  it('decrypt with node:crypto (PBKDF2 + AES-256-GCM) to exactly the plain file', () => {
    const file = JSON.parse(text(encrypted));
    const key = pbkdf2Sync(PASSPHRASE, Buffer.from(file.encryption.salt, 'base64'), 600_000, 32, 'sha256');
    const sealed = Buffer.from(file.ciphertext, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(file.encryption.iv, 'base64'));
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    const opened = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
    expect(opened.equals(Buffer.from(plain))).toBe(true);
  });

  it('derive the key from the NFC form of the passphrase, so a decomposed accent opens it too', async () => {
    const file = await encodeModelFile(SCORECARD_BUNDLE, { passphrase: 'cafe\u0301 au lait' });
    expect(await decodeModelFile(file, { passphrase: 'caf\u00e9 au lait' })).toEqual({ ok: true, data: SCORECARD_BUNDLE });
  });

  it('refuse a missing or empty passphrase: passphrase-required', async () => {
    expect(problemOf(await decodeModelFile(encrypted))).toEqual({ code: 'passphrase-required' });
    expect(problemOf(await decodeModelFile(encrypted, { passphrase: '' }))).toEqual({ code: 'passphrase-required' });
  });

  it('refuse a wrong passphrase: wrong-passphrase', async () => {
    expect(problemOf(await decodeModelFile(encrypted, { passphrase: 'correct horse battery stable' }))).toEqual({ code: 'wrong-passphrase' });
  });

  it('refuse a changed ciphertext byte: the authentication fails (wrong-passphrase)', async () => {
    const file = JSON.parse(text(encrypted));
    const sealed = Buffer.from(file.ciphertext, 'base64');
    sealed[Math.floor(sealed.length / 2)] ^= 0x20;
    const tampered = bytesOf(JSON.stringify({ ...file, ciphertext: sealed.toString('base64') }));
    expect(problemOf(await decodeModelFile(tampered, { passphrase: PASSPHRASE }))).toEqual({ code: 'wrong-passphrase' });
  });

  it('refuse a header outside what this version writes: invalid, before any key is derived', async () => {
    const file = JSON.parse(text(encrypted));
    const withEncryption = (change: Record<string, unknown>) => bytesOf(JSON.stringify({ ...file, encryption: { ...file.encryption, ...change } }));
    expect(problemOf(await decodeModelFile(withEncryption({ iterations: 1000 }), { passphrase: PASSPHRASE }))).toMatchObject({ code: 'invalid', path: 'encryption.iterations' });
    expect(problemOf(await decodeModelFile(withEncryption({ salt: 'AAAA' }), { passphrase: PASSPHRASE }))).toMatchObject({ code: 'invalid', path: 'encryption.salt' });
    expect(problemOf(await decodeModelFile(withEncryption({ cipher: 'AES-CBC' }), { passphrase: PASSPHRASE }))).toMatchObject({ code: 'invalid', path: 'encryption.cipher' });
    expect(problemOf(await decodeModelFile(bytesOf(JSON.stringify({ ...file, formatVersion: 2 }))))).toEqual({ code: 'newer-version', of: 'file', version: 2, supported: 1 });
  });
});

describe('encodeModelFile refuses', () => {
  it('fewer than 600,000 iterations, and an empty passphrase', async () => {
    await expect(encodeModelFile(NETWORK_BUNDLE, { passphrase: PASSPHRASE, iterations: 1000 })).rejects.toThrow(RangeError);
    await expect(encodeModelFile(NETWORK_BUNDLE, { passphrase: '' })).rejects.toThrow(RangeError);
  });

  it('a bundle canonical JSON cannot carry (a typed array where a list belongs), naming where it is', async () => {
    const withTypedArray = { ...NETWORK_BUNDLE, referenceApplicants: new Float32Array(2) } as unknown as ModelBundle;
    await expect(encodeModelFile(withTypedArray)).rejects.toThrow(CanonicalJsonError);
    await expect(encodeModelFile(withTypedArray)).rejects.toThrow(/referenceApplicants is a Float32Array/);
  });

  it('not a NaN audit figure: written as null, read back as NaN, the digest over what the file holds', async () => {
    const withNaN = { ...NETWORK_BUNDLE, metrics: { ...NETWORK_BUNDLE.metrics, calibration: { ...NETWORK_BUNDLE.metrics.calibration, classWeightShift: Number.NaN } } };
    const file = await encodeModelFile(withNaN);
    expect(text(file)).toContain('"classWeightShift":null');
    expect(await decodeModelFile(file)).toEqual({ ok: true, data: withNaN });
  });
});
