// The worker's scorecard path in Node: train() routed to the pure core (no tfjs), graded like a
// network, scoring from whole points, and the characteristics report with its edits.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../test/support/csvFixtures';
import { scorecardPoints } from '../core/scorecard/scorecardPoints';
import { DEFAULT_POINTS_SCALE } from '../core/scoring/points';
import { computeCharacteristics, editCharacteristic } from './characteristics';
import type { Dataset } from './datasets';
import { releaseModel } from './models';
import type { PrepareConfig } from '../core/pipeline';
import { prepare } from './preparing';
import { trainScorecard } from './scorecardTraining';
import { cutoffPlan, score } from './scoring';
import { configOf, loadText, NEVER, scorecardRequest as request } from '../../test/support/workerFixtures';
import { train } from './training';

/** 1,000 seeded applicants: default rises as income falls and the rate rises; a text column and missing rates. */
function loanCsv(): string {
  const random = seededRandom(11);
  const lines = ['id,income,rate,home,default'];
  for (let i = 0; i < 1000; i++) {
    const income = Math.round(20_000 + random() * 80_000);
    const rate = random() < 0.05 ? '' : (5 + random() * 20).toFixed(2);
    const home = ['RENT', 'OWN', 'MORTGAGE'][Math.floor(random() * 3)];
    const z = -0.00005 * (income - 60_000) + 0.25 * ((Number(rate) || 15) - 15) + (home === 'RENT' ? 1.2 : 0);
    lines.push(`${1000 + i},${income},${rate},${home},${random() < 1 / (1 + Math.exp(-z)) ? 1 : 0}`);
  }
  return lines.join('\n');
}

async function prepared(): Promise<{ dataset: Dataset; config: PrepareConfig }> {
  const { dataset, summary } = await loadText(loanCsv());
  return { dataset, config: configOf(summary) };
}

describe('scorecard runs in the worker', () => {
  it('trains without tfjs, grades on the test rows, searches cut-offs out-of-fold and scores from whole points', async () => {
    const { dataset, config } = await prepared();
    const events: string[] = [];
    const result = await train(dataset, request(config), (event) => events.push(event.type), NEVER);
    if (!result.ok) throw new Error(result.reason);
    const run = result.data.summary;
    const id = result.data.modelId;
    expect(run.model).toBe('scorecard');
    expect(events).toEqual(['prepared']); // no backend chosen, no epochs
    expect(run.evaluation.metrics.rows).toBe(200);
    expect(run.evaluation.metrics.auc).toBeGreaterThan(0.7);
    expect(run.scorecard!.scorecard.characteristics.map((c) => c.column).sort()).toEqual(['home', 'income', 'rate']);
    expect(run.scorecard!.scorecard.selection.notes).toEqual([]);
    // Every training row predicted out-of-fold once: 800 rows for the cut-off search.
    expect(run.scorecard!.search).toEqual({ source: 'out-of-fold', rows: 800 });
    const plan = cutoffPlan(id, 100, 500, 0.8);
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.data.suggestions.map((s) => [s.rule, s.searchedOn.rows])).toEqual([
      ['max-profit', 800],
      ['max-ks', 800],
      ['approval-rate', 800],
    ]);
    // The out-of-fold search rows are predicted about as well as the test rows (not in-sample: not much better).
    expect(Math.abs(plan.data.suggestions[2].onSearchRows.approvalRate - 0.8)).toBeLessThan(0.02);

    const scale = { baseScore: 500, baseOdds: 20, pointsToDoubleOdds: 40 };
    const scored = score(id, { income: '31000', rate: '', home: 'RENT' }, scale);
    if (!scored.ok) throw new Error(scored.reason);
    const table = scorecardPoints(run.scorecard!.scorecard, scale);
    const bins = scored.data.scorecardBins!;
    expect(bins.find((b) => b.characteristic === 'rate')!.binIndex).toBe(-1); // blank: the missing bin
    const home = run.scorecard!.scorecard.characteristics.find((c) => c.column === 'home')!.binning;
    expect(home.kind === 'categorical' && home.groups[bins.find((b) => b.characteristic === 'home')!.binIndex].levels).toContain('RENT');
    const total = bins.reduce((sum, b) => sum + table.rows.find((r) => r.characteristic === b.characteristic && r.binIndex === b.binIndex)!.points, 0);
    // odds good:bad = 20 · 2^((score − 500) / 40); probability of bad = 1 / (1 + odds).
    expect(scored.data.probabilityOfBad).toBeCloseTo(1 / (1 + 20 * 2 ** ((total - 500) / 40)), 12);
    expect(score(id, { income: 'lots', rate: '10', home: 'OWN' }, scale).ok).toBe(false);
    releaseModel(id);
  });

  it("recomputes the fit's own out-of-fold predictions for the cut-off search: their log loss is the one the fit compared calibrations on", async () => {
    const { dataset, config } = await prepared();
    const data = prepare(dataset, config);
    if (!data.ok) throw new Error(data.reason);
    // So many points per doubling of the odds that whole points round nothing away.
    const fine = { baseScore: 600, baseOdds: 50, pointsToDoubleOdds: 1e7 };
    const fit = trainScorecard(data.data, request(config, { binningOverrides: [], scale: fine }));
    if (!fit.ok) throw new Error(fit.reason);
    const { calibration } = fit.data.scorecard;
    expect(calibration.reason).toBe('compared');
    expect(fit.data.search.bad.length).toBe(calibration.rows);
    // Undo the calibration map the search rows went through: logit = (logit' − b) / a.
    let loss = 0;
    for (let i = 0; i < fit.data.search.bad.length; i++) {
      const p = fit.data.search.pBad[i];
      const logit = (Math.log(p / (1 - p)) - calibration.b) / calibration.a;
      const raw = 1 / (1 + Math.exp(-logit));
      loss -= fit.data.search.bad[i] === 1 ? Math.log(raw) : Math.log(1 - raw);
    }
    expect(loss / fit.data.search.bad.length).toBeCloseTo(calibration.outOfFoldLogLoss!.none, 6);
  });

  it('bins every feature on the training rows ranked by IV; a merge keeps the rows and a split restores the bins', async () => {
    const { dataset, config } = await prepared();
    const report = computeCharacteristics(dataset, config);
    if (!report.ok) throw new Error(report.reason);
    expect(report.data.trainRows).toBe(800);
    const ivs = report.data.features.map((f) => f.iv);
    expect(ivs).toEqual([...ivs].sort((a, b) => b - a));
    const income = report.data.features.find((f) => f.column === 'income')!;
    expect(income.binning.kind).toBe('numeric');
    if (income.binning.kind !== 'numeric') return;
    expect(income.bins.length).toBeGreaterThanOrEqual(3);
    const rows = (bins: readonly { count: number }[]) => bins.reduce((s, b) => s + b.count, 0);
    expect(rows(income.bins)).toBe(800);
    const merged = editCharacteristic(dataset, config, income.binning, { type: 'merge', index: 0, other: 1 });
    if (!merged.ok) throw new Error(merged.problem);
    expect(merged.data.bins.length).toBe(income.bins.length - 1);
    expect(rows(merged.data.bins)).toBe(800);
    expect(merged.data.bins[0].count).toBe(income.bins[0].count + income.bins[1].count);
    expect(merged.data.iv).toBeCloseTo(
      merged.data.bins.reduce((s, b) => s + b.iv, 0),
      12,
    );
    expect(merged.data.edited).toBe(true);
    const split = editCharacteristic(dataset, config, merged.data.binning, { type: 'split', at: income.binning.edges[0] });
    if (!split.ok) throw new Error(split.problem);
    expect(split.data.bins.map((b) => b.count)).toEqual(income.bins.map((b) => b.count));
    expect(editCharacteristic(dataset, config, merged.data.binning, { type: 'split', at: merged.data.binning.kind === 'numeric' ? merged.data.binning.edges[0] : 0 })).toEqual({
      ok: false,
      problem: 'split-at-edge',
    });
    expect(editCharacteristic(dataset, config, merged.data.binning, { type: 'split', at: -1e9 })).toEqual({ ok: false, problem: 'split-empty-side' });

    // A scorecard trained with the merged bins uses them as given.
    const result = await train(dataset, request(config, { binningOverrides: [merged.data.binning], scale: DEFAULT_POINTS_SCALE }), () => undefined, NEVER);
    if (!result.ok) throw new Error(result.reason);
    const used = result.data.summary.scorecard!.scorecard.characteristics.find((c) => c.column === 'income')!;
    expect(used.edited).toBe(true);
    expect(used.binning).toEqual(merged.data.binning);
    expect(result.data.summary.scorecard!.editedCharacteristics).toEqual(['income']);
    releaseModel(result.data.modelId);
  });
});
