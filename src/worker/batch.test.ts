// Batch scoring in the worker: the schema check, per-row flags, the same scores and reasons as the
// form gives one applicant, drift against the training rows, and a CSV a spreadsheet cannot run.
import { describe, expect, it } from 'vitest';
import { configOf, fakeWorkerHost, loadText, NEVER, networkRequest, scorecardRequest } from '../../test/support/workerFixtures';
import type { Reason } from '../core/reasons/reasons';
import { batchCsv, batchRows, scoreBatch } from './batch';
import { releaseModel } from './models';
import { score } from './scoring';
import { train } from './training';

fakeWorkerHost();

async function trainedModel(model: 'boosted' | 'network' | 'scorecard' = 'boosted') {
  const { dataset, summary } = await loadText(loanBook());
  const trained = await train(dataset, model === 'scorecard' ? scorecardRequest(configOf(summary)) : networkRequest(configOf(summary), { model }), () => undefined, NEVER);
  if (!trained.ok) throw new Error(trained.reason);
  return trained.data;
}

/** 1,200 seeded applicants: risk rises with the rate and falls with income. */
function loanBook(): string {
  let seed = 5;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const lines = ['id,income,rate,home,default'];
  for (let i = 0; i < 1200; i++) {
    const income = Math.round(20_000 + random() * 80_000);
    const rate = (5 + random() * 20).toFixed(2);
    const home = ['RENT', 'OWN', 'MORTGAGE'][Math.floor(random() * 3)];
    const z = -0.00005 * (income - 60_000) + 0.3 * (Number(rate) - 15) + (home === 'RENT' ? 0.8 : 0);
    lines.push(`${i},${income},${rate},${home},${random() < 1 / (1 + Math.exp(-z)) ? 1 : 0}`);
  }
  return lines.join('\n');
}

describe('batch scoring', () => {
  it('refuses a file without a model column, naming it', async () => {
    const model = await trainedModel();
    const { dataset } = await loadText('income,home\n30000,RENT\n', 'batch.csv');
    const result = await scoreBatch(dataset.id, model.modelId, () => undefined, NEVER);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('rate');
    releaseModel(model.modelId);
  }, 60_000);

  it('scores each row as the form scores it, flags odd cells, passes extra columns through and writes injection-safe CSV', async () => {
    const model = await trainedModel();
    const text = ['note,income,rate,home', '=HYPERLINK("http://x"),30000,22,RENT', 'ok,95000,6,OWN', 'unseen,61000,12,castle', 'blank,,12,OWN', 'text,lots,12,OWN'].join('\n');
    const { dataset } = await loadText(text, 'batch.csv');
    const progress: number[] = [];
    const result = await scoreBatch(dataset.id, model.modelId, (done) => progress.push(done), NEVER);
    if (!result.ok) throw new Error(result.reason);
    const summary = result.data;
    expect(summary).toMatchObject({ rows: 5, scored: 4, unscorable: 1, extraColumns: ['note'] });
    expect(summary.flagCounts).toMatchObject({ UNSEEN_LEVEL: 1, MISSING: 1, NOT_A_NUMBER: 1 });
    expect(progress.at(-1)).toBe(5);
    const page = batchRows(summary.batchId, 'all', 0, 10);
    if (!page.ok) throw new Error(page.reason);
    const [first, second, , , fifth] = page.data.rows;
    // The same probability and reasons as one applicant scored in the form.
    const single = score(model.modelId, { income: '30000', rate: '22', home: 'RENT' });
    if (!single.ok) throw new Error(single.reason);
    expect(first.probabilityOfBad).toBeCloseTo(single.data.probabilityOfBad, 6);
    expect(first.reasons.map((r) => r.column)).toEqual(single.data.reasons!.map((r) => r.column));
    expect(second.flags).toEqual([]);
    expect(fifth).toMatchObject({ probabilityOfBad: null, decision: null, flags: ['NOT_A_NUMBER'] });
    const flagged = batchRows(summary.batchId, 'flagged', 0, 10);
    if (!flagged.ok) throw new Error(flagged.reason);
    expect(flagged.data.total).toBe(3);
    const declined = batchRows(summary.batchId, 'declined', 0, 10);
    if (!declined.ok) throw new Error(declined.reason);
    expect(declined.data.total).toBe(summary.declined);
    const csv = batchCsv(summary.batchId);
    if (!csv.ok) throw new Error(csv.reason);
    const lines = csv.data
      .map((chunk) => new TextDecoder().decode(chunk))
      .join('')
      .split('\r\n');
    expect(lines[0]).toBe('note,income,rate,home,probability_of_bad,points,decision,reasons,flags');
    // The formula is defused: a leading quote mark inside a quoted cell.
    expect(lines[1].startsWith(`"'=HYPERLINK(""http://x"")"`)).toBe(true);
    releaseModel(model.modelId);
  }, 60_000);

  it('measures drift: a batch like the training rows is stable, one with every income doubled has shifted', async () => {
    const model = await trainedModel();
    const same = await loadText(loanBook(), 'same.csv');
    const shifted = await loadText(
      loanBook()
        .split('\n')
        .map((line, i) => (i === 0 ? line : line.replace(/^(\d+),(\d+)/, (_, id, income) => `${id},${Number(income) * 2 + 100_000}`)))
        .join('\n'),
      'shifted.csv',
    );
    const a = await scoreBatch(same.dataset.id, model.modelId, () => undefined, NEVER);
    const b = await scoreBatch(shifted.dataset.id, model.modelId, () => undefined, NEVER);
    if (!a.ok || !b.ok) throw new Error('not scored');
    const income = (s: typeof a.data) => s.featureDrift.features.find((f) => f.column === 'income')!;
    expect(income(a.data).psi).toBeLessThan(0.1);
    expect(income(b.data).reading).toBe('shifted');
    expect(a.data.scoreDrift!.psi).toBeLessThan(0.1);
    expect(b.data.scoreDrift!.psi).toBeGreaterThan(0.25);
    releaseModel(model.modelId);
  }, 60_000);

  it.each(['network', 'scorecard', 'boosted'] as const)(
    'gives a %s’s reasons to every row, approved and declined, each as the form gives that applicant',
    async (kind) => {
      const model = await trainedModel(kind);
      // Every row of the training book again: approved and declined rows both.
      const book = loanBook().split('\n');
      const applicants = [book[0].replace(',default', ''), ...book.slice(1, 301).map((line) => line.slice(0, line.lastIndexOf(',')))].join('\n');
      const { dataset } = await loadText(applicants, 'applicants.csv');
      const result = await scoreBatch(dataset.id, model.modelId, () => undefined, NEVER);
      if (!result.ok) throw new Error(result.reason);
      const page = batchRows(result.data.batchId, 'all', 0, 300);
      if (!page.ok) throw new Error(page.reason);
      const rows = page.data.rows;
      expect(new Set(rows.map((r) => r.decision))).toEqual(new Set(['approve', 'decline']));
      const approvedWithReasons = rows.filter((r) => r.decision === 'approve' && r.reasons.length > 0).length;
      expect(approvedWithReasons).toBeGreaterThan(50);
      const header = book[0].split(',');
      for (const r of rows.filter((_, i) => i % 15 === 0)) {
        const cells = book[r.row].split(',');
        const single = score(model.modelId, Object.fromEntries(header.slice(0, -1).map((name, i) => [name, cells[i]])));
        if (!single.ok) throw new Error(single.reason);
        expect(single.data.reasonBasis).toBe({ network: 'integrated-gradients', scorecard: 'points-below-best', boosted: 'tree-shapley' }[kind]);
        expect(r.probabilityOfBad).toBeCloseTo(single.data.probabilityOfBad, 5);
        // The batch quotes a number as read ("22.2" for the file's "22.20"), so answers are compared as values.
        const said = (reason: Reason) => [
          reason.column,
          reason.code,
          reason.value === '' || Number.isNaN(Number(reason.value)) ? reason.value : Number(reason.value),
          reason.typical,
        ];
        expect(r.reasons.map(said)).toEqual((single.data.reasons ?? []).map(said));
        r.reasons.forEach((reason, i) => expect(reason.weight).toBeCloseTo(single.data.reasons![i].weight, 3));
      }
      releaseModel(model.modelId);
    },
    120_000,
  );

  it('reads a decimal-comma book as the form does: a scorecard with reasons gets each row the score of its own answers', async () => {
    // Semicolons between cells and commas in the rates; the batch's numbers go back to the scorecard as text.
    const book = loanBook()
      .split('\n')
      .map((line) => line.replaceAll(',', ';').replace(/(\d)\.(\d)/g, '$1,$2'))
      .join('\n');
    const { dataset: training, summary } = await loadText(book);
    expect(summary.notes.decimal, 'the reader found the decimal comma').toBe(',');
    const trained = await train(training, scorecardRequest(configOf(summary, 3, { decimal: summary.notes.decimal })), () => undefined, NEVER);
    if (!trained.ok) throw new Error(trained.reason);
    const modelId = trained.data.modelId;
    // Three decimals: read back as "12.375", a decimal-comma reader takes the point for a thousands separator.
    const rates = ['6,125', '12,375', '18,625', '24,875'];
    const { dataset } = await loadText(['income;rate;home', ...rates.map((rate) => `45000;${rate};RENT`)].join('\n'), 'batch.csv');
    const result = await scoreBatch(dataset.id, modelId, () => undefined, NEVER);
    if (!result.ok) throw new Error(result.reason);
    const page = batchRows(result.data.batchId, 'all', 0, 10);
    if (!page.ok) throw new Error(page.reason);
    const batchP = page.data.rows.map((row) => row.probabilityOfBad);
    const formP = rates.map((rate) => {
      const single = score(modelId, { income: '45000', rate, home: 'RENT' });
      if (!single.ok) throw new Error(single.reason);
      return single.data.probabilityOfBad;
    });
    expect(batchP).toEqual(formP);
    // The rate matters in this book, so a misread 12,375 (as 12,375 thousand) would not go unseen.
    expect(new Set(formP).size).toBeGreaterThan(1);
    releaseModel(modelId);
  }, 60_000);
});
