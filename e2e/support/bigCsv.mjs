// Makes (once) and caches the synthetic 1M-row loan book used by the scale e2e test and `npm run bench`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const generator = join(repoRoot, 'scripts', 'make-big-csv.mjs');

/**
 * Returns the path of a CSV made by scripts/make-big-csv.mjs with `rows` data rows, generating it
 * into os.tmpdir() only when no cached copy exists. The cache key is the row count plus a hash of
 * the generator, so editing the generator invalidates the cache.
 */
export function ensureBigCsv(rows = 1_000_000) {
  const version = createHash('sha1').update(readFileSync(generator)).digest('hex').slice(0, 8);
  const path = join(tmpdir(), `creditlab-big-${rows}-${version}.csv`);
  if (existsSync(path) && statSync(path).size > 0) return { path, sizeBytes: statSync(path).size, cached: true };
  // Write under a temporary name and rename, so an interrupted run never leaves a half file cached.
  const partial = `${path}.${process.pid}.partial`;
  const run = spawnSync(process.execPath, [generator, partial, String(rows)], { encoding: 'utf8' });
  if (run.status !== 0) {
    rmSync(partial, { force: true });
    throw new Error(`make-big-csv.mjs failed (exit ${run.status}): ${run.stderr || run.stdout}`);
  }
  renameSync(partial, path);
  return { path, sizeBytes: statSync(path).size, cached: false };
}
