// Damaged and foreign model files for the import e2e tests, made from a good exported file in Node.
// Each writer returns the path it wrote.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A plain model file's JSON, as far as these writers touch it. */
interface PlainFile {
  formatVersion: number;
  bundle: { model: { members?: { weightData: string }[] } };
}

function write(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/**
 * The good file with one byte changed: the middle of the first member's weights (base64), a letter
 * whose case is flipped (bit 5), so the file is still valid UTF-8 and JSON but no longer the bytes
 * its checksum was taken of.
 */
export function writeFlippedByte(dir: string, good: Buffer): string {
  const text = good.toString('utf8');
  const start = text.indexOf('"weightData":"') + '"weightData":"'.length;
  const end = text.indexOf('"', start);
  let at = Math.floor((start + end) / 2);
  while (at < end && !/[A-Za-z]/.test(text[at])) at++;
  if (at >= end) throw new Error('no letter in the weights to flip');
  const bytes = Buffer.from(good);
  bytes[at] ^= 0x20;
  return write(dir, 'flipped-byte.creditlab.json', bytes);
}

/** The first 60% of the good file, as a cut-off download leaves it. */
export function writeTruncated(dir: string, good: Buffer): string {
  return write(dir, 'truncated.creditlab.json', good.subarray(0, Math.floor(good.length * 0.6)));
}

/**
 * The good file with its first weight changed (the first member's first float32 plus 0.25),
 * re-encoded as base64 and written back with nothing else recomputed: its checksum no longer matches.
 */
export function writeChangedWeight(dir: string, good: Buffer): string {
  const file = JSON.parse(good.toString('utf8')) as PlainFile;
  const member = file.bundle.model.members?.[0];
  if (!member) throw new Error('the good file is not a network');
  const weights = Buffer.from(member.weightData, 'base64');
  weights.writeFloatLE(weights.readFloatLE(0) + 0.25, 0);
  member.weightData = weights.toString('base64');
  return write(dir, 'changed-weight.creditlab.json', JSON.stringify(file));
}

/** The good file with a stray comma after its first brace: not JSON. */
export function writeInvalidJson(dir: string, good: Buffer): string {
  return write(dir, 'invalid.creditlab.json', good.toString('utf8').replace('{', '{,'));
}

/** The good file claiming file format `version` (a newer CreditLab's). */
export function writeNewerVersion(dir: string, good: Buffer, version: number): string {
  const file = JSON.parse(good.toString('utf8')) as PlainFile;
  file.formatVersion = version;
  return write(dir, 'newer.creditlab.json', JSON.stringify(file));
}

/** JSON that is not a CreditLab model file at all. */
export function writeNotABundle(dir: string): string {
  return write(dir, 'settings.json', JSON.stringify({ format: 'another-app-settings', version: 3, theme: 'dark', recent: ['a.csv', 'b.csv'] }));
}

/** A valid-looking model file of `bytes` bytes (a plain envelope padded with a long string). */
export function writeOversized(dir: string, bytes: number): string {
  const head = '{"format":"creditlab-model-file","formatVersion":1,"padding":"';
  const tail = '"}';
  const padding = 'A'.repeat(bytes - head.length - tail.length);
  return write(dir, 'huge.creditlab.json', `${head}${padding}${tail}`);
}

/** An encrypted file with one byte of its ciphertext (base64, in the middle) changed to another base64 letter. */
export function writeFlippedCiphertext(dir: string, good: Buffer): string {
  const text = good.toString('utf8');
  const start = text.indexOf('"ciphertext":"') + '"ciphertext":"'.length;
  const end = text.indexOf('"', start);
  let at = Math.floor((start + end) / 2);
  while (at < end && !/[A-Za-z]/.test(text[at])) at++;
  const bytes = Buffer.from(good);
  bytes[at] ^= 0x20;
  return write(dir, 'flipped-ciphertext.creditlab.json', bytes);
}
