// The worker's modules, run in Node on the cpu backend: the whole train() path (prepare, backend
// choice, training with fallback, held-out prediction, cross-validation, the bundle and its load
// back) and the loader's limits.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesOf, chunkedOpen } from '../../test/support/csvFixtures';
import { DEFAULT_POINTS_SCALE } from '../core/scoring/points';
import { DEFAULT_NETWORK } from '../model/defaults';
import { datasetCount } from './datasets';
import { loadCsv } from './loading';
import { releaseModel } from './models';
import type { ModelId, TrainRequest } from './protocol';
import { score, setPolicy } from './scoring';
import { configOf, fakeWorkerHost, loadText, loanCsv, networkRequest, NEVER } from '../../test/support/workerFixtures';
import { compareModels, train } from './training';

beforeAll(async () => {
  fakeWorkerHost();
  await tf.setBackend('cpu');
});

describe('train() in the worker', () => {
  it('trains three times in a row (MLP, logistic, MLP with cross-validation) without leaking a tensor once each model is released', async () => {
    const { dataset, summary } = await loadText(loanCsv());
    const request = networkRequest(configOf(summary));
    const baseline = tf.memory().numTensors;
    const runs = [request, { ...request, network: { ...DEFAULT_NETWORK, kind: 'logistic' as const, hiddenUnits: [] } }, { ...request, crossValidationFolds: 3 }];
    const kept: number[] = [];
    for (const run of runs) {
      const events: string[] = [];
      const result = await train(dataset, run, (event) => events.push(event.type), NEVER);
      if (!result.ok) throw new Error(result.reason);
      expect(result.data.summary.backend.name).toBe('cpu');
      expect(result.data.summary.evaluation.metrics.auc).toBeGreaterThan(0.6);
      expect(events).toContain('epoch');
      expect(result.data.summary.crossValidation?.folds.length ?? null).toBe(run.crossValidationFolds);
      // Only the model's weights (loaded back from its bundle) stay: the training networks are gone.
      kept.push(tf.memory().numTensors - baseline);
      expect(releaseModel(result.data.modelId)).toBe(true);
      expect(tf.memory().numTensors).toBe(baseline);
    }
    expect(kept[0]).toBeGreaterThan(0);
    expect(kept[2]).toBe(kept[0]); // MLP again, after a cross-validation of three more models
    expect(kept[1]).toBeLessThan(kept[0]); // logistic regression has fewer weights
  }, 120_000);

  it('gives bit-identical metrics and scores for the same seed on cpu, and different ones for another seed', async () => {
    const { dataset, summary } = await loadText(loanCsv());
    const run = async (seed: number) => {
      const request: TrainRequest = networkRequest(configOf(summary, seed), {
        network: { ...DEFAULT_NETWORK, dropout: 0.1, seed },
        settings: { ...networkRequest(configOf(summary)).settings, epochs: 4, seed },
      });
      const result = await train(dataset, request, () => undefined, NEVER);
      if (!result.ok) throw new Error(result.reason);
      const scored = score(result.data.modelId, { income: '41000', rate: '17.5', home: 'OWN' });
      if (!scored.ok) throw new Error(scored.reason);
      releaseModel(result.data.modelId);
      return { evaluation: result.data.summary.evaluation, probability: scored.data.probabilityOfBad, seed: result.data.summary.settings.seed };
    };
    const first = await run(5);
    expect(await run(5)).toEqual(first);
    expect(first.seed).toBe(5);
    const other = await run(6);
    expect(other.probability).not.toBe(first.probability);
  }, 120_000);

  it('scores an applicant with the stored preprocessing and calibrated ensemble, the same whatever the cut-off', async () => {
    const { dataset, summary } = await loadText(loanCsv());
    const result = await train(dataset, networkRequest(configOf(summary), { network: DEFAULT_NETWORK }), () => undefined, NEVER);
    if (!result.ok) throw new Error(result.reason);
    const id = result.data.modelId;
    const applicant = { income: '30000', rate: '22', home: 'RENT' };
    // 600 rows: 480 training rows, cross-fitted as an ensemble of 5 members, calibrated out-of-fold.
    expect(result.data.summary.validation).toEqual({ kind: 'cross-fit', folds: 5 });
    expect(result.data.summary.members).toHaveLength(5);
    expect(result.data.summary.calibration).toMatchObject({ fittedOn: 'out-of-fold', rows: 480 });
    const first = score(id, applicant);
    if (!first.ok) throw new Error(first.reason);
    // Low income and a high rate: the synthetic book's riskier applicants.
    expect(first.data.probabilityOfBad).toBeGreaterThan(0.5);
    expect(first.data.outsideTrainedRange).toEqual([]);
    const safer = score(id, { income: '95000', rate: '6', home: 'OWN' });
    if (!safer.ok) throw new Error(safer.reason);
    expect(safer.data.probabilityOfBad).toBeLessThan(first.data.probabilityOfBad);
    expect(setPolicy(id, { cutoff: 0, scale: DEFAULT_POINTS_SCALE }).ok).toBe(true);
    expect(score(id, applicant)).toEqual(first);
    expect(setPolicy(id, { cutoff: 1.5, scale: DEFAULT_POINTS_SCALE })).toMatchObject({ ok: false, reason: 'The cut-off must be between 0 and 1.' });
    expect(score(id, { ...applicant, income: 'lots' })).toMatchObject({ ok: false, reason: '"income" must be a number.' });
    releaseModel(id);
  }, 120_000);
});

describe('compareModels() in the worker', () => {
  it('trains every model on one split, keeps each under its own id, scores with any of them, and frees each on release', async () => {
    const { dataset, summary } = await loadText(loanCsv());
    const base = networkRequest(configOf(summary), { settings: { ...networkRequest(configOf(summary)).settings, epochs: 2 } });
    const baseline = tf.memory().numTensors;
    const keys: string[] = [];
    const result = await compareModels(
      dataset,
      [
        { key: 'logistic', request: { ...base, network: { ...DEFAULT_NETWORK, kind: 'logistic', hiddenUnits: [] } } },
        { key: 'mlp-ple', request: { ...base, prepare: { ...base.prepare, numericEncoding: 'ple' } } },
        { key: 'scorecard', request: { ...base, model: 'scorecard', scorecard: { binningOverrides: [], scale: DEFAULT_POINTS_SCALE } } },
      ],
      (key, event) => event.type === 'prepared' && keys.push(key),
      NEVER,
    );
    if (!result.ok) throw new Error(result.reason);
    expect(keys).toEqual(['logistic', 'mlp-ple', 'scorecard']);
    const outcomes = result.data.map((o) => (o.ok ? o : null));
    expect(outcomes.every((o) => o !== null)).toBe(true);
    const [logistic, ple, card] = outcomes.map((o) => o!);
    // One split: the same 120 test rows graded for every model, and different models.
    expect([logistic, ple, card].map((o) => o.summary.evaluation.metrics.rows)).toEqual([120, 120, 120]);
    expect(new Set([logistic, ple, card].map((o) => o.summary.evaluation.metrics.logLoss)).size).toBe(3);
    expect(ple.summary.preprocessor.width).toBeGreaterThan(logistic.summary.preprocessor.width); // PLE inputs
    expect(new Set([logistic, ple, card].map((o) => o.modelId)).size).toBe(3);
    expect(new Set([logistic, ple, card].map((o) => o.bundle.id)).size).toBe(3);
    const applicant = { income: '30000', rate: '22', home: 'RENT' };
    const byMlp = score(ple.modelId, applicant);
    if (!byMlp.ok) throw new Error(byMlp.reason);
    expect(byMlp.data.scorecardBins).toBeUndefined();
    const byCard = score(card.modelId, applicant);
    if (!byCard.ok) throw new Error(byCard.reason);
    expect(byCard.data.scorecardBins!.length).toBeGreaterThan(0);
    expect(score(ple.modelId, applicant)).toEqual(byMlp);
    expect(score('no-such-model' as ModelId, applicant)).toMatchObject({ ok: false, reason: 'This model is no longer loaded; train it or load it again.' });
    expect(tf.memory().numTensors).toBeGreaterThan(baseline);
    for (const o of [logistic, ple, card]) expect(releaseModel(o.modelId)).toBe(true);
    expect(tf.memory().numTensors).toBe(baseline);
  }, 120_000);
});

describe('loadCsv limits', () => {
  it('refuses a file over 2 GB from its size alone, saying so, and adds no data set', async () => {
    await loadText(loanCsv());
    const before = datasetCount();
    const opened = chunkedOpen(bytesOf('a,b\n1,2\n'), 4);
    const result = await loadCsv(opened, 2.2 * 1024 ** 3, 'huge.csv', () => undefined);
    expect(result).toMatchObject({ ok: false, reason: 'This file (2.2 GB) is too large: CreditLab reads files up to 2 GB. Try a smaller extract.' });
    expect(opened.opened).toBe(0);
    expect(datasetCount()).toBe(before);
  });

  it('turns running out of memory while reading into a short message and adds no data set', async () => {
    await loadText(loanCsv());
    const before = datasetCount();
    async function* exhausted(): AsyncIterable<Uint8Array> {
      yield bytesOf('a,b\n1,2\n');
      throw new RangeError('Array buffer allocation failed');
    }
    const result = await loadCsv(exhausted, 1.5 * 1024 ** 3, 'big.csv', () => undefined);
    expect(result).toMatchObject({ ok: false, reason: 'This file is too large for this browser to hold in memory. Try a smaller extract.' });
    expect(datasetCount()).toBe(before);
  });
});
