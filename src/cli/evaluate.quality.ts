import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const DATA = path.resolve('../shared/data');
const CLI = ['tsx', 'src/cli/evaluate.ts'];

/** Runs `npm run evaluate -- …` the way a user would (via tsx) and returns its exit status and output. */
async function evaluate(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', [...CLI, ...args], { maxBuffer: 1 << 24 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

interface Output {
  rows: { before: number; after: number };
  folds: { auc: number; ks: number }[];
  mean: Record<'auc' | 'ks' | 'gini' | 'accuracy' | 'precision' | 'recall' | 'f1' | 'logloss' | 'brier', number>;
}

// Default settings, 5 stratified folds. Floors from the issue; scikit-learn's MLP(32) on one 80/20
// split scores 0.919, 0.830 and 0.832 (../shared/data/README.md).
describe.each([
  ['credit_risk_dataset.csv', 'loan_status', 0.91, 32581, 32416],
  ['german_credit.csv', 'class', 0.76, 1000, 1000],
  ['loan_prediction_train.csv', 'Loan_Status', 0.75, 614, 614],
])('npm run evaluate on %s (target %s)', (file, target, floor, before, after) => {
  it(`reaches a 5-fold mean AUC of at least ${floor} with default settings`, async () => {
    const { code, stdout, stderr } = await evaluate(['--csv', path.join(DATA, file), '--target', target, '--seed', '42', '--folds', '5']);
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout) as Output;
    expect(out.rows).toMatchObject({ before, after });
    expect(out.folds).toHaveLength(5);
    for (const name of ['auc', 'ks', 'accuracy', 'precision', 'recall', 'f1', 'brier'] as const) expect(out.mean[name]).toBeGreaterThanOrEqual(0), expect(out.mean[name]).toBeLessThanOrEqual(1);
    expect(out.mean.gini).toBeCloseTo(2 * out.mean.auc - 1, 3);
    console.log(`${file}: 5-fold mean AUC ${out.mean.auc}, KS ${out.mean.ks}, log loss ${out.mean.logloss}`);
    expect(out.mean.auc).toBeGreaterThanOrEqual(floor);
  }, 300_000);
});

describe('npm run evaluate errors', () => {
  it.each([
    [['--csv', 'no/such/file.csv', '--target', 'x'], /file not found: no\/such\/file\.csv/],
    [['--csv', path.join(DATA, 'german_credit.csv'), '--target', 'nope'], /column "nope" is not in/],
    [['--csv', path.join(DATA, 'german_credit.csv'), '--target', 'class', '--positive', '3'], /--positive "3" is not a value of "class"/],
    [['--csv', path.join(DATA, 'german_credit.csv')], /--target is required/],
    [['--csv', path.join(DATA, 'german_credit.csv'), '--target', 'class', '--model', 'tree'], /--model must be mlp or logistic/],
    [['--csv', path.join(DATA, 'german_credit.csv'), '--target', 'class', '--learning-rate', '0'], /--learning-rate must be a number in \(0, 1\]/],
    [['--csv', path.join(DATA, 'german_credit.csv'), '--target', 'class', '--hidden-units', '32,x'], /--hidden-units must be a whole number ≥ 1 \(got "x"\)/],
  ])('%j exits non-zero with a clear message', async (args, message) => {
    const { code, stdout, stderr } = await evaluate(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  }, 60_000);
});

describe('npm run evaluate settings', () => {
  it('uses the network and training settings given on the command line, and reports them', async () => {
    const args = ['--csv', path.join(DATA, 'german_credit.csv'), '--target', 'class', '--folds', '2', '--epochs', '2'];
    const { code, stdout, stderr } = await evaluate([...args, '--hidden-units', '8,4', '--batch-size', '16', '--learning-rate', '0.01', '--seed', '7']);
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout) as Output & { model: Record<string, unknown> };
    expect(out.model).toMatchObject({ kind: 'mlp', hiddenUnits: [8, 4], batchSize: 16, learningRate: 0.01, epochs: 2, seed: 7 });
    expect(out.folds).toHaveLength(2);
  }, 60_000);
});
