import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
import { createRandom } from '../core/split/random';
import { checkCalibrated, DATA, haveSharedData } from '../../test/evaluateCommand';

const HAVE_DATA = haveSharedData('calibration quality checks on the large books');

/**
 * credit_risk_dataset.csv with the defaults (loan_status = 1) subsampled so they are 5% of the
 * rows: every good row kept, each bad row kept with a seeded draw, as a rare-default book would be.
 */
function rareDefaultBook(): string {
  const lines = readFileSync(path.join(DATA, 'credit_risk_dataset.csv'), 'utf8')
    .split('\n')
    .filter((line) => line.length > 0);
  const header = lines[0].split(',');
  const status = header.indexOf('loan_status');
  const rows = lines.slice(1).map((line) => ({ line, bad: line.split(',')[status] === '1' }));
  const goods = rows.filter((r) => !r.bad).length;
  const bads = rows.length - goods;
  // Keep bads with probability q so that kept bads / (goods + kept bads) = 5%.
  const q = ((0.05 / 0.95) * goods) / bads;
  const random = createRandom(42);
  const kept = rows.filter((r) => !r.bad || random() < q).map((r) => r.line);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'creditlab-')), 'credit_risk_5pct_bad.csv');
  writeFileSync(file, `${lines[0]}\n${kept.join('\n')}\n`);
  return file;
}

// See calibration.quality.ts. Two folds keep the suite's time in bounds: each fold still tests on
// 13,000 rows (the 5% book: about 650 bads).
describe.skipIf(!HAVE_DATA)('calibrated probabilities of bad: the large books', () => {
  // credit_risk with weights off is its default-settings run in evaluate.quality.ts.
  const runs: [string, () => string, 'on' | 'off'][] = [
    ['credit_risk_dataset.csv', () => path.join(DATA, 'credit_risk_dataset.csv'), 'on'],
    ['credit_risk with 5% defaults', rareDefaultBook, 'on'],
    ['credit_risk with 5% defaults', rareDefaultBook, 'off'],
  ];
  for (const [name, file, weights] of runs) it(`${name}, class weights ${weights}, 2 folds`, () => checkCalibrated(name, file(), ['--target', 'loan_status'], 2, weights), 900_000);
});
