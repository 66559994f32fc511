import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { decideBackend, nextBackend, type BackendChoice, type BackendName } from './backendChoice';

/** Where the wasm binaries are served from (the app's own files, so it works offline and from a sub-path). */
export type WasmPaths = Record<'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm', string>;

/** The WebGL renderer string seen from this context, or null when WebGL is unavailable. */
export function probeWebglRenderer(): string | null {
  try {
    const canvas = new OffscreenCanvas(1, 1);
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  } catch {
    return null;
  }
}

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
export async function selectBackend(wasmPaths: WasmPaths, preferred: BackendName | 'auto' = 'auto'): Promise<BackendChoice> {
  if (!wasmPathsSet) {
    setWasmPaths(wasmPaths);
    wasmPathsSet = true;
  }
  return decideBackend(preferred, probeWebglRenderer, tryBackend);
}

/** Switches to the next working backend after `failed`, for carrying on after a backend error. */
export function fallBackFrom(failed: BackendName): Promise<BackendChoice> {
  return nextBackend(failed, tryBackend);
}
