// The fair-lending screen's groups: read from the session's data, or from a separate file joined to
// the training file row by row (never stored with the model).
import { describe, expect, it } from 'vitest';
import { configOf, fakeWorkerHost, loadText, loanCsv, NEVER, networkRequest } from '../../test/support/workerFixtures';
import { findModel, releaseModel } from './models';
import { fairness } from './screens';
import { train } from './training';

fakeWorkerHost();

describe('fair-lending screen groups', () => {
  it('joins a separate file by row: the same column there gives the same report as in the data, and row parity gives hand-counted groups', async () => {
    const book = loanCsv(11, 800, 0.6);
    const { dataset, summary } = await loadText(book);
    // The protected column stays out of the features, as the screen asks.
    const prepare = { ...configOf(summary), features: configOf(summary).features.filter((f) => f !== 'home') };
    const trained = await train(dataset, networkRequest(prepare, { model: 'boosted' }), () => undefined, NEVER);
    if (!trained.ok) throw new Error(trained.reason);
    const modelId = trained.data.modelId;
    const lines = book.split('\n');
    const home = lines.slice(1).map((line) => line.split(',')[3]);
    const groupsFile = await loadText(['applicant_home,parity', ...home.map((h, i) => `${h},${i % 2 === 0 ? 'even' : 'odd'}`)].join('\n'), 'groups.csv');

    const inData = fairness(modelId, 'home');
    const joined = fairness(modelId, 'applicant_home', groupsFile.dataset.id);
    if (!inData.ok || !joined.ok) throw new Error('no report');
    expect(joined.data.groups).toEqual(inData.data.groups);
    expect([inData.data.source, joined.data.source, joined.data.usedByModel]).toEqual(['session', 'file', false]);

    // Parity by hand from the test rows' positions in the training file and their probabilities.
    const found = findModel(modelId);
    if (!found.ok || !found.data.rows?.testTable) throw new Error('no test rows');
    const { rows: testRows } = found.data.rows.testTable;
    const pBad = found.data.rows.test.pBad;
    const cutoff = found.data.policy.cutoff;
    const byHand = { even: { applicants: 0, approved: 0 }, odd: { applicants: 0, approved: 0 } };
    testRows.forEach((row, i) => {
      const g = byHand[row % 2 === 0 ? 'even' : 'odd'];
      g.applicants++;
      if (pBad[i] < cutoff) g.approved++;
    });
    const parity = fairness(modelId, 'parity', groupsFile.dataset.id);
    if (!parity.ok) throw new Error(parity.reason);
    expect(Object.fromEntries(parity.data.groups.map((g) => [g.group, { applicants: g.applicants, approved: g.approved }]))).toEqual(byHand);
    releaseModel(modelId);
  }, 60_000);

  it('refuses a groups file whose row count differs from the training file’s, saying both counts', async () => {
    const { dataset, summary } = await loadText(loanCsv(12, 400));
    const trained = await train(dataset, networkRequest(configOf(summary), { model: 'boosted' }), () => undefined, NEVER);
    if (!trained.ok) throw new Error(trained.reason);
    const short = await loadText(['id,group', ...Array.from({ length: 399 }, (_, i) => `${i},${i % 3 === 0 ? 'a' : 'b'}`)].join('\n'), 'short.csv');
    const result = fairness(trained.data.modelId, 'group', short.dataset.id);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/399 rows .* 400/);
    releaseModel(trained.data.modelId);
  }, 60_000);
});
