import { describe, expect, it } from 'vitest';
import type { BackendChoice } from '../../model/backendChoice';
import { reasonNotes } from './backendReason';

// The reasons src/model/backendChoice.ts words (as its own tests spell them), the worker's for a
// scorecard or boosted trees, and a saved model's (the UI may import model types only, not code).
const REASONS: readonly BackendChoice[] = [
  { name: 'webgl', reason: 'GPU: ANGLE (NVIDIA)' },
  { name: 'wasm', reason: 'WebGL is software-rendered (Google SwiftShader); using WebAssembly' },
  { name: 'wasm', reason: 'WebGL unavailable; using WebAssembly' },
  { name: 'cpu', reason: 'WebGL failed to start; wasm failed to start; using plain JavaScript' },
  { name: 'cpu', reason: 'wasm failed to start; using plain JavaScript' },
  { name: 'cpu', reason: 'chosen by you' },
  { name: 'webgl', reason: 'GPU, fastest on a warm-up: webgl 250,000, wasm 110,000 samples/s' },
  { name: 'wasm', reason: 'fastest on a warm-up: webgl 1,000, wasm 2,500 samples/s' },
  { name: 'wasm', reason: 'webgl failed during training; carried on with wasm' },
  { name: 'cpu', reason: 'plain JavaScript: a scorecard needs no tfjs backend' },
  { name: 'cpu', reason: 'plain JavaScript: boosted trees need no tfjs backend' },
  { name: 'wasm', reason: 'trained on wasm; loaded from a saved model' },
];

describe('reasonNotes', () => {
  it('reads every reason the model code words back into codes, none left as text', () => {
    for (const backend of REASONS)
      expect(
        reasonNotes(backend).filter((n) => n.code === 'text'),
        backend.reason,
      ).toEqual([]);
  });

  it('keeps the values: renderer text, backend names, warm-up speeds', () => {
    expect(reasonNotes(REASONS[1])).toEqual([{ code: 'softwareRendered', renderer: 'Google SwiftShader' }, { code: 'usingWasm' }]);
    expect(reasonNotes(REASONS[3])).toEqual([{ code: 'failedToStart', backend: 'webgl' }, { code: 'failedToStart', backend: 'wasm' }, { code: 'usingCpu' }]);
    expect(reasonNotes(REASONS[6])).toEqual([{ code: 'warmUpGpu', webglSpeed: 250_000, wasmSpeed: 110_000 }]);
    expect(reasonNotes(REASONS[8])).toEqual([
      { code: 'failedDuringTraining', failed: 'webgl' },
      { code: 'carriedOn', backend: 'wasm' },
    ]);
    expect(reasonNotes(REASONS[11])).toEqual([{ code: 'loaded', backend: 'wasm' }]);
    expect(reasonNotes({ name: 'cpu', reason: 'something new' })).toEqual([{ code: 'text', text: 'something new' }]);
  });
});
