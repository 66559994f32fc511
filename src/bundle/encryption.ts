// Passphrase encryption of a whole plain model file: PBKDF2-SHA-256 (600,000 iterations, OWASP's
// 2023 figure for PBKDF2-HMAC-SHA256) stretches the passphrase into an AES-256-GCM key; GCM's tag
// makes a wrong passphrase and a changed byte fail the same way. All WebCrypto, so it runs alike in
// the page, the worker and Node 20.

import { utf8 } from './jsonText';

/** PBKDF2 iterations of every export; imports accept up to MAX_ITERATIONS. */
export const PBKDF2_ITERATIONS = 600_000;

/** The most iterations an import runs: a file asking for more is refused rather than left to hang. */
export const MAX_ITERATIONS = 10_000_000;

/** Bytes of the random salt and of the AES-GCM nonce. */
export const SALT_BYTES = 16;
export const IV_BYTES = 12;

/** Bytes of the authentication tag WebCrypto appends to the ciphertext (128 bits). */
export const TAG_BYTES = 16;

/** The parameters an encrypted file carries next to its ciphertext (all but salt and iv are fixed). */
export interface EncryptionParameters {
  readonly iterations: number;
  readonly salt: Uint8Array<ArrayBuffer>;
  readonly iv: Uint8Array<ArrayBuffer>;
}

/** Fresh random salt and nonce for one export (crypto.getRandomValues). */
export function freshParameters(iterations: number = PBKDF2_ITERATIONS): EncryptionParameters {
  return {
    iterations,
    salt: globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES)),
    iv: globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES)),
  };
}

// The passphrase is NFC-normalised first, so the same words typed on different systems give the same key.
async function deriveKey(passphrase: string, parameters: EncryptionParameters): Promise<CryptoKey> {
  const base = await globalThis.crypto.subtle.importKey('raw', utf8(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return globalThis.crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt: parameters.salt, iterations: parameters.iterations, hash: 'SHA-256' },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** AES-256-GCM of `plain` under the passphrase's key: the ciphertext with its 16-byte tag at the end. */
export async function encryptBytes(plain: Uint8Array<ArrayBuffer>, passphrase: string, parameters: EncryptionParameters): Promise<Uint8Array<ArrayBuffer>> {
  const key = await deriveKey(passphrase, parameters);
  return new Uint8Array(await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv: parameters.iv }, key, plain));
}

/** The plain bytes, or null when authentication fails (a wrong passphrase or a changed ciphertext, salt or nonce). */
export async function decryptBytes(ciphertext: Uint8Array<ArrayBuffer>, passphrase: string, parameters: EncryptionParameters): Promise<Uint8Array<ArrayBuffer> | null> {
  const key = await deriveKey(passphrase, parameters);
  try {
    return new Uint8Array(await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv: parameters.iv }, key, ciphertext));
  } catch (error) {
    // WebCrypto reports a failed tag check as an OperationError; anything else is not about the passphrase.
    if ((error as { name?: unknown } | null)?.name === 'OperationError') return null;
    throw error;
  }
}
