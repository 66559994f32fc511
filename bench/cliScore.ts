// `creditlab score` throughput (part "cli-score" of `npm run bench`, or alone: npx tsx bench/cliScore.ts
// [--rows N] [--reason-rows N] [--mlp-reason-rows N] [--peer-rows N] [--models boosted,mlp,scorecard]): boosted, MLP and
// scorecard models trained by `creditlab train` on ../shared/data/credit_risk_dataset.csv (else the
// sample book), and an applicants file of N rows (default 1,000,000) made by repeating its rows
// without the outcome. Each model streams the file without reasons, then the first --reason-rows
// rows with reasons; the peer is the old whole-file `npm run score` path (the whole table read, each
// row scored alone with reasons, one CSV string written), in this process, on the first --peer-rows
// rows. Prints rows/s and ratios; never fails on a time.
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { readModelFile } from '../src/cli/command';
import { useBackend } from '../src/cli/backend';
import { scoreFile } from '../src/cli/score';
import { readCsvBytes } from '../src/core/csv/readCsvBytes';
import { writeCsv, type CsvCell } from '../src/core/csv/writeCsv';
import { asProbability, pointsFromProbability } from '../src/core/scoring/points';
import { cellText } from '../src/core/table';
import { disposeScorer, rulesOf, scoreApplicant, scorerOf } from '../src/worker/scorer';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'bench', 'out', 'cli-score');
const option = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
};
const ROWS = Number(option('rows', '1000000'));
const REASON_ROWS = Math.min(ROWS, Number(option('reason-rows', '100000')));
const PEER_ROWS = Math.min(ROWS, Number(option('peer-rows', '20000')));
const MLP_REASON_ROWS = Math.min(REASON_ROWS, Number(option('mlp-reason-rows', '2000')));
const MODELS = option('models', 'boosted,mlp,scorecard').split(',') as ('boosted' | 'mlp' | 'scorecard')[];
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The training file and its outcome column. */
function trainingFile(): { path: string; target: string } {
  const credit = join(root, '..', 'shared', 'data', 'credit_risk_dataset.csv');
  return existsSync(credit) ? { path: credit, target: 'loan_status' } : { path: join(root, 'public', 'sample-loan-book.csv'), target: 'default' };
}

/** The training file's rows without the outcome, repeated to `rows` rows (written once; a file per size). */
function applicantsFile(rows: number): string {
  const { path, target } = trainingFile();
  const file = join(out, `applicants-${rows}.csv`);
  if (existsSync(file)) return file;
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  // Commas inside a quoted cell do not split it.
  const cellsOf = (line: string) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  const drop = cellsOf(lines[0]).indexOf(target);
  const without = (line: string) =>
    cellsOf(line)
      .filter((_, i) => i !== drop)
      .join(',');
  const body = lines.slice(1).map(without);
  const text: string[] = [without(lines[0])];
  for (let i = 0; i < rows; i++) text.push(body[i % body.length]);
  writeFileSync(file, `${text.join('\n')}\n`);
  return file;
}

/** The model file of `model`, trained by `creditlab train` (2 folds) the first time, in its own process (training's tfjs memory is not this one's). */
function modelFile(model: string): string {
  const file = join(out, `${model}.creditlab.json`);
  if (existsSync(file)) return file;
  const { path, target } = trainingFile();
  const run = spawnSync(process.execPath, [join(root, 'bin', 'creditlab.mjs'), 'train', '--csv', path, '--target', target, '--model', model, '--folds', '2', '--out', file], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`creditlab train --model ${model} failed (${run.status})`);
  return file;
}

/** The peer: the old `npm run score` (before streaming): the whole file read into one table, each row scored alone (with reasons), one CSV string. */
async function wholeFilePeer(model: string, csv: string, outPath: string): Promise<number> {
  const started = performance.now();
  const bundle = await readModelFile(model);
  const scorer = await scorerOf(bundle.model);
  try {
    const read = await readCsvBytes(() => createReadStream(csv, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>, statSync(csv).size);
    if (!read.ok) throw new Error(read.reason);
    const table = read.data.table;
    const rules = rulesOf(bundle);
    const rows: CsvCell[][] = [];
    for (let row = 0; row < table.rowCount; row++) {
      const record: Record<string, string> = {};
      for (const column of table.columns) record[column.name] = cellText(column, row);
      const scored = scoreApplicant(scorer, rules, record, bundle.policy.scale);
      if (!scored.ok) {
        rows.push([row + 1, null, null, null, null, null, scored.reason]);
        continue;
      }
      const p = scored.data.probabilityOfBad;
      const outside = scored.data.outsideTrainedRange.map((o) => o.column).join(' ');
      const reasons = (scored.data.reasons ?? []).map((r) => `${r.column}:${r.code}`).join(' ');
      rows.push([row + 1, p, pointsFromProbability(asProbability(p), bundle.policy.scale).toFixed(1), p >= bundle.policy.cutoff ? 'decline' : 'approve', outside, reasons, null]);
    }
    writeFileSync(outPath, writeCsv(['row', 'probability_of_bad', 'points', 'decision', 'outside_trained_range', 'reasons', 'problem'], rows));
    return performance.now() - started;
  } finally {
    disposeScorer(scorer);
  }
}

/** Rows/s of `creditlab score` on `csv` (its own elapsed time: model load, check, read, score, write). */
async function streamed(model: string, csv: string, reasons: boolean): Promise<{ rowsPerSecond: number; rows: number; ms: number }> {
  const summary = await scoreFile({ model, csv, out: join(out, 'scored.csv'), reasons });
  return { rowsPerSecond: summary.rows / (summary.elapsedMs / 1000), rows: summary.rows, ms: summary.elapsedMs };
}

/** Runs the benchmark and prints its table; the figures, for bench/run.mjs's JSON. */
export async function benchCliScore(): Promise<Record<string, unknown>> {
  mkdirSync(out, { recursive: true });
  await useBackend('wasm', 'bench');
  const big = applicantsFile(ROWS);
  const reasonFile = applicantsFile(REASON_ROWS);
  const peerFile = applicantsFile(PEER_ROWS);
  const mlpReasonFile = applicantsFile(MLP_REASON_ROWS);
  console.log(`\n## creditlab score (streamed) vs the old whole-file npm run score\n`);
  console.log(`${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} at the start; Node ${process.version}; tfjs wasm for the MLP.`);
  console.log(
    `file: ${big} (${fmt(statSync(big).size / 1e6, 1)} MB, ${fmt(ROWS)} rows); with reasons: the first ${fmt(REASON_ROWS)} (MLP ${fmt(MLP_REASON_ROWS)}); peer: the first ${fmt(PEER_ROWS)}.\n`,
  );
  const results: Record<string, unknown> = {};
  const table: string[][] = [];
  for (const kind of MODELS) {
    const model = modelFile(kind);
    const fast = await streamed(model, big, false);
    // A network's reasons are integrated gradients, some hundreds of rows a second: a shorter file keeps the run bounded.
    const explained = await streamed(model, kind === 'mlp' ? mlpReasonFile : reasonFile, true);
    // The peer scores each row alone with reasons: for a network, as few rows as its streamed reasons.
    const peerRows = kind === 'mlp' ? Math.min(PEER_ROWS, MLP_REASON_ROWS) : PEER_ROWS;
    const peerMs = await wholeFilePeer(model, kind === 'mlp' ? applicantsFile(peerRows) : peerFile, join(out, 'peer.csv'));
    const peerRowsPerSecond = peerRows / (peerMs / 1000);
    results[kind] = { fast, explained, peer: { rows: peerRows, ms: peerMs, rowsPerSecond: peerRowsPerSecond } };
    table.push([
      kind,
      fmt(fast.rowsPerSecond),
      `${fmt(fast.rowsPerSecond / 200_000, 2)}×`,
      fmt(explained.rowsPerSecond),
      `${fmt(fast.rowsPerSecond / explained.rowsPerSecond, 1)}×`,
      fmt(peerRowsPerSecond),
      `${fmt(explained.rowsPerSecond / peerRowsPerSecond, 1)}×`,
    ]);
  }
  const headers = ['model', 'rows/s, no reasons', 'vs 200,000 goal', 'rows/s, reasons', 'cost of reasons', 'peer rows/s (reasons)', 'streamed (reasons) vs peer'];
  const widths = headers.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(headers));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const row of table) console.log(line(row));
  console.log(`\nrows/s are each run's own elapsed time (model load and check, read, score, write), one run each; the machine's other load counts in them.`);
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchCliScore();
