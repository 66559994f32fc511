// `creditlab score`: a file of applicants scored with a model file, streamed: chunks of 8,192 rows
// are read, scored as the app's batch scores them (scoreChunk.ts) and written before the next is
// read, so memory stays flat however long the file is. The output is the file's own columns, then
// probability_of_bad, points, decision, reasons and flags, through the app's injection-safe CSV
// writer, written to OUT.partial and renamed to OUT only when every row is in.
import { createReadStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { checkBatchColumns } from '../core/batch/batchCheck';
import { csvRecord } from '../core/csv/writeCsv';
import { disposeScorer, checkReferenceApplicants, scorerOf } from '../worker/scorer';
import { problemMessage } from '../bundle/problemMessage';
import { useBackend } from './backend';
import { InputError, readModelFile, UsageError, type Command, type CommandIo } from './command';
import { readCsvChunks } from './csvChunks';
import { oneOf, parseFlags, required } from './flags';
import { runIfScript } from './outcome';
import { createProgress } from './progress';
import { chunkScoringOf, scoreChunk, scoredCsv, scoredHeader } from '../worker/scoreRows';

const USAGE = 'usage: creditlab score --model FILE.creditlab.json --csv IN.csv --out OUT.csv [--passphrase-file F] [--reasons | --no-reasons] [--backend wasm|cpu]';

/** Rows read, scored and written at a time: a multiple of the app's 1,024-row runs. */
export const SCORE_CHUNK_ROWS = 8192;

/** What a streamed scoring did. */
export interface ScoreSummary {
  readonly rows: number;
  readonly scored: number;
  readonly declined: number;
  readonly flaggedRows: number;
  readonly elapsedMs: number;
}

/** What `scoreFile` needs: the model file (and its passphrase file), the input and output paths, and whether to give reasons. */
export interface ScoreFileOptions {
  readonly model: string;
  readonly passphraseFile?: string;
  readonly csv: string;
  readonly out: string;
  readonly reasons: boolean;
  readonly chunkRows?: number;
  /** Hears rows done after each chunk (the progress line; the memory test). */
  readonly onChunk?: (rowsDone: number) => void;
}

/** Streams `csv` through the model into `out`; InputError for a file or model it cannot use (nothing is left at `out` then). */
export async function scoreFile(options: ScoreFileOptions): Promise<ScoreSummary> {
  const started = performance.now();
  if (!existsSync(options.csv) || !statSync(options.csv).isFile()) throw new InputError(`file not found: ${options.csv}`);
  const bundle = await readModelFile(options.model, options.passphraseFile);
  const scorer = await scorerOf(bundle.model);
  const partial = `${options.out}.partial`;
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  try {
    const problem = checkReferenceApplicants(scorer, bundle);
    if (problem) throw new InputError(`${options.model}: ${problemMessage(problem)}`);
    const scoring = chunkScoringOf(bundle, scorer, options.reasons);
    let header: string[] | null = null;
    const totals = { rows: 0, scored: 0, declined: 0, flaggedRows: 0 };
    for await (const { table } of readCsvChunks(createReadStream(options.csv, { highWaterMark: 1 << 20 }), options.chunkRows ?? SCORE_CHUNK_ROWS)) {
      if (header === null) {
        // The app's batch check, once: a chunk has the file's header.
        const columns = checkBatchColumns(table, bundle.schema);
        if (!columns.ok) {
          const missing = columns.problem.columns;
          throw new InputError(`${options.csv} lacks the model's input column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}`);
        }
        header = scoredHeader(table);
        handle = await open(partial, 'w');
        await handle.write(new TextEncoder().encode(`${csvRecord(header)}\r\n`));
      }
      const scored = scoreChunk(scoring, table);
      for (const bytes of scoredCsv(table, scored, header)) await handle!.write(bytes);
      totals.rows += table.rowCount;
      for (let r = 0; r < table.rowCount; r++) {
        if (scored.decision[r] >= 0) totals.scored++;
        if (scored.decision[r] === 1) totals.declined++;
        if (scored.flags[r] !== 0) totals.flaggedRows++;
      }
      options.onChunk?.(totals.rows);
    }
    await handle!.close();
    handle = null;
    renameSync(partial, options.out);
    return { ...totals, elapsedMs: performance.now() - started };
  } catch (error) {
    await handle?.close();
    rmSync(partial, { force: true });
    throw error;
  } finally {
    disposeScorer(scorer);
  }
}

/** `creditlab score`. */
export const scoreCommand: Command = {
  name: 'score',
  summary: 'score a CSV of applicants with a model file, streamed (constant memory)',
  help: `${USAGE}

Scores every row of IN.csv with the model file, as the app's batch scoring does, and writes OUT.csv:
the input columns, then probability_of_bad, points, decision (approve | decline), reasons
(column:code, strongest first) and flags (MISSING, UNSEEN_LEVEL, OUTSIDE_TRAINED, NOT_A_NUMBER,
IMPOSSIBLE). Rows that cannot be scored keep their flags and empty scores. The file is read and
written in chunks of ${SCORE_CHUNK_ROWS.toLocaleString('en-US')} rows; OUT.csv appears only when complete.

  --model FILE            the model file (.creditlab.json), exported by the app or written by creditlab train
  --csv IN                the applicants; every input column of the model must be there (extra columns pass through)
  --out OUT               where the scored CSV goes
  --passphrase-file F     the passphrase of an encrypted model file (its first line)
  --reasons               give reasons (the default)
  --no-reasons            leave the reasons column empty (faster)
  --backend wasm|cpu      tfjs backend for network models (default wasm)

Exit status: 0 done, 1 a file or model that cannot be used (missing columns are listed), 2 a usage mistake.`,
  async run(argv: readonly string[], io: CommandIo): Promise<number> {
    const { values } = parseFlags(
      argv,
      {
        model: { type: 'string' },
        csv: { type: 'string' },
        out: { type: 'string' },
        'passphrase-file': { type: 'string' },
        reasons: { type: 'boolean' },
        'no-reasons': { type: 'boolean' },
        backend: { type: 'string', default: 'wasm' },
      },
      USAGE,
    );
    const model = required('model', values.model, USAGE);
    const csv = required('csv', values.csv, USAGE);
    const out = required('out', values.out, USAGE);
    if (values.reasons && values['no-reasons']) throw new UsageError('--reasons and --no-reasons cannot both be given');
    const backend = oneOf('backend', values.backend!, ['wasm', 'cpu'] as const);
    await useBackend(backend, 'score');
    const progress = createProgress(io.stderr);
    const summary = await scoreFile({
      model,
      csv,
      out,
      passphraseFile: values['passphrase-file'],
      reasons: !values['no-reasons'],
      onChunk: (rows) => progress.update(`scored ${rows.toLocaleString('en-US')} rows`),
    });
    progress.done();
    const seconds = summary.elapsedMs / 1000;
    io.stderr.write(
      `creditlab score: ${summary.rows} rows → ${out}: ${summary.scored} scored, ${summary.declined} declined, ${summary.rows - summary.scored} not scored, ${summary.flaggedRows} flagged; ${seconds.toFixed(1)} s (${Math.round(summary.rows / seconds)} rows/s)\n`,
    );
    return 0;
  },
};

runIfScript(import.meta.url, scoreCommand);
