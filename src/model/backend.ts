import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

/** A tfjs backend CreditLab can train on. */
export type BackendName = 'webgl' | 'wasm' | 'cpu';

/** The backend in use and why it was chosen. */
export interface BackendChoice {
  readonly name: BackendName;
  readonly reason: string;
}

/** Where the wasm binaries are served from (the app's own files, so it works offline and from a sub-path). */
export type WasmPaths = Record<'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm', string>;

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

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

/** Backends in the order they are tried when one fails. */
export const BACKEND_ORDER: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

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
  const notes: string[] = [];
  if (preferred !== 'auto') {
    if (await tryBackend(preferred)) return { name: preferred, reason: 'chosen by you' };
    notes.push(`${preferred} failed to start`);
  } else {
    const renderer = probeWebglRenderer();
    if (renderer === null) notes.push('WebGL unavailable');
    else if (SOFTWARE_RENDERER.test(renderer)) notes.push(`WebGL is software-rendered (${renderer})`);
    else if (await tryBackend('webgl')) return { name: 'webgl', reason: `GPU: ${renderer}` };
    else notes.push('WebGL failed to start');
  }
  for (const name of BACKEND_ORDER) {
    if (name === 'webgl' || name === preferred) continue;
    if (await tryBackend(name)) return { name, reason: [...notes, name === 'wasm' ? 'using WebAssembly' : 'using plain JavaScript'].join('; ') };
    notes.push(`${name} failed to start`);
  }
  throw new Error('No TensorFlow.js backend could start in this browser.');
}

/** Switches to the next working backend after `failed`, for carrying on after a backend error. */
export async function fallBackFrom(failed: BackendName): Promise<BackendChoice> {
  for (const name of BACKEND_ORDER.slice(BACKEND_ORDER.indexOf(failed) + 1)) {
    if (await tryBackend(name)) return { name, reason: `${failed} failed during training; carried on with ${name}` };
  }
  throw new Error('No TensorFlow.js backend could continue training.');
}
