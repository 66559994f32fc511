// The same bundle headless, both ways: `creditlab evaluate --save` and `creditlab train` write the
// file the app imports (checked as an import checks it), and `creditlab score` reads a file the
// app's worker exported and scores as the worker does. The commands run as a user runs them
// (`node bin/creditlab.mjs`, the package's bin, in a subprocess).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeModelFile, encodeModelFile } from '../bundle/file';
import type { ModelBundle } from '../core/bundle/types';
import { score } from '../worker/scoring';
import { configOf, fakeWorkerHost, loadText, loanCsv, networkRequest, NEVER } from '../../test/support/workerFixtures';
import { train } from '../worker/training';

const run = promisify(execFile);

/** Runs `creditlab <name> …` through the package's bin; exit status and output. */
async function command(name: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/creditlab.mjs', name, ...args], { maxBuffer: 1 << 24, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The probability column of `creditlab score`'s output file, by row. */
function probabilitiesOf(file: string): number[] {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\r\n');
  expect(header).toBe('id,income,rate,home,probability_of_bad,points,decision,reasons,flags');
  return lines.map((line) => Number(line.split(',')[4]));
}

const APPLICANTS = [
  { income: '30000', rate: '22', home: 'RENT' },
  { income: '95000', rate: '6', home: 'OWN' },
  { income: '61000', rate: '', home: 'MORTGAGE' },
  { income: '45000.5', rate: '12.25', home: 'castle' },
];
const APPLICANTS_CSV = `id,income,rate,home\n${APPLICANTS.map((a, i) => `${i},${a.income},${a.rate},${a.home}`).join('\n')}\n`;

const dir = mkdtempSync(join(tmpdir(), 'creditlab-cli-'));
const bookPath = join(dir, 'book.csv');
const applicantsPath = join(dir, 'applicants.csv');

beforeAll(() => {
  writeFileSync(bookPath, loanCsv(11, 500, 1));
  writeFileSync(applicantsPath, APPLICANTS_CSV);
});

describe('creditlab evaluate --save and creditlab train', () => {
  it('writes a bundle trained on every cleaned row, with the folds as its cross-validation, that creditlab score reads back', async () => {
    const file = join(dir, 'saved.creditlab.json');
    const evaluated = await command('evaluate', [
      '--csv',
      bookPath,
      '--target',
      'default',
      '--model',
      'logistic',
      '--folds',
      '2',
      '--epochs',
      '3',
      '--backend',
      'cpu',
      '--save',
      file,
    ]);
    expect(evaluated.code, evaluated.stderr).toBe(0);
    const output = JSON.parse(evaluated.stdout);
    const decoded = await decodeModelFile(new Uint8Array(readFileSync(file)));
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.problem));
    const bundle: ModelBundle = decoded.data;
    // The file named in the provenance is the file read (node:crypto hashes it independently).
    expect(bundle.provenance.trainingFile.sha256).toBe(createHash('sha256').update(readFileSync(bookPath)).digest('hex'));
    expect(bundle.provenance.createdBy).toBe('cli');
    // Every cleaned row trained, none held out; the folds' figures stand as its evaluation.
    expect(bundle.provenance.rows).toMatchObject({ kept: output.rows.after, train: output.rows.after, test: 0 });
    expect(bundle.metrics.test).toBeNull();
    expect(bundle.metrics.crossValidation?.folds).toHaveLength(2);
    expect(bundle.metrics.crossValidation?.meanAuc).toBeCloseTo(output.mean.auc, 4);
    expect(bundle.model.kind === 'network' && bundle.model.network.kind).toBe('logistic');

    const scoredPath = join(dir, 'saved.scored.csv');
    const scored = await command('score', ['--model', file, '--csv', applicantsPath, '--out', scoredPath, '--backend', 'cpu']);
    expect(scored.code, scored.stderr).toBe(0);
    const probabilities = probabilitiesOf(scoredPath);
    expect(probabilities).toHaveLength(APPLICANTS.length);
    // A logistic regression is monotone in each input: the low-income, high-rate renter is riskier than the high-income owner.
    expect(probabilities[0]).toBeGreaterThan(probabilities[1]);
  }, 120_000);

  it('train encrypts the file with --passphrase-file; score refuses it without or with a wrong passphrase (exit 1)', async () => {
    const file = join(dir, 'locked.creditlab.json');
    const right = join(dir, 'right.txt');
    const wrong = join(dir, 'wrong.txt');
    writeFileSync(right, 'correct horse\n');
    writeFileSync(wrong, 'wrong horse\n');
    const saved = await command('train', [
      '--csv',
      bookPath,
      '--target',
      'default',
      '--model',
      'logistic',
      '--folds',
      '2',
      '--epochs',
      '2',
      '--backend',
      'cpu',
      '--out',
      file,
      '--passphrase-file',
      right,
    ]);
    expect(saved.code, saved.stderr).toBe(0);
    expect(JSON.parse(saved.stdout)).toMatchObject({ saved: file, model: 'network', encrypted: true });
    expect(JSON.parse(readFileSync(file, 'utf8')).encryption.iterations).toBe(600_000);
    const out = join(dir, 'locked.scored.csv');
    const without = await command('score', ['--model', file, '--csv', applicantsPath, '--out', out, '--backend', 'cpu']);
    expect(without.code).toBe(1);
    expect(without.stderr).toMatch(/passphrase/i);
    const mistaken = await command('score', ['--model', file, '--csv', applicantsPath, '--out', out, '--backend', 'cpu', '--passphrase-file', wrong]);
    expect(mistaken.code).toBe(1);
    expect(mistaken.stderr).toMatch(/passphrase/i);
    const unlocked = await command('score', ['--model', file, '--csv', applicantsPath, '--out', out, '--backend', 'cpu', '--passphrase-file', right]);
    expect(unlocked.code, unlocked.stderr).toBe(0);
    expect(probabilitiesOf(out)).toHaveLength(APPLICANTS.length);
  }, 120_000);
});

describe('creditlab score on a file the app exported', () => {
  it("gives the worker's probabilities to 1e-6", async () => {
    fakeWorkerHost();
    await tf.setBackend('cpu');
    const { dataset, summary } = await loadText(loanCsv(7, 600, 1), 'book.csv');
    const result = await train(dataset, networkRequest(configOf(summary)), () => undefined, NEVER);
    if (!result.ok) throw new Error(result.reason);
    const file = join(dir, 'app.creditlab.json');
    writeFileSync(file, await encodeModelFile(result.data.bundle));
    const expected = APPLICANTS.map((record) => {
      const scored = score(result.data.modelId, record);
      if (!scored.ok) throw new Error(scored.reason);
      return scored.data.probabilityOfBad;
    });
    const out = join(dir, 'app.scored.csv');
    const scored = await command('score', ['--model', file, '--csv', applicantsPath, '--out', out, '--backend', 'cpu']);
    expect(scored.code, scored.stderr).toBe(0);
    const probabilities = probabilitiesOf(out);
    probabilities.forEach((p, i) => expect(Math.abs(p - expected[i])).toBeLessThan(1e-6));
  }, 120_000);
});
