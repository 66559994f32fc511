import { describe, expect, it } from 'vitest';
import { decideBackend, fasterOnWarmUp, isSoftwareRenderer, nextBackend, type BackendName } from './backendChoice';

/** A start() that succeeds for `working` and records every backend it was asked to start. */
function starter(...working: BackendName[]) {
  const tried: BackendName[] = [];
  const start = async (name: BackendName) => {
    tried.push(name);
    return working.includes(name);
  };
  return { start, tried };
}

const GPU = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)';
const SWIFTSHADER = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';

describe('isSoftwareRenderer', () => {
  it.each([
    [SWIFTSHADER, true],
    ['llvmpipe (LLVM 15.0.6, 256 bits)', true],
    ['Microsoft Basic Render Driver', true],
    ['softpipe', true],
    [GPU, false],
    ['Apple M2', false],
    ['Mesa Intel(R) UHD Graphics 620 (KBL GT2)', false],
  ])('%s → %s', (renderer, software) => expect(isSoftwareRenderer(renderer)).toBe(software));
});

describe('decideBackend (auto)', () => {
  it('takes webgl on a real GPU', async () => {
    const { start, tried } = starter('webgl', 'wasm', 'cpu');
    expect(await decideBackend('auto', () => GPU, start)).toEqual({ name: 'webgl', reason: `GPU: ${GPU}` });
    expect(tried).toEqual(['webgl']);
  });

  it('skips a software-rendered WebGL without starting it, and says why', async () => {
    const { start, tried } = starter('webgl', 'wasm', 'cpu');
    const choice = await decideBackend('auto', () => SWIFTSHADER, start);
    expect(choice.name).toBe('wasm');
    expect(choice.reason).toBe(`WebGL is software-rendered (${SWIFTSHADER}); using WebAssembly`);
    expect(tried).toEqual(['wasm']);
  });

  it('goes on to wasm when WebGL is missing or fails to start, and to cpu when wasm fails too', async () => {
    expect((await decideBackend('auto', () => null, starter('wasm').start)).reason).toBe('WebGL unavailable; using WebAssembly');
    const failing = starter('cpu');
    const choice = await decideBackend('auto', () => GPU, failing.start);
    expect(choice).toEqual({ name: 'cpu', reason: 'WebGL failed to start; wasm failed to start; using plain JavaScript' });
    expect(failing.tried).toEqual(['webgl', 'wasm', 'cpu']);
  });

  it('throws a clear error when nothing starts', async () => {
    await expect(decideBackend('auto', () => GPU, starter().start)).rejects.toThrow('No TensorFlow.js backend could start in this browser.');
  });
});

describe('decideBackend (chosen by the user)', () => {
  it('uses the named backend when it starts, even a software WebGL', async () => {
    const { start, tried } = starter('webgl', 'wasm', 'cpu');
    expect(await decideBackend('webgl', () => SWIFTSHADER, start)).toEqual({ name: 'webgl', reason: 'chosen by you' });
    expect(await decideBackend('cpu', () => GPU, start)).toEqual({ name: 'cpu', reason: 'chosen by you' });
    expect(tried).toEqual(['webgl', 'cpu']);
  });

  it('falls back in order, skipping the one that failed, and says so', async () => {
    const { start, tried } = starter('cpu');
    expect(await decideBackend('wasm', () => GPU, start)).toEqual({ name: 'cpu', reason: 'wasm failed to start; using plain JavaScript' });
    expect(tried).toEqual(['wasm', 'cpu']);
  });
});

describe('fasterOnWarmUp', () => {
  it('keeps the faster backend, with the figures in the reason; a tie goes to webgl', () => {
    expect(fasterOnWarmUp(250_000, 110_000)).toEqual({ name: 'webgl', reason: 'GPU, fastest on a warm-up: webgl 250,000, wasm 110,000 samples/s' });
    expect(fasterOnWarmUp(40_000, 110_000).name).toBe('wasm');
    expect(fasterOnWarmUp(0, 0).name).toBe('webgl');
    expect(fasterOnWarmUp(0, 90_000).name).toBe('wasm'); // webgl failed in the warm-up
  });
});

describe('nextBackend', () => {
  it('carries on with the next backend that starts after the failed one', async () => {
    expect(await nextBackend('webgl', starter('wasm', 'cpu').start)).toEqual({ name: 'wasm', reason: 'webgl failed during training; carried on with wasm' });
    const { start, tried } = starter('cpu');
    expect((await nextBackend('webgl', start)).name).toBe('cpu');
    expect(tried).toEqual(['wasm', 'cpu']);
    await expect(nextBackend('cpu', starter('webgl', 'wasm').start)).rejects.toThrow('No TensorFlow.js backend could continue training.');
  });
});
