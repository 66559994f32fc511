// State by id: data sets and models live side by side, each named by the id the worker gave it,
// until released; a long call named by a job id stops when that job is cancelled.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesOf, chunkedOpen } from '../../test/support/csvFixtures';
import { datasetCount, findDataset, releaseDataset } from './datasets';
import { cancelJob, runJob, runningJobs } from './jobs';
import { loadCsv, readRows } from './loading';
import { modelCount, releaseModel } from './models';
import { PREPARATION_CANCELLED, prepare, prepareCancellable } from './preparing';
import type { DatasetId, JobId, ModelId } from './protocol';
import { cutoffPlan, score } from './scoring';
import { configOf, fakeWorkerHost, loadText, loanCsv, networkRequest, NEVER } from '../../test/support/workerFixtures';
import { train } from './training';

const applicant = { income: '30000', rate: '22', home: 'RENT' };
const GONE_MODEL = { ok: false, reason: 'This model is no longer loaded; train it or load it again.', problem: { code: 'model.gone', params: {} } };
const GONE_DATA = { ok: false, reason: 'This data set is no longer loaded; load the file again.', problem: { code: 'dataset.gone', params: {} } };

beforeAll(async () => {
  fakeWorkerHost();
  await tf.setBackend('cpu');
});

describe('data sets and models by id', () => {
  it('keeps two data sets and their models apart: releasing one model or data set leaves the other working, and a released id fails clearly', async () => {
    const first = await loadText(loanCsv(7, 600), 'first.csv');
    const second = await loadText(loanCsv(21, 400), 'second.csv');
    expect(first.dataset.id).not.toBe(second.dataset.id);
    const firstConfig = configOf(first.summary);
    const secondConfig = configOf(second.summary);
    // Each data set keeps its own preparation: preparing the second does not evict the first.
    const preparedFirst = prepare(first.dataset, firstConfig);
    const preparedSecond = prepare(second.dataset, secondConfig);
    if (!preparedFirst.ok || !preparedSecond.ok) throw new Error('not prepared');
    expect(prepare(first.dataset, firstConfig)).toEqual(preparedFirst);
    expect(preparedFirst.data.train.rows + preparedFirst.data.test.rows).toBe(600);
    expect(preparedSecond.data.train.rows + preparedSecond.data.test.rows).toBe(400);

    const a = await train(first.dataset, networkRequest(firstConfig), () => undefined, NEVER);
    const b = await train(second.dataset, networkRequest(secondConfig), () => undefined, NEVER);
    if (!a.ok || !b.ok) throw new Error('not trained');
    expect(a.data.modelId).not.toBe(b.data.modelId);
    expect(a.data.bundle.provenance.trainingFile.name).toBe('first.csv');
    expect(b.data.bundle.provenance.trainingFile.name).toBe('second.csv');
    expect(a.data.summary.evaluation.metrics.rows).toBe(120);
    expect(b.data.summary.evaluation.metrics.rows).toBe(80);
    const byA = score(a.data.modelId, applicant);
    const byB = score(b.data.modelId, applicant);
    if (!byA.ok || !byB.ok) throw new Error('not scored');
    expect(byA.data.probabilityOfBad).not.toBe(byB.data.probabilityOfBad);

    const models = modelCount();
    expect(releaseModel(b.data.modelId)).toBe(true);
    expect(releaseModel(b.data.modelId)).toBe(false);
    expect(modelCount()).toBe(models - 1);
    expect(score(a.data.modelId, applicant)).toEqual(byA);
    expect(score(b.data.modelId, applicant)).toEqual(GONE_MODEL);
    expect(cutoffPlan(b.data.modelId, 1, 1, 0.5)).toEqual(GONE_MODEL);

    // A model needs nothing of its data set once trained.
    const sets = datasetCount();
    expect(releaseDataset(first.dataset.id)).toBe(true);
    expect(datasetCount()).toBe(sets - 1);
    expect(findDataset(first.dataset.id)).toEqual(GONE_DATA);
    expect(readRows(first.dataset.id, 0, 5)).toEqual([]);
    expect(readRows(second.dataset.id, 0, 1)).toHaveLength(1);
    expect(score(a.data.modelId, applicant)).toEqual(byA);
    expect(findDataset('never-loaded' as DatasetId)).toEqual(GONE_DATA);
    expect(score('never-trained' as ModelId, applicant)).toEqual(GONE_MODEL);
    releaseModel(a.data.modelId);
    releaseDataset(second.dataset.id);
  }, 120_000);
});

describe('cancel(jobId)', () => {
  it('stops a training after the epoch it is in and keeps the best model so far, as Stop does', async () => {
    const { dataset, summary } = await loadText(loanCsv());
    const request = networkRequest(configOf(summary, 3, { validation: { kind: 'holdout', fraction: 0.2 } }), {
      settings: { ...networkRequest(configOf(summary)).settings, epochs: 60, patience: null },
    });
    const jobId = 'train-1' as JobId;
    let epochs = 0;
    const result = await runJob(jobId, (signal) =>
      train(
        dataset,
        request,
        (event) => {
          if (event.type === 'epoch' && ++epochs === 2) expect(cancelJob(jobId)).toBe(true);
        },
        signal,
      ),
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.data.summary.stopped).toBe(true);
    expect(result.data.summary.epochsRun).toBeLessThan(5);
    expect(score(result.data.modelId, applicant).ok).toBe(true);
    // The job is over: cancelling it again finds nothing, and no job is left behind.
    expect(cancelJob(jobId)).toBe(false);
    expect(runningJobs()).toBe(0);
    releaseModel(result.data.modelId);
  }, 120_000);

  it('stops a load: "Loading was cancelled." and no data set is added', async () => {
    const bytes = bytesOf(loanCsv(7, 2000));
    const jobId = 'load-1' as JobId;
    const before = datasetCount();
    const open = chunkedOpen(bytes, 1024, (index) => index === 3 && cancelJob(jobId));
    const result = await runJob(jobId, (signal) => loadCsv(open, bytes.length, 'loans.csv', () => undefined, signal));
    expect(result).toMatchObject({ ok: false, reason: 'Loading was cancelled.' });
    expect(datasetCount()).toBe(before);
    expect(runningJobs()).toBe(0);
  });

  it('stops a preparation between its stages: "Preparing was cancelled.", nothing half-made is kept, and the next preparation runs whole', async () => {
    const { dataset, summary } = await loadText(loanCsv(11, 3000), 'prep.csv');
    const config = configOf(summary);
    const jobId = 'prepare-1' as JobId;
    const pending = runJob(jobId, (signal) => prepareCancellable(dataset, config, signal));
    // The cancel arrives as a later message would: after the preparation has started and given way once.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(cancelJob(jobId)).toBe(true);
    expect(await pending).toMatchObject({ ok: false, reason: PREPARATION_CANCELLED, problem: { code: 'preparation.cancelled', params: {} } });
    expect(dataset.prepared).toBeNull();
    expect(runningJobs()).toBe(0);

    const whole = await runJob('prepare-2' as JobId, (signal) => prepareCancellable(dataset, config, signal));
    if (!whole.ok) throw new Error(whole.reason);
    // The same preparation as the synchronous path's (which now finds it cached: the same object).
    expect(whole.data.train.rows + whole.data.test.rows).toBe(3000);
    expect(prepare(dataset, config)).toEqual(whole);
    expect(dataset.prepared?.data).toBe(whole.data);
  });
});
