// The bundle's checksum: SHA-256 over the UTF-8 bytes of its canonical JSON, so any change to a
// value shows, while key order and whitespace (a file opened and saved by an editor) do not.

import { canonicalJson } from '../core/bundle/canonical';
import type { ModelBundle } from '../core/bundle/types';
import { utf8 } from './jsonText';

/** Lowercase hex SHA-256 of `bytes` (WebCrypto). */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The digest written in a model file: lowercase hex SHA-256 of canonicalJson(bundle) as UTF-8. Throws as canonicalJson does. */
export async function bundleDigest(bundle: ModelBundle): Promise<string> {
  return canonicalDigest(bundle);
}

/** bundleDigest of any JSON value (an imported bundle is checked before it is known to be one). */
export async function canonicalDigest(value: unknown): Promise<string> {
  return sha256Hex(utf8(canonicalJson(value)));
}
