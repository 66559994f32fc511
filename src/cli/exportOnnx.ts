// `creditlab export-onnx --model FILE --out model.onnx [--passphrase-file F]`: the model file's whole
// scoring pipeline (preprocessing, model, calibrator) as one ONNX graph, for ONNX Runtime in a
// service of one's own or in Spark (docs/scale-out.md). The graph is built by src/onnx (pure), the
// same function the app's Models step calls; this command only reads and writes files.
import { writeFileSync } from 'node:fs';
import { exportOnnx, ONNX_OUTPUT } from '../onnx/exportOnnx';
import { EXIT, InputError, readModelFile, type Command, type CommandIo } from './command';
import { parseFlags, required, wantsHelp } from './flags';

const USAGE = 'usage: creditlab export-onnx --model FILE --out model.onnx [--passphrase-file F]';

const HELP = `${USAGE}

Writes the model file's whole scoring pipeline as one ONNX graph (opsets ai.onnx 17, ai.onnx.ml 3):
missing-value fills and indicators, clipping, standardisation or PLE or WoE bins, one-hot levels,
the network, boosted trees or scorecard, and the calibrator.
  inputs   one per column of the model's schema, named after it, shape [N, 1]:
           float32 for numbers (NaN = missing), string for categories (empty = missing)
  output   ${ONNX_OUTPUT}, float32 [N, 1]
  --model FILE            a model file exported by the app or written by creditlab train (required)
  --out FILE              where to write the .onnx file (required)
  --passphrase-file F     the passphrase of an encrypted model file (its first line)
Points, decisions and reasons are not in the graph: compute points from the probability with the
model's scale, or use creditlab score / serve. See docs/scale-out.md.
`;

/** The `creditlab export-onnx` subcommand. */
export const exportOnnxCommand: Command = {
  name: 'export-onnx',
  summary: 'export a model file as one ONNX graph (raw columns to probability_of_bad)',
  help: HELP,
  async run(argv: readonly string[], io: CommandIo): Promise<number> {
    if (wantsHelp(argv)) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    const { values } = parseFlags(argv, { model: { type: 'string' }, out: { type: 'string' }, 'passphrase-file': { type: 'string' } }, USAGE);
    const modelPath = required('model', values.model, USAGE);
    const outPath = required('out', values.out, USAGE);
    const bundle = await readModelFile(modelPath, values['passphrase-file']);
    let bytes: Uint8Array;
    try {
      bytes = exportOnnx(bundle);
    } catch (error) {
      throw new InputError(`${modelPath}: cannot be exported as ONNX: ${(error as Error).message}`);
    }
    try {
      writeFileSync(outPath, bytes);
    } catch {
      throw new InputError(`cannot write ${outPath}`);
    }
    const columns = bundle.schema.columns;
    io.stderr.write(`wrote ${outPath} (${bytes.length} bytes): ${bundle.model.kind} model "${bundle.name}", ${columns.length} inputs, output ${ONNX_OUTPUT}\n`);
    return EXIT.ok;
  },
};
