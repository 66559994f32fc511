import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { decideBackend, nextBackend, type BackendChoice, type BackendName } from './backendChoice';
import { probeWebglRenderer } from './webglProbe';

export { probeWebglRenderer } from './webglProbe';

/** Where the wasm binaries are served from (the app's own files, so it works offline and from a sub-path). */
export type WasmPaths = Record<'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm', string>;

/** True when the backend initialises and computes a 2×2 matrix product correctly. */
async function tryBackend(name: BackendName): Promise<boolean> {
  try {
    if (!(await tf.setBackend(name))) return false;
    await tf.ready();
    const product = tf.tidy(() => tf.matMul(tf.ones([2, 2]), tf.ones([2, 2])));
    const values = await product.data();
    product.dispose();
    return values[0] === 2 && values[3] === 2;
  } catch (error) {
    console.warn(`tfjs backend ${name} failed to start`, error);
    return false;
  }
}

let wasmPathsSet = false;

/**
 * With 'auto', picks webgl → wasm → cpu, the first that works; a software-rendered WebGL
 * (SwiftShader, llvmpipe) is skipped, since wasm is several times faster there. With a named
 * backend, uses it if it starts, else falls back in the same order and says so.
 */
export async function selectBackend(
  wasmPaths: WasmPaths,
  preferred: BackendName | 'auto' = 'auto',
  probeRenderer: () => Promise<string | null> = async () => probeWebglRenderer(),
): Promise<BackendChoice> {
  if (!wasmPathsSet) {
    setWasmPaths(wasmPaths);
    wasmPathsSet = true;
  }
  // Probed only for 'auto': a named backend needs no renderer string.
  const renderer = preferred === 'auto' ? await probeRenderer() : null;
  return decideBackend(preferred, () => renderer, tryBackend);
}

/** Switches to the next working backend after `failed`, for carrying on after a backend error. */
export function fallBackFrom(failed: BackendName): Promise<BackendChoice> {
  return nextBackend(failed, tryBackend);
}
