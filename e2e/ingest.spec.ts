import { readFileSync } from 'node:fs';
import { parseCount } from './creditLabPage.js';
import { expect, test } from './fixtures.js';
import { parseCsvText } from './support/csv.js';
import { sharedDataPath } from './support/fixtureFiles.js';
import { keptRows, readSampleBook } from './support/sampleBook.js';

/**
 * The shared data sets with their expected counts.
 *
 * `loaded` is the data README's rows × cols. `cleaned` was derived independently of the app, with a
 * throwaway python3 script (csv module; whitespace-split for german.data) applying the default plan:
 * exact duplicate rows dropped (first kept), rows with an empty label dropped, rows whose age-named
 * column is outside 0–150 dropped, then feature columns = all columns but the target, minus
 * identifiers (text with ≥ 90% distinct values, or unique numbers named like an id) and constant or
 * all-missing columns; column-count = features + 1 (the target). What it found:
 * - credit_risk_dataset.csv: 165 duplicates, 0 unlabeled, 0 ages outside 0–150 (max 144), no
 *   identifier or constant column → 32581 − 165 = 32416 rows; 11 features + 1 = 12 columns.
 * - german_credit.csv: 0 duplicates, 0 unlabeled, ages 19–75 → 1000 rows; 20 + 1 = 21 columns.
 * - german.data (no header; columns col1…col21, no column named like age): 1000 rows; 20 + 1 = 21.
 * - loan_prediction_train.csv: 0 duplicates (Loan_ID makes every row unique), 0 unlabeled, no age
 *   column; Loan_ID (614 distinct of 614) is an identifier → 614 rows; 11 + 1 = 12 columns.
 */
const DATA_SETS = [
  {
    file: 'credit_risk_dataset.csv',
    target: 'loan_status',
    loaded: { rows: 32_581, columns: 12 },
    cleaned: { rows: 32_416, columns: 12 },
    duplicates: 165,
  },
  { file: 'german_credit.csv', target: 'class', loaded: { rows: 1_000, columns: 21 }, cleaned: { rows: 1_000, columns: 21 }, duplicates: 0 },
  { file: 'german.data', target: 'col21', loaded: { rows: 1_000, columns: 21 }, cleaned: { rows: 1_000, columns: 21 }, duplicates: 0 },
  {
    file: 'loan_prediction_train.csv',
    target: 'Loan_Status',
    loaded: { rows: 614, columns: 13 },
    cleaned: { rows: 614, columns: 12 },
    duplicates: 0,
  },
] as const;

/** The column names the app should show: the header line, or col1…colN for german.data. */
function expectedColumnNames(file: string, columns: number): string[] {
  if (file === 'german.data') return Array.from({ length: columns }, (_, i) => `col${i + 1}`);
  const firstLine = readFileSync(sharedDataPath(file), 'utf8').split(/\r?\n/, 1)[0];
  return parseCsvText(firstLine)[0];
}

for (const data of DATA_SETS) {
  test(`${data.file}: loads ${data.loaded.rows}×${data.loaded.columns}, cleans to ${data.cleaned.rows}×${data.cleaned.columns}, profiles and previews every row`, async ({
    app,
  }) => {
    await app.goto();
    await app.startCountRecorder();
    await app.uploadCsv(sharedDataPath(data.file));

    // Right after reading: the file's own data rows and columns.
    expect(await app.countsAtStage('loaded'), 'row-count / column-count at data-stage=loaded').toEqual(data.loaded);

    // With the target chosen, the default cleaning plan runs.
    await app.ensureTarget(data.target);
    await expect.poll(() => app.counts(), { message: 'row-count / column-count after cleaning', timeout: 60_000 }).toEqual({ stage: 'cleaned', ...data.cleaned });
    await expect(app.columnCount).toHaveAttribute('data-stage', 'cleaned');

    // Profile: one row per column of the file, named after it.
    await expect(app.columnProfile).toBeVisible();
    // The rows mount a few a frame: poll until they are all there.
    await expect.poll(() => app.profiledColumns(), { message: 'column-profile rows (data-column)' }).toEqual(expectedColumnNames(data.file, data.loaded.columns));
    await expect(app.page.getByTestId('target-balance'), 'target-balance shows counts').toContainText(/\d/);

    // Preview: row 0 is rendered at first; scrolling to the bottom eventually renders the last row.
    await expect(app.dataPreview).toBeVisible();
    await expect(app.dataPreview.locator('[data-row-index="0"]'), 'preview renders row 0').toHaveCount(1);
    // The preview shows the file as loaded (the profile's view), so its last row is loaded.rows − 1.
    const lastIndex = data.loaded.rows - 1;
    await expect
      .poll(
        async () => {
          expect(await app.scrollPreviewToBottom(), 'data-preview has a vertical scroll container').toBe(true);
          return Math.max(...(await app.renderedPreviewRows()));
        },
        { message: `after scrolling to the bottom, the preview renders row index ${lastIndex}`, timeout: 15_000 },
      )
      .toBe(lastIndex);
    const rendered = await app.renderedPreviewRows();
    expect(rendered.length, 'rows rendered at the bottom').toBeGreaterThan(0);
    if (data.loaded.rows > 1_000) {
      // Virtualised: only a window of rows is in the DOM, not all of them.
      expect(rendered.length, 'rows in the DOM at once').toBeLessThan(500);
      expect(rendered, 'row 0 left the DOM after scrolling to the end').not.toContain(0);
    }

    if (data.duplicates > 0) {
      await expect(app.cleaningReport.locator('tr[data-step="duplicates"] td').last(), 'duplicate rows removed').toHaveText(data.duplicates.toLocaleString('en-US'));
    }
  });
}

test('credit_risk_dataset.csv: the removed-rows download lists the 165 duplicates with their reason', async ({ app }) => {
  const file = sharedDataPath('credit_risk_dataset.csv');
  await app.goto();
  await app.uploadCsv(file);
  await app.ensureTarget('loan_status');
  await expect.poll(() => app.counts(), { timeout: 60_000 }).toEqual({ stage: 'cleaned', rows: 32_416, columns: 12 });

  const { text } = await app.downloadRemovedRows();
  const [header, ...rows] = parseCsvText(text).filter((row) => !(row.length === 1 && row[0] === ''));
  const reasonAt = header.indexOf('removal_reason');
  expect(reasonAt, `removal_reason in the header ${JSON.stringify(header)}`).toBeGreaterThanOrEqual(0);

  const original = parseCsvText(readFileSync(file, 'utf8'));
  const originalHeader = original[0];
  for (const name of originalHeader) expect(header, "the download keeps the file's columns").toContain(name);
  expect(rows.length, 'data rows in the removed-rows download').toBe(165);
  for (const row of rows) expect(row[reasonAt], 'removal_reason').toMatch(/^duplicate/i);

  // Each removed row is a row of the file, as written there.
  const originalRows = new Set(original.slice(1).map((row) => JSON.stringify(row)));
  const asInFile = (row: string[]) => JSON.stringify(originalHeader.map((name) => row[header.indexOf(name)]));
  const notInFile = rows.filter((row) => !originalRows.has(asInFile(row)));
  expect(notInFile.slice(0, 3), 'removed rows that do not match a row of the file (first 3)').toEqual([]);
});

test('counts use thousands separators and parse back', () => {
  // Guards the helper every test above relies on.
  expect(parseCount('32,581')).toBe(32_581);
  expect(parseCount(' 614 ')).toBe(614);
  expect(parseCount('1,000,000')).toBe(1_000_000);
  expect(parseCount('32,581 rows')).toBeNaN();
  expect(parseCount(null)).toBeNaN();
});

test('sample loan book: dropping rows with a missing employment_years, then capping annual_income, removes exactly those rows', async ({ app, page }) => {
  // Expected counts from the file itself (support/sampleBook.ts applies the rules in the app's order).
  const book = readSampleBook();
  const base = { target: 'default', labels: ['0', '1'] as const, ranges: { age: { min: 0, max: 150 } } };
  const byDefault = keptRows(book, base);
  const dropMissing = keptRows(book, { ...base, dropMissing: ['employment_years'] });
  const capped = keptRows(book, { ...base, ranges: { ...base.ranges, annual_income: { max: 200_000 } }, dropMissing: ['employment_years'] });
  expect(dropMissing.removed['missing:employment_years'], 'the sample has kept rows with no employment_years').toBeGreaterThan(0);
  expect(capped.removed['range:annual_income'], 'the sample has kept rows with an income over 200,000').toBeGreaterThan(0);
  const shown = (n: number) => n.toLocaleString('en-US');
  const rowsAfter = page.getByTestId('clean-rows-after');

  await app.goto();
  await app.loadSample();
  await app.ensureTarget('default');
  await expect(page.getByTestId('clean-rows-before')).toHaveText(shown(book.rows.length));
  await expect(rowsAfter, 'rows kept by the default plan').toHaveText(shown(byDefault.kept.length));

  await page.getByTestId('missing-strategy-employment_years').selectOption('drop-row');
  await expect(rowsAfter, `rows kept once the ${dropMissing.removed['missing:employment_years']} rows missing employment_years are dropped`).toHaveText(
    shown(dropMissing.kept.length),
  );
  await expect(app.rowCount).toHaveAttribute('data-stage', 'cleaned');
  await expect(app.rowCount, 'row-count follows the cleaning').toHaveText(shown(dropMissing.kept.length));

  const maxIncome = page.getByTestId('range-max-annual_income');
  await maxIncome.fill('200000');
  await maxIncome.blur();
  await expect(rowsAfter, `rows kept once ${capped.removed['range:annual_income']} incomes over 200,000 are out of range too`).toHaveText(shown(capped.kept.length));
  await expect(app.rowCount).toHaveText(shown(capped.kept.length));

  // And back: filling the missing values again restores those rows (the range rule stays).
  await page.getByTestId('missing-strategy-employment_years').selectOption('median');
  const rangeOnly = keptRows(book, { ...base, ranges: { ...base.ranges, annual_income: { max: 200_000 } } });
  await expect(rowsAfter).toHaveText(shown(rangeOnly.kept.length));
});

test('a CSV dropped onto the drop zone is read like a chosen file', async ({ app }) => {
  const lines = ['age,annual_income,loan_amount,home_ownership,default'];
  for (let i = 0; i < 37; i++) lines.push(`${23 + (i % 30)},${31_000 + i * 877},${1_500 + i * 113},${['RENT', 'OWN', 'MORTGAGE'][i % 3]},${i % 4 === 0 ? 1 : 0}`);
  await app.goto();
  await app.startCountRecorder();
  await app.dropFile('dropped-loans.csv', `${lines.join('\n')}\n`);
  expect(await app.countsAtStage('loaded'), 'row-count / column-count at data-stage=loaded').toEqual({ rows: 37, columns: 5 });
  await expect(app.page.getByText('dropped-loans.csv'), 'the dropped file is the one shown').toBeVisible();
  await app.ensureTarget('default');
  // The profile mounts a couple of rows a frame, so its rows are waited for, not read once.
  await expect.poll(() => app.profiledColumns(), { message: 'column-profile rows (data-column)' }).toEqual(['age', 'annual_income', 'loan_amount', 'home_ownership', 'default']);
});

test('credit_risk_dataset.csv: the profile shows each column’s missing cells, range and histogram as the data README states them', async ({ app }) => {
  await app.goto();
  await app.uploadCsv(sharedDataPath('credit_risk_dataset.csv'));
  const row = (column: string) => app.columnProfile.locator(`tr[data-column="${column}"]`);
  // ../shared/data/README.md: 895 missing person_emp_length, 3,116 missing loan_int_rate, person_age up to 144.
  await expect(row('person_emp_length')).toContainText('(895)');
  await expect(row('loan_int_rate')).toContainText('(3,116)');
  await expect(row('person_age')).toContainText('0%');
  await expect(row('person_age').locator('td.num').nth(4)).toHaveText('144');
  // A numeric column's histogram: bars, and a title saying what they count.
  const histogram = row('person_age').locator('svg.mini-hist');
  const chart = row('person_age').locator('td.chart-cell');
  await expect(chart, 'the histogram counts every present value').toHaveAttribute('data-histogram-values', '32581');
  expect(Number(await chart.getAttribute('data-histogram-bins')), 'histogram bins').toBeGreaterThan(1);
  await expect(histogram.locator('title'), 'the histogram title names the column').toContainText('person_age');
  expect(await histogram.locator('rect').count(), 'histogram bars').toBeGreaterThan(1);
  // A text column's chart: its levels and their shares.
  await expect(row('person_home_ownership').locator('svg.mini-hist title')).toContainText(/RENT \d+(\.\d)?%/);
});

test('sample loan book: a "was missing" input per numeric column with missing values; turning one off removes it from the report and the model inputs', async ({ app, page }) => {
  const book = readSampleBook();
  const missingIn = (column: string) => book.rows.filter((row) => book.cell(row, column).trim() === '').length;
  expect(missingIn('employment_years'), 'the sample has rows without employment_years').toBeGreaterThan(0);
  expect(missingIn('annual_income'), 'and none without annual_income').toBe(0);

  await app.goto();
  await app.loadSample();
  await app.ensureTarget('default');
  await app.waitForCleaned();
  const indicator = page.getByTestId('indicator-employment_years');
  await expect(indicator, 'on by default for a numeric column').toBeChecked();
  await expect(page.getByTestId('indicator-annual_income'), 'on by default, though it has nothing to flag').toBeChecked();
  const summary = page.getByTestId('indicator-summary');
  const item = summary.locator('li[data-column="employment_years"]');
  await expect(item).toHaveCount(1);
  const flagged = Number(await item.getAttribute('data-training-rows'));
  // The training rows are about 80% of the kept rows, each row with a missing employment_years flagged.
  expect(flagged, 'training rows flagged').toBeGreaterThan(0.6 * missingIn('employment_years'));
  expect(flagged).toBeLessThanOrEqual(missingIn('employment_years'));
  await expect(summary.locator('li[data-column="annual_income"]'), 'no input for a column without missing values').toHaveCount(0);
  const inputs = Number(await page.getByTestId('model-inputs').innerText());
  const others = await summary.locator('li').count();

  await indicator.uncheck();
  await expect(item, 'its indicator leaves the report').toHaveCount(0);
  await expect(page.getByTestId('model-inputs'), 'one model input fewer').toHaveText(String(inputs - 1));
  await expect(summary.locator('li')).toHaveCount(others - 1);
  await indicator.check();
  await expect(page.getByTestId('model-inputs')).toHaveText(String(inputs));
  await expect(item).toHaveCount(1);
});
