// The same bundle headless, both ways: `npm run evaluate -- --save` writes the file the app imports
// (checked as an import checks it), and `npm run score` reads a file the app's worker exported and
// scores as the worker does. The commands run as a user runs them (tsx subprocesses).
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

/** Runs `npx tsx src/cli/<script>.ts …`; exit status and output. */
async function command(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', `src/cli/${script}.ts`, ...args], { maxBuffer: 1 << 24, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The probability column of `npm run score`'s CSV, by row. */
function probabilitiesOf(csv: string): number[] {
  const [header, ...lines] = csv.trim().split('\r\n');
  expect(header).toBe('row,probability_of_bad,points,decision,outside_trained_range,reasons,problem');
  return lines.map((line) => Number(line.split(',')[1]));
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

describe('npm run evaluate -- --save', () => {
  it('writes a bundle trained on every cleaned row, with the folds as its cross-validation, that npm run score reads back', async () => {
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

    const scored = await command('score', ['--model', file, '--csv', applicantsPath, '--backend', 'cpu']);
    expect(scored.code, scored.stderr).toBe(0);
    const probabilities = probabilitiesOf(scored.stdout);
    expect(probabilities).toHaveLength(APPLICANTS.length);
    // A logistic regression is monotone in each input: the low-income, high-rate renter is riskier than the high-income owner.
    expect(probabilities[0]).toBeGreaterThan(probabilities[1]);
  }, 120_000);

  it('encrypts the saved file with a passphrase from the environment; score refuses it without or with a wrong one', async () => {
    const file = join(dir, 'locked.creditlab.json');
    const saved = await command(
      'evaluate',
      ['--csv', bookPath, '--target', 'default', '--model', 'logistic', '--folds', '2', '--epochs', '2', '--backend', 'cpu', '--save', file, '--passphrase-env', 'CL_PASS'],
      {
        CL_PASS: 'correct horse',
      },
    );
    expect(saved.code, saved.stderr).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).encryption.iterations).toBe(600_000);
    const without = await command('score', ['--model', file, '--csv', applicantsPath, '--backend', 'cpu']);
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/passphrase/i);
    const wrong = await command('score', ['--model', file, '--csv', applicantsPath, '--backend', 'cpu', '--passphrase-env', 'CL_PASS'], { CL_PASS: 'wrong horse' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/passphrase/i);
    const right = await command('score', ['--model', file, '--csv', applicantsPath, '--backend', 'cpu', '--passphrase-env', 'CL_PASS'], { CL_PASS: 'correct horse' });
    expect(right.code, right.stderr).toBe(0);
    expect(probabilitiesOf(right.stdout)).toHaveLength(APPLICANTS.length);
  }, 120_000);
});

describe('npm run score on a file the app exported', () => {
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
    const scored = await command('score', ['--model', file, '--csv', applicantsPath, '--backend', 'cpu']);
    expect(scored.code, scored.stderr).toBe(0);
    const probabilities = probabilitiesOf(scored.stdout);
    probabilities.forEach((p, i) => expect(Math.abs(p - expected[i])).toBeLessThan(1e-6));
  }, 120_000);
});
