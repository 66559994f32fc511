/**
 * `creditlab evaluate` (and `npm run evaluate`): headless evaluation with the app's own core
 * (reading, cleaning, features, k-fold, metrics) and model code, with tfjs on wasm or its pure-JS
 * backend in Node. Prints JSON to stdout. `--save FILE` also trains the model on every cleaned row
 * and writes its bundle, the file the app imports; `creditlab train` is that with a short report.
 */
import { useBackend } from './backend';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { proposeCleaningPlan } from '../core/clean/plan';
import { badOutcome, guessPositiveValue } from '../core/columns/target';
import { readCsvBytes } from '../core/csv/readCsvBytes';
import { prepareFolds } from '../core/pipeline';
import { profileTable } from '../core/profile/profileTable';
import type { NumericEncoding } from '../core/features/preprocessor';
import { DEFAULT_MODEL, DEFAULT_NETWORK, DEFAULT_NUMERIC_ENCODING, defaultSettingsFor } from '../model/defaults';
import type { TrainSettings } from '../model/train';
import { evaluateFold, summariseFolds, type FoldReport } from './foldReport';
import { modelFileBytes, trainFinalBundle } from './saveBundle';
import { evaluateBoostedFold } from './boostedFold';
import { characteristicsOf, evaluateScorecardFold, type CharacteristicReport } from './scorecardFold';
import { DEFAULT_BOOSTING } from '../core/boosting/types';
import type { ModelBundle } from '../core/bundle/types';
import { EXIT, InputError, readPassphraseFile, UsageError, type Command } from './command';
import { parseFlags, required } from './flags';
import { runIfScript } from './outcome';

const USAGE =
  'usage: creditlab evaluate --csv FILE --target COLUMN [--positive VALUE] [--seed N] [--folds K] [--model boosted|mlp|logistic|scorecard] [--epochs N] [--learning-rate R] [--batch-size N] [--hidden-units N[,N...]] [--class-weights auto|on|off] [--validation auto|holdout|cross-fit[:K]] [--encoding auto|standard|ple] [--indicators on|off] [--backend wasm|cpu] [--summary] [--save FILE.creditlab.json [--passphrase-file F | --passphrase-env NAME]]';

/** The flags both evaluate and train take. */
const FLAGS = {
  csv: { type: 'string' },
  target: { type: 'string' },
  positive: { type: 'string' },
  seed: { type: 'string', default: '42' },
  folds: { type: 'string', default: '5' },
  model: { type: 'string', default: DEFAULT_MODEL },
  epochs: { type: 'string' },
  'learning-rate': { type: 'string' },
  'batch-size': { type: 'string' },
  'hidden-units': { type: 'string' },
  'class-weights': { type: 'string', default: 'auto' },
  backend: { type: 'string', default: 'wasm' },
  summary: { type: 'boolean', default: false },
  validation: { type: 'string', default: 'auto' },
  encoding: { type: 'string', default: DEFAULT_NUMERIC_ENCODING },
  indicators: { type: 'string', default: 'on' },
  save: { type: 'string' },
  'passphrase-env': { type: 'string' },
  'passphrase-file': { type: 'string' },
} as const;

/** The command line of `creditlab evaluate` (or, with `usage` and `extra`, of train), checked; UsageError for a mistake. */
function parseCommandLine(argv: readonly string[], usage = USAGE) {
  const parsed = parseFlags(argv, FLAGS, usage).values;
  if (!parsed.csv) throw new UsageError(`--csv is required\n${usage}`);
  if (!parsed.target) throw new UsageError(`--target is required\n${usage}`);
  const integer = (name: string, text: string, min: number) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) throw new UsageError(`--${name} must be a whole number ≥ ${min} (got "${text}")`);
    return value;
  };
  if (!['boosted', 'mlp', 'logistic', 'scorecard'].includes(parsed.model!)) throw new UsageError(`--model must be boosted, mlp, logistic or scorecard (got "${parsed.model}")`);
  const classWeights = parsed['class-weights']!;
  if (!['auto', 'on', 'off'].includes(classWeights)) throw new UsageError(`--class-weights must be auto, on or off (got "${classWeights}")`);
  if (parsed.backend !== 'wasm' && parsed.backend !== 'cpu') throw new UsageError(`--backend must be wasm or cpu (got "${parsed.backend}")`);
  const validation = parsed.validation!;
  const validationMatch = /^(auto|holdout|cross-fit)(?::(\d+))?$/.exec(validation);
  if (!validationMatch) throw new UsageError(`--validation must be auto, holdout or cross-fit[:K] (got "${validation}")`);
  if (!['auto', 'standard', 'ple'].includes(parsed.encoding!)) throw new UsageError(`--encoding must be auto, standard or ple (got "${parsed.encoding}")`);
  if (parsed.indicators !== 'on' && parsed.indicators !== 'off') throw new UsageError(`--indicators must be on or off (got "${parsed.indicators}")`);
  const rate = parsed['learning-rate'];
  if (rate !== undefined && !(Number(rate) > 0 && Number(rate) <= 1)) throw new UsageError(`--learning-rate must be a number in (0, 1] (got "${rate}")`);
  const hidden = parsed['hidden-units'];
  return {
    csv: parsed.csv,
    target: parsed.target,
    positive: parsed.positive,
    seed: integer('seed', parsed.seed!, 0),
    folds: integer('folds', parsed.folds!, 2),
    model: parsed.model as 'boosted' | 'mlp' | 'logistic' | 'scorecard',
    epochs: parsed.epochs === undefined ? undefined : integer('epochs', parsed.epochs, 1),
    learningRate: rate === undefined ? undefined : Number(rate),
    batchSize: parsed['batch-size'] === undefined ? undefined : integer('batch-size', parsed['batch-size'], 1),
    hiddenUnits: hidden === undefined ? undefined : hidden.split(',').map((units) => integer('hidden-units', units.trim(), 1)),
    classWeights: classWeights as 'auto' | 'on' | 'off',
    backend: parsed.backend as 'wasm' | 'cpu',
    summary: parsed.summary === true,
    encoding: parsed.encoding as NumericEncoding | 'auto',
    indicators: parsed.indicators === 'on',
    save: parsed.save,
    passphraseEnv: parsed['passphrase-env'],
    passphraseFile: parsed['passphrase-file'],
    validation:
      validationMatch[1] === 'auto'
        ? ('auto' as const)
        : validationMatch[1] === 'holdout'
          ? ({ kind: 'holdout', fraction: 0.1 } as const)
          : ({ kind: 'cross-fit', folds: Number(validationMatch[2] ?? 5) } as const),
  };
}

/** What an evaluation printed (the JSON) and, with --save, the bundle it wrote. */
interface Evaluated {
  readonly output: Record<string, unknown>;
  readonly saved: ModelBundle | null;
}

/** The passphrase for an encrypted --save: from a file or an environment variable, never the command line (process list, shell history). */
function savePassphrase(args: ReturnType<typeof parseCommandLine>): string | undefined {
  if (args.passphraseEnv && args.passphraseFile) throw new UsageError('give --passphrase-file or --passphrase-env, not both');
  if ((args.passphraseEnv || args.passphraseFile) && !args.save) throw new UsageError(`${args.passphraseFile ? '--passphrase-file' : '--passphrase-env'} needs --save`);
  if (args.passphraseFile) return readPassphraseFile(args.passphraseFile);
  const passphrase = args.passphraseEnv ? process.env[args.passphraseEnv] : undefined;
  if (args.passphraseEnv && !passphrase) throw new UsageError(`the environment variable ${args.passphraseEnv} is empty or not set`);
  return passphrase;
}

/** Runs the folds (and the final fit with --save); `log` hears the per-fold lines of --summary and the saved-file line. */
async function evaluateFile(args: ReturnType<typeof parseCommandLine>, log: (line: string) => void): Promise<Evaluated> {
  if (!existsSync(args.csv) || !statSync(args.csv).isFile()) throw new InputError(`file not found: ${args.csv}`);
  const started = performance.now();
  const passphrase = savePassphrase(args);
  await useBackend(args.backend, 'evaluate');

  const read = await readCsvBytes(() => createReadStream(args.csv, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>, statSync(args.csv).size);
  if (!read.ok) throw new InputError(`${args.csv}: ${read.reason}`);
  const { table, notes } = read.data;
  const columns = profileTable(table, { unnamedColumns: notes.unnamedColumns });
  const target = columns.find((c) => c.name === args.target);
  if (!target) throw new InputError(`column "${args.target}" is not in ${args.csv} (columns: ${columns.map((c) => c.name).join(', ')})`);
  if (!target.values || target.values.length !== 2) throw new InputError(`column "${args.target}" has ${target.distinct} distinct values; the target needs exactly two`);
  const positive = args.positive ?? guessPositiveValue(target.values);
  if (!target.values.includes(positive)) throw new InputError(`--positive "${positive}" is not a value of "${args.target}" (values: ${target.values.join(', ')})`);
  const negative = target.values.find((v) => v !== positive)!;

  const proposed = proposeCleaningPlan(columns, args.target, positive, negative);
  // --indicators off: no "was missing" input for any column (the app's plan can turn each off).
  const plan = args.indicators ? proposed : { ...proposed, columns: proposed.columns.map((column) => ({ ...column, indicator: false })) };
  const positiveIsBad = positive === badOutcome(args.target, positive, negative);
  // Trees split on values: any monotone encoding gives the same trees, and standardised is the narrowest.
  const encoding = args.model === 'boosted' ? 'standard' : args.encoding;
  const prepared = prepareFolds(table, { ...plan, folds: args.folds, seed: args.seed, validation: args.validation, decimal: notes.decimal, numericEncoding: encoding });
  if (!prepared.ok) throw new InputError(prepared.reason);
  const { report } = prepared.data;
  const network = {
    ...DEFAULT_NETWORK,
    kind: args.model === 'logistic' ? ('logistic' as const) : ('mlp' as const),
    seed: args.seed,
    ...(args.hiddenUnits ? { hiddenUnits: args.hiddenUnits } : {}),
  };
  let characteristics: CharacteristicReport[] | undefined;

  const folds: FoldReport[] = [];
  let settings: TrainSettings | null = null;
  for (let index = 0; index < args.folds; index++) {
    const fold = prepared.data.prepareFold(index);
    if (!fold.ok) throw new InputError(`fold ${index + 1}: ${fold.reason}`);
    if (args.model === 'boosted') {
      const result = evaluateBoostedFold(index + 1, fold.data, positiveIsBad, args.seed);
      folds.push(result);
      if (args.summary)
        log(
          `fold ${index + 1}: AUC ${result.auc}, log loss ${result.logloss}, ECE ${result.ece}, trees ${result.bestEpochs.join('/')}, ${result.calibration}, ${result.trainMs} ms`,
        );
      continue;
    }
    if (args.model === 'scorecard') {
      const { report: result, scorecard } = evaluateScorecardFold(index + 1, fold.data, positiveIsBad);
      // The first fold's characteristics stand for all: each fold bins its own training rows.
      characteristics ??= characteristicsOf(scorecard);
      folds.push(result);
      if (args.summary)
        log(
          `fold ${index + 1}: AUC ${result.auc}, log loss ${result.logloss}, ECE ${result.ece}, ${result.features.length} characteristics, ${result.calibration}, ${result.trainMs} ms`,
        );
      continue;
    }
    // Defaults follow each fold's training rows, as the app's follow its own training rows.
    const trainPositives = Math.round(fold.data.trainPositiveRate * fold.data.train.rows);
    const defaults = defaultSettingsFor(fold.data.train.rows, trainPositives, fold.data.validation);
    settings = {
      ...defaults,
      seed: args.seed,
      ...settingsOverrides(args),
    };
    const result = await evaluateFold(index + 1, fold.data, network, settings, positiveIsBad);
    folds.push(result);
    if (args.summary)
      log(
        `fold ${index + 1}: AUC ${result.auc}, log loss ${result.logloss}, ECE ${result.ece}, epochs ${result.epochsRun.join('/')}, ${result.calibration}, ${result.trainMs} ms\n`,
      );
  }

  const output = {
    file: args.csv,
    target: args.target,
    positive,
    negative,
    bad: positiveIsBad ? positive : negative,
    rows: { before: report.rowsBefore, after: report.rowsAfter, positives: report.positives, negatives: report.negatives },
    features: folds[0]?.features ?? [],
    identifiers: columns.filter((c) => c.role === 'identifier').map((c) => c.name),
    model:
      args.model === 'scorecard'
        ? { kind: 'scorecard', seed: args.seed }
        : args.model === 'boosted'
          ? { kind: 'boosted', seed: args.seed, encoding: 'standard', ...DEFAULT_BOOSTING }
          : { ...network, ...settings, encoding: args.encoding, backend: tf.getBackend() },
    ...(characteristics ? { characteristics } : {}),
    folds,
    ...summariseFolds(folds),
    elapsedMs: Math.round(performance.now() - started),
  };
  let saved: ModelBundle | null = null;
  if (args.save) {
    const bundle = await trainFinalBundle({
      table,
      file: { name: basename(args.csv), sizeBytes: statSync(args.csv).size, sha256: createHash('sha256').update(readFileSync(args.csv)).digest('hex') },
      prepare: { ...plan, seed: args.seed, validation: args.validation, decimal: notes.decimal, numericEncoding: encoding },
      model: args.model,
      network,
      overrides: settingsOverrides(args),
      positiveIsBad,
      folds,
      appVersion: JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version,
    });
    writeFileSync(args.save, await modelFileBytes(bundle, passphrase));
    log(`saved "${bundle.name}" (trained on all ${bundle.provenance.rows.train} cleaned rows${passphrase ? ', encrypted' : ''}) to ${args.save}`);
    saved = bundle;
  }
  return { output: { ...output, elapsedMs: Math.round(performance.now() - started), ...(args.save ? { saved: args.save } : {}) }, saved };
}

/** The command's changes to the data-size defaults, as the folds and the saved model both apply them. */
function settingsOverrides(args: ReturnType<typeof parseCommandLine>): Partial<TrainSettings> {
  return {
    ...(args.classWeights === 'auto' ? {} : { classWeights: args.classWeights === 'on' }),
    ...(args.epochs ? { epochs: args.epochs } : {}),
    ...(args.learningRate ? { learningRate: args.learningRate } : {}),
    ...(args.batchSize ? { batchSize: args.batchSize } : {}),
  };
}

/** `creditlab evaluate`. */
export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'cross-validate a model on a CSV (JSON report); --save also writes its model file',
  help: `${USAGE}

Reads the CSV, cleans it as the app proposes, and evaluates the model by k-fold cross-validation with
the app's own code. Prints a JSON report (per fold and mean AUC, KS, log loss, ECE, ...) on stdout.
  --model boosted|mlp|logistic|scorecard   the model family (default ${DEFAULT_MODEL})
  --folds K, --seed N                      cross-validation folds (default 5) and seed (default 42)
  --summary                                one line per fold on stderr
  --save FILE.creditlab.json               also train on every cleaned row and write the model file
  --passphrase-file F | --passphrase-env NAME   encrypt the saved file with this passphrase
Exit status: 0 done, 1 a file or column that cannot be used, 2 a usage mistake.`,
  async run(argv, io) {
    const args = parseCommandLine(argv);
    const { output } = await evaluateFile(args, (line) => io.stderr.write(`${args.save && line.startsWith('saved') ? 'creditlab evaluate: ' : ''}${line}\n`));
    io.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return EXIT.ok;
  },
};

const TRAIN_USAGE =
  'usage: creditlab train --csv IN --target COL --out FILE.creditlab.json [--passphrase-file F] [--positive VALUE] [--model boosted|mlp|logistic|scorecard] [--folds K] [--seed N] [any other evaluate flag]';

/** `creditlab train`. */
export const trainCommand: Command = {
  name: 'train',
  summary: 'train a model on a CSV and write its model file (the app imports it)',
  help: `${TRAIN_USAGE}

Trains as the app does: the folds measure the model (stored as its cross-validation), then it is
trained once more on every cleaned row and written as the one-file bundle the app exports, checked by
loading it back. Prints the file, its model and its cross-validated AUC.
  --out FILE.creditlab.json   where the model file goes
  --passphrase-file F         encrypt it with the passphrase in F (its first line)
Takes every flag of creditlab evaluate (see creditlab evaluate --help) except --save and --summary.
Exit status: 0 done, 1 a file or column that cannot be used, 2 a usage mistake.`,
  async run(argv, io) {
    const { values } = parseFlags(argv, { ...FLAGS, out: { type: 'string' } }, TRAIN_USAGE);
    if (values.save !== undefined || values.summary) throw new UsageError(`train takes --out, not --save or --summary\n${TRAIN_USAGE}`);
    const out = required('out', values.out, TRAIN_USAGE);
    const rest = withoutFlag(argv, '--out');
    const args = parseCommandLine([...rest, '--save', out], TRAIN_USAGE);
    const { output, saved } = await evaluateFile(args, (line) => io.stderr.write(`creditlab train: ${line}\n`));
    const mean = output.mean as { auc?: number } | undefined;
    io.stdout.write(
      `${JSON.stringify({ saved: out, name: saved?.name, model: saved?.model.kind, rows: saved?.provenance.rows.train, crossValidatedAuc: mean?.auc, encrypted: args.passphraseFile !== undefined || args.passphraseEnv !== undefined }, null, 2)}\n`,
    );
    return EXIT.ok;
  },
};

/** `argv` without `flag` and its value (either "--flag value" or "--flag=value"). */
function withoutFlag(argv: readonly string[], flag: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === flag) i++;
    else if (!argv[i].startsWith(`${flag}=`)) out.push(argv[i]);
  }
  return out;
}

runIfScript(import.meta.url, evaluateCommand);
