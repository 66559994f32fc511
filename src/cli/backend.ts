import * as tf from '@tensorflow/tfjs';
import { fileURLToPath } from 'node:url';

/** The tfjs backend for a command: wasm (SIMD, about twice the pure-JS cpu backend here) from the package's own files, else cpu. */
export async function useBackend(name: 'wasm' | 'cpu', command: string): Promise<void> {
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const dist = new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url);
    wasm.setWasmPaths(fileURLToPath(dist) + '/');
    if (await tf.setBackend('wasm').catch(() => false)) return;
    process.stderr.write(`creditlab ${command}: the wasm backend did not start; using cpu\n`);
  }
  await tf.setBackend('cpu');
}
