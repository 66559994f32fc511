// The worker's boosted-tree path in Node: train() routed to the pure core (no tfjs), a tree at a
// time with progress and Stop, graded like a network, and a bundle that round-trips and checks its trees.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../test/support/csvFixtures';
import { configOf, fakeWorkerHost, loadText, NEVER, networkRequest } from '../../test/support/workerFixtures';
import { parseBundle } from '../core/bundle/schema';
import type { ModelBundle } from '../core/bundle/types';
import type { PrepareConfig } from '../core/pipeline';
import type { Dataset } from './datasets';
import { exportModel, importModelFile } from './exporting';
import { releaseModel } from './models';
import type { TrainEvent, TrainRequest } from './protocol';
import { bundleOf, score } from './scoring';
import { train } from './training';

/**
 * 2,000 seeded applicants whose default follows an interaction no sum of single effects can show:
 * risky when income is low and the rate high, or income high and the rate low (an XOR of the two halves).
 */
function interactionCsv(): string {
  const random = seededRandom(5);
  const lines = ['id,income,rate,home,default'];
  for (let i = 0; i < 2000; i++) {
    const income = Math.round(20_000 + random() * 80_000);
    const rate = (5 + random() * 20).toFixed(2);
    const home = ['RENT', 'OWN', 'MORTGAGE'][Math.floor(random() * 3)];
    const risky = income < 60_000 !== Number(rate) < 15;
    lines.push(`${1000 + i},${income},${rate},${home},${random() < (risky ? 0.8 : 0.1) ? 1 : 0}`);
  }
  return lines.join('\n');
}

async function prepared(): Promise<{ dataset: Dataset; config: PrepareConfig }> {
  const { dataset, summary } = await loadText(interactionCsv());
  return { dataset, config: configOf(summary) };
}

const boostedRequest = (prepare: PrepareConfig): TrainRequest => networkRequest(prepare, { model: 'boosted' });

fakeWorkerHost();

describe('boosted trees in the worker', () => {
  it('learn an interaction a logistic regression cannot, report each member and tree, and store standardised inputs with their forests', async () => {
    const { dataset, config } = await prepared();
    const events: TrainEvent[] = [];
    const boosted = await train(dataset, boostedRequest({ ...config, numericEncoding: 'ple' }), (event) => events.push(event), NEVER);
    if (!boosted.ok) throw new Error(boosted.reason);
    const logistic = await train(dataset, networkRequest(config, { network: { kind: 'logistic', hiddenUnits: [], dropout: 0, seed: 1 } }), () => undefined, NEVER);
    if (!logistic.ok) throw new Error(logistic.reason);
    const run = boosted.data.summary;
    expect(run.model).toBe('boosted');
    expect(run.backend.name).toBe('cpu');
    // The XOR pattern: 0.8 vs 0.1 bad rates in two halves, which trees find and a linear logit cannot.
    expect(run.evaluation.metrics.auc).toBeGreaterThan(0.8);
    expect(logistic.data.summary.evaluation.metrics.auc).toBeLessThan(0.65);
    // One forest per validation fold (1,600 training rows: five cross-fit folds), each with its trees reported.
    // The page's copy leaves the forests in the worker; the worker's bundle (what saving and export take) has them.
    expect(boosted.data.bundle.model).toMatchObject({ kind: 'boosted', forests: [] });
    const full = bundleOf(boosted.data.modelId);
    if (!full.ok) throw new Error(full.reason);
    const bundle = full.data;
    if (bundle.model.kind !== 'boosted') throw new Error('not a boosted bundle');
    expect(bundle.model.forests).toHaveLength(5);
    expect(run.members.map((m) => m.bestEpoch)).toEqual(bundle.model.forests.map((f) => f.trees.length));
    expect(events.filter((e) => e.type === 'member').map((e) => (e as { member: number }).member)).toContain(5);
    expect(events.some((e) => e.type === 'epoch')).toBe(true);
    // PLE was asked for, but trees take the standardised inputs (the same trees, a fifth of the width).
    expect(bundle.provenance.settings.numericEncoding).toBe('standard');
    expect(bundle.preprocessing.features.filter((f) => f.kind === 'numeric').map((f) => f.ple)).toEqual([null, null]);
    expect(bundle.provenance.settings.network).toBeNull();
    releaseModel(boosted.data.modelId);
    releaseModel(logistic.data.modelId);
  }, 120_000);

  it('round-trip through an exported file and score the same; quantising is refused, and a tree that points back up itself is refused on import', async () => {
    const { dataset, config } = await prepared();
    const trained = await train(dataset, boostedRequest(config), () => undefined, NEVER);
    if (!trained.ok) throw new Error(trained.reason);
    const applicant = { income: '30000', rate: '22', home: 'RENT' };
    const before = score(trained.data.modelId, applicant);
    if (!before.ok) throw new Error(before.reason);
    const exported = await exportModel(trained.data.modelId, { quantization: 'none' });
    if (!exported.ok) throw new Error(JSON.stringify(exported.problem));
    const imported = await importModelFile(exported.data.bytes);
    if (!imported.ok) throw new Error(JSON.stringify(imported.problem));
    const after = score(imported.data.modelId, applicant);
    if (!after.ok) throw new Error(after.reason);
    expect(after.data.probabilityOfBad).toBe(before.data.probabilityOfBad);

    const quantised = await exportModel(trained.data.modelId, { quantization: 'float16' });
    expect(quantised.ok).toBe(false);
    if (!quantised.ok) expect(quantised.problem).toMatchObject({ code: 'quantization-unavailable', reason: 'boosted' });

    const full = bundleOf(trained.data.modelId);
    if (!full.ok) throw new Error(full.reason);
    const bundle = JSON.parse(JSON.stringify(full.data)) as ModelBundle & { model: { forests: { trees: { left: number[] }[] }[] } };
    expect(parseBundle(bundle).ok).toBe(true);
    const tree = bundle.model.forests[0].trees.find((t) => t.left.length > 1)!;
    tree.left[0] = 0; // the root's left child is the root: walking it would never end
    const refused = parseBundle(bundle);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problem).toMatchObject({ code: 'invalid' });
    releaseModel(trained.data.modelId);
    releaseModel(imported.data.modelId);
  }, 120_000);

  it('stop after the first member: the forests grown so far are kept, calibrated on their own folds, and score', async () => {
    const { dataset, config } = await prepared();
    const controller = new AbortController();
    const trained = await train(
      dataset,
      { ...boostedRequest(config), prepare: { ...config, seed: 4 } },
      (event) => {
        if (event.type === 'member' && event.member === 2) controller.abort();
      },
      controller.signal,
    );
    if (!trained.ok) throw new Error(trained.reason);
    const run = trained.data.summary;
    expect(run.stopped).toBe(true);
    expect(run.members.length).toBeLessThan(5);
    expect(run.members.length).toBeGreaterThanOrEqual(1);
    // Only the folds of the members that ran were predicted out-of-fold: about a fifth of 1,600 rows each.
    expect(run.calibration.rows).toBeLessThanOrEqual(run.members.length * 330);
    const scored = score(trained.data.modelId, { income: '30000', rate: '22', home: 'RENT' });
    expect(scored.ok).toBe(true);
    releaseModel(trained.data.modelId);
  }, 120_000);
});
