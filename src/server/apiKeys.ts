// API keys: 256 random bits, shown once, stored only as their SHA-256 (a slow password hash buys
// nothing for a key with 256 bits of entropy, and SHA-256 keeps a check at a few microseconds,
// which matters at thousands of requests per second). The keys file is JSON, written atomically
// (a temporary file renamed over it) so a running server never reads half a file.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/** The prefix of every key: lets a secret scanner recognise a leaked one. */
export const KEY_PREFIX = 'clk_';

/** One stored key: its name, the SHA-256 of the key (lowercase hex), when it was made and (if so) revoked. */
export interface StoredKey {
  readonly name: string;
  readonly sha256: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** The keys file's content. */
export interface KeysFile {
  readonly format: 'creditlab-api-keys';
  readonly version: 1;
  readonly keys: readonly StoredKey[];
}

/** A key file that cannot be read or is not a keys file. */
export class KeysFileError extends Error {}

/** A new key: `clk_` and 43 base64url characters (32 random bytes). */
export function generateKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** The SHA-256 of a key's text, lowercase hex. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** An empty keys file. */
export function emptyKeysFile(): KeysFile {
  return { format: 'creditlab-api-keys', version: 1, keys: [] };
}

/** The keys file at `path`; `missingIsEmpty` reads an absent file as one with no keys (for `keys add`). */
export function readKeysFile(path: string, missingIsEmpty = false): KeysFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (missingIsEmpty && (error as NodeJS.ErrnoException).code === 'ENOENT') return emptyKeysFile();
    throw new KeysFileError(`cannot read the keys file ${path}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new KeysFileError(`${path} is not JSON`);
  }
  const file = parsed as Partial<KeysFile>;
  const valid =
    file?.format === 'creditlab-api-keys' &&
    file.version === 1 &&
    Array.isArray(file.keys) &&
    file.keys.every(
      (k) => typeof k?.name === 'string' && typeof k.sha256 === 'string' && /^[0-9a-f]{64}$/.test(k.sha256) && (k.revokedAt === null || typeof k.revokedAt === 'string'),
    );
  if (!valid) throw new KeysFileError(`${path} is not a creditlab keys file`);
  return file as KeysFile;
}

/** Writes `file` to `path` atomically, readable by its owner only (it lists who may call the service). */
export function writeKeysFile(path: string, file: KeysFile): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
}

/** `file` with a new key called `name` and the key itself; throws when the name is taken (revoked names stay taken: the log of who held it stays true). */
export function addKey(file: KeysFile, name: string, now: Date = new Date()): { file: KeysFile; key: string } {
  if (file.keys.some((k) => k.name === name)) throw new KeysFileError(`a key named "${name}" already exists`);
  const key = generateKey();
  return { file: { ...file, keys: [...file.keys, { name, sha256: hashKey(key), createdAt: now.toISOString(), revokedAt: null }] }, key };
}

/** `file` with key `name` revoked; throws when there is no such key. Revoking twice keeps the first time. */
export function revokeKey(file: KeysFile, name: string, now: Date = new Date()): KeysFile {
  if (!file.keys.some((k) => k.name === name)) throw new KeysFileError(`no key named "${name}"`);
  return { ...file, keys: file.keys.map((k) => (k.name === name && k.revokedAt === null ? { ...k, revokedAt: now.toISOString() } : k)) };
}

/** Who a presented key is: a known key's name and whether it was revoked, or unknown. */
export type KeyCheck = { readonly known: true; readonly name: string; readonly revoked: boolean } | { readonly known: false };

/**
 * Looks `key` up in `file`: hashes it, then compares the hash with every stored hash in constant
 * time (timingSafeEqual, and no early exit), so the time taken says nothing about how close a guess came.
 */
export function checkKey(file: KeysFile, key: string): KeyCheck {
  const presented = Buffer.from(hashKey(key), 'hex');
  let found: StoredKey | null = null;
  for (const stored of file.keys) {
    if (timingSafeEqual(presented, Buffer.from(stored.sha256, 'hex')) && found === null) found = stored;
  }
  return found ? { known: true, name: found.name, revoked: found.revokedAt !== null } : { known: false };
}
