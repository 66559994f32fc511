import type { BackendChoice } from '../../model/backendChoice';

// The model code words why a backend was chosen in English (the CLI prints it as it is). The
// reasons are a closed set of notes joined by "; ": here each is read back into a code and its
// values, so the UI can word it in the active language. A note not in the set stays as it came.

/** One note of a backend reason, as a code and the values (backend names, renderer text) it names. */
export type ReasonNote =
  | { readonly code: 'chosen' | 'webglUnavailable' | 'usingWasm' | 'usingCpu' | 'scorecard' | 'boosted' }
  | { readonly code: 'gpu' | 'softwareRendered'; readonly renderer: string }
  | { readonly code: 'failedToStart' | 'carriedOn' | 'loaded'; readonly backend: string }
  | { readonly code: 'failedDuringTraining'; readonly failed: string }
  | { readonly code: 'warmUp' | 'warmUpGpu'; readonly webglSpeed: number; readonly wasmSpeed: number }
  | { readonly code: 'text'; readonly text: string };

const FIXED: Readonly<Record<string, ReasonNote['code']>> = {
  'chosen by you': 'chosen',
  'WebGL unavailable': 'webglUnavailable',
  'using WebAssembly': 'usingWasm',
  'using plain JavaScript': 'usingCpu',
  'plain JavaScript: a scorecard needs no tfjs backend': 'scorecard',
  'plain JavaScript: boosted trees need no tfjs backend': 'boosted',
};

const count = (text: string) => Number(text.replace(/,/g, ''));

/** A note of a reason as a code and values. */
function readNote(note: string): ReasonNote {
  const fixed = FIXED[note];
  if (fixed) return { code: fixed } as ReasonNote;
  let m: RegExpMatchArray | null;
  if ((m = note.match(/^GPU, fastest on a warm-up: webgl ([\d,]+), wasm ([\d,]+) samples\/s$/))) return { code: 'warmUpGpu', webglSpeed: count(m[1]), wasmSpeed: count(m[2]) };
  if ((m = note.match(/^fastest on a warm-up: webgl ([\d,]+), wasm ([\d,]+) samples\/s$/))) return { code: 'warmUp', webglSpeed: count(m[1]), wasmSpeed: count(m[2]) };
  if ((m = note.match(/^GPU: (.*)$/))) return { code: 'gpu', renderer: m[1] };
  if ((m = note.match(/^WebGL is software-rendered \((.*)\)$/))) return { code: 'softwareRendered', renderer: m[1] };
  if (note === 'WebGL failed to start') return { code: 'failedToStart', backend: 'webgl' };
  if ((m = note.match(/^(\w+) failed to start$/))) return { code: 'failedToStart', backend: m[1] };
  if ((m = note.match(/^(\w+) failed during training$/))) return { code: 'failedDuringTraining', failed: m[1] };
  if ((m = note.match(/^carried on with (\w+)$/))) return { code: 'carriedOn', backend: m[1] };
  if ((m = note.match(/^trained on (.+)$/))) return { code: 'loaded', backend: m[1] };
  return { code: 'text', text: note };
}

/** The notes of a backend's reason, in order ("trained on x; loaded from a saved model" is one note). */
export function reasonNotes(backend: BackendChoice): ReasonNote[] {
  const notes = backend.reason.split('; ');
  const out: ReasonNote[] = [];
  for (let i = 0; i < notes.length; i++) {
    if (notes[i + 1] === 'loaded from a saved model' && notes[i].startsWith('trained on ')) {
      out.push(readNote(notes[i]));
      i++;
    } else out.push(readNote(notes[i]));
  }
  return out;
}
