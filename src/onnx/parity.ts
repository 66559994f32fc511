// What the ONNX tests and the command's test share: applicants from a real file with missing cells
// and unseen levels mixed in, the graph's feeds for them as the ONNX contract states (numbers parsed
// to float32, NaN for missing; category text as given), and ONNX Runtime's answers for them. Node
// only (onnxruntime-node): imported by tests, never by the app.
import * as ort from 'onnxruntime-node';
import type { ModelBundle } from '../core/bundle/types';
import { isMissingMarker, parseNumberCell } from '../core/csv/cells';
import type { ApplicantRecord } from '../core/features/preprocessor';
import { ONNX_OUTPUT } from './exportOnnx';

/** A level no training file has: every category column gets it in some applicants. */
export const UNSEEN_LEVEL = 'level-never-seen';

/**
 * `count` applicants from the rows of a plain CSV text (no quoted commas), cycling through them, each
 * with its feature cells blanked with probability 0.08 and its category cells replaced by
 * UNSEEN_LEVEL with probability 0.05 (a seeded LCG, so every run scores the same applicants).
 */
export function applicantsOf(csv: string, columns: ModelBundle['schema']['columns'], count: number, seed = 1): ApplicantRecord[] {
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  const names = header.split(',');
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const out: ApplicantRecord[] = [];
  for (let i = 0; i < count; i++) {
    const cells = lines[i % lines.length].split(',');
    const record: Record<string, string> = {};
    for (const column of columns) {
      let cell = cells[names.indexOf(column.name)] ?? '';
      const draw = random();
      if (draw < 0.08) cell = '';
      else if (column.kind === 'categorical' && draw < 0.13) cell = UNSEEN_LEVEL;
      record[column.name] = cell;
    }
    out.push(record);
  }
  return out;
}

/** The graph's inputs for `records`: float32 [N, 1] per numeric column (NaN for a missing answer), string [N, 1] per category column ('' for missing). */
export function feedsOf(bundle: ModelBundle, records: readonly ApplicantRecord[]): Record<string, ort.Tensor> {
  const feeds: Record<string, ort.Tensor> = {};
  for (const column of bundle.schema.columns) {
    const cells = records.map((r) => r[column.name] ?? '');
    if (column.kind === 'numeric') {
      const values = Float32Array.from(cells, (cell) => (isMissingMarker(cell) ? Number.NaN : parseNumberCell(cell, bundle.schema.decimal)));
      feeds[column.name] = new ort.Tensor('float32', values, [records.length, 1]);
    } else {
      feeds[column.name] = new ort.Tensor('string', cells, [records.length, 1]);
    }
  }
  return feeds;
}

/** ONNX Runtime's probability of bad for each record from the model bytes. */
export async function runOnnx(bytes: Uint8Array, bundle: ModelBundle, records: readonly ApplicantRecord[]): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  try {
    const result = await session.run(feedsOf(bundle, records));
    const output = result[ONNX_OUTPUT];
    if (output.dims.join() !== `${records.length},1`) throw new Error(`The output has shape [${output.dims.join(', ')}].`);
    return output.data as Float32Array;
  } finally {
    await session.release();
  }
}
