// The file's SHA-256, computed as its bytes stream in (no second read of a large file). A reader
// that opens the stream again (the Windows-1252 retry) starts the hash again: the digest is of
// the last complete pass, which is every byte of the file once.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { blobChunks } from '../core/csv/readCsvBytes';

/** A chunk source that hashes what it yields, and the digest of the last pass. */
export interface HashingSource {
  readonly open: () => AsyncIterable<Uint8Array>;
  /** Lowercase hex SHA-256 and byte count of the bytes yielded since the last `open`. */
  digest(): { readonly sha256: string; readonly bytes: number };
}

/** Wraps `open` so every pass over the chunks feeds a fresh incremental SHA-256. */
export function hashWhileReading(open: () => AsyncIterable<Uint8Array>): HashingSource {
  let pass = { hash: sha256.create(), bytes: 0 };
  return {
    open() {
      const current = { hash: sha256.create(), bytes: 0 };
      pass = current;
      const source = open();
      return (async function* () {
        for await (const chunk of source) {
          current.hash.update(chunk);
          current.bytes += chunk.byteLength;
          yield chunk;
        }
      })();
    },
    digest() {
      return { sha256: bytesToHex(pass.hash.clone().digest()), bytes: pass.bytes };
    },
  };
}

// Above this a file is hashed in chunks (JavaScript SHA-256) rather than read whole into memory for WebCrypto.
const WHOLE_FILE_DIGEST_BYTES = 512 * 1024 ** 2;

/**
 * Lowercase hex SHA-256 of a File's bytes: WebCrypto over the whole file (native, several times
 * faster than JavaScript) up to 512 MB, else incrementally over its stream so a huge file is never
 * held twice. The File is a handle to the user's file: if it changed since it was read, so does the digest.
 */
export async function sha256OfBlob(blob: Blob): Promise<string> {
  if (blob.size <= WHOLE_FILE_DIGEST_BYTES) {
    try {
      return bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())));
    } catch (error) {
      console.warn('Hashing the file at once failed; hashing it in chunks', error);
    }
  }
  const hash = sha256.create();
  for await (const chunk of blobChunks(blob)) hash.update(chunk);
  return bytesToHex(hash.digest());
}
