// Reasons in the worker, per model kind, checked against an independent reading of the bundle:
// a logistic regression's exact terms recomputed from its stored weights, the trees' contributions
// adding up to the logit difference, a scorecard's shortfalls from its points table.
import { describe, expect, it } from 'vitest';
import { configOf, fakeWorkerHost, loadText, NEVER, networkRequest, scorecardRequest } from '../../test/support/workerFixtures';
import { seededRandom } from '../../test/support/csvFixtures';
import { ensembleLogits } from '../core/boosting/ensemble';
import { forestShapley } from '../core/boosting/treeShap';
import type { ModelBundle } from '../core/bundle/types';
import { encodeApplicant } from '../core/features/preprocessor';
import { slotGroups } from '../core/importance/permutationImportance';
import { MAX_REASONS, referenceRecord } from '../core/reasons/reasons';
import { scorecardPoints } from '../core/scorecard/scorecardPoints';
import { releaseModel } from './models';
import { bundleOf, score } from './scoring';
import { train } from './training';

fakeWorkerHost();

/** 1,500 seeded applicants: risk rises with the rate and falls with income; renting adds risk. */
function bookCsv(): string {
  const random = seededRandom(21);
  const lines = ['income,rate,home,default'];
  for (let i = 0; i < 1500; i++) {
    const income = Math.round(20_000 + random() * 80_000);
    const rate = (5 + random() * 20).toFixed(2);
    const home = ['RENT', 'OWN', 'MORTGAGE'][Math.floor(random() * 3)];
    const z = -0.00005 * (income - 60_000) + 0.3 * (Number(rate) - 15) + (home === 'RENT' ? 0.8 : 0);
    lines.push(`${income},${rate},${home},${random() < 1 / (1 + Math.exp(-z)) ? 1 : 0}`);
  }
  return lines.join('\n');
}

/** The float32 weights of a bundle member, decoded from base64 without tfjs. */
function weightsOf(bundle: ModelBundle, member: number): Float32Array {
  if (bundle.model.kind !== 'network') throw new Error('not a network');
  const bytes = Uint8Array.from(atob(bundle.model.members[member].weightData), (c) => c.charCodeAt(0));
  return new Float32Array(bytes.buffer);
}

const RISKY = { income: '25000', rate: '24.5', home: 'RENT' };

describe('reasons', () => {
  it('of a logistic regression are its exact terms: the members’ mean w·(x − r) per column, from the stored weights', async () => {
    const { dataset, summary } = await loadText(bookCsv());
    const trained = await train(dataset, networkRequest(configOf(summary), { network: { kind: 'logistic', hiddenUnits: [], dropout: 0, seed: 3 } }), () => undefined, NEVER);
    if (!trained.ok) throw new Error(trained.reason);
    const bundle = trained.data.bundle;
    const scored = score(trained.data.modelId, RISKY);
    if (!scored.ok) throw new Error(scored.reason);
    expect(scored.data.reasonBasis).toBe('exact-terms');
    const pre = bundle.preprocessing;
    const x = encodeApplicant(pre, RISKY);
    const r = encodeApplicant(pre, referenceRecord(pre, bundle.reference.typical!));
    if (bundle.model.kind !== 'network') throw new Error('not a network');
    const members = bundle.model.members.length;
    const expected = new Map<string, number>();
    for (const { column, slots } of slotGroups(pre)) {
      let sum = 0;
      for (let m = 0; m < members; m++) {
        const w = weightsOf(bundle, m); // kernel (width values) then the bias
        for (const s of slots) sum += (w[s] * (x[s] - r[s])) / members;
      }
      expected.set(column, sum); // label 1 is default = bad here
    }
    const positive = [...expected.entries()].filter(([, v]) => v > 1e-9).sort((a, b) => b[1] - a[1]);
    expect(scored.data.reasons!.map((reason) => reason.column)).toEqual(positive.slice(0, MAX_REASONS).map(([c]) => c));
    for (const reason of scored.data.reasons!) expect(reason.weight).toBeCloseTo(expected.get(reason.column)!, 4);
    // A 24.5% rate is far above good applicants' typical rate: the reason says so, with their median.
    const rate = scored.data.reasons!.find((reason) => reason.column === 'rate')!;
    expect(rate.code).toBe('above-typical');
    expect(Number(rate.typical)).toBeLessThan(15);
    releaseModel(trained.data.modelId);
  }, 120_000);

  it('of boosted trees are exact Shapley values: all columns together move the logit from the reference applicant’s to this one’s', async () => {
    const { dataset, summary } = await loadText(bookCsv());
    const trained = await train(dataset, networkRequest(configOf(summary), { model: 'boosted' }), () => undefined, NEVER);
    if (!trained.ok) throw new Error(trained.reason);
    const full = bundleOf(trained.data.modelId);
    if (!full.ok) throw new Error(full.reason);
    const bundle = full.data;
    if (bundle.model.kind !== 'boosted') throw new Error('not boosted');
    const scored = score(trained.data.modelId, RISKY);
    if (!scored.ok) throw new Error(scored.reason);
    expect(scored.data.reasonBasis).toBe('tree-shapley');
    const pre = bundle.preprocessing;
    const x = encodeApplicant(pre, RISKY);
    const r = encodeApplicant(pre, referenceRecord(pre, bundle.reference.typical!));
    const phi = forestShapley(bundle.model.forests, x, r, pre.width);
    const logit = (row: Float32Array) => ensembleLogits(bundle.model.kind === 'boosted' ? bundle.model.forests : [], row, pre.width)[0];
    expect(phi.reduce((a, b) => a + b, 0)).toBeCloseTo(logit(x) - logit(r), 9);
    expect(scored.data.reasons!.length).toBeGreaterThan(0);
    expect(scored.data.reasons!.length).toBeLessThanOrEqual(MAX_REASONS);
    expect(scored.data.reasons![0].column).toBe('rate');
    const weights = scored.data.reasons!.map((reason) => reason.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    releaseModel(trained.data.modelId);
  }, 120_000);

  it('of a scorecard are the points each characteristic falls short of its best bin, largest first', async () => {
    const { dataset, summary } = await loadText(bookCsv());
    const trained = await train(dataset, scorecardRequest(configOf(summary)), () => undefined, NEVER);
    if (!trained.ok) throw new Error(trained.reason);
    const bundle = trained.data.bundle;
    if (bundle.model.kind !== 'scorecard') throw new Error('not a scorecard');
    const scored = score(trained.data.modelId, RISKY);
    if (!scored.ok) throw new Error(scored.reason);
    expect(scored.data.reasonBasis).toBe('points-below-best');
    const table = scorecardPoints(bundle.model.scorecard, bundle.policy.scale);
    for (const reason of scored.data.reasons!) {
      const rows = table.rows.filter((row) => row.characteristic === reason.column);
      const bin = scored.data.scorecardBins!.find((b) => b.characteristic === reason.column)!;
      const own = rows.find((row) => row.binIndex === bin.binIndex)!.points;
      expect(reason.weight).toBe(Math.max(...rows.map((row) => row.points)) - own);
      expect(reason.code).toBe('bin');
    }
    expect(scored.data.reasons!.map((reason) => reason.column)).toContain('rate');
    releaseModel(trained.data.modelId);
  }, 120_000);
});
