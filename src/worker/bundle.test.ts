// Training produces a bundle and scoring consumes only a bundle: in Node on the cpu backend, a
// trained model's bundle passes the schema, loads back in a fresh id with the same scores, carries
// no row of the training file, and a changed or malformed bundle is refused with nothing kept.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from '../core/bundle/base64';
import { parseBundle } from '../core/bundle/schema';
import type { ModelBundle, NetworkModel } from '../core/bundle/types';
import type { PointsScale } from '../core/scoring/points';
import { cellText, getColumn } from '../core/table';
import { admitBundle } from './bundleLoading';
import { trainSummaryOfBundle } from './bundleSummary';
import type { Dataset } from './datasets';
import { findModel, modelCount, releaseModel } from './models';
import type { ModelId, TrainRequest, TrainedModel } from './protocol';
import { bundleOf, cutoffPlan, score, setPolicy } from './scoring';
import { configOf, fakeWorkerHost, loadText, loanCsv, networkRequest, NEVER, scorecardRequest } from '../../test/support/workerFixtures';
import { train } from './training';

const APPLICANTS = [
  { income: '30000', rate: '22', home: 'RENT' },
  { income: '95000', rate: '6', home: 'OWN' },
  { income: '61000', rate: '', home: 'MORTGAGE' },
  // A level training never saw, and every answer blank (the fills).
  { income: '45000.5', rate: '12.25', home: 'castle' },
  { income: '', rate: '', home: '' },
];

/** The bundle as a saved file gives it back. */
const viaJson = (bundle: ModelBundle): unknown => JSON.parse(JSON.stringify(bundle));

async function trained(dataset: Dataset, request: TrainRequest): Promise<TrainedModel> {
  const result = await train(dataset, request, () => undefined, NEVER);
  if (!result.ok) throw new Error(result.reason);
  return result.data;
}

async function loaded(value: unknown): Promise<ModelId> {
  const result = await admitBundle(value);
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result.data.id;
}

function probability(id: ModelId, record: Record<string, string>, scale?: PointsScale): number {
  const scored = score(id, record, scale);
  if (!scored.ok) throw new Error(scored.reason);
  return scored.data.probabilityOfBad;
}

let book: { dataset: Dataset; request: TrainRequest; scorecard: TrainRequest };

beforeAll(async () => {
  fakeWorkerHost();
  await tf.setBackend('cpu');
  const { dataset, summary } = await loadText(loanCsv(7, 600, 1), 'book.csv');
  book = { dataset, request: networkRequest(configOf(summary)), scorecard: scorecardRequest(configOf(summary)) };
});

describe('a trained model as a bundle', () => {
  it.each(['network', 'scorecard'] as const)(
    '%s: passes the schema and loads back in a fresh id with the same probabilities to 1e-6',
    async (family) => {
      const run = await trained(book.dataset, family === 'network' ? book.request : book.scorecard);
      expect(parseBundle(viaJson(run.bundle)).ok).toBe(true);
      expect(run.bundle.model.kind).toBe(family);
      expect(run.bundle.provenance).toMatchObject({
        appVersion: __APP_VERSION__,
        createdBy: 'app',
        trainingFile: { name: 'book.csv', rows: 600, columns: 5 },
        rows: { train: 480, test: 120 },
      });
      expect(run.bundle.provenance.trainingFile.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(run.bundle.metrics.cutoffTable).toHaveLength(101);
      expect(run.bundle.referenceApplicants.length).toBeGreaterThanOrEqual(4);
      expect(run.bundle.name).toMatch(new RegExp(`^default ${family === 'network' ? 'MLP' : 'scorecard'} \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d$`));
      const before = modelCount();
      const copy = await loaded(viaJson(run.bundle));
      expect(copy).not.toBe(run.modelId);
      expect(modelCount()).toBe(before + 1);
      for (const applicant of APPLICANTS) expect(Math.abs(probability(copy, applicant) - probability(run.modelId, applicant))).toBeLessThan(1e-6);
      releaseModel(copy);
      releaseModel(run.modelId);
    },
    120_000,
  );

  it('refuses a bundle with one weight changed (reference-mismatch) and keeps nothing of it', async () => {
    const run = await trained(book.dataset, { ...book.request, prepare: { ...book.request.prepare, validation: { kind: 'holdout', fraction: 0.2 } } });
    const model = run.bundle.model as NetworkModel;
    expect(model.members).toHaveLength(1);
    const bytes = decodeBase64(model.members[0].weightData);
    const view = new DataView(bytes.buffer);
    // The last float is the output bias: moving it moves every logit.
    view.setFloat32(bytes.length - 4, view.getFloat32(bytes.length - 4, true) - 30, true);
    const tampered: ModelBundle = { ...run.bundle, model: { ...model, members: [{ ...model.members[0], weightData: encodeBase64(bytes) }] } };
    const models = modelCount();
    const tensors = tf.memory().numTensors;
    const result = await admitBundle(viaJson(tampered));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatchObject({ code: 'reference-mismatch', tolerance: run.bundle.referenceTolerance });
    if (result.problem.code !== 'reference-mismatch') return;
    expect(result.problem.expected).toBe(run.bundle.referenceApplicants[result.problem.applicant].probabilityOfBad);
    expect(Math.abs(result.problem.actual - result.problem.expected)).toBeGreaterThan(run.bundle.referenceTolerance);
    expect(modelCount()).toBe(models);
    expect(tf.memory().numTensors).toBe(tensors);
    releaseModel(run.modelId);
  }, 120_000);

  it('refuses a changed weight that an isotonic step hides from the probability: the stored logit moves', async () => {
    const run = await trained(book.dataset, { ...book.request, prepare: { ...book.request.prepare, validation: { kind: 'holdout', fraction: 0.2 } } });
    const model = run.bundle.model as NetworkModel;
    // One flat isotonic step: every applicant scores 0.3 whatever the network says.
    const flat: ModelBundle = {
      ...run.bundle,
      model: { ...model, calibrator: { method: 'isotonic', x: [-1000, 1000], y: [0.3, 0.3] } },
      referenceApplicants: run.bundle.referenceApplicants.map((a) => ({ ...a, probabilityOfBad: 0.3 })),
    };
    expect(flat.referenceApplicants.every((a) => a.logit !== undefined)).toBe(true);
    const clean = await admitBundle(viaJson(flat));
    expect(clean.ok).toBe(true);
    if (clean.ok) releaseModel(clean.data.id);
    const bytes = decodeBase64(model.members[0].weightData);
    const view = new DataView(bytes.buffer);
    view.setFloat32(bytes.length - 4, view.getFloat32(bytes.length - 4, true) + 0.01, true);
    const tampered: ModelBundle = { ...flat, model: { ...flat.model, members: [{ ...model.members[0], weightData: encodeBase64(bytes) }] } as NetworkModel };
    const models = modelCount();
    const result = await admitBundle(viaJson(tampered));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatchObject({ code: 'reference-mismatch', on: 'logit' });
    if (result.problem.code !== 'reference-mismatch') return;
    // The output bias moved every logit by 0.01 (float32 rounding aside).
    expect(result.problem.actual - result.problem.expected).toBeCloseTo(0.01, 4);
    expect(modelCount()).toBe(models);
    releaseModel(run.modelId);
  }, 120_000);

  it('refuses a bundle that breaks the schema and keeps nothing of it', async () => {
    const run = await trained(book.dataset, book.scorecard);
    const models = modelCount();
    const result = await admitBundle({ ...(viaJson(run.bundle) as ModelBundle), policy: { ...run.bundle.policy, cutoff: 2 } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.code).toBe('invalid');
    expect(modelCount()).toBe(models);
    releaseModel(run.modelId);
  });

  it('carries no row of the training file: no reference applicant answers every feature as a row does', async () => {
    for (const request of [book.request, book.scorecard]) {
      const run = await trained(book.dataset, request);
      const table = book.dataset.table;
      const features = run.bundle.schema.columns.map((c) => getColumn(table, c.name));
      expect(features.map((c) => c.name)).toEqual(['income', 'rate', 'home']);
      const same = (cell: string, answer: string) => cell === answer || (cell !== '' && answer !== '' && Number(cell) === Number(answer));
      for (const { record } of run.bundle.referenceApplicants) {
        for (let row = 0; row < table.rowCount; row++) {
          expect(features.every((column) => same(cellText(column, row), record[column.name] ?? ''))).toBe(false);
        }
      }
      releaseModel(run.modelId);
    }
  }, 120_000);

  it("summarises a loaded bundle as the run's own summary, and plans cut-offs on its stored table without suggestions", async () => {
    const run = await trained(book.dataset, book.request);
    const fromBundle = trainSummaryOfBundle(viaJson(run.bundle) as ModelBundle);
    const { stopped: _stopped, samplesPerSecond: _speed, backend: _backend, ...shared } = run.summary;
    expect(fromBundle).toMatchObject(shared);
    const copy = await loaded(viaJson(run.bundle));
    const kept = findModel(copy);
    expect(kept.ok && kept.data.summary).toEqual(fromBundle);
    const session = cutoffPlan(run.modelId, 1000, 5000, 0.8);
    const stored = cutoffPlan(copy, 1000, 5000, 0.8);
    if (!session.ok || !stored.ok) throw new Error('no plan');
    expect(session.data.searchable).toBe(true);
    expect(session.data.suggestions).toHaveLength(3);
    expect(stored.data).toEqual({ table: session.data.table, suggestions: [], searchable: false });
    releaseModel(copy);
    releaseModel(run.modelId);
  }, 120_000);

  it("writes the policy as set into the bundle; a scorecard's reference applicants follow a new scale and the saved bundle still loads", async () => {
    const run = await trained(book.dataset, book.scorecard);
    const scale = { baseScore: 500, baseOdds: 20, pointsToDoubleOdds: 40 };
    expect(setPolicy(run.modelId, { cutoff: 0.3, scale }).ok).toBe(true);
    const saved = bundleOf(run.modelId);
    if (!saved.ok) throw new Error(saved.reason);
    expect(saved.data.policy).toEqual({ ...run.bundle.policy, cutoff: 0.3, scale });
    expect(saved.data.referenceApplicants.map((r) => r.record)).toEqual(run.bundle.referenceApplicants.map((r) => r.record));
    expect(saved.data.referenceApplicants.map((r) => r.probabilityOfBad)).not.toEqual(run.bundle.referenceApplicants.map((r) => r.probabilityOfBad));
    const copy = await loaded(viaJson(saved.data));
    // The loaded copy scores on the policy's scale by default: as the original does when asked for that scale.
    for (const applicant of APPLICANTS) expect(probability(copy, applicant)).toBe(probability(run.modelId, applicant, scale));
    releaseModel(copy);
    releaseModel(run.modelId);
  });
});
