import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

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
