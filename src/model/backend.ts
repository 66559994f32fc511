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

/**
 * Picks webgl → wasm → cpu, the first that works. A software-rendered WebGL (SwiftShader,
 * llvmpipe) is skipped: on such machines wasm is several times faster.
 */
export async function selectBackend(wasmPaths: WasmPaths): Promise<BackendChoice> {
  setWasmPaths(wasmPaths);
  const renderer = probeWebglRenderer();
  const notes: string[] = [];
  if (renderer === null) notes.push('WebGL unavailable');
  else if (SOFTWARE_RENDERER.test(renderer)) notes.push(`WebGL is software-rendered (${renderer})`);
  else if (await tryBackend('webgl')) return { name: 'webgl', reason: `GPU: ${renderer}` };
  else notes.push('WebGL failed to start');

  if (await tryBackend('wasm')) return { name: 'wasm', reason: [...notes, 'using WebAssembly'].join('; ') };
  notes.push('WebAssembly failed to start');
  if (await tryBackend('cpu')) return { name: 'cpu', reason: [...notes, 'using plain JavaScript'].join('; ') };
  throw new Error('No TensorFlow.js backend could start in this browser.');
}
