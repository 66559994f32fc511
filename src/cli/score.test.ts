// `creditlab score` against the app's own batch scoring (src/worker/batch.ts, the reference): the
// same probability, points, decision, reasons and flags for every row of a file streamed in small
// chunks; missing columns; an encrypted model file; and memory that does not grow with the rows.
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { configOf, fakeWorkerHost, loadText, loanCsv, NEVER, networkRequest, scorecardRequest } from '../../test/support/workerFixtures';
import { decodeModelFile, encodeModelFile } from '../bundle/file';
import { batchCsv, scoreBatch } from '../worker/batch';
import { findModel } from '../worker/models';
import { train } from '../worker/training';
import type { CommandIo } from './command';
import { runCommand } from './outcome';
import { scoreCommand, scoreFile } from './score';

fakeWorkerHost();
const dir = mkdtempSync(join(tmpdir(), 'creditlab-score-'));

/** A command's streams as strings. */
function bufferIo(): CommandIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => ((out += s), true) } as unknown as CommandIo['stdout'],
    stderr: { write: (s: string) => ((err += s), true) } as unknown as CommandIo['stderr'],
    out: () => out,
    err: () => err,
  };
}

/**
 * 2,500 applicants to score, with what the batch flags: missing rates, text in the rate column (one
 * row in 15, so it is text in every chunk as in the whole file), an unseen home, a formula in the
 * extra column, and rates beyond training's.
 */
function applicantsCsv(): string {
  const lines = ['note,income,rate,home'];
  let seed = 11;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  for (let i = 0; i < 2500; i++) {
    const income = String(Math.round(15_000 + random() * 90_000));
    const rate = i % 50 === 3 ? '' : i % 15 === 7 ? 'lots' : i % 333 === 9 ? '40' : (5 + random() * 20).toFixed(2);
    const home = i % 97 === 1 ? 'castle' : ['RENT', 'OWN', 'MORTGAGE'][Math.floor(random() * 3)];
    const note = i % 250 === 0 ? '=HYPERLINK("http://x")' : `n${i}`;
    lines.push(`${note},${income},${rate},${home}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The app's batch CSV of `text` scored by model `modelId`, as its download writes it. */
async function appBatchCsv(modelId: Parameters<typeof scoreBatch>[1], text: string): Promise<string> {
  const { dataset } = await loadText(text, 'applicants.csv');
  const scored = await scoreBatch(dataset.id, modelId, () => undefined, NEVER);
  if (!scored.ok) throw new Error(scored.reason);
  const csv = batchCsv(scored.data.batchId);
  if (!csv.ok) throw new Error(csv.reason);
  return csv.data.map((chunk) => new TextDecoder().decode(chunk)).join('');
}

function rowsOf(csv: string): string[][] {
  return Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' }).data;
}

/** Every row of `ours` equals the app's: the probability to 1e-9, every other cell exactly. */
function expectSameRows(ours: string, app: string, { reasons = true } = {}): void {
  const a = rowsOf(ours);
  const b = rowsOf(app);
  expect(a[0]).toEqual(['note', 'income', 'rate', 'home', 'probability_of_bad', 'points', 'decision', 'reasons', 'flags']);
  expect(a).toHaveLength(b.length);
  const p = a[0].indexOf('probability_of_bad');
  const reasonsAt = a[0].indexOf('reasons');
  for (let r = 1; r < a.length; r++) {
    const mine = a[r];
    const theirs = b[r];
    if (theirs[p] === '') expect(mine[p], `row ${r}`).toBe('');
    else expect(Math.abs(Number(mine[p]) - Number(theirs[p])), `row ${r}`).toBeLessThanOrEqual(1e-9);
    for (let c = 0; c < mine.length; c++) {
      if (c === p) continue;
      if (c === reasonsAt && !reasons) expect(mine[c], `row ${r} reasons`).toBe('');
      else expect(mine[c], `row ${r} ${a[0][c]}`).toBe(theirs[c]);
    }
  }
}

const applicants = join(dir, 'applicants.csv');
beforeAll(() => writeFileSync(applicants, applicantsCsv()));

const MODELS = { boosted: join(dir, 'boosted.creditlab.json'), scorecard: join(dir, 'scorecard.creditlab.json') };
const modelIds: Partial<Record<keyof typeof MODELS, Parameters<typeof scoreBatch>[1]>> = {};
beforeAll(async () => {
  const { dataset, summary } = await loadText(loanCsv(7, 1200, 0.8));
  for (const kind of ['boosted', 'scorecard'] as const) {
    const request = kind === 'scorecard' ? scorecardRequest(configOf(summary)) : networkRequest(configOf(summary), { model: 'boosted' });
    const trained = await train(dataset, request, () => undefined, NEVER);
    if (!trained.ok) throw new Error(trained.reason);
    modelIds[kind] = trained.data.modelId;
    // The worker's own copy: the page's copy of a boosted bundle leaves its forests in the worker.
    const held = findModel(trained.data.modelId);
    if (!held.ok) throw new Error(held.reason);
    writeFileSync(MODELS[kind], await encodeModelFile(held.data.bundle));
  }
}, 120_000);

describe.each([
  ['boosted', false],
  ['scorecard', true],
] as const)('creditlab score with a %s model', (kind, noReasonsToo) => {
  const model = MODELS[kind];

  it("gives every row the app's batch probability, points, decision, reasons and flags, read in chunks of 1,024 rows", async () => {
    const out = join(dir, `${kind}.scored.csv`);
    const summary = await scoreFile({ model, csv: applicants, out, reasons: true, chunkRows: 1024 });
    expect(summary.rows).toBe(2500);
    const app = await appBatchCsv(modelIds[kind]!, readFileSync(applicants, 'utf8'));
    const ours = readFileSync(out, 'utf8');
    expectSameRows(ours, app);
    // The file does hold each kind of row the comparison is meant to cover.
    expect(ours).toContain(`"'=HYPERLINK(""http://x"")"`);
    for (const flag of ['MISSING', 'UNSEEN_LEVEL', 'OUTSIDE_TRAINED']) expect(ours).toContain(flag);
    // A row that cannot be scored: its flags, and no scores.
    expect(ours).toMatch(/,lots,\w+,,,,,[A-Z_ ]*NOT_A_NUMBER/);
    expect(ours).toMatch(/,(approve|decline),[a-z]+:[a-z-]+/);
    expect(existsSync(`${out}.partial`)).toBe(false);
  }, 120_000);

  it.skipIf(!noReasonsToo)(
    'gives the same scores with --no-reasons (and an empty reasons column)',
    async () => {
      const out = join(dir, `${kind}.fast.csv`);
      const io = bufferIo();
      const code = await runCommand(scoreCommand, ['--model', model, '--csv', applicants, '--out', out, '--no-reasons'], io);
      expect(code, io.err()).toBe(0);
      expectSameRows(readFileSync(out, 'utf8'), await appBatchCsv(modelIds[kind]!, readFileSync(applicants, 'utf8')), { reasons: false });
    },
    120_000,
  );
});

describe('creditlab score: what it refuses', () => {
  const model = MODELS.scorecard;
  const locked = join(dir, 'locked.creditlab.json');
  const pass = join(dir, 'pass.txt');
  beforeAll(async () => {
    const decoded = await decodeModelFile(new Uint8Array(readFileSync(model)));
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.problem));
    writeFileSync(locked, await encodeModelFile(decoded.data, { passphrase: 'correct horse' }));
    writeFileSync(pass, 'correct horse\n');
  }, 60_000);

  it('exits 1 naming every model column the file lacks, and writes nothing', async () => {
    const csv = join(dir, 'nocolumns.csv');
    writeFileSync(csv, 'id,income\n1,30000\n');
    const out = join(dir, 'never.csv');
    const io = bufferIo();
    const code = await runCommand(scoreCommand, ['--model', model, '--csv', csv, '--out', out], io);
    expect(code).toBe(1);
    expect(io.err()).toMatch(/lacks the model's input columns rate, home/);
    expect(existsSync(out)).toBe(false);
  });

  it('reads an encrypted model file with --passphrase-file, and exits 1 without it or with a wrong one', async () => {
    const csv = join(dir, 'fixture-applicants.csv');
    writeFileSync(csv, 'income,rate,home\n30000,22,RENT\n95000,,OWN\n61000,12,castle\n');
    const out = join(dir, 'unlocked.csv');
    const wrong = join(dir, 'wrong.txt');
    writeFileSync(wrong, 'wrong horse\n');
    const without = bufferIo();
    expect(await runCommand(scoreCommand, ['--model', locked, '--csv', csv, '--out', out], without)).toBe(1);
    expect(without.err()).toMatch(/passphrase/i);
    const mistaken = bufferIo();
    expect(await runCommand(scoreCommand, ['--model', locked, '--csv', csv, '--out', out, '--passphrase-file', wrong], mistaken)).toBe(1);
    expect(mistaken.err()).toMatch(/passphrase/i);
    const right = bufferIo();
    expect(await runCommand(scoreCommand, ['--model', locked, '--csv', csv, '--out', out, '--passphrase-file', pass], right), right.err()).toBe(0);
    const rows = rowsOf(readFileSync(out, 'utf8'));
    expect(rows).toHaveLength(4);
    // The encrypted and the plain file score alike.
    const plain = join(dir, 'plain.csv');
    expect(await runCommand(scoreCommand, ['--model', model, '--csv', csv, '--out', plain], bufferIo())).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(plain, 'utf8'));
  }, 60_000);

  it('exits 2 for a missing flag or an unknown one', async () => {
    const io = bufferIo();
    expect(await runCommand(scoreCommand, ['--model', model, '--csv', applicants], io)).toBe(2);
    expect(io.err()).toMatch(/--out is required/);
    expect(await runCommand(scoreCommand, ['--model', model, '--csv', applicants, '--out', 'x.csv', '--fast'], bufferIo())).toBe(2);
  });
});

describe('creditlab score memory', () => {
  it('holds about the same heap for 400,000 rows as for 40,000 (the rows are never all held)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const model = MODELS.scorecard;
    /** The largest heap (V8 and ArrayBuffers) left after a full collection at each chunk's end, above what was there before. */
    const peakGrowth = async (rows: number): Promise<number> => {
      const csv = join(dir, `memory-${rows}.csv`);
      const homes = ['OWN', 'RENT', 'castle', ''];
      const lines = ['id,income,rate,home,comment'];
      for (let i = 0; i < rows; i++) lines.push(`${i},${20_000 + ((i * 7919) % 80_000)},${i % 7 === 0 ? '' : 5 + (i % 20)},${homes[i % 4]},applicant number ${i} of the book`);
      writeFileSync(csv, `${lines.join('\n')}\n`);
      lines.length = 0;
      gc();
      const heap = () => {
        const m = process.memoryUsage();
        return m.heapUsed + m.arrayBuffers;
      };
      const before = heap();
      let peak = 0;
      await scoreFile({
        model,
        csv,
        out: join(dir, `memory-${rows}.scored.csv`),
        reasons: false,
        onChunk: () => {
          gc();
          peak = Math.max(peak, heap() - before);
        },
      });
      return peak;
    };
    const small = await peakGrowth(40_000);
    const large = await peakGrowth(400_000);
    // Holding the 360,000 extra rows (their table, or their output) would take over 30 MB (~90 output bytes a row);
    // the peak itself moves by a few MB from run to run (read and write buffers, the chunk in hand).
    expect(large - small).toBeLessThan(16 * 1024 * 1024);
  }, 120_000);
});
