import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const TFJS_LIKE = 'throw new Error("Tensor is disposed.");const k="tensorflowjs_models/";';

/** Writes a minimal dist: index.html → index.js, which imports `chunks`; the worker chunk gets `workerSource`. */
function fakeDist(chunks: Record<string, string>, workerSource = TFJS_LIKE): string {
  const dist = mkdtempSync(join(tmpdir(), 'creditlab-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<script type="module" crossorigin src="./assets/index-A1.js"></script>');
  const imports = Object.keys(chunks)
    .map((name) => `import("./${name}");`)
    .join('');
  writeFileSync(join(dist, 'assets', 'index-A1.js'), `${imports}new Worker(new URL("/assets/creditlab.worker-W1.js",import.meta.url));`);
  for (const [name, source] of Object.entries(chunks)) writeFileSync(join(dist, 'assets', name), source);
  writeFileSync(join(dist, 'assets', 'creditlab.worker-W1.js'), workerSource);
  return dist;
}

const run = (dist: string) => spawnSync(process.execPath, ['scripts/check-main-bundle.mjs', dist], { encoding: 'utf8' });

describe('check-main-bundle', () => {
  it('passes when only the worker chunk carries tfjs', () => {
    const result = run(fakeDist({ 'Lazy-B2.js': 'export const x = 1;' }));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('2 page chunks free of tfjs');
  });

  it('fails when a lazily imported page chunk carries tfjs', () => {
    const result = run(fakeDist({ 'Lazy-B2.js': `export const x = 1;${TFJS_LIKE}` }));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Lazy-B2.js contains "Tensor is disposed"');
  });

  it('fails when the fingerprints no longer identify tfjs in the worker', () => {
    const result = run(fakeDist({}, 'export const nothing = 0;'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('could not fail');
  });
});
