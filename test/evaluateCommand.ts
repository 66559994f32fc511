import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';

const run = promisify(execFile);

/** The shared data sets (../shared/data from the project root); absent in a clone elsewhere. */
export const DATA = path.resolve('../shared/data');

/** True when the shared data sets are there; when not, say so in one line so the skip is visible. */
export function haveSharedData(suite: string): boolean {
  const present = existsSync(DATA);
  if (!present) console.warn(`${suite} skipped: the shared data sets are not at ${DATA} (see the README's data section).`);
  return present;
}

/** Runs `npm run evaluate -- …` the way a user would (via tsx) and returns its exit status and output. */
export async function evaluate(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'src/cli/evaluate.ts', ...args], { maxBuffer: 1 << 24 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

type Metric = 'auc' | 'ks' | 'gini' | 'accuracy' | 'precision' | 'recall' | 'f1' | 'logloss' | 'brier' | 'ece' | 'meanPredicted' | 'observedBadRate';

/** The parts of the evaluate command's JSON the checks read. */
export interface EvaluateOutput {
  bad: string;
  rows: { before: number; after: number };
  features: string[];
  identifiers: string[];
  folds: { auc: number; ks: number; logloss: number; epochsRun: number[]; members: number; baseline: { logloss: number; brier: number } }[];
  mean: Record<Metric, number>;
  sd: Record<Metric, number>;
  baseline: { logloss: number; brier: number; ece: number };
  epochsRun: { min: number; max: number; mean: number };
  model: Record<string, unknown>;
}

/**
 * Runs the evaluate command's network (class weights are a network's setting) with class weights on or off and checks the probabilities of bad are
 * calibrated: k-fold test log loss and Brier beat the base rate's, and the mean predicted
 * probability of bad is within 15% (relative) of the observed bad rate.
 */
export async function checkCalibrated(name: string, csv: string, args: string[], folds: number, weights: 'on' | 'off'): Promise<void> {
  const { code, stdout, stderr } = await evaluate(['--csv', csv, '--model', 'mlp', ...args, '--folds', String(folds), '--seed', '42', '--class-weights', weights]);
  expect(code, stderr).toBe(0);
  const out = JSON.parse(stdout) as EvaluateOutput;
  expect(out.model.classWeights).toBe(weights === 'on');
  const drift = Math.abs(out.mean.meanPredicted - out.mean.observedBadRate) / out.mean.observedBadRate;
  console.log(
    `${name}, weights ${weights}, ${folds} folds: AUC ${out.mean.auc}, log loss ${out.mean.logloss} (base rate ${out.baseline.logloss}), Brier ${out.mean.brier} (${out.baseline.brier}), ` +
      `ECE ${out.mean.ece}, mean p(bad) ${out.mean.meanPredicted} vs ${out.mean.observedBadRate} observed (${(100 * drift).toFixed(1)}% off), epochs ${out.epochsRun.min}–${out.epochsRun.max}`,
  );
  expect(out.mean.logloss).toBeLessThan(out.baseline.logloss);
  expect(out.mean.brier).toBeLessThan(out.baseline.brier);
  expect(drift).toBeLessThan(0.15);
}
