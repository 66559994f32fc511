import path from 'node:path';
import { expect, test } from './fixtures';
import type { CreditLabPage, PointsTableRow } from './creditLabPage';

const CREDIT_RISK = path.resolve('../shared/data/credit_risk_dataset.csv');

/** The points-table row of `characteristic` an applicant's answer falls into, read from the bins' bounds and levels as a person reads the table. */
function binOf(rows: readonly PointsTableRow[], characteristic: string, answer: string): PointsTableRow {
  const bins = rows.filter((r) => r.characteristic === characteristic);
  expect(bins.length, `points-table has bins for ${characteristic}`).toBeGreaterThan(1);
  const found =
    answer.trim() === ''
      ? bins.find((b) => b.missing)
      : bins[0].levels === null && !bins[0].missing
        ? bins.find((b) => b.lower !== null && b.upper !== null && b.lower <= Number(answer) && Number(answer) < b.upper)
        : (bins.find((b) => b.levels?.includes(answer)) ?? bins.find((b) => b.unseen));
  if (!found) throw new Error(`no bin of ${characteristic} holds "${answer}": ${JSON.stringify(bins)}`);
  return found;
}

/** Probability of bad for a score on the scale: odds good:bad = baseOdds · 2^((score − baseScore) / PDO), p = 1 / (1 + odds). */
function probabilityForScore(score: number, scale: { baseScore: number; baseOdds: number; pdo: number }): number {
  return 1 / (1 + scale.baseOdds * 2 ** ((score - scale.baseScore) / scale.pdo));
}

/** CSV text → rows of cells (quoted cells with commas, doubled quotes; CRLF or LF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/**
 * Types `applicant` into the form, scores, and checks that the points of the bins the applicant falls
 * into (read from points-table) add up to the score shown, and that the probability shown is the one
 * the points scale gives for that score. Returns the score.
 */
async function checkApplicantAddsUp(app: CreditLabPage, applicant: Record<string, string>): Promise<number> {
  await app.scoreApplicant(applicant);
  // A result shown before this one says it is for the answers as last scored, until the new one replaces it.
  await expect(app.scoreResult.locator('.hint'), 'no note that the result is for the answers as last scored').toHaveCount(0);
  const shown = await app.scoreResultState();
  const rows = await app.pointsTable();
  const scale = await app.pointsScale();
  const characteristics = [...new Set(rows.map((r) => r.characteristic))];
  let total = 0;
  for (const characteristic of characteristics) {
    expect(Object.keys(applicant), `the applicant has an answer for ${characteristic}`).toContain(characteristic);
    const bin = binOf(rows, characteristic, applicant[characteristic]);
    expect(bin.shownPoints, "the points cell shows the bin's points").toBe(bin.points);
    expect(Number.isInteger(bin.points), 'whole points per bin').toBe(true);
    total += bin.points;
    // The form's own breakdown names the same bin.
    await expect(app.page.getByTestId('score-breakdown').locator(`li[data-characteristic=${JSON.stringify(characteristic)}]`)).toHaveAttribute(
      'data-bin-index',
      String(bin.binIndex),
    );
  }
  expect(shown.points, `score = sum of the points of the applicant's bins (${characteristics.join(', ')})`).toBe(total);
  expect(shown.probabilityOfBad, 'probability of bad = 1 / (1 + baseOdds · 2^((score − baseScore) / PDO))').toBeCloseTo(probabilityForScore(total, scale), 12);
  await expect(app.page.getByTestId('score-points')).toHaveText(String(total));
  return total;
}

/** Trains a scorecard on the loaded data and checks what every model shows besides: held-out metrics, out-of-fold cut-off suggestions, selection notes. */
async function trainScorecard(app: CreditLabPage, minAuc: number): Promise<void> {
  await app.chooseModel('scorecard');
  await expect(app.page.getByTestId('hidden-units-input'), 'a scorecard has no network settings').toHaveCount(0);
  await app.train();
  await expect(app.page.getByTestId('runs-table').locator('tbody tr').last()).toHaveAttribute('data-model', 'scorecard');
  expect(await app.metric('auc')).toBeGreaterThan(minAuc);
  expect(await app.metric('logloss')).toBeLessThan(Number((await app.page.getByTestId('metric-logloss').locator('xpath=following-sibling::td[1]').innerText()).trim()));
  const split = await app.split();
  // Calibrated out-of-fold (none or Platt: an affine map keeps the points additive), never on the test rows.
  const calibration = app.page.getByTestId('calibration-summary');
  await expect(calibration).toHaveAttribute('data-fitted-on', 'out-of-fold');
  await expect(calibration).toHaveAttribute('data-rows', String(split.trainRows));
  await expect(calibration).toHaveAttribute('data-method', /^(none|platt)$/);
  const suggestions = await app.cutoffSuggestions();
  for (const rule of ['max-profit', 'max-ks', 'approval-rate']) {
    expect(suggestions[rule].searchSource, `${rule} is searched out-of-fold`).toBe('out-of-fold');
    expect(suggestions[rule].searchRows, `${rule} is searched on every training row`).toBe(split.trainRows);
    expect(suggestions[rule].testRows).toBe(split.testRows);
  }
  // Every candidate is either in the points table or named in the notes, with a reason code.
  const kept = new Set((await app.pointsTable()).map((r) => r.characteristic));
  const notes = app.page.getByTestId('scorecard-notes').locator('li[data-column]');
  const left = await notes.evaluateAll((els) =>
    els.map((el) => ({ column: el.getAttribute('data-column') ?? '', code: el.getAttribute('data-code') ?? '', text: el.textContent ?? '' })),
  );
  for (const note of left) {
    expect(['low-iv', 'correlated', 'kept-best-below-min-iv']).toContain(note.code);
    expect(note.text, 'the note names its characteristic').toContain(note.column);
    if (note.code !== 'kept-best-below-min-iv') expect(kept.has(note.column), `${note.column} is left out`).toBe(false);
  }
}

/** The downloaded CSV has the header and one row per bin of points-table, with the same points. */
async function checkCsv(app: CreditLabPage): Promise<void> {
  const rows = await app.pointsTable();
  const { fileName, text } = await app.downloadPointsTable();
  expect(fileName).toBe('scorecard-points.csv');
  const [header, ...lines] = parseCsv(text);
  expect(header).toEqual(['characteristic', 'bin', 'woe', 'points']);
  expect(lines.length, 'one CSV row per bin').toBe(rows.length);
  lines.forEach((line, i) => {
    expect(line[0]).toBe(rows[i].characteristic);
    expect(line[1]).toBe(rows[i].label);
    expect(Number(line[3])).toBe(rows[i].points);
    expect(Number(line[2])).toBeCloseTo(rows[i].woe, 5);
  });
}

test("a scorecard on the sample book: an applicant's bin points add up to the score, the probability follows the scale, on any scale; the CSV has a row per bin", async ({
  app,
  page,
}) => {
  await app.goto();
  await app.loadSample();
  await app.waitForCleaned();
  await trainScorecard(app, 0.7);
  const applicant = {
    age: '41',
    annual_income: '38500',
    employment_years: '2.5',
    loan_amount: '14000',
    loan_term_months: '60',
    interest_rate: '16.2',
    credit_history_years: '4',
    open_accounts: '5',
    past_delinquencies: '1',
    debt_to_income: '0.38',
    home_ownership: 'RENT',
    loan_purpose: 'credit card',
    employment_type: 'salaried',
  };
  const first = await checkApplicantAddsUp(app, applicant);
  // A safer applicant scores more points.
  const safer = await checkApplicantAddsUp(app, {
    ...applicant,
    annual_income: '120000',
    interest_rate: '6.5',
    debt_to_income: '0.1',
    past_delinquencies: '0',
    home_ownership: 'MORTGAGE',
  });
  expect(safer).toBeGreaterThan(first);

  // Another scale: the table's points, the score and the probability all follow it at once.
  await page.getByTestId('pdo-input').fill('40');
  await page.getByTestId('base-score-input').fill('500');
  await expect(page.getByTestId('points-table-scale')).toHaveAttribute('data-pdo', '40');
  await expect(page.getByTestId('points-table-scale')).toHaveAttribute('data-base-score', '500');
  const rescored = await checkApplicantAddsUp(app, applicant);
  expect(rescored).not.toBe(first);
  await checkCsv(app);
});

test('a scorecard on credit_risk_dataset.csv: a blank interest rate falls in the missing bin and the points still add up', async ({ app }) => {
  test.setTimeout(180_000);
  await app.goto();
  await app.uploadCsv(CREDIT_RISK);
  await app.waitForCleaned();
  await app.ensureTarget('loan_status');
  await app.waitForCleaned();
  await trainScorecard(app, 0.85);
  const applicant = {
    person_age: '28',
    person_income: '45000',
    person_home_ownership: 'RENT',
    person_emp_length: '3',
    loan_intent: 'EDUCATION',
    loan_grade: 'C',
    loan_amnt: '10000',
    loan_int_rate: '',
    loan_percent_income: '0.22',
    cb_person_default_on_file: 'N',
    cb_person_cred_hist_length: '6',
  };
  await checkApplicantAddsUp(app, applicant);
  const rows = await app.pointsTable();
  if (rows.some((r) => r.characteristic === 'loan_int_rate')) {
    await expect(app.page.getByTestId('score-breakdown').locator('li[data-characteristic="loan_int_rate"]'), 'a blank rate is in the missing bin').toHaveAttribute(
      'data-bin-index',
      '-1',
    );
  }
  await checkApplicantAddsUp(app, { ...applicant, loan_int_rate: '17.9', loan_grade: 'E', loan_percent_income: '0.45' });
  await checkCsv(app);
});
