// Small, deterministic files for the error-case e2e tests. Each writer returns the path it wrote.
import { closeSync, openSync, ftruncateSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Absolute path of a shared data set (../shared/data/<name> from the repository root). */
export function sharedDataPath(name: string): string {
  return resolve(repoRoot, '..', 'shared', 'data', name);
}

/** Writes a 0-byte file. */
export async function writeEmptyFile(path: string): Promise<string> {
  await writeFile(path, '');
  return path;
}

/** Writes a CSV with a header line and no data rows. */
export async function writeHeaderOnlyCsv(path: string): Promise<string> {
  await writeFile(path, 'age,annual_income,loan_amount,home_ownership,default\n');
  return path;
}

/**
 * Writes `rows` distinct loan rows whose `default` column is 0 except on the rows listed in
 * `positiveRows` (0-based), where it is 1. Rows differ in every numeric column, so none is a duplicate.
 */
export async function writeLoanCsv(path: string, rows: number, positiveRows: readonly number[] = []): Promise<string> {
  const homes = ['RENT', 'OWN', 'MORTGAGE'];
  const lines = ['age,annual_income,loan_amount,home_ownership,default'];
  for (let i = 0; i < rows; i++) {
    const label = positiveRows.includes(i) ? 1 : 0;
    lines.push(`${22 + (i % 40)},${30_000 + i * 731},${1_000 + i * 97},${homes[i % homes.length]},${label}`);
  }
  await writeFile(path, `${lines.join('\n')}\n`);
  return path;
}

/** Writes 40 rows whose `default` column is always 0: a target with a single class. */
export function writeSingleClassCsv(path: string): Promise<string> {
  return writeLoanCsv(path, 40);
}

/** Writes 50 rows with exactly one `default` = 1: fewer than two rows of a class. */
export function writeOnePositiveCsv(path: string): Promise<string> {
  return writeLoanCsv(path, 50, [17]);
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** Writes a real (decodable) 64×64 RGB PNG, a gradient, under the given name (e.g. photo.csv). */
export async function writePngFile(path: string): Promise<string> {
  const size = 64;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter method, no interlace
  const raw = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 3);
    raw[row] = 0; // filter type None
    for (let x = 0; x < size; x++) raw.set([x * 4, y * 4, (x * y) & 0xff], row + 1 + x * 3);
  }
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', new Uint8Array()),
  ]);
  await writeFile(path, png);
  return path;
}

/** Creates a sparse file of `sizeBytes` (reads as zeros, takes no disk space). */
export function writeSparseFile(path: string, sizeBytes: number): string {
  const fd = openSync(path, 'w');
  try {
    ftruncateSync(fd, sizeBytes);
  } finally {
    closeSync(fd);
  }
  return path;
}
