/**
 * `npm run score`: scores a CSV of applicants with a model file exported by the app (or saved by
 * `npm run evaluate -- --save`), in Node, with the same code the app's worker scores with. The file
 * is checked as on import (schema, SHA-256 digest, reference applicants scored again) before any row
 * is scored. Writes CSV to stdout (or --out): the row number, the probability of bad, the points on
 * the model's scale, the decision at its cut-off and the columns outside a trained range.
 * Run: npm run score -- --model FILE.creditlab.json --csv APPLICANTS.csv [--passphrase-env NAME] [--out FILE] [--backend wasm|cpu] [--info]
 */
import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { decodeModelFile } from '../bundle/file';
import { problemMessage } from '../bundle/problemMessage';
import type { ModelBundle } from '../core/bundle/types';
import { readCsvBytes } from '../core/csv/readCsvBytes';
import type { ApplicantRecord } from '../core/features/preprocessor';
import { writeCsv, type CsvCell } from '../core/csv/writeCsv';
import { asProbability, pointsFromProbability } from '../core/scoring/points';
import { cellText, type Table } from '../core/table';
import { checkReferenceApplicants, disposeScorer, rulesOf, scoreApplicant, scorerOf } from '../worker/scorer';
import { useBackend } from './backend';

const USAGE = 'usage: npm run score -- --model FILE.creditlab.json --csv APPLICANTS.csv [--passphrase-env NAME] [--out FILE] [--backend wasm|cpu] [--info]';

/** A mistake in how the command was called (exit status 2). */
class UsageError extends Error {}

/** Reads and checks a model file as the app's import does; the passphrase of an encrypted file comes from an environment variable, never the command line (it would show in the process list and shell history). */
async function readModelFile(path: string, passphraseEnv?: string): Promise<ModelBundle> {
  const passphrase = passphraseEnv ? process.env[passphraseEnv] : undefined;
  if (passphraseEnv && !passphrase) throw new UsageError(`the environment variable ${passphraseEnv} is empty or not set`);
  const decoded = await decodeModelFile(new Uint8Array(readFileSync(path)), { passphrase });
  if (!decoded.ok) throw new UsageError(`${path}: ${problemMessage(decoded.problem)}`);
  return decoded.data;
}

/** The applicant in row `row` as the form would give it: every column's text, by header name. */
function recordOf(table: Table, row: number): ApplicantRecord {
  const record: Record<string, string> = {};
  for (const column of table.columns) record[column.name] = cellText(column, row);
  return record;
}

/** One line of facts about the model, for --info and stderr. */
function describe(bundle: ModelBundle): string {
  const auc = bundle.metrics.test?.metrics.auc ?? bundle.metrics.crossValidation?.meanAuc;
  const family =
    bundle.model.kind === 'network'
      ? `${bundle.model.network.kind} × ${bundle.model.members.length}`
      : bundle.model.kind === 'boosted'
        ? `boosted × ${bundle.model.forests.length}`
        : 'scorecard';
  return `${bundle.name}: ${family}, target ${bundle.schema.outcome.target} (bad = ${bundle.policy.badValue}), cut-off ${bundle.policy.cutoff}, AUC ${auc === undefined ? 'n/a' : auc.toFixed(4)}, created ${bundle.provenance.createdAt} by ${bundle.provenance.createdBy} ${bundle.provenance.appVersion}`;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      model: { type: 'string' },
      csv: { type: 'string' },
      'passphrase-env': { type: 'string' },
      out: { type: 'string' },
      backend: { type: 'string', default: 'wasm' },
      info: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.model) throw new UsageError(`--model is required\n${USAGE}`);
  if (values.backend !== 'wasm' && values.backend !== 'cpu') throw new UsageError(`--backend must be wasm or cpu (got "${values.backend}")`);
  await useBackend(values.backend, 'score');
  const bundle = await readModelFile(values.model, values['passphrase-env']);
  const scorer = await scorerOf(bundle.model);
  try {
    const problem = checkReferenceApplicants(scorer, bundle);
    if (problem) throw new UsageError(`${values.model}: ${problemMessage(problem)}`);
    if (values.info) {
      process.stdout.write(`${describe(bundle)}\n`);
      return;
    }
    if (!values.csv) throw new UsageError(`--csv is required (or --info)\n${USAGE}`);
    const read = await readCsvBytes(() => createReadStream(values.csv!, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>, statSync(values.csv).size);
    if (!read.ok) throw new UsageError(`${values.csv}: ${read.reason}`);
    const table = read.data.table;
    const names = new Set(table.columns.map((c) => c.name));
    const absent = bundle.schema.columns.filter((c) => !names.has(c.name)).map((c) => c.name);
    if (absent.length > 0) throw new UsageError(`${values.csv} lacks the model's input column${absent.length === 1 ? '' : 's'} ${absent.join(', ')}`);
    const rules = rulesOf(bundle);
    const rows: CsvCell[][] = [];
    let declined = 0;
    let failed = 0;
    for (let row = 0; row < table.rowCount; row++) {
      const scored = scoreApplicant(scorer, rules, recordOf(table, row), bundle.policy.scale);
      if (!scored.ok) {
        failed++;
        rows.push([row + 1, null, null, null, null, null, scored.reason]);
        continue;
      }
      const p = scored.data.probabilityOfBad;
      const decline = p >= bundle.policy.cutoff;
      if (decline) declined++;
      const outside = scored.data.outsideTrainedRange.map((o) => o.column).join(' ');
      // Reasons as codes a program can read: "column:code" per reason, the strongest first.
      const reasons = (scored.data.reasons ?? []).map((r) => `${r.column}:${r.code}`).join(' ');
      rows.push([row + 1, p, pointsFromProbability(asProbability(p), bundle.policy.scale).toFixed(1), decline ? 'decline' : 'approve', outside, reasons, null]);
    }
    const csv = writeCsv(['row', 'probability_of_bad', 'points', 'decision', 'outside_trained_range', 'reasons', 'problem'], rows);
    if (values.out) writeFileSync(values.out, csv);
    else process.stdout.write(csv);
    process.stderr.write(`${describe(bundle)}\nscored ${table.rowCount - failed} of ${table.rowCount} rows: ${declined} declined at the cut-off, ${failed} not scored\n`);
  } finally {
    disposeScorer(scorer);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`creditlab score: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`creditlab score failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
