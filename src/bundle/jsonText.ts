// Bytes to a parsed JSON value, refusing what is too large, not UTF-8 JSON, or cut off.

import { bundleOk, bundleRefused, type BundleOutcome } from '../core/bundle/problems';
import { isJsonPrefix } from './jsonPrefix';

/** The largest model file an import reads by default: 50 MB (MiB). */
export const DEFAULT_MAX_MODEL_FILE_BYTES = 50 * 1024 * 1024;

/**
 * The JSON value in `bytes`: too-large above `maxBytes` (before anything is decoded), truncated
 * when the text (or its last UTF-8 character) ends early, not-json for anything else JSON.parse or
 * a strict UTF-8 decoder refuses. A leading byte-order mark is ignored.
 */
export function readJson(bytes: Uint8Array, maxBytes: number = DEFAULT_MAX_MODEL_FILE_BYTES): BundleOutcome<unknown> {
  if (bytes.length > maxBytes) return bundleRefused({ code: 'too-large', bytes: bytes.length, maxBytes });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text: string;
  let cutInCharacter = false;
  try {
    // Streaming holds back an incomplete last character instead of failing on it; the flush then tells.
    text = decoder.decode(bytes, { stream: true });
  } catch {
    return bundleRefused({ code: 'not-json' });
  }
  try {
    decoder.decode();
  } catch {
    cutInCharacter = true;
  }
  if (!cutInCharacter) {
    try {
      return bundleOk(JSON.parse(text));
    } catch {
      // Fall through: cut off, or not JSON.
    }
  }
  return bundleRefused({ code: isJsonPrefix(text) ? 'truncated' : 'not-json' });
}

/** The UTF-8 bytes of `text`. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}
