/**
 * Headless evaluation: the app's own core (reading, cleaning, features, k-fold, metrics) and model
 * code, with tfjs on its pure-JS backend in Node. Prints JSON to stdout; errors to stderr with a
 * non-zero exit status. Run: npm run evaluate -- --csv FILE --target COLUMN [--positive VALUE]
 * [--seed N] [--folds K] [--model mlp|logistic] [--epochs N] [--learning-rate R] [--batch-size N] [--hidden-units N[,N...]]
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { proposeCleaningPlan } from '../core/clean/plan';
import { guessPositiveValue } from '../core/columns/target';
import { readCsvBytes } from '../core/csv/readCsvBytes';
import { prepareFolds } from '../core/pipeline';
import { profileTable } from '../core/profile/profileTable';
import { DEFAULT_NETWORK, defaultSettingsFor } from '../model/defaults';
import { evaluateFold, summariseFolds, type FoldReport } from './foldReport';

/** A problem with the command line or its inputs: printed as one line, exit status 2. */
class UsageError extends Error {}

const USAGE =
  'usage: npm run evaluate -- --csv FILE --target COLUMN [--positive VALUE] [--seed N] [--folds K] [--model mlp|logistic] [--epochs N] [--learning-rate R] [--batch-size N] [--hidden-units N[,N...]]';

function parseCommandLine(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        csv: { type: 'string' },
        target: { type: 'string' },
        positive: { type: 'string' },
        seed: { type: 'string', default: '42' },
        folds: { type: 'string', default: '5' },
        model: { type: 'string', default: 'mlp' },
        epochs: { type: 'string' },
        'learning-rate': { type: 'string' },
        'batch-size': { type: 'string' },
        'hidden-units': { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  if (!parsed.csv) throw new UsageError(`--csv is required\n${USAGE}`);
  if (!parsed.target) throw new UsageError(`--target is required\n${USAGE}`);
  const integer = (name: string, text: string, min: number) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) throw new UsageError(`--${name} must be a whole number ≥ ${min} (got "${text}")`);
    return value;
  };
  if (parsed.model !== 'mlp' && parsed.model !== 'logistic') throw new UsageError(`--model must be mlp or logistic (got "${parsed.model}")`);
  const rate = parsed['learning-rate'];
  if (rate !== undefined && !(Number(rate) > 0 && Number(rate) <= 1)) throw new UsageError(`--learning-rate must be a number in (0, 1] (got "${rate}")`);
  const hidden = parsed['hidden-units'];
  return {
    csv: parsed.csv,
    target: parsed.target,
    positive: parsed.positive,
    seed: integer('seed', parsed.seed!, 0),
    folds: integer('folds', parsed.folds!, 2),
    model: parsed.model as 'mlp' | 'logistic',
    epochs: parsed.epochs === undefined ? undefined : integer('epochs', parsed.epochs, 1),
    learningRate: rate === undefined ? undefined : Number(rate),
    batchSize: parsed['batch-size'] === undefined ? undefined : integer('batch-size', parsed['batch-size'], 1),
    hiddenUnits: hidden === undefined ? undefined : hidden.split(',').map((units) => integer('hidden-units', units.trim(), 1)),
  };
}

async function main(argv: string[]): Promise<void> {
  const args = parseCommandLine(argv);
  if (!existsSync(args.csv) || !statSync(args.csv).isFile()) throw new UsageError(`file not found: ${args.csv}`);
  const started = performance.now();
  await tf.setBackend('cpu');

  const read = await readCsvBytes(() => createReadStream(args.csv, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>, statSync(args.csv).size);
  if (!read.ok) throw new UsageError(`${args.csv}: ${read.reason}`);
  const { table, notes } = read.data;
  const columns = profileTable(table);
  const target = columns.find((c) => c.name === args.target);
  if (!target) throw new UsageError(`column "${args.target}" is not in ${args.csv} (columns: ${columns.map((c) => c.name).join(', ')})`);
  if (!target.values || target.values.length !== 2) throw new UsageError(`column "${args.target}" has ${target.distinct} distinct values; the target needs exactly two`);
  const positive = args.positive ?? guessPositiveValue(target.values);
  if (!target.values.includes(positive)) throw new UsageError(`--positive "${positive}" is not a value of "${args.target}" (values: ${target.values.join(', ')})`);
  const negative = target.values.find((v) => v !== positive)!;

  const plan = proposeCleaningPlan(columns, args.target, positive, negative);
  const prepared = prepareFolds(table, { ...plan, folds: args.folds, seed: args.seed, validationFraction: 0.1, decimal: notes.decimal });
  if (!prepared.ok) throw new UsageError(prepared.reason);
  const { report } = prepared.data;
  const network = { ...DEFAULT_NETWORK, kind: args.model, seed: args.seed, ...(args.hiddenUnits ? { hiddenUnits: args.hiddenUnits } : {}) };
  const settings = {
    ...defaultSettingsFor(report.rowsAfter, report.positives),
    seed: args.seed,
    ...(args.epochs ? { epochs: args.epochs } : {}),
    ...(args.learningRate ? { learningRate: args.learningRate } : {}),
    ...(args.batchSize ? { batchSize: args.batchSize } : {}),
  };

  const folds: FoldReport[] = [];
  for (let index = 0; index < args.folds; index++) {
    const fold = prepared.data.prepareFold(index);
    if (!fold.ok) throw new UsageError(`fold ${index + 1}: ${fold.reason}`);
    folds.push(await evaluateFold(index + 1, fold.data, network, settings));
  }

  const output = {
    file: args.csv,
    target: args.target,
    positive,
    negative,
    rows: { before: report.rowsBefore, after: report.rowsAfter, positives: report.positives, negatives: report.negatives },
    features: report.features,
    excludedFeatures: report.excludedFeatures.map((e) => e.column),
    model: { ...network, ...settings, backend: tf.getBackend() },
    folds,
    ...summariseFolds(folds),
    elapsedMs: Math.round(performance.now() - started),
  };
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`creditlab evaluate: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`creditlab evaluate failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
