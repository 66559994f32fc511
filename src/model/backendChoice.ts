// How CreditLab picks a tfjs backend, apart from tfjs itself so every branch can be tested.

/** A tfjs backend CreditLab can train on. */
export type BackendName = 'webgl' | 'wasm' | 'cpu';

/** The backend in use and why it was chosen. */
export interface BackendChoice {
  readonly name: BackendName;
  readonly reason: string;
}

/** Backends in the order they are tried when one fails. */
export const BACKEND_ORDER: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

// Renderer strings of WebGL drawn by the CPU, where wasm is several times faster than webgl.
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** True when a WebGL renderer string names a software rasteriser. */
export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERER.test(renderer);
}

/**
 * With 'auto', picks webgl → wasm → cpu, the first that `start`s; a software-rendered or missing
 * WebGL (`renderer` null) is skipped without being started. With a named backend, uses it if it
 * starts, else falls back in the same order and says so. Throws when nothing starts.
 */
export async function decideBackend(preferred: BackendName | 'auto', renderer: () => string | null, start: (name: BackendName) => Promise<boolean>): Promise<BackendChoice> {
  const notes: string[] = [];
  if (preferred !== 'auto') {
    if (await start(preferred)) return { name: preferred, reason: 'chosen by you' };
    notes.push(`${preferred} failed to start`);
  } else {
    const seen = renderer();
    if (seen === null) notes.push('WebGL unavailable');
    else if (isSoftwareRenderer(seen)) notes.push(`WebGL is software-rendered (${seen})`);
    else if (await start('webgl')) return { name: 'webgl', reason: `GPU: ${seen}` };
    else notes.push('WebGL failed to start');
  }
  for (const name of BACKEND_ORDER) {
    if (name === 'webgl' || name === preferred) continue;
    if (await start(name)) return { name, reason: [...notes, name === 'wasm' ? 'using WebAssembly' : 'using plain JavaScript'].join('; ') };
    notes.push(`${name} failed to start`);
  }
  throw new Error('No TensorFlow.js backend could start in this browser.');
}

/**
 * The faster of webgl and wasm from a warm-up on the actual model (samples/s; 0 when a backend
 * failed there). A tie goes to webgl, which frees the CPU for the page.
 */
export function fasterOnWarmUp(webglSamplesPerSecond: number, wasmSamplesPerSecond: number): BackendChoice {
  const figures = `warm-up: webgl ${Math.round(webglSamplesPerSecond).toLocaleString('en-US')}, wasm ${Math.round(wasmSamplesPerSecond).toLocaleString('en-US')} samples/s`;
  return webglSamplesPerSecond >= wasmSamplesPerSecond ? { name: 'webgl', reason: `GPU, fastest on a ${figures}` } : { name: 'wasm', reason: `fastest on a ${figures}` };
}

/** The next backend after `failed` in BACKEND_ORDER that `start`s, for carrying on after a backend error. */
export async function nextBackend(failed: BackendName, start: (name: BackendName) => Promise<boolean>): Promise<BackendChoice> {
  for (const name of BACKEND_ORDER.slice(BACKEND_ORDER.indexOf(failed) + 1)) {
    if (await start(name)) return { name, reason: `${failed} failed during training; carried on with ${name}` };
  }
  throw new Error('No TensorFlow.js backend could continue training.');
}
