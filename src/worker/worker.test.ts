// The worker's modules, run in Node on the cpu backend: the whole train() path (prepare, backend
// choice, training with fallback, held-out prediction, cross-validation) and the loader's limits.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { proposeCleaningPlan } from '../core/clean/plan';
import { bytesOf, chunkedOpen, seededRandom } from '../core/csv/testFixtures';
import { DEFAULT_NETWORK, DEFAULT_SETTINGS } from '../model/defaults';
import { currentTable, loadCsv } from './loading';
import type { DatasetSummary, TrainRequest } from './protocol';
import { DEFAULT_POINTS_SCALE } from '../core/scoring/points';
import { compareModels, forgetModel, score, setCutoff, train, useComparedModel } from './training';

/** 600 seeded applicants whose default depends on income and rate, with a text column and missing cells. */
function loanCsv(): string {
  const random = seededRandom(7);
  const lines = ['id,income,rate,home,default'];
  for (let i = 0; i < 600; i++) {
    const income = Math.round(20_000 + random() * 80_000);
    const rate = random() < 0.05 ? '' : (5 + random() * 20).toFixed(2);
    const home = ['RENT', 'OWN', 'MORTGAGE'][Math.floor(random() * 3)];
    const z = -0.00004 * (income - 60_000) + 0.2 * ((Number(rate) || 15) - 15);
    lines.push(`${1000 + i},${income},${rate},${home},${random() < 1 / (1 + Math.exp(-z)) ? 1 : 0}`);
  }
  return lines.join('\n');
}

async function load(text: string): Promise<DatasetSummary> {
  const bytes = bytesOf(text);
  const loaded = await loadCsv(chunkedOpen(bytes, 4096), bytes.length, 'loans.csv', () => undefined);
  if (!loaded.ok) throw new Error(loaded.reason);
  return loaded.data;
}

beforeAll(async () => {
  // The worker resolves its wasm URLs against self.location; in Node there is no `self`.
  (globalThis as { self?: unknown }).self ??= { location: { href: 'http://localhost/' } };
  await tf.setBackend('cpu');
});

describe('train() in the worker', () => {
  it('trains three times in a row (MLP, logistic, MLP with cross-validation) without leaking a tensor', async () => {
    const dataset = await load(loanCsv());
    const plan = proposeCleaningPlan(dataset.columns, 'default', '1', '0');
    const request: TrainRequest = {
      prepare: { ...plan, testFraction: 0.2, validation: 'auto', seed: 3 },
      network: DEFAULT_NETWORK,
      settings: { ...DEFAULT_SETTINGS, epochs: 3, batchSize: 32 },
      backend: 'cpu',
      crossValidationFolds: null,
    };
    forgetModel();
    const baseline = tf.memory().numTensors;
    const runs = [request, { ...request, network: { ...DEFAULT_NETWORK, kind: 'logistic' as const, hiddenUnits: [] } }, { ...request, crossValidationFolds: 3 }];
    const kept: number[] = [];
    for (const run of runs) {
      const events: string[] = [];
      const result = await train(run, (event) => events.push(event.type));
      if (!result.ok) throw new Error(result.reason);
      expect(result.data.backend.name).toBe('cpu');
      expect(result.data.evaluation.metrics.auc).toBeGreaterThan(0.6);
      expect(events).toContain('epoch');
      expect(result.data.crossValidation?.folds.length ?? null).toBe(run.crossValidationFolds);
      // Only the trained model's weights stay: the same count after every run.
      kept.push(tf.memory().numTensors - baseline);
    }
    expect(kept[0]).toBeGreaterThan(0);
    expect(kept[2]).toBe(kept[0]); // MLP again, after a cross-validation of three more models
    expect(kept[1]).toBeLessThan(kept[0]); // logistic regression has fewer weights
    forgetModel();
    expect(tf.memory().numTensors).toBe(baseline);
  }, 120_000);

  it('gives bit-identical metrics and scores for the same seed on cpu, and different ones for another seed', async () => {
    const dataset = await load(loanCsv());
    const plan = proposeCleaningPlan(dataset.columns, 'default', '1', '0');
    const run = async (seed: number) => {
      const request: TrainRequest = {
        prepare: { ...plan, testFraction: 0.2, validation: 'auto', seed },
        network: { ...DEFAULT_NETWORK, dropout: 0.1, seed },
        settings: { ...DEFAULT_SETTINGS, epochs: 4, batchSize: 32, seed },
        backend: 'cpu',
        crossValidationFolds: null,
      };
      const result = await train(request, () => undefined);
      if (!result.ok) throw new Error(result.reason);
      const scored = score({ income: '41000', rate: '17.5', home: 'OWN' });
      if (!scored.ok) throw new Error(scored.reason);
      return { evaluation: result.data.evaluation, probability: scored.data.probabilityOfBad, seed: result.data.settings.seed };
    };
    const first = await run(5);
    expect(await run(5)).toEqual(first);
    expect(first.seed).toBe(5);
    const other = await run(6);
    expect(other.probability).not.toBe(first.probability);
    forgetModel();
  }, 120_000);

  it('scores an applicant with the stored preprocessing and calibrated ensemble, the same whatever the cut-off', async () => {
    const dataset = await load(loanCsv());
    const plan = proposeCleaningPlan(dataset.columns, 'default', '1', '0');
    const result = await train(
      {
        prepare: { ...plan, testFraction: 0.2, validation: 'auto', seed: 3 },
        network: DEFAULT_NETWORK,
        settings: { ...DEFAULT_SETTINGS, epochs: 3 },
        backend: 'cpu',
        crossValidationFolds: null,
      },
      () => undefined,
    );
    expect(result.ok).toBe(true);
    const applicant = { income: '30000', rate: '22', home: 'RENT' };
    if (!result.ok) throw new Error(result.reason);
    // 600 rows: 480 training rows, cross-fitted as an ensemble of 5 members, calibrated out-of-fold.
    expect(result.data.validation).toEqual({ kind: 'cross-fit', folds: 5 });
    expect(result.data.members).toHaveLength(5);
    expect(result.data.calibration).toMatchObject({ fittedOn: 'out-of-fold', rows: 480 });
    const first = score(applicant);
    if (!first.ok) throw new Error(first.reason);
    // Low income and a high rate: the synthetic book's riskier applicants.
    expect(first.data.probabilityOfBad).toBeGreaterThan(0.5);
    expect(first.data.outsideTrainedRange).toEqual([]);
    const safer = score({ income: '95000', rate: '6', home: 'OWN' });
    if (!safer.ok) throw new Error(safer.reason);
    expect(safer.data.probabilityOfBad).toBeLessThan(first.data.probabilityOfBad);
    expect(setCutoff(0).ok).toBe(true);
    expect(score(applicant)).toEqual(first);
    expect(setCutoff(1.5)).toEqual({ ok: false, reason: 'The cut-off must be between 0 and 1.' });
    expect(score({ ...applicant, income: 'lots' })).toEqual({ ok: false, reason: '"income" must be a number.' });
    forgetModel();
  }, 120_000);
});

describe('compareModels() in the worker', () => {
  it('trains every model on one split, keeps them all, switches scoring to the one put in use, and frees them together', async () => {
    const dataset = await load(loanCsv());
    const plan = proposeCleaningPlan(dataset.columns, 'default', '1', '0');
    const base: TrainRequest = {
      prepare: { ...plan, testFraction: 0.2, validation: 'auto', seed: 3 },
      network: DEFAULT_NETWORK,
      settings: { ...DEFAULT_SETTINGS, epochs: 2, batchSize: 32 },
      backend: 'cpu',
      crossValidationFolds: null,
    };
    forgetModel();
    const baseline = tf.memory().numTensors;
    const keys: string[] = [];
    const result = await compareModels(
      [
        { key: 'logistic', request: { ...base, network: { ...DEFAULT_NETWORK, kind: 'logistic', hiddenUnits: [] } } },
        { key: 'mlp-ple', request: { ...base, prepare: { ...base.prepare, numericEncoding: 'ple' } } },
        { key: 'scorecard', request: { ...base, model: 'scorecard', scorecard: { binningOverrides: [], scale: DEFAULT_POINTS_SCALE } } },
      ],
      (key, event) => event.type === 'prepared' && keys.push(key),
    );
    if (!result.ok) throw new Error(result.reason);
    expect(keys).toEqual(['logistic', 'mlp-ple', 'scorecard']);
    const summaries = result.data.map((o) => (o.ok ? o.summary : null));
    expect(summaries.every((s) => s !== null)).toBe(true);
    // One split: the same 120 test rows graded for every model, and different models.
    expect(summaries.map((s) => s!.evaluation.metrics.rows)).toEqual([120, 120, 120]);
    expect(new Set(summaries.map((s) => s!.evaluation.metrics.logLoss)).size).toBe(3);
    expect(summaries[1]!.preprocessor.width).toBeGreaterThan(summaries[0]!.preprocessor.width); // PLE inputs
    const applicant = { income: '30000', rate: '22', home: 'RENT' };
    expect(score(applicant).ok).toBe(false); // none in use until one is chosen
    expect(useComparedModel('mlp-ple').ok).toBe(true);
    const byMlp = score(applicant);
    if (!byMlp.ok) throw new Error(byMlp.reason);
    expect(byMlp.data.scorecardBins).toBeUndefined();
    expect(useComparedModel('scorecard').ok).toBe(true);
    const byCard = score(applicant);
    if (!byCard.ok) throw new Error(byCard.reason);
    expect(byCard.data.scorecardBins!.length).toBeGreaterThan(0);
    expect(useComparedModel('mlp-ple').ok).toBe(true);
    expect(score(applicant)).toEqual(byMlp);
    expect(useComparedModel('mlp').ok).toBe(false);
    expect(tf.memory().numTensors).toBeGreaterThan(baseline);
    forgetModel();
    expect(tf.memory().numTensors).toBe(baseline);
  }, 120_000);
});

describe('loadCsv limits', () => {
  it('refuses a file over 2 GB from its size alone, saying so, and keeps the data set loaded before', async () => {
    await load(loanCsv());
    const before = currentTable();
    const opened = chunkedOpen(bytesOf('a,b\n1,2\n'), 4);
    const result = await loadCsv(opened, 2.2 * 1024 ** 3, 'huge.csv', () => undefined);
    expect(result).toEqual({ ok: false, reason: 'This file (2.2 GB) is too large: CreditLab reads files up to 2 GB. Try a smaller extract.' });
    expect(opened.opened).toBe(0);
    expect(currentTable()).toBe(before);
  });

  it('turns running out of memory while reading into a short message and keeps the data set loaded before', async () => {
    await load(loanCsv());
    const before = currentTable();
    async function* exhausted(): AsyncIterable<Uint8Array> {
      yield bytesOf('a,b\n1,2\n');
      throw new RangeError('Array buffer allocation failed');
    }
    const result = await loadCsv(exhausted, 1.5 * 1024 ** 3, 'big.csv', () => undefined);
    expect(result).toEqual({ ok: false, reason: 'This file is too large for this browser to hold in memory. Try a smaller extract.' });
    expect(currentTable()).toBe(before);
  });
});
